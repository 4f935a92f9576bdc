import { ApiProperty } from '@nestjs/swagger';
import { ApiDateTime, ApiNullableDateTime, ApiNullableString } from '../openapi/api-schema.js';
import type { AttachmentRecord } from './attachment.types.js';

/** An uploaded file as the shell shows it: what it is, for which question, and where its virus scan stands. */
export class AttachmentView {
  @ApiProperty({ description: 'The reference a file answer gives: `{ id, name }`' }) id!: string;
  @ApiProperty({ description: 'The name it is kept under (cleaned, with the extension of its type)' }) name!: string;
  @ApiProperty({ description: "The media type recognised from the file's bytes" }) contentType!: string;
  @ApiProperty({ description: 'Size in bytes' }) size!: number;
  @ApiProperty({ description: "The file question's declaration key, like attachments.file" }) field!: string;
  @ApiProperty({ description: 'The form it was uploaded for' }) formId!: string;
  @ApiProperty({
    enum: ['pending', 'clean', 'infected', 'not-scanned'],
    description:
      'pending: waiting for the virus scanner (quarantined); clean: scanned, no virus; infected: refused and removed; not-scanned: the platform has no scanner',
  })
  status!: 'pending' | 'clean' | 'infected' | 'not-scanned';
  @ApiNullableString('The virus clamd found') signature!: string | null;
  @ApiProperty({ description: 'Whether it may be downloaded now (clean, or not scanned)' }) downloadable!: boolean;
  @ApiNullableDateTime() scannedAt!: Date | null;
  @ApiDateTime() createdAt!: Date;
}

export class AttachmentListView {
  @ApiProperty({ type: [AttachmentView] }) attachments!: AttachmentView[];
  @ApiProperty({ description: 'Whether a virus scanner is configured; without one files are marked not scanned' })
  scanning!: boolean;
}

export function toAttachmentView(a: AttachmentRecord): AttachmentView {
  const status = a.status === 'uploading' ? 'pending' : a.status;
  return {
    id: a.id,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    field: a.field,
    formId: a.formId,
    status,
    signature: a.signature,
    downloadable: status === 'clean' || status === 'not-scanned',
    scannedAt: a.scannedAt,
    createdAt: a.createdAt,
  };
}
