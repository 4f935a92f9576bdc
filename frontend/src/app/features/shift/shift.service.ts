import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, firstValueFrom, map } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { User } from '../../core/auth/user.model';
import type { Schema } from '../../core/api/schema';

/** A team the officer may start a shift on: their own, one they belong to, or one they cover for a time. */
export type ShiftTeam = Schema<'ShiftTeamView'>;

/** Starts and ends the officer's shift; the core answers with the updated user. */
@Injectable({ providedIn: 'root' })
export class ShiftService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);

  /** The teams the core lets this officer start a shift on. */
  teams(): Observable<ShiftTeam[]> {
    return this.http.get<{ teams: ShiftTeam[] }>('/api/shift/teams').pipe(map((body) => body.teams));
  }

  /** Starts a shift with the team at the location. */
  async start(teamId: string, location: string): Promise<User> {
    const user = await firstValueFrom(this.http.post<User>('/api/shift', { teamId, location }));
    this.auth.setUser(user);
    return user;
  }

  /** Ends the current shift. */
  async end(): Promise<User> {
    const user = await firstValueFrom(this.http.delete<User>('/api/shift'));
    this.auth.setUser(user);
    return user;
  }
}
