import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import type { Schema } from '../../core/api/schema';

/** A reference data set: id, label, description, whether it is per-workflow. */
export type ReferenceSetSummary = Schema<'ReferenceSetView'>;
/** A set with every row, as `GET /api/reference/:set/rows` gives it to admins. */
export type ReferenceSetRows = Schema<'ReferenceSetAdminView'>;
/** One row as admins see it (retired ones too). */
export type AdminReferenceRow = Schema<'ReferenceRowAdminView'>;
/** What `POST /api/reference/:set/rows` takes. */
export type AddRowRequest = Schema<'AddReferenceRowDto'>;
/** What `PATCH /api/reference/:set/rows/:rowId` takes. */
export type ChangeRowRequest = Schema<'ChangeReferenceRowDto'>;

/** The reference data admin API (`reference.manage`: admins). */
@Injectable({ providedIn: 'root' })
export class ReferenceAdminService {
  private readonly http = inject(HttpClient);

  /** Every set, by label. */
  sets(): Observable<ReferenceSetSummary[]> {
    return this.http.get<Schema<'ReferenceSetsView'>>('/api/reference').pipe(map((body) => body.details));
  }

  /** Every row of a set, retired and future ones too. */
  rows(set: string): Observable<ReferenceSetRows> {
    return this.http.get<ReferenceSetRows>(`/api/reference/${encodeURIComponent(set)}/rows`);
  }

  /** Adds a row; a 400 names the fields at fault. */
  add(set: string, request: AddRowRequest): Observable<AdminReferenceRow> {
    return this.http.post<AdminReferenceRow>(`/api/reference/${encodeURIComponent(set)}/rows`, request);
  }

  /** Changes a row (here: gives it an end date). */
  change(set: string, rowId: string, request: ChangeRowRequest): Observable<AdminReferenceRow> {
    return this.http.patch<AdminReferenceRow>(
      `/api/reference/${encodeURIComponent(set)}/rows/${encodeURIComponent(rowId)}`,
      request,
    );
  }
}
