import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

/** One row of a reference data set. */
export interface ReferenceRow {
  id: string;
  label: string;
  /** Extra facts about the row, e.g. a team's `command` or an organisation row's `level`. */
  attributes?: Record<string, unknown>;
}

/** Reads reference data sets (`GET /api/reference/:set`). */
@Injectable({ providedIn: 'root' })
export class ReferenceService {
  private readonly http = inject(HttpClient);

  /** Rows of a set, optionally filtered by a search text and a workflow flag. */
  rows(set: string, options: { q?: string; flag?: string } = {}): Observable<ReferenceRow[]> {
    let params = new HttpParams();
    if (options.q) params = params.set('q', options.q);
    if (options.flag) params = params.set('flag', options.flag);
    return this.http
      .get<{ set: string; rows: ReferenceRow[] }>(`/api/reference/${encodeURIComponent(set)}`, { params })
      .pipe(map((body) => body.rows));
  }
}
