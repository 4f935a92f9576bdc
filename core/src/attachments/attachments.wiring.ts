import type { Provider, Type } from '@nestjs/common';
import { AttachmentScanService } from './attachment-scan.service.js';
import { ATTACHMENT_STORE, PostgresAttachmentStore } from './attachment-store.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService } from './attachments.service.js';
import { VirusScanner } from './virus-scanner.js';

/** Controllers of the attachments feature, for the root module. */
export const ATTACHMENT_CONTROLLERS: Type<unknown>[] = [AttachmentsController];

/** Providers of the attachments feature. */
export const ATTACHMENT_PROVIDERS: Provider[] = [
  AttachmentsRepository,
  { provide: ATTACHMENT_STORE, useClass: PostgresAttachmentStore },
  VirusScanner,
  AttachmentScanService,
  AttachmentsService,
];
