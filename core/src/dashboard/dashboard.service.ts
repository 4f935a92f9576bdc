import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { ForbiddenError, InputError } from '../common/errors.js';
import type { AccessScope } from '../identity/access.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { reportPeriod } from '../read-model/report-period.js';
import { measureOnly } from '../read-model/summary-report.js';
import { ReportCatalogue } from '../reports/report-catalogue.js';
import { callerCommands } from '../reports/report-parameters.js';
import { ReportRenderer } from '../reports/report-renderer.js';
import type { ReportQueryContext } from '../sdk/manifest.js';
import type { Measure, ReportCases, SummaryMeasure } from '../sdk/report-cases.types.js';
import { Organisation } from '../terms/organisation.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { LOGGER, PLUGIN_REGISTRY, REFERENCE } from '../tokens.js';
import { DashboardRepository } from './dashboard.repository.js';
import type { RunInSnapshot } from './snapshot-workers.js';
import { declaredTiles, type DeclaredTile } from './dashboard-tiles.js';
import type { DashboardCases, DashboardChart, DashboardFigure, DashboardTile, DashboardView } from './dashboard.dto.js';

const CASES_LIMIT = 200;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const CHART_POINTS = 8;
const STARTED_TILE = 'core.cases-started';
const SLA_TILE = 'core.sla-breaches';

/** yyyy-mm of now in UK time. */
const ukMonth = (now: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit' })
    .format(now)
    .slice(0, 7);
const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};
const bounds = (month: string) => reportPeriod([{ name: 'month', label: 'Month', type: 'month' }], { month })!;
/** The report's query string for a month: `month`, or its first and last day as `from` and `to`. */
function reportQuery(
  parameters: readonly { name: string; type: string }[],
  period: ReturnType<typeof bounds>,
  month: string,
): string {
  const monthParameter = parameters.find((p) => p.type === 'month');
  if (monthParameter) return `?${monthParameter.name}=${month}`;
  const dates = parameters.filter((p) => p.type === 'date');
  if (dates.length >= 2) return `?${dates[0]!.name}=${period.fromDate}&${dates[1]!.name}=${period.toDate}`;
  return '';
}

/** Runs a query over a tile's cases, on one of the dashboard snapshot's connections. */
type OnCases = <R>(query: (cases: Pick<ReportCases, 'aggregate'>) => Promise<R>) => Promise<R>;

/** A tile's links: the cases behind it, the full report for the month, and its CSV and XLSX. */
function tileLinks(declared: DeclaredTile, period: ReturnType<typeof bounds>, month: string): DashboardTile['links'] {
  const { report } = declared;
  const query = reportQuery(report.report.parameters ?? [], period, month);
  const key = encodeURIComponent(report.key);
  return {
    cases: `/command-dashboard/cases?tile=${encodeURIComponent(declared.key)}&month=${month}`,
    report: `/reports/${key}${query}`,
    ...(query ? { csv: `/api/reports/${key}/csv${query}`, xlsx: `/api/reports/${key}/xlsx${query}` } : {}),
  };
}

const measureOf = (m: SummaryMeasure | undefined): Measure => (m ? measureOnly(m) : { count: true });

