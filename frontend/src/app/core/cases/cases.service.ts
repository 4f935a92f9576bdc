import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import { CaseView, DraftRecord, SearchResult, TaskPage, TaskQuery, TaskView } from './cases.model';

const enc = encodeURIComponent;

/** The core's case, task, draft and search API (core/src/cases). */
@Injectable({ providedIn: 'root' })
export class CasesService {
  private readonly http = inject(HttpClient);

  /**
   * Starts a case from a plugin's start form. The key makes retries of one attempt safe;
   * `linkedTo` names the cases it follows from (business keys), e.g. the target of an outcome.
   */
  submit(
    pluginId: string,
    answers: Record<string, unknown>,
    draftId: string | null,
    idempotencyKey: string,
    linkedTo: string[] = [],
  ): Observable<CaseView> {
    const body = { answers, ...(draftId ? { draftId } : {}), ...(linkedTo.length ? { linkedTo } : {}) };
    return this.http.post<CaseView>(`/api/plugins/${enc(pluginId)}/cases`, body, {
      headers: new HttpHeaders({ 'Idempotency-Key': idempotencyKey }),
    });
  }

  /** Starting answers from the officer, their shift, today and, if given, the case it follows from (id or business key). */
  prefill(pluginId: string, formId: string, linked?: string | null): Observable<Record<string, unknown>> {
    const params = linked ? new HttpParams().set('linked', linked) : undefined;
    return this.http
      .get<{ answers: Record<string, unknown> }>(`/api/plugins/${enc(pluginId)}/forms/${enc(formId)}/prefill`, {
        params,
      })
      .pipe(map((body) => body.answers ?? {}));
  }

  saveDraft(
    pluginId: string,
    draftId: string,
    formId: string,
    answers: Record<string, unknown>,
    page?: string | null,
    completedTasks?: readonly string[],
  ): Observable<DraftRecord> {
    // The page it was saved on, so it reopens there on any device; the tasks marked complete.
    const body = {
      formId,
      answers,
      ...(page ? { page } : {}),
      ...(completedTasks?.length ? { completedTasks: [...completedTasks] } : {}),
    };
    return this.http.put<DraftRecord>(`/api/plugins/${enc(pluginId)}/drafts/${enc(draftId)}`, body);
  }

  draft(pluginId: string, draftId: string): Observable<DraftRecord> {
    return this.http.get<DraftRecord>(`/api/plugins/${enc(pluginId)}/drafts/${enc(draftId)}`);
  }

  deleteDraft(pluginId: string, draftId: string): Observable<unknown> {
    return this.http.delete(`/api/plugins/${enc(pluginId)}/drafts/${enc(draftId)}`);
  }

  drafts(): Observable<DraftRecord[]> {
    return this.http.get<{ drafts: DraftRecord[] }>('/api/drafts').pipe(map((body) => body.drafts));
  }

  /** One case by id or business key. */
  case(id: string): Observable<CaseView> {
    return this.http.get<CaseView>(`/api/cases/${enc(id)}`);
  }

  act(caseId: string, actionId: string, version: number, answers?: Record<string, unknown>): Observable<CaseView> {
    return this.http.post<CaseView>(
      `/api/cases/${enc(caseId)}/actions/${enc(actionId)}`,
      answers ? { version, answers } : { version },
    );
  }

  comment(caseId: string, body: string): Observable<unknown> {
    return this.http.post(`/api/cases/${enc(caseId)}/comments`, { body });
  }

  tasks(query: TaskQuery): Observable<TaskPage> {
    let params = new HttpParams().set('scope', query.scope);
    if (query.plugin) params = params.set('plugin', query.plugin);
    if (query.priority) params = params.set('priority', query.priority);
    if (query.overdue) params = params.set('overdue', 'true');
    if (query.sort) params = params.set('sort', query.sort);
    if (query.limit) params = params.set('limit', String(query.limit));
    if (query.cursor) params = params.set('cursor', query.cursor);
    return this.http.get<TaskPage>('/api/tasks', { params });
  }

  claim(taskId: string): Observable<TaskView> {
    return this.http.post<TaskView>(`/api/tasks/${enc(taskId)}/claim`, {});
  }

  unclaim(taskId: string): Observable<TaskView> {
    return this.http.post<TaskView>(`/api/tasks/${enc(taskId)}/unclaim`, {});
  }

  search(term: string, value: string): Observable<SearchResult> {
    return this.http.get<SearchResult>('/api/search', {
      params: new HttpParams().set('term', term).set('value', value),
    });
  }
}

/** A random UUID (v4); crypto.randomUUID needs a secure context, getRandomValues does not. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
