import type { PluginReport, ReportParameterDefinition } from '../sdk/manifest.js';
import { monthBounds } from '../sdk/reporting.js';
import { parseDateTime } from '../forms/engine/dates.js';

/** A report's period: instants for queries, and the UK dates (inclusive) for the page. */
export interface ReportPeriod {
  from: Date;
  to: Date;
  /** First and last UK day, yyyy-mm-dd. */
  fromDate: string;
  toDate: string;
  /** yyyy-mm, for a month report. */
  month?: string;
}

const ukMidnight = (date: string) => new Date(parseDateTime(`${date}T00:00`, 'Europe/London')!);
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The period a report's validated parameters name: its `month` parameter, or its first two
 * `date` parameters as the first and last day. Undefined when it has neither.
 */
export function reportPeriod(
  definitions: readonly ReportParameterDefinition[],
  values: Record<string, string>,
): ReportPeriod | undefined {
  const month = definitions.find((d) => d.type === 'month' && values[d.name]);
  if (month) {
    const { from, to, next } = monthBounds(values[month.name]!);
    return { from: ukMidnight(from), to: ukMidnight(next), fromDate: from, toDate: to, month: values[month.name] };
  }
  const [first, last] = definitions.filter((d) => d.type === 'date' && values[d.name]);
  if (!first || !last) return undefined;
  const fromDate = values[first.name]!;
  const toDate = values[last.name]!;
  return { from: ukMidnight(fromDate), to: ukMidnight(nextDay(toDate)), fromDate, toDate };
}

const PERIOD_PARAMETERS: Record<'month' | 'dates', ReportParameterDefinition[]> = {
  month: [{ name: 'month', label: 'Month', type: 'month', required: true, hint: 'For example, 10 2026' }],
  dates: [
    { name: 'from', label: 'From', type: 'date', required: true },
    { name: 'to', label: 'To', type: 'date', required: true },
  ],
};
const TEAM_PARAMETER: ReportParameterDefinition = {
  name: 'team',
  label: 'Team',
  type: 'team',
  hint: 'Leave empty for every team in your command',
};

/** The report with the parameters its `period` stands for written out, ahead of its own. */
export function withPeriodParameters(report: PluginReport): PluginReport {
  if (!report.period) return report;
  const own = report.parameters ?? [];
  const team = report.teamFilter === false || own.some((p) => p.name === 'team') ? [] : [TEAM_PARAMETER];
  return { ...report, parameters: [...PERIOD_PARAMETERS[report.period], ...team, ...own] };
}
