import type { NamedMigration } from '../migration-runner.js';
import { PluginState1764130000000 } from './1764130000000-plugin-state.js';
import { Identity1764130001000 } from './1764130001000-identity.js';
import { ReferenceData1764130002000 } from './1764130002000-reference-data.js';
import { Cases1764130003000 } from './1764130003000-cases.js';
import { Tasks1764130004000 } from './1764130004000-tasks.js';
import { AuditOutbox1764130005000 } from './1764130005000-audit-outbox.js';
import { AuditChain1764130006000 } from './1764130006000-audit-chain.js';
import { Notifications1764130007000 } from './1764130007000-notifications.js';
import { ReportRuns1764130060000 } from './1764130060000-report-runs.js';
import { TaskQueueOrders1764130065000 } from './1764130065000-task-queue-orders.js';
import { Cerberus1764130008000 } from './1764130008000-cerberus.js';
import { ReportScheduleSettings1764130070000 } from './1764130070000-report-schedule-settings.js';
import { OutboxCaseEvents1764130075000 } from './1764130075000-outbox-case-events.js';
import { TeamCover1764130080000 } from './1764130080000-team-cover.js';
import { ReadModel1764130085000 } from './1764130085000-read-model.js';
import { CaseActionAnswers1764130086000 } from './1764130086000-case-action-answers.js';
import { SessionRevocation1764130088000 } from './1764130088000-session-revocation.js';
import { AuditKeyedSeals1764130089000 } from './1764130089000-audit-keyed-seals.js';
import { TaskExceptRoles1764130090000 } from './1764130090000-task-except-roles.js';
import { ReferenceAdminRows1764130092000 } from './1764130092000-reference-admin-rows.js';
import { Attachments1764130095000 } from './1764130095000-attachments.js';
import { CaseCreatedIndex1764130097000 } from './1764130097000-case-created-index.js';
import { TaskDueIndex1764130120000 } from './1764130120000-task-due-index.js';
import { OutboxDeadIndex1764130099100 } from './1764130099100-outbox-dead-index.js';
import { IdempotencyFingerprint1764130099200 } from './1764130099200-idempotency-fingerprint.js';
import { SignInThrottle1764130100000 } from './1764130100000-sign-in-throttle.js';
import { OutboxRetryWindow1764130105000 } from './1764130105000-outbox-retry-window.js';
import { DraftPage1764130106000 } from './1764130106000-draft-page.js';
import { AttachmentThumbnail1764130107000 } from './1764130107000-attachment-thumbnail.js';
import { DraftTaskList1764130107300 } from './1764130107300-draft-task-list.js';
import { AttachmentBytesGone1764130108500 } from './1764130108500-attachment-bytes-gone.js';
import { UserNamesEmail1764130110000 } from './1764130110000-user-names-email.js';

/** The core schema's migrations, oldest first. */
export const coreMigrations: NamedMigration[] = [
  { name: '1764130000000-plugin-state', migration: new PluginState1764130000000() },
  { name: '1764130001000-identity', migration: new Identity1764130001000() },
  { name: '1764130002000-reference-data', migration: new ReferenceData1764130002000() },
  { name: '1764130003000-cases', migration: new Cases1764130003000() },
  { name: '1764130004000-tasks', migration: new Tasks1764130004000() },
  { name: '1764130005000-audit-outbox', migration: new AuditOutbox1764130005000() },
  { name: '1764130006000-audit-chain', migration: new AuditChain1764130006000() },
  { name: '1764130007000-notifications', migration: new Notifications1764130007000() },
  { name: '1764130008000-cerberus', migration: new Cerberus1764130008000() },
  { name: '1764130060000-report-runs', migration: new ReportRuns1764130060000() },
  { name: '1764130065000-task-queue-orders', migration: new TaskQueueOrders1764130065000() },
  { name: '1764130070000-report-schedule-settings', migration: new ReportScheduleSettings1764130070000() },
  { name: '1764130075000-outbox-case-events', migration: new OutboxCaseEvents1764130075000() },
  { name: '1764130080000-team-cover', migration: new TeamCover1764130080000() },
  { name: '1764130085000-read-model', migration: new ReadModel1764130085000() },
  { name: '1764130086000-case-action-answers', migration: new CaseActionAnswers1764130086000() },
  { name: '1764130088000-session-revocation', migration: new SessionRevocation1764130088000() },
  { name: '1764130089000-audit-keyed-seals', migration: new AuditKeyedSeals1764130089000() },
  { name: '1764130090000-task-except-roles', migration: new TaskExceptRoles1764130090000() },
  { name: '1764130092000-reference-admin-rows', migration: new ReferenceAdminRows1764130092000() },
  { name: '1764130095000-attachments', migration: new Attachments1764130095000() },
  { name: '1764130097000-case-created-index', migration: new CaseCreatedIndex1764130097000() },
  { name: '1764130099100-outbox-dead-index', migration: new OutboxDeadIndex1764130099100() },
  { name: '1764130099200-idempotency-fingerprint', migration: new IdempotencyFingerprint1764130099200() },
  { name: '1764130100000-sign-in-throttle', migration: new SignInThrottle1764130100000() },
  { name: '1764130105000-outbox-retry-window', migration: new OutboxRetryWindow1764130105000() },
  { name: '1764130106000-draft-page', migration: new DraftPage1764130106000() },
  { name: '1764130107000-attachment-thumbnail', migration: new AttachmentThumbnail1764130107000() },
  { name: '1764130107300-draft-task-list', migration: new DraftTaskList1764130107300() },
  { name: '1764130108500-attachment-bytes-gone', migration: new AttachmentBytesGone1764130108500() },
  { name: '1764130110000-user-names-email', migration: new UserNamesEmail1764130110000() },
  { name: '1764130120000-task-due-index', migration: new TaskDueIndex1764130120000() },
];
