import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { Transactions } from '../database/transactions.js';
import { CaseViewService } from '../cases/case-view.service.js';
import { CasesRepository } from '../cases/cases.repository.js';
import { PluginLookup } from '../cases/plugin-lookup.js';
import { workflowOf } from '../cases/workflow-runtime.js';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../common/errors.js';
import {
  acceptedTypesText,
  fileSizeText,
  type AttachmentLookup,
  type Answers,
  type FormDefinition,
} from '../forms/engine/index.js';
import type { AccessScope } from '../identity/access.js';
import { fileFieldByKey, fileQuestionAt, usedFiles, type FileQuestion } from './attachment-fields.js';
import { AttachmentScanService } from './attachment-scan.service.js';
import { ATTACHMENT_STORE, FileTooLargeError, type AttachmentStore } from './attachment-store.js';
import { AttachmentListView, AttachmentView, toAttachmentView } from './attachment-view.dto.js';
import type { AttachmentRecord, CasePicture, UploadTarget } from './attachment.types.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { hasPathParts, storedName } from './file-name.js';
import { isImage, pdfPicture, thumbnail, withoutMetadata } from './images.js';
import { readHead, sniffType } from './file-sniff.js';
import { VirusScanner } from './virus-scanner.js';

/** One file part of a multipart upload, as the controller hands it over. */
export interface IncomingFile {
  filename: string;
  stream: AsyncIterable<Uint8Array>;
}

/** Reads the request's one file part, with the byte limit applied; undefined when there is none. */
export type FileReader = (maxBytes: number) => Promise<IncomingFile | undefined>;

/** A resolved upload target: who owns the uploads and which form's question they answer. */
interface Resolved {
  pluginId: string;
  form: FormDefinition;
  draftId: string | null;
  caseId: string | null;
}

/** A download ready to stream. */
export interface AttachmentDownload {
  record: AttachmentRecord;
  stream: Readable;
  /** Whether the bytes are the stored ones (else a photo re-encoded without its metadata: the size differs). */
  asStored: boolean;
}

