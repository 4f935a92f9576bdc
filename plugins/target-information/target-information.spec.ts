import { checkFormDefinition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { readModelOf } from '../../core/src/read-model/read-model.definition.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('target-information.form.json');
const reference = seededReference;
const options = {
  terms: standardTerms,
  reference,
  now: new Date('2026-04-12T12:00:00Z'),
  workflow: 'target-information',
};

const freight = {
  targetId: 'BF-20260412-17',
  targetVersion: 2,
  mode: 'roro-accompanied-freight',
  issuingHub: 'national-targeting-roro-team',
  category: 'A',
  port: 'dover',
  eta: '2026-04-12T18:30',
  vesselName: 'Spirit of Britain',
  shippingCompany: 'P&O Ferries',
  departureLocation: 'Calais',
  vehicleRegistration: 'AB12 CDE',
  trailerRegistration: 'C123456',
  haulier: 'Example Haulage Ltd',
  persons: [
    {
      role: 'driver',
      givenName: 'Piotr',
      familyName: 'Nowak',
      dateOfBirth: '1981-07-14',
      nationality: 'POL',
      documentType: 'passport',
      documentNumber: 'EA1234567',
    },
  ],
  warnings: ['violence'],
  warningDetails: 'Previous conviction for assault on a public servant.',
  indicators: ['new-or-unknown-trader', 'routing-anomaly'],
  selectionReasoning: 'New trader, load routed through a source country with an unusual commodity for the consignee.',
  receivingTeam: 'dover-freight-team-a',
};
const air = {
  targetId: 'BF-20260412-18',
  targetVersion: 1,
  mode: 'air-passenger',
  issuingHub: 'national-targeting-air-team',
  category: 'B',
  port: 'heathrow',
  eta: '2026-04-12T21:05',
  flightNumber: 'BA0117',
  persons: [
    { role: 'passenger', givenName: 'Maria', familyName: 'Silva', dateOfBirth: '1995-01-30', nationality: 'BRA' },
  ],
  indicators: ['one-way-ticket', 'ticket-paid-cash'],
  selectionReasoning: 'Late one-way booking paid in cash from a source country.',
  receivingTeam: 'heathrow-t5-arrivals-red-team',
};

describe('target-information forms (real reference data)', () => {
  it.each(['target-information', 'return-to-hub'])('%s is a consistent form declaration', (id) => {
    expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
  });

  it('accepts an accompanied freight target and an air passenger target', () => {
    expect(validateSubmission(form, freight, options).errors).toEqual([]);
    expect(validateSubmission(form, air, options).errors).toEqual([]);
  });

  it('accepts an unaccompanied trailer with no people and no vehicle', () => {
    const { persons, vehicleRegistration, warnings, warningDetails, ...rest } = freight;
    expect([persons, vehicleRegistration, warnings, warningDetails]).toHaveLength(4);
    expect(validateSubmission(form, { ...rest, mode: 'roro-unaccompanied-freight' }, options).errors).toEqual([]);
  });

  it('asks for the mode-specific details', () => {
    const answers = { ...air, mode: 'roro-tourist', flightNumber: undefined, persons: [] };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'vesselName', message: 'Enter the vessel name' },
      { path: 'vehicleRegistration', message: 'Enter the vehicle registration' },
      { path: 'persons', message: 'Add at least one person' },
    ]);
  });

  it('only takes Cerberus modes, known teams and categories, and details of any warning', () => {
    const answers = {
      ...air,
      mode: 'air-freight',
      category: 'D',
      receivingTeam: 'dover',
      warnings: ['firearms'],
      targetVersion: 0,
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'targetVersion', message: 'Target version must be between 1 and 999' },
      { path: 'category', message: 'Select a target category from the list' },
      { path: 'flightNumber', message: 'Flight number must not be answered because the question is not shown' },
      { path: 'warningDetails', message: 'Enter details of the warnings' },
      { path: 'receivingTeam', message: 'Select the receiving team from the list' },
      {
        path: 'mode',
        message: 'Mode must be RoRo tourist, RoRo accompanied freight, RoRo unaccompanied freight or air passenger',
      },
    ]);
  });

  it('needs the document number only when a document type is given', () => {
    const persons = [
      { ...freight.persons[0], documentNumber: undefined },
      {
        role: 'passenger',
        givenName: 'Ola',
        familyName: 'Nowak',
        dateOfBirth: '2031-01-01',
        nationality: 'POL',
        documentNumber: 'EA7654321',
      },
    ];
    expect(validateSubmission(form, { ...freight, persons }, options).errors).toEqual([
      { path: 'persons[0].documentNumber', message: 'Enter the document number' },
      { path: 'persons[1].dateOfBirth', message: 'Date of birth must be in the past' },
      {
        path: 'persons[1].documentNumber',
        message: 'Document number must not be answered because the question is not shown',
      },
    ]);
  });

  it('keeps what reports count of a target in the read model, dated by its receipt, and nothing that names a person', () => {
    const def = readModelOf('target-information', form, standardTerms, [load('return-to-hub.form.json')])!;
    expect(def.timeField).toBeUndefined();
    expect(def.columns.map((c) => [c.field, c.type, c.reference ?? null])).toEqual([
      ['targetId', 'text', null],
      ['targetVersion', 'numeric', null],
      ['mode', 'text', 'transport-modes'],
      ['issuingHub', 'text', 'teams'],
      ['category', 'text', 'target-categories'],
      ['port', 'text', 'ports'],
      ['eta', 'timestamptz', null],
      ['warnings', 'text[]', 'warnings'],
      ['indicators', 'text[]', 'indicators'],
      ['receivingTeam', 'text', 'teams'],
    ]);
    expect(def.groups.map((g) => [g.field, g.columns.map((c) => c.field)])).toEqual([
      ['persons', ['role', 'nationality']],
    ]);
  });
});
