import type { Provider, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { EnvConfig } from '../config/env.config.js';
import { CONFIG } from '../tokens.js';
import { AttachmentScanService } from './attachment-scan.service.js';
import { ATTACHMENT_STORE, PostgresAttachmentStore, type AttachmentStore } from './attachment-store.js';
import { AttachmentStoreService } from './attachment-store.service.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService } from './attachments.service.js';
import { S3AttachmentStore, s3StoreSettings } from './s3-attachment-store.js';
import { VirusScanner } from './virus-scanner.js';

/** Controllers of the attachments feature, for the root module. */
export const ATTACHMENT_CONTROLLERS: Type<unknown>[] = [AttachmentsController];

/** Providers of the attachments feature. */
export const ATTACHMENT_PROVIDERS: Provider[] = [
  AttachmentsRepository,
  {
    provide: ATTACHMENT_STORE,
    inject: [CONFIG, getDataSourceToken()],
    useFactory: (config: EnvConfig, dataSource: DataSource): AttachmentStore =>
      config.ATTACHMENT_STORE === 's3'
        ? new S3AttachmentStore(s3StoreSettings(config))
        : new PostgresAttachmentStore(dataSource),
  },
  AttachmentStoreService,
  VirusScanner,
  AttachmentScanService,
  AttachmentsService,
];
