import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_GUARD, RouterModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { EnvConfig } from './config/env.config.js';
import type { PgEvents } from './database/pg-events.js';
import { HealthController } from './health/health.controller.js';
import { MetricsCollector } from './metrics/metrics.collector.js';
import { MetricsRepository } from './metrics/metrics.repository.js';
import { AuthController } from './identity/auth.controller.js';
import { AuthConfigController } from './identity/auth-config.controller.js';
import { AuthGuard } from './identity/auth.guard.js';
import { AuthService } from './identity/auth.service.js';
import { TokenService } from './identity/token.service.js';
import { UserRepository } from './identity/user.repository.js';
import { OfficerProfileService } from './identity/officer-profile.service.js';
import type { PluginRegistry } from './plugins/plugin-registry.js';
import { PluginsController } from './plugins/plugins.controller.js';
import { PluginsService } from './plugins/plugins.service.js';
import { PluginActivator } from './plugins/plugin-activator.js';
import { PluginStateRepository } from './plugins/plugin-state.repository.js';
import { Transactions } from './database/transactions.js';
import { AuditRepository } from './audit/audit.repository.js';
import { CaseKeys } from './cases/case-key.js';
import { EscalationRepository } from './cases/escalation.repository.js';
import { OutboxRepository } from './cases/outbox.repository.js';
import { CerberusTargetsRepository } from './integrations/cerberus/cerberus-targets.repository.js';
import { ReceivedMessages } from './integrations/received.js';
import type { ReferenceCatalogue } from './terms/reference-catalogue.js';
import { ReferenceController } from './terms/reference.controller.js';
import { ReferenceAdminController } from './terms/reference-admin.controller.js';
import { ReferenceAdminRepository } from './terms/reference-admin.repository.js';
import { ReferenceAdminService } from './terms/reference-admin.service.js';
import { AUDIT_KEYS, CONFIG, FORMS, LABELS, LOGGER, PG_EVENTS, PLUGIN_REGISTRY, REFERENCE } from './tokens.js';
import type { FormCatalogue } from './forms/form-catalogue.js';
import type { ReportCatalogue } from './reports/report-catalogue.js';
import { REPORT_CONTROLLERS, reportProviders } from './reports/reports.wiring.js';
import { ATTACHMENT_CONTROLLERS, ATTACHMENT_PROVIDERS } from './attachments/attachments.wiring.js';
import { AccessService } from './identity/access.service.js';
import { ReadModelSync } from './read-model/read-model-sync.js';
import { TeamCoverController } from './identity/team-cover.controller.js';
import { TeamCoverRepository } from './identity/team-cover.repository.js';
import { TeamCoverService } from './identity/team-cover.service.js';
import { OidcSessions } from './identity/oidc-sessions.js';
import { Authenticator } from './identity/authenticator.js';
import { SessionRepository } from './identity/session.repository.js';
import { SignInThrottleRepository } from './identity/sign-in-throttle.repository.js';
import { SignInThrottle } from './identity/sign-in-throttle.service.js';
import { SessionRevocations } from './identity/session-revocations.js';
import { CaseActionsService } from './cases/case-actions.service.js';
import { CaseViewService } from './cases/case-view.service.js';
import { CasesController } from './cases/cases.controller.js';
import { CasesRepository } from './cases/cases.repository.js';
import { DraftsRepository } from './cases/drafts.repository.js';
import { DraftsService } from './cases/drafts.service.js';
import { PluginLookup } from './cases/plugin-lookup.js';
import { SearchController } from './cases/search.controller.js';
import { SearchService } from './cases/search.service.js';
import { SubmissionService } from './cases/submission.service.js';
import { SubmissionsController } from './cases/submissions.controller.js';
import { TasksController } from './cases/tasks.controller.js';
import { TasksRepository } from './cases/tasks.repository.js';
import { TasksService } from './cases/tasks.service.js';
import { AuditController } from './audit/audit.controller.js';
import { AuditSealer } from './audit/audit-sealer.js';
import { AuditChainRepository } from './audit/audit-chain.repository.js';
import type { AuditKeys } from './audit/audit-keys.js';
import { EscalationService } from './cases/escalation.service.js';
import { NotificationHub } from './notifications/notification-hub.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { NotificationsRepository } from './notifications/notifications.repository.js';
import { CerberusController } from './integrations/cerberus/cerberus.controller.js';
import { CerberusInboundService } from './integrations/cerberus/cerberus-inbound.service.js';
import { CerberusOutcomeChannel } from './integrations/cerberus/cerberus-outcome.channel.js';
import { OutboxController } from './integrations/outbox.controller.js';
import { OutboxDispatcher } from './integrations/outbox-dispatcher.js';
import { OutboxDeliveryRepository } from './integrations/outbox.repository.js';