/**
 * Uploads for file questions: checked against the question's limits (size, types recognised
 * from the bytes, how many), stored in chunks, scanned, and kept in the draft's or the case's
 * reach. Bad input is a 400 on the question's path and stores nothing.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly attachments: AttachmentsRepository,
    @Inject(ATTACHMENT_STORE) private readonly store: AttachmentStore,
    private readonly scans: AttachmentScanService,
    private readonly scanner: VirusScanner,
    private readonly plugins: PluginLookup,
    private readonly views: CaseViewService,
    private readonly cases: CasesRepository,
    private readonly transactions: Transactions,
    private readonly audits: AuditRepository,
  ) {}

  async upload(
    target: UploadTarget,
    path: string | undefined,
    read: FileReader,
    scope: AccessScope,
    ip?: string,
  ): Promise<AttachmentView> {
    const resolved = await this.resolve(target, scope);
    const question = path === undefined ? undefined : fileQuestionAt(resolved.form, path);
    if (!question || path === undefined)
      throw new InputError('There is a problem', [
        { path: 'field', message: `${path ? `"${path}"` : 'The field'} is not a file question of this form` },
      ]);
    const fail = (message: string) => new InputError('There is a problem', [{ path, message }]);
    const owner = resolved.caseId
      ? { caseId: resolved.caseId, formId: resolved.form.id, uploadedBy: scope.userId }
      : { draftId: resolved.draftId!, uploadedBy: scope.userId };
    if ((await this.attachments.countForField(owner, question.field.key)) >= question.uploadCap)
      throw fail(`You can only upload up to ${question.uploadCap} files for ${question.field.errorName}`);

    const file = await read(question.limits.maxBytes + 1).catch((error: unknown) => {
      throw fail(uploadFailure(error));
    });
    if (!file) throw fail(`Select ${question.field.errorName.replace(/^(the|a|an) /i, 'a ')}`);
    if (hasPathParts(file.filename)) {
      await drain(file.stream);
      throw fail(`${file.filename} must be a file name without a folder`);
    }
    const sent = file.filename || 'file';
    const { id, record } = await this.storeFile(file, sent, question, resolved, scope, fail);
    const status = this.scanner.configured ? 'pending' : 'not-scanned';
    if (!(await this.attachments.stored(id, record.size, record.sha256, status)))
      throw new NotFoundError(`The draft or case ${sent} was being uploaded to is gone`);
    let stored = (await this.attachments.find(id))!;
    if (this.scanner.configured) {
      const outcome = await this.scans.scan(stored);
      if (outcome.status === 'infected') {
        await this.transactions.run(async (manager) => {
          await this.attachments.remove(id, manager);
          await this.audit(manager, scope, ip, 'attachment.refused', stored, { signature: outcome.signature });
        });
        throw fail(`${stored.name} contains a virus and was not uploaded – upload a different file`);
      }
      stored = (await this.attachments.find(id))!;
    }
    await this.audit(undefined, scope, ip, 'attachment.uploaded', stored, {
      size: stored.size,
      contentType: stored.contentType,
      status: stored.status,
      draftId: stored.draftId,
    });
    return toAttachmentView(stored);
  }

  /** The caller's uploads to a draft, or (for a case action) their uploads not yet used. */
  async list(target: UploadTarget, scope: AccessScope): Promise<AttachmentListView> {
    const resolved = await this.resolve(target, scope);
    const rows = resolved.caseId
      ? await this.attachments.forCase(resolved.caseId, { uploadedBy: scope.userId, formId: resolved.form.id })
      : await this.attachments.forDraft(scope.userId, resolved.draftId!);
    return { attachments: rows.map(toAttachmentView), scanning: this.scanner.configured };
  }

  /** A case's files: those its answers and actions use. */
  async forCase(caseId: string, scope: AccessScope): Promise<AttachmentListView> {
    const record = await this.views.findOr404(caseId, scope);
    const rows = await this.attachments.forCase(record.id, { attached: true });
    return { attachments: rows.map(toAttachmentView), scanning: this.scanner.configured };
  }

  /** Removes an upload not yet used by a submitted form ("Remove" before submit). */
  async remove(target: UploadTarget, attachmentId: string, scope: AccessScope, ip?: string): Promise<void> {
    const resolved = await this.resolve(target, scope);
    const found = await this.attachments.find(attachmentId);
    const mine =
      found &&
      found.uploadedBy === scope.userId &&
      !found.attached &&
      (resolved.caseId ? found.caseId === resolved.caseId : found.draftId === resolved.draftId && !found.caseId);
    if (!found || !mine) throw new NotFoundError('There is no such file to remove');
    await this.transactions.run(async (manager) => {
      await this.attachments.remove(found.id, manager);
      await this.audit(manager, scope, ip, 'attachment.removed', found, {});
    });
  }

  /**
   * A file's bytes, for someone who may see it: a case's file for those who see the case, a
   * draft's for its uploader. Out of reach is 404; quarantined (waiting for the scan) or
   * infected is 409. Every download is audited.
   */
  async download(attachmentId: string, scope: AccessScope, ip?: string): Promise<AttachmentDownload> {
    const record = await this.reachable(attachmentId, scope);
    await this.audit(undefined, scope, ip, 'attachment.downloaded', record, {
      status: record.status,
    });
    // Photos are served without their metadata (EXIF location, camera) unless their question keeps
    // it; the original stays stored either way.
    if (isImage(record.contentType) && !this.keepsMetadata(record))
      return { record, stream: withoutMetadata(this.store.read(record.id), record.contentType), asStored: false };
    return { record, stream: this.store.read(record.id), asStored: true };
  }

  /** Whether the file's question asks for photos to be served as taken (`keepMetadata`). */
  private keepsMetadata(record: AttachmentRecord): boolean {
    const form = this.plugins.forms.currentForm(record.pluginId, record.formId);
    return form ? fileFieldByKey(form, record.field)?.file?.keepMetadata === true : false;
  }

  /**
   * The photos a case's answers and actions use that may be shown (clean, or not scanned when no
   * scanner is configured; never one waiting for its scan or infected), ready for its PDF: upright,
   * resized, without metadata, captioned with their question and name. A photo that cannot be
   * read is left out and named in `unreadable`. The caller has already found the case in scope.
   */
  async casePictures(caseId: string): Promise<{ pictures: CasePicture[]; unreadable: string[] }> {
    const rows = (await this.attachments.forCase(caseId, { attached: true })).filter(
      (r) => isImage(r.contentType) && (r.status === 'clean' || r.status === 'not-scanned'),
    );
    const pictures: CasePicture[] = [];
    const unreadable: string[] = [];
    for (const record of rows) {
      const form = this.plugins.forms.currentForm(record.pluginId, record.formId);
      const question = form ? fileFieldByKey(form, record.field)?.label : undefined;
      const caption = [question, record.name, record.status === 'not-scanned' ? '(not scanned for viruses)' : '']
        .filter(Boolean)
        .join(' – ');
      try {
        pictures.push({
          ref: record.id,
          caption,
          image: await pdfPicture(this.store.read(record.id), record.contentType),
        });
      } catch {
        unreadable.push(record.name);
      }
    }
    return { pictures, unreadable };
  }

  /**
   * A photo's thumbnail (upright JPEG, no metadata), for whoever may download it; viewing it is
   * audited. Made from the photo the first time it is asked for, then kept with it.
   */
  async thumbnail(attachmentId: string, scope: AccessScope, ip?: string): Promise<Buffer> {
    const record = await this.reachable(attachmentId, scope);
    if (!isImage(record.contentType)) throw new NotFoundError(`${record.name} has no thumbnail`);
    let image = await this.attachments.thumbnail(record.id);
    if (!image) {
      image = await thumbnail(this.store.read(record.id)).catch(() => {
        throw new NotFoundError(`${record.name} could not be read as a picture`);
      });
      await this.attachments.keepThumbnail(record.id, image);
    }
    await this.audit(undefined, scope, ip, 'attachment.viewed', record, { thumbnail: true });
    return image;
  }

  /** A file the caller may have: 404 out of reach, 409 quarantined or infected. */
  private async reachable(attachmentId: string, scope: AccessScope): Promise<AttachmentRecord> {
    const record = /^[0-9a-f-]{36}$/i.test(attachmentId) ? await this.attachments.find(attachmentId) : undefined;
    const inReach =
      record &&
      record.status !== 'uploading' &&
      (record.caseId
        ? (record.attached || record.uploadedBy === scope.userId) &&
          (await this.cases.findVisible(undefined, record.caseId, scope))
        : record.uploadedBy === scope.userId);
    if (!record || !inReach) throw new NotFoundError('There is no such file');
    if (record.status === 'pending')
      throw new ConflictError(`${record.name} is still being checked for viruses – try again in a few minutes`);
    if (record.status === 'infected') throw new ConflictError(`${record.name} contains a virus and was removed`);
    return record;
  }

  /** The uploads answers to a draft's form may use (the caller's, to that draft). */
  async draftLookup(userId: string, draftId: string | undefined, form: FormDefinition): Promise<AttachmentLookup> {
    const rows = draftId ? await this.attachments.forDraft(userId, draftId) : [];
    return lookupOf(rows.filter((r) => r.formId === form.id));
  }

  /** The uploads an action form's answers on a case may use (the caller's, to that case, for that form). */
  async caseLookup(userId: string, caseId: string, form: FormDefinition): Promise<AttachmentLookup> {
    return lookupOf(await this.attachments.forCase(caseId, { uploadedBy: userId, formId: form.id }));
  }

  /** In the submission's transaction: the draft's used uploads become the case's, the rest go. */
  async claimDraft(
    manager: EntityManager,
    draft: { draftId?: string; userId: string },
    caseId: string,
    form: FormDefinition,
    answers: Answers,
  ): Promise<void> {
    if (!draft.draftId) return;
    await AttachmentsRepository.claimDraft(
      manager,
      { draftId: draft.draftId, uploadedBy: draft.userId },
      caseId,
      usedFiles(form, answers),
    );
  }

  /** In the action's transaction: the uploads its answers use are attached to the case. */
  async attachToCase(manager: EntityManager, caseId: string, form: FormDefinition, answers: Answers): Promise<void> {
    await AttachmentsRepository.attachToCase(manager, caseId, usedFiles(form, answers));
  }

  /** A draft's uploads go with it. */
  removeDraftUploads(userId: string, draftId: string): Promise<void> {
    return this.attachments.removeForDraft(userId, draftId);
  }

  private async storeFile(
    file: IncomingFile,
    sent: string,
    question: FileQuestion,
    resolved: Resolved,
    scope: AccessScope,
    fail: (message: string) => InputError,
  ): Promise<{ id: string; record: { size: number; sha256: string } }> {
    let head: Awaited<ReturnType<typeof readHead>>;
    try {
      head = await readHead(file.stream);
    } catch (error: unknown) {
      throw fail(uploadFailure(error));
    }
    if (head.head.length === 0) {
      await drain(head.rest);
      throw fail(`${sent} is empty`);
    }
    const type = await sniffType(head.head);
    if (!type || !question.limits.accept.includes(type)) {
      await drain(head.rest);
      throw fail(`${sent} must be a ${acceptedTypesText(question.limits.accept)}`);
    }
    const id = await this.attachments.create({
      pluginId: resolved.pluginId,
      formId: resolved.form.id,
      field: question.field.key,
      draftId: resolved.draftId,
      caseId: resolved.caseId,
      uploadedBy: scope.userId,
      name: storedName(sent, type),
      contentType: type,
    });
    try {
      return { id, record: await this.store.write(id, head.rest, question.limits.maxBytes) };
    } catch (error: unknown) {
      await this.attachments.remove(id);
      if (error instanceof FileTooLargeError) {
        await drain(file.stream);
        throw fail(`${sent} must be smaller than ${fileSizeText(question.limits.maxBytes)}`);
      }
      throw fail(uploadFailure(error));
    }
  }

  private async resolve(target: UploadTarget, scope: AccessScope): Promise<Resolved> {
    if (target.kind === 'draft') {
      const plugin = this.plugins.enabled(target.pluginId);
      const form = target.formId ? this.plugins.form(plugin, target.formId) : this.plugins.startForm(plugin);
      const owner = await this.attachments.draftOwner(target.draftId);
      if (owner && (owner.userId !== scope.userId || owner.pluginId !== plugin.id))
        throw new NotFoundError(`There is no draft ${target.draftId}`);
      return { pluginId: plugin.id, form, draftId: target.draftId, caseId: null };
    }
    const record = await this.views.findOr404(target.caseId, scope);
    const plugin = this.plugins.enabled(record.pluginId);
    const workflow = workflowOf(plugin.manifest);
    const action = workflow.actions.find((a) => a.id === target.actionId);
    if (!action?.form)
      throw new NotFoundError(`${plugin.manifest.title} has no action "${target.actionId}" with a form`);
    // Who may take the action, in the state it may be taken from, may upload for its form.
    if (!action.roles.some((r) => scope.roles.includes(r)))
      throw new ForbiddenError(`Your role cannot ${action.label.toLowerCase()}`);
    if (!action.from.includes(record.state))
      throw new ConflictError(`"${action.label}" is not possible now`, { currentState: record.state });
    return { pluginId: plugin.id, form: this.plugins.form(plugin, action.form), draftId: null, caseId: record.id };
  }

  private audit(
    manager: EntityManager | undefined,
    scope: AccessScope,
    ip: string | undefined,
    action: string,
    record: AttachmentRecord,
    detail: Record<string, unknown>,
  ): Promise<void> {
    return this.audits.append(manager, [
      {
        actorId: scope.userId,
        actor: scope.username,
        action,
        entityType: 'attachment',
        entityId: record.id,
        caseId: record.caseId,
        ip,
        detail: { name: record.name, field: record.field, formId: record.formId, ...detail },
      },
    ]);
  }
}

function lookupOf(rows: AttachmentRecord[]): AttachmentLookup {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    find: (id, fieldKey) => {
      const row = byId.get(id);
      if (!row || row.field !== fieldKey || row.status === 'uploading') return undefined;
      return { name: row.name, state: row.status };
    },
  };
}

/** What went wrong with reading the upload, in words for the officer. */
function uploadFailure(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return 'Send the file as multipart/form-data';
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return 'Send one file at a time';
  return 'The file did not finish uploading – try again';
}

/** Reads and drops what is left of an upload, so the answer reaches a client still sending. */
async function drain(source: AsyncIterable<Uint8Array>): Promise<void> {
  try {
    for await (const _ of source) void _;
  } catch {
    // A broken upload has nothing left to read.
  }
}
