import { checkFormDefinition, compileAnswerCondition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { readModelOf } from '../../core/src/read-model/read-model.definition.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import plugin from './plugin.js';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';
import { demoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';
import { apiCall, submitCase, type Auth } from '../../test/utils/reports.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('detection-inventory.form.json');
const reference = seededReference;
const options = {
  terms: standardTerms,
  reference,
  now: new Date('2026-04-12T12:00:00Z'),
  workflow: 'detection-inventory',
};

/** The first state a submission's validated answers route to. */
function firstState(answers: Record<string, unknown>): string {
  const workflow = plugin.workflow!;
  const route = (workflow.routes ?? []).find((r) => compileAnswerCondition(form, r.when, standardTerms).test(answers));
  return route?.to ?? workflow.initial;
}

const count = {
  port: 'dover',
  terminal: 'Eastern Docks',
  team: 'dover-freight-team-a',
  countDate: '2026-04-10',
  equipment: [
    { equipmentType: 'x-ray-freight-scanner', workingUnits: 2, faultyUnits: 0, trainedStaff: 14 },
    { equipmentType: 'co2-probe', workingUnits: 6, faultyUnits: 0, trainedStaff: 22 },
  ],
  maintenanceContract: true,
  maintenanceProvider: 'Rapiscan Systems',
  contractEndDate: '2027-03-31',
};

describe('detection-inventory forms (real reference data)', () => {
  it.each(['detection-inventory', 'repair-request', 'repair-confirmation'])(
    '%s is a consistent form declaration',
    (id) => {
      expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
    },
  );

  it('accepts a count with no faults, totals it and sends it for confirmation', () => {
    const result = validateSubmission(form, count, options);
    expect(result.errors).toEqual([]);
    expect(result.answers).toMatchObject({ totalWorking: 8, totalFaulty: 0 });
    expect(firstState(result.answers)).toBe('awaiting-confirmation');
  });

  it('routes a count with faulty units straight to a repair task', () => {
    const answers = {
      ...count,
      equipment: [
        ...count.equipment,
        {
          equipmentType: 'other',
          otherEquipmentType: 'Vapour sampler',
          workingUnits: 0,
          faultyUnits: 1,
          trainedStaff: 3,
          faultReported: true,
        },
      ],
    };
    const result = validateSubmission(form, answers, options);
    expect(result.errors).toEqual([]);
    expect(result.answers).toMatchObject({ totalWorking: 8, totalFaulty: 1 });
    expect(firstState(result.answers)).toBe('faults-to-repair');
  });

  it('needs at least 1 working or faulty unit on each line, and asks whether faults were reported', () => {
    const answers = {
      ...count,
      equipment: [
        { equipmentType: 'density-meter', workingUnits: 0, faultyUnits: 0, trainedStaff: 4 },
        { equipmentType: 'fibrescope', workingUnits: 1, faultyUnits: 2, trainedStaff: 4 },
        { equipmentType: 'other', workingUnits: -1, faultyUnits: 0, trainedStaff: 2.5 },
      ],
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      {
        path: 'equipment[0].workingUnits',
        message: 'Enter at least 1 working or faulty unit – remove the line if there is no equipment of this type',
      },
      {
        path: 'equipment[1].faultReported',
        message: 'Select whether the faults have been reported to the maintenance provider',
      },
      { path: 'equipment[2].otherEquipmentType', message: 'Enter the equipment' },
      { path: 'equipment[2].workingUnits', message: 'Number of working units must be between 0 and 500' },
      { path: 'equipment[2].trainedStaff', message: 'Number of staff trained to use it must be a whole number' },
    ]);
  });

  it('needs the contract details only when there is a contract, ending after the count', () => {
    expect(validateSubmission(form, { ...count, contractEndDate: '2026-04-01' }, options).errors).toEqual([
      {
        path: 'contractEndDate',
        message: 'Contract end date must be after the date of the count – if the contract has ended, select ‘No’',
      },
    ]);
    const none = { ...count, maintenanceContract: false };
    expect(validateSubmission(form, none, options).errors).toEqual([
      {
        path: 'maintenanceProvider',
        message: 'Maintenance provider must not be answered because the question is not shown',
      },
      {
        path: 'contractEndDate',
        message: 'When the contract ends must not be answered because the question is not shown',
      },
    ]);
    const { maintenanceProvider: _p, contractEndDate: _d, ...withoutContract } = none;
    expect(validateSubmission(form, withoutContract, options).errors).toEqual([]);
  });

  it('rejects a count in the future and an empty inventory', () => {
    expect(validateSubmission(form, { ...count, countDate: '2026-04-13', equipment: [] }, options).errors).toEqual([
      { path: 'countDate', message: 'Date of the count must be today or in the past' },
      { path: 'equipment', message: 'Add at least 1 type of equipment' },
    ]);
  });

  it('accepts every demo sample as submitted (two counts with faults, two for confirmation)', () => {
    const now = new Date();
    const samples = demoSamples(plugin, now).map((s) => s.answers);
    const results = samples.map((answers) => validateSubmission(form, answers, { ...options, now }));
    expect(results.map((r) => r.errors)).toEqual(samples.map(() => []));
    expect(results.map((r) => firstState(r.answers))).toEqual([
      'faults-to-repair',
      'awaiting-confirmation',
      'faults-to-repair',
      'awaiting-confirmation',
    ]);
  });
});

describe('detection-inventory read model', () => {
  it('keeps each line’s equipment and units, the totals, maintenance cover and how a repair ended', () => {
    // Action forms in file order, as the core reads them.
    const actionForms = ['repair-confirmation', 'repair-request'].map((id) => load(`${id}.form.json`));
    const def = readModelOf('detection-inventory', form, standardTerms, actionForms)!;
    expect(def.timeField).toBe('countDate');
    expect(def.columns.map((c) => [c.field, c.type, Boolean(c.fromActions)])).toEqual([
      ['port', 'text', false],
      ['team', 'text', false],
      ['countDate', 'date', false],
      ['totalWorking', 'numeric', false],
      ['totalFaulty', 'numeric', false],
      ['maintenanceContract', 'boolean', false],
      ['contractEndDate', 'date', false],
      ['result', 'text', true], // null until a repair is confirmed
    ]);
    expect(def.groups.map((g) => [g.field, g.table, g.columns.map((c) => [c.field, c.type])])).toEqual([
      [
        'equipment',
        'case_equipment',
        [
          ['equipmentType', 'text'],
          ['workingUnits', 'numeric'],
          ['faultyUnits', 'numeric'],
          ['trainedStaff', 'numeric'],
          ['faultReported', 'boolean'],
        ],
      ],
    ]);
  });
});

describe('detection-inventory in the real core', () => {
  let app: TestApp;
  let manager: Auth;
  beforeAll(async () => {
    app = await startTestApp();
    manager = await signIn(app, 'manager');
  });
  afterAll(async () => app?.close());

  const act = async (caseId: string, action: string, version: number, answers: Record<string, unknown>) => {
    const taken = await apiCall(app, 'POST', `/api/cases/${caseId}/actions/${action}`, manager, { version, answers });
    expect([action, taken.status, taken.body?.errors]).toEqual([action, 200, undefined]);
  };

  it('keeps a count with a faulty unit, one row per line, until the repair is confirmed', async () => {
    const faulty = {
      ...count,
      team: 'dover-tourist-controls-team-1',
      countDate: '2026-10-01',
      equipment: [
        ...count.equipment,
        { equipmentType: 'fibrescope', workingUnits: 1, faultyUnits: 2, trainedStaff: 4, faultReported: true },
      ],
    };
    const created = await submitCase(app, manager, 'detection-inventory', faulty, 'faulty');
    const readCase = async () =>
      (
        await app.sql(
          'SELECT state, owner_team, at, port, team, count_date::text, total_working, total_faulty, maintenance_contract, contract_end_date::text, result FROM plugin_detection_inventory.read_case WHERE case_id = $1',
          [created.id],
        )
      )[0];
    const counted = {
      owner_team: 'dover-tourist-controls-team-1',
      at: new Date('2026-09-30T23:00:00Z'), // midnight UK time (BST) on the day of the count
      port: 'dover',
      team: 'dover-tourist-controls-team-1',
      count_date: '2026-10-01',
      total_working: '9',
      total_faulty: '2',
      maintenance_contract: true,
      contract_end_date: '2027-03-31',
    };
    expect(await readCase()).toEqual({ ...counted, state: 'faults-to-repair', result: null });
    expect(
      await app.sql(
        'SELECT line, equipment_type, working_units, faulty_units, trained_staff, fault_reported FROM plugin_detection_inventory.read_case_equipment WHERE case_id = $1 ORDER BY line',
        [created.id],
      ),
    ).toEqual([
      {
        line: 1,
        equipment_type: 'x-ray-freight-scanner',
        working_units: '2',
        faulty_units: '0',
        trained_staff: '14',
        fault_reported: null,
      },
      {
        line: 2,
        equipment_type: 'co2-probe',
        working_units: '6',
        faulty_units: '0',
        trained_staff: '22',
        fault_reported: null,
      },
      {
        line: 3,
        equipment_type: 'fibrescope',
        working_units: '1',
        faulty_units: '2',
        trained_staff: '4',
        fault_reported: true,
      },
    ]);
    await act(created.id, 'request-repair', 1, { callReference: 'MDS-44120' });
    await act(created.id, 'confirm-repair', 2, { result: 'withdrawn' });
    expect(await readCase()).toEqual({ ...counted, state: 'confirmed', result: 'withdrawn' });
  });
});
