import type { AggregateRow, ReportData, ReportQueryContext } from '../../../core/src/sdk/index.js';

/** Field paths the template reads (checked when the plugin loads). */
export const monthlyEquipmentFields = [
  'period.from',
  'period.to',
  'totals.counts',
  'totals.withFaults',
  'totals.working',
  'totals.faulty',
  'totals.units',
  'totals.withoutContract',
  'totals.repairsOpen',
  'totals.faultsNotReported',
  'byEquipment.equipmentType',
  'byEquipment.working',
  'byEquipment.faulty',
  'byEquipment.units',
  'byEquipment.counts',
  'byEquipment.trainedStaff',
  'byPort.port',
  'byPort.counts',
  'byPort.withFaults',
  'byPort.working',
  'byPort.faulty',
  'repairs.stage',
  'repairs.counts',
  'rows.at',
  'rows.reference',
  'rows.port',
  'rows.team',
  'rows.totalWorking',
  'rows.totalFaulty',
  'rows.state',
];

/** Where a faulty count's repair stands, in the order it gets there: open states, then how it ended. */
const REPAIR_STAGES = ['faults-to-repair', 'repair-requested', 'repaired', 'replaced', 'withdrawn'];
const OPEN_REPAIR = ['faults-to-repair', 'repair-requested'];

const CASE_MEASURES = {
  counts: { count: true },
  withFaults: { count: { totalFaulty: { gt: 0 } } },
  working: { sum: 'totalWorking' },
  faulty: { sum: 'totalFaulty' },
} as const;

/** Adds the units counted (working and faulty), the base of the share that is faulty. */
const withUnits = <T extends { working: number; faulty: number }>(row: T) => ({
  ...row,
  units: row.working + row.faulty,
});

/** A repair row's stage: how the repair ended once confirmed, else the state it waits in. */
function repairStage(row: AggregateRow<'counts'>): { id: string; stage: unknown; counts: number } {
  const result = row.ids.result ?? null;
  return result === null
    ? { id: String(row.ids.state), stage: row.state, counts: row.counts }
    : { id: result, stage: row.result, counts: row.counts };
}

/**
 * Detection equipment counts made in one calendar month (UK time, by the date of the count, not
 * when it was recorded) in the manager's command, or the team chosen: key figures, units by
 * equipment type and by port, where the repairs of that month's faulty equipment stand, and
 * every count. Figures add up the counts recorded: a location counted twice counts twice.
 */
export async function monthlyEquipment({ cases, period }: ReportQueryContext): Promise<ReportData> {
  const within = period!;
  const [totals] = await cases.aggregate({
    measures: {
      ...CASE_MEASURES,
      withoutContract: { count: { maintenanceContract: false } },
      repairsOpen: { count: { state: OPEN_REPAIR } },
    },
    within,
  });
  const [lines] = await cases
    .items('equipment')
    .aggregate({ measures: { faultsNotReported: { count: { faultReported: false } } }, within });
  const byEquipment = await cases.items('equipment').aggregate({
    by: 'equipmentType',
    measures: {
      working: { sum: 'workingUnits' },
      faulty: { sum: 'faultyUnits' },
      counts: { cases: true },
      trainedStaff: { sum: 'trainedStaff' },
    },
    within,
  });
  const byPort = await cases.aggregate({ by: 'port', measures: CASE_MEASURES, within });
  const repairs = await cases.aggregate({
    by: ['state', 'result'],
    measures: { counts: { count: true } },
    where: { totalFaulty: { gt: 0 } },
    within,
  });
  return {
    data: {
      period: { from: within.fromDate, to: within.toDate },
      totals: { ...withUnits(totals!), faultsNotReported: lines?.faultsNotReported ?? 0 },
      byEquipment: byEquipment.map(withUnits),
      byPort,
      repairs: repairs.map(repairStage).sort((a, b) => REPAIR_STAGES.indexOf(a.id) - REPAIR_STAGES.indexOf(b.id)),
    },
    rows: cases.rows({ columns: ['at', 'reference', 'port', 'team', 'totalWorking', 'totalFaulty', 'state'], within }),
  };
}
