import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { PgEvents } from '../database/pg-events.js';
import { LOGGER, PG_EVENTS } from '../tokens.js';

export const CASE_CHANNEL = 'cop_case_events';

export interface CaseChange {
  caseId: string;
  pluginId: string;
  teamId: string | null;
  kind: 'created' | 'transitioned' | 'commented' | 'task';
}

/**
 * After a commit, tells every core instance (and through them the officers' shells) that a case
 * changed. Best effort: the data is already committed; a lost wake-up costs only freshness.
 */
@Injectable()
export class CaseEvents {
  constructor(
    @Inject(PG_EVENTS) private readonly events: PgEvents,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  caseChanged(change: CaseChange): void {
    this.events.notify(CASE_CHANNEL, JSON.stringify(change)).catch((error: unknown) => {
      this.logger.warn({ err: error, caseId: change.caseId }, 'case change notification failed');
    });
  }
}