/**
 * The managers' dashboard: for their command (admins: every command), this month against last
 * month and the same month last year, from the tiles the reports declare and two of the core's
 * own (cases started by workflow; open and overdue tasks by team). Every figure is counted over
 * the same read models and scope as the reports, in one read-only snapshot.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly catalogue: ReportCatalogue,
    private readonly renderer: ReportRenderer,
    private readonly repository: DashboardRepository,
    @Inject(PLUGIN_REGISTRY) private readonly registry: PluginRegistry,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async view(scope: AccessScope, input: { month?: string }, now = new Date()): Promise<DashboardView> {
    const month = this.checked(scope, input.month, now);
    const months = [month, shift(month, -1), shift(month, -12)];
    const periods = months.map(bounds);
    const teams = scope.all ? null : scope.visibleTeams;
    const organisation = new Organisation(this.reference.rows('organisation'));
    const reports = this.catalogue.runnableBy(scope.roles);

    // Every query is a unit of its own, run side by side on one snapshot; tiles keep their order.
    const tiles = await this.repository.inSnapshot(async (run) => {
      const [started, tasks, due, declared] = await Promise.all([
        Promise.all(periods.map((p) => run((m) => this.repository.casesStarted(m, p, teams)))),
        run((m) => this.repository.openTasksByTeam(m, teams, now)),
        Promise.all(periods.map((p) => run((m) => this.repository.tasksDue(m, p, teams, now)))),
        Promise.all(
          declaredTiles(reports).map((d) =>
            this.tile(d, run, teams, periods, month).catch((error: unknown) => {
              this.logger.warn({ err: error, tile: d.key }, 'dashboard tile left out');
              return undefined;
            }),
          ),
        ),
      ]);
      const perWorkflow = new Map<string, number[]>();
      for (const [period, rows] of started.entries())
        for (const row of rows) {
          const counts = perWorkflow.get(row.pluginId) ?? [0, 0, 0];
          counts[period] = row.count;
          perWorkflow.set(row.pluginId, counts);
        }
      const out: DashboardTile[] = [
        this.casesStartedTile(perWorkflow, month),
        this.openTasksTile(tasks),
        this.breachesTile(due, month),
      ];
      for (const tile of declared) if (tile) out.push(tile);
      return out;
    });
    return {
      month,
      previousMonth: months[1]!,
      lastYearMonth: months[2]!,
      scope: scope.all
        ? 'Every command'
        : callerCommands(scope, organisation)
            .map((id) => this.reference.rows('organisation').find((r) => r.id === id)?.label ?? id)
            .join(', ') || 'Your teams',
      tiles,
    };
  }

  private casesStartedTile(perWorkflow: Map<string, number[]>, month: string): DashboardTile {
    const total = (i: number) => [...perWorkflow.values()].reduce((sum, c) => sum + c[i]!, 0);
    const title = (pluginId: string) => this.registry.get(pluginId)?.manifest?.title ?? pluginId;
    return {
      id: 'core.cases-started',
      title: 'Cases started',
      figures: [{ label: 'Cases started', value: total(0), previous: total(1), lastYear: total(2) }],
      chart: {
        title: 'Cases started this month by workflow',
        xLabel: 'Workflow',
        series: [
          {
            name: 'Cases started',
            points: [...perWorkflow.entries()]
              .filter(([, c]) => c[0]! > 0)
              .sort((a, b) => b[1][0]! - a[1][0]! || a[0].localeCompare(b[0]))
              .slice(0, CHART_POINTS)
              .map(([id, c]) => ({ label: title(id), value: c[0]! })),
          },
        ],
      },
      links: { cases: `/command-dashboard/cases?tile=core.cases-started&month=${month}` },
    };
  }

  private openTasksTile(tasks: { teamId: string | null; open: number; overdue: number }[]): DashboardTile {
    const teamLabel = (id: string | null) => (id ? this.teamLabel(id) : 'No team');
    const open = tasks.reduce((s, t) => s + t.open, 0);
    return {
      id: 'core.open-tasks',
      title: 'Open and overdue tasks',
      figures: [
        { label: 'Open tasks', value: open },
        { label: 'Overdue', value: tasks.reduce((s, t) => s + t.overdue, 0), of: open },
      ],
      chart: {
        title: 'Open and overdue tasks by team',
        xLabel: 'Team',
        series: [
          {
            name: 'Open',
            points: tasks.slice(0, CHART_POINTS).map((t) => ({ label: teamLabel(t.teamId), value: t.open })),
          },
          {
            name: 'Overdue',
            points: tasks.slice(0, CHART_POINTS).map((t) => ({ label: teamLabel(t.teamId), value: t.overdue })),
          },
        ],
      },
      links: { cases: '/tasks?scope=team&overdue=true' },
    };
  }

  /** Tasks due in each month that were not done in time (SLA breaches), charted by team for this month. */
  private breachesTile(
    due: { teamId: string | null; due: number; breached: number }[][],
    month: string,
  ): DashboardTile {
    const teamLabel = (id: string | null) => (id ? this.teamLabel(id) : 'No team');
    const sum = (i: number, key: 'due' | 'breached') => due[i]!.reduce((s, t) => s + t[key], 0);
    return {
      id: SLA_TILE,
      title: 'SLA breaches',
      figures: [
        { label: 'Tasks due', value: sum(0, 'due'), previous: sum(1, 'due'), lastYear: sum(2, 'due') },
        {
          label: 'Not done by their due time',
          value: sum(0, 'breached'),
          previous: sum(1, 'breached'),
          lastYear: sum(2, 'breached'),
          of: sum(0, 'due'),
        },
      ],
      chart: {
        title: 'Tasks due this month not done by their due time, by team',
        xLabel: 'Team',
        series: [
          {
            name: 'Not done by their due time',
            points: due[0]!
              .filter((t) => t.breached > 0)
              .slice(0, CHART_POINTS)
              .map((t) => ({ label: teamLabel(t.teamId), value: t.breached })),
          },
        ],
      },
      links: { cases: `/command-dashboard/cases?tile=${SLA_TILE}&month=${month}` },
    };
  }

  /** The cases a tile counts this month (its share's with `part`), in the caller's scope, newest first. */
  async cases(
    scope: AccessScope,
    input: { tile?: string; month?: string; part?: string },
    now = new Date(),
  ): Promise<DashboardCases> {
    const month = this.checked(scope, input.month, now);
    const period = bounds(month);
    const teams = scope.all ? null : scope.visibleTeams;
    const declared = declaredTiles(this.catalogue.runnableBy(scope.roles)).find((t) => t.key === input.tile);
    if (input.tile !== STARTED_TILE && input.tile !== SLA_TILE && !declared)
      throw new InputError('There is a problem', [{ path: 'tile', message: 'Choose a tile of the dashboard' }]);
    return this.repository.readOnly(async (manager) => {
      if (input.tile === SLA_TILE) {
        const rows = await this.repository.breachedCases(manager, period, teams, now, CASES_LIMIT + 1);
        return {
          tile: SLA_TILE,
          title: 'SLA breaches',
          month,
          cases: rows.slice(0, CASES_LIMIT).map((r) => ({ ...r, team: r.team && this.teamLabel(r.team) })),
          more: rows.length > CASES_LIMIT,
        };
      }
      if (!declared) {
        const rows = await this.repository.casesStartedIn(manager, period, teams, CASES_LIMIT + 1);
        return {
          tile: STARTED_TILE,
          title: 'Cases started',
          month,
          cases: rows.slice(0, CASES_LIMIT).map((r) => ({ ...r, team: r.team && this.teamLabel(r.team) })),
          more: rows.length > CASES_LIMIT,
        };
      }
      const { tile, report, workflow } = declared;
      const context = await this.renderer.queryContext(report, { parameters: {}, scopeTeams: teams }, manager);
      const where = input.part === 'true' && tile.share ? { ...tile.where, ...tile.share.where } : tile.where;
      const rows = context.casesOf(workflow).rows({
        columns: ['caseId', 'reference', 'at', 'state', 'ownerTeam'],
        where,
        within: { from: period.from, to: period.to },
        orderBy: ['-at', 'reference'],
      });
      const cases: DashboardCases['cases'] = [];
      let more = false;
      for await (const row of rows()) {
        if (cases.length === CASES_LIMIT) {
          more = true;
          break;
        }
        cases.push({
          caseId: String(row.caseId),
          reference: String(row.reference),
          at: row.at instanceof Date ? row.at.toISOString() : row.at == null ? null : String(row.at),
          state: String(row.state),
          team: row.ownerTeam == null ? null : String(row.ownerTeam),
        });
      }
      const title =
        input.part === 'true' && tile.share ? `${tile.title}: ${tile.share.label.toLowerCase()}` : tile.title;
      return { tile: declared.key, title, month, cases, more };
    });
  }

  /** The month asked for (this month in UK time by default), for a manager or an admin. */
  private checked(scope: AccessScope, month: string | undefined, now: Date): string {
    if (!scope.roles.includes('manager') && !scope.roles.includes('admin'))
      throw new ForbiddenError('The dashboard is for managers and admins');
    const value = month?.trim() || ukMonth(now);
    if (!MONTH.test(value))
      throw new InputError('There is a problem', [{ path: 'month', message: 'Enter a real month' }]);
    return value;
  }

  private teamLabel(id: string): string {
    return this.reference.rows('organisation').find((r) => r.id === id)?.label ?? id;
  }

  private async tile(
    declared: DeclaredTile,
    run: RunInSnapshot,
    teams: string[] | null,
    periods: ReturnType<typeof bounds>[],
    month: string,
  ): Promise<DashboardTile> {
    const { tile, report, workflow } = declared;
    const onContext = <R>(query: (context: ReportQueryContext) => Promise<R>) =>
      run(async (manager) =>
        query(await this.renderer.queryContext(report, { parameters: {}, scopeTeams: teams }, manager)),
      );
    const onCases: OnCases = (query) =>
      onContext((context) => {
        const cases = context.casesOf(workflow);
        return query(tile.items ? { aggregate: (q) => cases.items(tile.items!).aggregate(q) } : cases);
      });
    if (tile.figure) return this.computedTile(declared, onContext, periods, month);
    const measures: Record<string, Measure> = { value: measureOf(tile.measure) };
    if (tile.share) measures.part = { count: tile.share.where };
    const { counts, points } = (await this.addedUp(declared, onCases, measures, periods)) ?? {
      counts: await this.eachPeriod(declared, onCases, measures, periods),
      points: tile.by
        ? (
            await onCases((cases) =>
              cases.aggregate({
                by: tile.by,
                measures: { value: measures.value! },
                where: tile.where,
                within: { from: periods[0]!.from, to: periods[0]!.to },
              }),
            )
          ).map((r) => ({ label: r[tile.by!] == null ? 'Not recorded' : String(r[tile.by!]), value: Number(r.value) }))
        : [],
    };
    const label = tile.measure?.label ?? 'Cases';
    const figures: DashboardFigure[] = [
      { label, value: counts[0]!.value, previous: counts[1]!.value, lastYear: counts[2]!.value },
    ];
    if (tile.share)
      figures.push({
        label: tile.share.label,
        value: counts[0]!.part,
        previous: counts[1]!.part,
        lastYear: counts[2]!.part,
        of: counts[0]!.value,
      });
    let chart: DashboardChart | undefined;
    if (tile.by) {
      const byLabel = tile.byLabel ?? tile.by;
      chart = {
        title: `${label} this month by ${byLabel.toLowerCase()}`,
        xLabel: byLabel,
        series: [
          {
            name: label,
            points: points
              .filter((p) => p.value !== 0)
              .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label))
              .slice(0, CHART_POINTS),
          },
        ],
      };
    }
    return {
      id: declared.key,
      title: tile.title,
      figures,
      ...(chart ? { chart } : {}),
      links: tileLinks(declared, periods[0]!, month),
    };
  }

  /** A tile whose figure the report computes itself (`figure`), for each month side by side. */
  private async computedTile(
    declared: DeclaredTile,
    onContext: <R>(query: (context: ReportQueryContext) => Promise<R>) => Promise<R>,
    periods: ReturnType<typeof bounds>[],
    month: string,
  ): Promise<DashboardTile> {
    const { tile } = declared;
    const [value, previous, lastYear] = await Promise.all(
      // The context with the month as its period; not spread, which would read its lazy `cases`.
      periods.map((p) =>
        onContext((context) => tile.figure!(Object.create(context, { period: { value: p } }) as ReportQueryContext, p)),
      ),
    );
    const round = (n: number | null | undefined) =>
      n == null || !Number.isFinite(n) ? null : tile.unit === 'hours' ? Math.round(n * 10) / 10 : n;
    return {
      id: declared.key,
      title: tile.title,
      figures: [
        {
          label: tile.measure?.label ?? tile.title,
          value: round(value),
          previous: round(previous),
          lastYear: round(lastYear),
          ...(tile.unit ? { unit: tile.unit } : {}),
        },
      ],
      links: tileLinks(declared, periods[0]!, month),
    };
  }

  /** The tile's figures for each period, a query each, side by side (any measure, any breakdown). */
  private eachPeriod(
    declared: DeclaredTile,
    onCases: OnCases,
    measures: Record<string, Measure>,
    periods: ReturnType<typeof bounds>[],
  ): Promise<{ value: number; part: number }[]> {
    return Promise.all(
      periods.map(async (p) => {
        const [row] = await onCases((cases) =>
          cases.aggregate({ measures, where: declared.tile.where, within: { from: p.from, to: p.to } }),
        );
        return { value: Number(row?.value ?? 0), part: Number(row?.part ?? 0) };
      }),
    );
  }

  /**
   * The tile's figures and its chart in a query a month, the month's own grouped by the chart's
   * name and added up (so the chart costs no query of its own), the three side by side. Only when
   * adding up is right: counts and sums, and a chart by a single-valued name (a checkbox counts a
   * case once per value). Undefined otherwise. (One query over the year grouped by month as well
   * was slower: it reads every month in between, `npm run bench -- dashboard`.)
   */
  private async addedUp(
    declared: DeclaredTile,
    onCases: OnCases,
    measures: Record<string, Measure>,
    periods: ReturnType<typeof bounds>[],
  ): Promise<{ counts: { value: number; part: number }[]; points: { label: string; value: number }[] } | undefined> {
    const { tile, workflow } = declared;
    if (!tile.by || !Object.values(measures).every((m) => 'count' in m || 'sum' in m)) return undefined;
    const readModel = this.registry.get(workflow)?.readModel;
    const columns = tile.items ? readModel?.groups.find((g) => g.field === tile.items)?.columns : readModel?.columns;
    if (columns?.find((c) => c.field === tile.by)?.type === 'text[]') return undefined;
    const current = periods[0]!;
    const [rows, others] = await Promise.all([
      onCases((cases) =>
        cases.aggregate({ by: tile.by, measures, where: tile.where, within: { from: current.from, to: current.to } }),
      ),
      this.eachPeriod(declared, onCases, measures, periods.slice(1)),
    ]);
    const month = { value: 0, part: 0 };
    const points = rows.map((row) => {
      month.value += Number(row.value);
      month.part += Number(row.part ?? 0);
      return { label: row[tile.by!] == null ? 'Not recorded' : String(row[tile.by!]), value: Number(row.value) };
    });
    return { counts: [month, ...others], points };
  }
}