/** Everything the bootstrap prepared before Nest starts. */
export interface BootContext {
  config: EnvConfig;
  logger: Logger;
  dataSource: DataSource;
  registry: PluginRegistry;
  events: PgEvents;
  tokenSecrets: string[];
  auditKeys: AuditKeys;
  reference: ReferenceCatalogue;
  forms: FormCatalogue;
  reports: ReportCatalogue;
}

/**
 * The root module, built per boot: core modules plus the NestJS module of every plugin
 * that passed its checks, each mounted under /api/plugins/<id>.
 */
@Module({})
export class AppModule {
  static forRoot(boot: BootContext): DynamicModule {
    const pluginModules = boot.registry
      .usable()
      .filter((p) => p.manifest.module)
      .map((p) => ({ path: `api/plugins/${p.id}`, module: p.manifest.module as Type<unknown> }));
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => boot.dataSource.options,
          dataSourceFactory: async () => boot.dataSource,
        }),
        ScheduleModule.forRoot(),
        ...pluginModules.map((p) => p.module),
        RouterModule.register(pluginModules),
      ],
      controllers: [
        HealthController,
        AuthController,
        AuthConfigController,
        TeamCoverController,
        PluginsController,
        ReferenceController,
        ReferenceAdminController,
        SubmissionsController,
        CasesController,
        TasksController,
        SearchController,
        AuditController,
        NotificationsController,
        CerberusController,
        OutboxController,
        ...REPORT_CONTROLLERS,
        ...ATTACHMENT_CONTROLLERS,
      ],
      providers: [
        { provide: CONFIG, useValue: boot.config },
        { provide: LOGGER, useValue: boot.logger },
        { provide: PLUGIN_REGISTRY, useValue: boot.registry },
        { provide: PG_EVENTS, useValue: boot.events },
        { provide: LABELS, useValue: boot.reference.label },
        { provide: REFERENCE, useValue: boot.reference },
        { provide: FORMS, useValue: boot.forms },
        { provide: AUDIT_KEYS, useValue: boot.auditKeys },
        {
          provide: TokenService,
          useValue: new TokenService(boot.tokenSecrets, boot.config.AUTH_ACCESS_TOKEN_TTL_SECONDS),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        Transactions,
        AuditRepository,
        UserRepository,
        OfficerProfileService,
        TeamCoverRepository,
        TeamCoverService,
        SessionRepository,
        SessionRevocations,
        SignInThrottleRepository,
        SignInThrottle,
        AccessService,
        OidcSessions,
        Authenticator,
        AuthService,
        PluginStateRepository,
        PluginActivator,
        PluginsService,
        ReferenceAdminRepository,
        ReferenceAdminService,
        PluginLookup,
        ReadModelSync,
        CasesRepository,
        TasksRepository,
        DraftsRepository,
        OutboxRepository,
        EscalationRepository,
        CaseKeys,
        CaseViewService,
        SubmissionService,
        CaseActionsService,
        DraftsService,
        TasksService,
        SearchService,
        AuditChainRepository,
        AuditSealer,
        NotificationsRepository,
        NotificationHub,
        MetricsRepository,
        MetricsCollector,
        EscalationService,
        CerberusTargetsRepository,
        ReceivedMessages,
        CerberusInboundService,
        CerberusOutcomeChannel,
        OutboxDeliveryRepository,
        OutboxDispatcher,
        ...reportProviders(boot.reports),
        ...ATTACHMENT_PROVIDERS,
      ],
    };
  }
}
