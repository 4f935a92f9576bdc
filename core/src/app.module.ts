import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_GUARD, RouterModule } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { EnvConfig } from './config/env.config.js';
import type { PgEvents } from './database/pg-events.js';
import { HealthController } from './health/health.controller.js';
import { AuthController } from './identity/auth.controller.js';
import { AuthGuard } from './identity/auth.guard.js';
import { AuthService } from './identity/auth.service.js';
import { TokenService } from './identity/token.service.js';
import { UserRepository } from './identity/user.repository.js';
import type { PluginRegistry } from './plugins/plugin-registry.js';
import { PluginsController } from './plugins/plugins.controller.js';
import { PluginsService } from './plugins/plugins.service.js';
import type { ReferenceCatalogue } from './terms/reference-catalogue.js';
import { ReferenceController } from './terms/reference.controller.js';
import { CONFIG, LABELS, LOGGER, PG_EVENTS, PLUGIN_REGISTRY, REFERENCE } from './tokens.js';

/** Everything the bootstrap prepared before Nest starts. */
export interface BootContext {
  config: EnvConfig;
  logger: Logger;
  dataSource: DataSource;
  registry: PluginRegistry;
  events: PgEvents;
  tokenSecret: string;
  reference: ReferenceCatalogue;
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
      controllers: [HealthController, AuthController, PluginsController, ReferenceController],
      providers: [
        { provide: CONFIG, useValue: boot.config },
        { provide: LOGGER, useValue: boot.logger },
        { provide: PLUGIN_REGISTRY, useValue: boot.registry },
        { provide: PG_EVENTS, useValue: boot.events },
        { provide: LABELS, useValue: boot.reference.label },
        { provide: REFERENCE, useValue: boot.reference },
        { provide: TokenService, useValue: new TokenService(boot.tokenSecret, boot.config.AUTH_ACCESS_TOKEN_TTL_SECONDS) },
        { provide: APP_GUARD, useClass: AuthGuard },
        UserRepository,
        AuthService,
        PluginsService,
      ],
    };
  }
}
