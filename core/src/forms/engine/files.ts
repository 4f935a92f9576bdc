import type { CompiledField, FileLimits } from './compiled-types.js';
import type { AttachmentLookup } from './engine-types.js';
import type { InputComponent } from './form-types.js';
import type { ProblemSink } from './references.js';

/**
 * The file types a form may accept: only types recognised from a file's own bytes, so what
 * a file claims to be (its name, the browser's header) never decides. Keyed by media type.
 */
export const FILE_TYPES: Readonly<Record<string, { label: string; extensions: readonly string[] }>> = {
  'image/jpeg': { label: 'JPG', extensions: ['jpg', 'jpeg'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
  'image/heic': { label: 'HEIC', extensions: ['heic'] },
  'image/webp': { label: 'WEBP', extensions: ['webp'] },
  'image/tiff': { label: 'TIFF', extensions: ['tif', 'tiff'] },
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'DOCX', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'XLSX', extensions: ['xlsx'] },
};

/** What a file field takes when its declaration says nothing. */
export const DEFAULT_FILE_LIMITS: Readonly<FileLimits> = {
  accept: ['image/jpeg', 'image/png', 'application/pdf'],
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 1,
  keepMetadata: false,
};
/** The largest file any form may allow, in MB. */
export const MAX_FILE_SIZE_MB = 100;
/** The most files one file field may hold. */
export const MAX_FILES = 20;

const FILE_ID = /^[A-Za-z0-9_-]{1,128}$/;
const LIMIT_KEYS = ['accept', 'maxSizeMb', 'maxFiles', 'keepMetadata'] as const;

/** "JPG, PNG or PDF": the accepted types as an officer reads them. */
export function acceptedTypesText(accept: readonly string[]): string {
  const labels = accept.map((type) => FILE_TYPES[type]?.label ?? type);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}

/** "10 MB", "500 KB". */
export function fileSizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A file field's limits from its declaration; bad limits are problems naming the field (a load error). */
export function compileFileLimits(
  c: InputComponent,
  kind: string,
  where: string,
  sink: ProblemSink,
): FileLimits | undefined {
  const field = `Field "${c.name}"`;
  if (kind !== 'file') {
    for (const key of LIMIT_KEYS)
      if (c[key] !== undefined)
        sink.problems.push({ path: `${where}.${key}`, message: `${field} is not a file, so it cannot have "${key}"` });
    return undefined;
  }
  const limits: FileLimits = { ...DEFAULT_FILE_LIMITS };
  if (c.accept !== undefined) {
    const known = Object.keys(FILE_TYPES);
    if (!Array.isArray(c.accept) || c.accept.length === 0) {
      sink.problems.push({ path: `${where}.accept`, message: `${field} "accept" must be a list of file types` });
    } else {
      const unknown = c.accept.filter((type) => typeof type !== 'string' || !Object.hasOwn(FILE_TYPES, type));
      if (unknown.length > 0)
        sink.problems.push({
          path: `${where}.accept`,
          message: `${field} accepts ${unknown.map((t) => `"${String(t)}"`).join(', ')}, which the platform cannot recognise from a file's contents; use: ${known.join(', ')}`,
        });
      else limits.accept = [...new Set(c.accept)];
    }
  }
  if (c.maxSizeMb !== undefined) {
    if (typeof c.maxSizeMb !== 'number' || !(c.maxSizeMb > 0) || c.maxSizeMb > MAX_FILE_SIZE_MB)
      sink.problems.push({
        path: `${where}.maxSizeMb`,
        message: `${field} "maxSizeMb" must be a number more than 0 and at most ${MAX_FILE_SIZE_MB}`,
      });
    else limits.maxBytes = Math.floor(c.maxSizeMb * 1024 * 1024);
  }
  if (c.maxFiles !== undefined) {
    if (!Number.isInteger(c.maxFiles) || c.maxFiles < 1 || c.maxFiles > MAX_FILES)
      sink.problems.push({
        path: `${where}.maxFiles`,
        message: `${field} "maxFiles" must be a whole number from 1 to ${MAX_FILES}`,
      });
    else limits.maxFiles = c.maxFiles;
  }
  if (c.keepMetadata !== undefined) {
    if (typeof c.keepMetadata !== 'boolean')
      sink.problems.push({ path: `${where}.keepMetadata`, message: `${field} "keepMetadata" must be true or false` });
    else limits.keepMetadata = c.keepMetadata;
  }
  return limits;
}

/** What checking file answers needs from the run. */
export interface FileCheckContext {
  submit: boolean;
  attachments?: AttachmentLookup;
  /** Files already used by an earlier answer of this run: one upload answers one question once. */
  usedFiles: Set<string>;
  maxStringLength: number;
}

/** A file answer's failure: the message key and the file's name for the message. */
export type FileFailure = { key: 'file' | 'maxFiles' | 'fileScanning' | 'fileInfected'; file?: string };

/**
 * Checks a file answer: `{ id, name }`, or a list of them when the field takes several files.
 * With an attachment lookup (the server always gives one) each id must be a file uploaded for
 * this field of this draft or case, by this caller, and not found infected; on submit it must
 * also have been scanned (or the platform has no scanner). The stored name replaces the one sent.
 */
export function checkFileAnswer(
  field: CompiledField,
  raw: unknown,
  ctx: FileCheckContext,
): { ok: true; value: unknown } | { ok: false; failure: FileFailure } {
  const limits = field.file ?? DEFAULT_FILE_LIMITS;
  const many = limits.maxFiles > 1;
  if (many && !Array.isArray(raw)) return { ok: false, failure: { key: 'file' } };
  const list = many ? (raw as unknown[]) : [raw];
  if (list.length > limits.maxFiles) return { ok: false, failure: { key: 'maxFiles' } };
  const cleaned: { id: string; name: string }[] = [];
  for (const item of list) {
    const one = checkOne(field, item, ctx);
    if ('key' in one) return { ok: false, failure: one };
    cleaned.push(one);
  }
  return { ok: true, value: many ? cleaned : cleaned[0] };
}

function checkOne(
  field: CompiledField,
  raw: unknown,
  ctx: FileCheckContext,
): { id: string; name: string } | FileFailure {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { key: 'file' };
  const { id, name } = raw as { id?: unknown; name?: unknown };
  if (typeof id !== 'string' || !FILE_ID.test(id) || typeof name !== 'string' || name.length === 0)
    return { key: 'file' };
  if (name.length > Math.min(255, ctx.maxStringLength) || Object.keys(raw).some((k) => k !== 'id' && k !== 'name'))
    return { key: 'file' };
  if (ctx.usedFiles.has(id)) return { key: 'file' };
  ctx.usedFiles.add(id);
  if (!ctx.attachments) return { id, name };
  const found = ctx.attachments.find(id, field.key);
  if (!found) return { key: 'file' };
  if (found.state === 'infected') return { key: 'fileInfected', file: found.name };
  if (ctx.submit && found.state === 'pending') return { key: 'fileScanning', file: found.name };
  return { id, name: found.name };
}
