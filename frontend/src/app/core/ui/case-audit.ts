import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { commonMessage, toApiError } from '../api/api-error';
import type { Schema } from '../api/schema';
import type { Role } from '../auth/user.model';
import { displayDateTime, timelineText } from '../cases/task-display';

/** Roles the core lets read a case's audit trail (`audit.read`); officers see the plain history. */
export const AUDIT_ROLES: readonly Role[] = ['manager', 'admin'];

/** One entry of a case's audit trail (`GET /api/cases/:id/audit`). */
export type CaseAuditEntry = Schema<'CaseAuditEntry'>;

/** An entry as shown: what happened, who, when, from where, and what changed. */
interface AuditRow {
  what: string;
  who: string;
  when: string;
  where: string;
  changes: string[];
}

const MAX_VALUE = 120;

function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE - 1)}…` : s;
}

/** "state changed from open to referred", or "state: referred" when there was nothing before. */
export function auditChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return keys.map((k) =>
    before && Object.hasOwn(before, k)
      ? `${k} changed from ${text(before[k])} to ${text(after?.[k])}`
      : `${k}: ${text(after?.[k])}`,
  );
}

function what(action: string, detail: Record<string, unknown>): string {
  if (action === 'case.viewed') return 'Case viewed';
  if (action === 'case.audit-viewed') return 'Audit trail viewed';
  return timelineText(action, detail);
}

/**
 * A case's full audit trail for those allowed to see it (managers and admins): every view and
 * change, who, when, from which address, and before and after. The case page shows it only to
 * those roles; the core refuses everyone else.
 */
@Component({
  selector: 'cop-case-audit',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="govuk-heading-m govuk-!-margin-top-6" id="case-audit-heading">Audit trail</h2>
    <p class="govuk-body-s cop-secondary-text">
      Every view and change of this case, oldest first. Opening this list is recorded too.
    </p>
    @if (error(); as message) {
      <p class="govuk-body">{{ message }}</p>
    } @else if (rows(); as list) {
      <ol class="govuk-list" data-testid="case-audit" aria-labelledby="case-audit-heading">
        @for (r of list; track $index) {
          <li class="govuk-!-margin-bottom-3">
            <strong>{{ r.what }}</strong><br />
            <span class="govuk-body-s cop-secondary-text"
              >{{ r.who }}, {{ r.when }}{{ r.where ? ', from ' + r.where : '' }}</span
            >
            @if (r.changes.length) {
              <ul class="govuk-list govuk-body-s govuk-!-margin-bottom-0 cop-audit-changes">
                @for (c of r.changes; track $index) {
                  <li class="govuk-!-margin-bottom-0">{{ c }}</li>
                }
              </ul>
            }
          </li>
        }
      </ol>
    } @else {
      <p class="govuk-body" role="status">Loading the audit trail…</p>
    }
  `,
  styles: `
    .cop-audit-changes {
      overflow-wrap: anywhere;
    }
  `,
})
export class CaseAudit {
  private readonly http = inject(HttpClient);
  /** The case's id. */
  readonly caseId = input.required<string>();
  /** Loads again when this changes (pass the case's version so an action refreshes the trail). */
  readonly version = input<number>(0);
  readonly rows = signal<AuditRow[] | null>(null);
  readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.caseId();
      this.version();
      void this.load(id);
    });
  }

  private async load(id: string): Promise<void> {
    try {
      const body = await firstValueFrom(
        this.http.get<{ entries: CaseAuditEntry[] }>(`/api/cases/${encodeURIComponent(id)}/audit`),
      );
      this.rows.set(
        body.entries.map((e) => ({
          what: what(e.action, e.detail ?? {}),
          who: e.actor,
          when: displayDateTime(e.at),
          where: e.ip ?? '',
          changes: auditChanges(e.before, e.after),
        })),
      );
      this.error.set(null);
    } catch (error: unknown) {
      this.error.set(
        commonMessage(toApiError(error)) ?? 'The audit trail could not be loaded. Refresh the page to try again.',
      );
    }
  }
}
