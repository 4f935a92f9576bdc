import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map, tap } from 'rxjs';
import { registerPluginTerms } from '../../../../../core/src/terms/term-dictionary';
import { PluginStatus, PluginSummary } from './plugin.model';

/** Reads the workflows the core has loaded, and (for admins) switches them on and off. */
@Injectable({ providedIn: 'root' })
export class PluginsService {
  private readonly http = inject(HttpClient);

  /**
   * Every workflow visible to the signed-in user. Not cached: an admin may disable one at any time.
   * The terms plugins declare join the shell's term dictionary here, before any form is compiled.
   */
  list(): Observable<PluginSummary[]> {
    return this.http.get<{ plugins: PluginSummary[] }>('/api/plugins').pipe(
      map((body) => body.plugins),
      tap((plugins) => {
        for (const p of plugins) registerPluginTerms(p.id, p.terms ?? []);
      }),
    );
  }

  /** The host's view of every plugin, quarantined ones included (admin only). */
  status(): Observable<PluginStatus[]> {
    return this.http.get<{ plugins: PluginStatus[] }>('/api/plugins/status').pipe(map((body) => body.plugins));
  }

  /** Enables or disables a plugin; returns its updated row. */
  setEnabled(id: string, enabled: boolean): Observable<PluginStatus> {
    const action = enabled ? 'enable' : 'disable';
    return this.http.post<PluginStatus>(`/api/plugins/${encodeURIComponent(id)}/${action}`, {});
  }
}
