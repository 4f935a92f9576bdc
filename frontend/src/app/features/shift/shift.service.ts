import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { User } from '../../core/auth/user.model';

/** Starts and ends the officer's shift; the core answers with the updated user. */
@Injectable({ providedIn: 'root' })
export class ShiftService {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);

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
