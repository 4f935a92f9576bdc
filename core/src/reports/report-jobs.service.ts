import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from 'pino';
import { reportJobDuration } from '../metrics/instruments.js';
import { LOGGER, REFERENCE } from '../tokens.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { ReportCatalogue } from './report-catalogue.js';
import { printParameters } from './report-parameters.js';
import { ReportRenderer } from './report-renderer.js';
import { ReportRunsRepository, type ReportRunRecord } from './report-runs.repository.js';
import { RunChunkWriter } from './report-store.js';

const POLL_MS = 2000;
const PROGRESS_EVERY_MS = 500;

/**
 * Renders queued report runs, one at a time per instance. Any instance may claim any run
 * (`FOR UPDATE SKIP LOCKED`); the finished PDF goes to PostgreSQL so every instance can serve it.
 */
@Injectable()
export class ReportJobsService implements OnApplicationBootstrap, OnModuleDestroy {
  /** Identifies this instance in `claimed_by`. */
  readonly instance = randomUUID();
  private timer?: NodeJS.Timeout;
  private active?: Promise<void>;
  private stopping = false;
  private readonly logger: Logger;

  constructor(
    private readonly runs: ReportRunsRepository,
    private readonly renderer: ReportRenderer,
    private readonly catalogue: ReportCatalogue,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: 'report-jobs' });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.active;
  }

  /** Starts working through the queue unless this instance already is. */
  kick(): void {
    if (this.active || this.stopping) return;
    this.active = this.drain()
      .catch((error: unknown) => this.logger.error({ err: error }, 'report queue failed'))
      .finally(() => {
        this.active = undefined;
      });
  }

  /** Resolves when this instance has no run in hand (tests). */
  async idle(): Promise<void> {
    await this.active;
  }

  private async drain(): Promise<void> {
    while (!this.stopping) {
      const run = await this.runs.claim(this.instance);
      if (!run) return;
      await this.execute(run);
    }
  }

  private async execute(run: ReportRunRecord): Promise<void> {
    const definition = this.catalogue.get(run.reportId);
    if (!definition) {
      await this.runs.fail(run.id, 'This report is no longer available');
      return;
    }
    const started = Date.now();
    let lastWrite = 0;
    let rowsTotal: number | null = null;
    let writing: Promise<void> = Promise.resolve();
    const update = (percent: number, rowsDone: number) => {
      if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = Date.now();
      writing = writing.then(() => this.runs.progress(run.id, percent, rowsDone, rowsTotal)).catch(() => undefined);
    };
    try {
      await this.runs.clearChunks(run.id);
      const writer = new RunChunkWriter(this.runs, run.id);
      const result = await this.renderer.render(
        definition,
        {
          parameters: run.parameters,
          printed: printParameters(definition.report.parameters ?? [], run.parameters, this.reference),
          scopeTeams: run.scopeTeams,
          generatedBy: run.generatedBy,
          generatedAt: new Date(),
        },
        writer,
        (rowsDone, phase) => {
          // The layout pass counts the rows; the writing pass then reports against that total.
          if (phase === 'layout') {
            rowsTotal = Math.max(rowsTotal ?? 0, rowsDone);
            update(25, 0);
          } else {
            update(50 + Math.floor((49 * rowsDone) / Math.max(1, rowsTotal ?? rowsDone)), rowsDone);
          }
        },
      );
      await writing;
      await this.runs.finish(run.id, { pages: result.pages, rows: result.rows, bytes: writer.bytes });
      reportJobDuration.observe({ outcome: 'done' }, (Date.now() - started) / 1000);
      this.logger.info(
        { run: run.id, report: run.reportId, pages: result.pages, rows: result.rows, ms: Date.now() - started },
        'report run done',
      );
    } catch (error: unknown) {
      await writing;
      this.logger.error({ err: error, run: run.id, report: run.reportId }, 'report run failed');
      await this.runs.fail(run.id, 'The report could not be produced');
      reportJobDuration.observe({ outcome: 'failed' }, (Date.now() - started) / 1000);
    }
  }
}
