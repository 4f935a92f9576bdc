import type { AttachmentState } from '../forms/engine/index.js';

/** Where an upload stands: still arriving, then the states the form engine knows. */
export type AttachmentStatus = 'uploading' | AttachmentState;

/** One uploaded file as stored (core.attachment). */
export interface AttachmentRecord {
  id: string;
  pluginId: string;
  formId: string;
  /** The file question's declaration key (`attachments.file`). */
  field: string;
  draftId: string | null;
  caseId: string | null;
  /** Whether the case's stored answers refer to it (a submitted form or a taken action). */
  attached: boolean;
  uploadedBy: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string | null;
  status: AttachmentStatus;
  /** The virus's name when clamd found one. */
  signature: string | null;
  scanAttempts: number;
  scannedAt: Date | null;
  createdAt: Date;
}

/** What an upload is for: a draft of a plugin's form, or a case's workflow action form. */
export type UploadTarget =
  | { kind: 'draft'; pluginId: string; draftId: string; formId?: string }
  | { kind: 'case'; caseId: string; actionId: string };

/** A case's photo as its PDF shows it (`AttachmentsService.casePictures`). */
export interface CasePicture {
  /** The attachment id, which the PDF's `<image ref>` names. */
  ref: string;
  caption: string;
  image: { data: Buffer; width: number; height: number };
}
