import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import type { Schema } from '../../core/api/schema';

/** A cover (time-limited) or standing membership of a team, as `GET /api/team-covers` lists it. */
export type TeamCoverView = Schema<'TeamCoverView'>;

/** What `POST /api/team-covers` takes to give someone cover of a team. */
export interface GrantCoverRequest {
  username: string;
  teamId: string;
  /** Left out to start now. */
  validFrom?: string;
  validTo: string;
  reason: string;
}

/** The team cover API (`teams.cover`: managers and admins). */
@Injectable({ providedIn: 'root' })
export class TeamCoverService {
  private readonly http = inject(HttpClient);

  /** Current and future covers and memberships on the caller's teams. */
  list(): Observable<TeamCoverView[]> {
    return this.http.get<{ covers: TeamCoverView[] }>('/api/team-covers').pipe(map((body) => body.covers));
  }

  /** Gives someone cover of a team; a 400 names the fields at fault. */
  grant(request: GrantCoverRequest): Observable<TeamCoverView> {
    return this.http.post<TeamCoverView>('/api/team-covers', request);
  }

  /** Ends a cover at once. */
  end(id: string): Observable<void> {
    return this.http.delete<void>(`/api/team-covers/${encodeURIComponent(id)}`);
  }
}
