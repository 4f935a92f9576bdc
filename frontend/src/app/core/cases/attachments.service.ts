import { HttpClient, HttpEvent, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import type { Schema } from '../api/schema';

/** An uploaded file and where its virus scan stands (core/src/attachments). */
export type AttachmentView = Schema<'AttachmentView'>;
/** A list of uploads, and whether the platform has a virus scanner. */
export type AttachmentList = Schema<'AttachmentListView'>;

/** Where a form's uploads go: a draft of a start form, or a case's action form. */
export type UploadTarget =
  | { kind: 'draft'; pluginId: string; draftId: string; formId: string }
  | { kind: 'case'; caseId: string; actionId: string };

const enc = encodeURIComponent;

function base(target: UploadTarget): string {
  return target.kind === 'draft'
    ? `/api/plugins/${enc(target.pluginId)}/drafts/${enc(target.draftId)}/attachments`
    : `/api/cases/${enc(target.caseId)}/actions/${enc(target.actionId)}/attachments`;
}

function formParam(target: UploadTarget): HttpParams {
  return target.kind === 'draft' ? new HttpParams().set('form', target.formId) : new HttpParams();
}

/** The core's attachment routes: uploads with progress, the lists, removal and the case's files. */
@Injectable({ providedIn: 'root' })
export class AttachmentsService {
  private readonly http = inject(HttpClient);

  /** Uploads one file for the question at `path`, reporting progress as HttpEvents. */
  upload(target: UploadTarget, path: string, file: File): Observable<HttpEvent<AttachmentView>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<AttachmentView>(base(target), body, {
      params: formParam(target).set('field', path),
      reportProgress: true,
      observe: 'events',
    });
  }

  list(target: UploadTarget): Observable<AttachmentList> {
    return this.http.get<AttachmentList>(base(target), { params: formParam(target) });
  }

  remove(target: UploadTarget, id: string): Observable<unknown> {
    return this.http.delete(`${base(target)}/${enc(id)}`);
  }

  /** A photo's thumbnail (an upright JPEG, no metadata), as a blob: it needs the bearer token. */
  thumbnail(id: string): Observable<Blob> {
    return this.http.get(`${attachmentUrl(id)}/thumbnail`, { responseType: 'blob' });
  }

  /** A case's files (those its form and actions use). */
  caseFiles(caseId: string): Observable<AttachmentList> {
    return this.http.get<AttachmentList>(`/api/cases/${enc(caseId)}/attachments`);
  }
}

/** The download address of a file. */
export function attachmentUrl(id: string): string {
  return `/api/attachments/${enc(id)}`;
}

/** Whether the core makes thumbnails of this type. */
export function hasThumbnail(file: AttachmentView): boolean {
  return file.downloadable && ['image/jpeg', 'image/png', 'image/webp', 'image/tiff'].includes(file.contentType);
}

/** "1.2 MB", "35 KB". */
export function displaySize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The GOV.UK tag for a scan state. */
export function scanTag(status: AttachmentView['status']): { text: string; colour: string } {
  switch (status) {
    case 'clean':
      return { text: 'Virus checked', colour: 'govuk-tag--green' };
    case 'pending':
      return { text: 'Being checked for viruses', colour: 'govuk-tag--yellow' };
    case 'infected':
      return { text: 'Virus found', colour: 'govuk-tag--red' };
    default:
      return { text: 'Not scanned', colour: 'govuk-tag--grey' };
  }
}

/** Lists uploads by id. */
export function byId(list: readonly AttachmentView[]): Record<string, AttachmentView> {
  return Object.fromEntries(list.map((a) => [a.id, a]));
}
