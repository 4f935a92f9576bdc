import { Inject, Injectable } from '@nestjs/common';
import type { EnvConfig } from '../config/env.config.js';
import { DEFAULT_TIME_ZONE, isoFromDayNumber, todayNumber } from '../forms/engine/dates.js';
import { CONFIG } from '../tokens.js';
import { CasesRepository } from './cases.repository.js';

/**
 * Business keys such as `BF-20261124-17`: prefix, the date in the UK, and a per-day number.
 *
 * All cases draw from one PostgreSQL sequence (no lock, no queue, never a duplicate); each day
 * records the sequence value it started from, and a case's number is `nextval - base`. The base
 * is read before the case takes its value, so numbers are always 1 or more. Rolled-back
 * submissions leave gaps, which is allowed. The number is taken inside the case INSERT itself,
 * so a submission costs no extra round trip once the day's base is cached.
 */
@Injectable()
export class CaseKeys {
  private readonly bases = new Map<string, number>();
  private readonly prefix: string;

  constructor(
    private readonly cases: CasesRepository,
    @Inject(CONFIG) config: Pick<EnvConfig, 'CASE_KEY_PREFIX'>,
  ) {
    this.prefix = config.CASE_KEY_PREFIX;
  }

  /** The SQL expression (given the day's base as a parameter) that yields the next key. */
  async forDay(now: Date): Promise<{ day: string; base: number; keyPrefix: string }> {
    const day = ukDate(now);
    let base = this.bases.get(day);
    if (base === undefined) {
      base = await this.cases.keyDayBase(day);
      if (this.bases.size > 3) this.bases.clear();
      this.bases.set(day, base);
    }
    return { day, base, keyPrefix: `${this.prefix}-${day.replace(/-/g, '')}-` };
  }
}

/** The calendar date in the UK as yyyy-mm-dd. */
export function ukDate(at: Date): string {
  return isoFromDayNumber(todayNumber(at, DEFAULT_TIME_ZONE));
}
