import { checkFormDefinition, compileAnswerCondition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import plugin from './plugin.js';
import { demoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';

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
