import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import type { Schema } from '../api/schema';

/** One row of a reference data set. */
export type ReferenceRow = Schema<'ReferenceRowView'>;

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
      .get<Schema<'ReferenceRowsView'>>(`/api/reference/${encodeURIComponent(set)}`, { params })
      .pipe(map((body) => body.rows));
  }
}
