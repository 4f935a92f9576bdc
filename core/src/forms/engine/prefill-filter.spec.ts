import { standardTerms } from '../../terms/standard-terms.js';
import {
  answerJsonSchema,
  checkFormDefinition,
  createReferenceLookup,
  filteredRows,
  prefill,
  PREFILL_SOURCES,
  validateSubmission,
  type FormDefinition,
  type PrefillContext,
} from './index.js';

/** A one-page form around the given components. */
function formWith(components: unknown[]): FormDefinition {
  return {
    id: 'pf',
    version: 1,
    title: 'Pre-fill and filters',
    type: 'single',
    pages: [{ id: 'one', title: 'One', components }],
  } as unknown as FormDefinition;
}

const problems = (components: unknown[]): string[] =>
  checkFormDefinition(formWith(components), standardTerms).map((p) => `${p.path}: ${p.message}`);

const officer: PrefillContext = {
  user: {
    givenName: 'Olivia',
    familyName: 'Officer',
    displayName: 'Olivia Officer',
    username: 'officer',
    email: 'olivia.officer@example.gov.uk',
    grade: 'EO',
    teamId: 'dover-tourist-controls-team-1',
    location: 'dover',
    lineManagerName: 'Mo Manager',
    lineManagerEmail: 'mo.manager@example.gov.uk',
    delegates: [
      { name: 'Dee Delegate', email: 'dee@example.gov.uk', until: '2026-06-30', extra: 'not a question' },
      { phone: '0123' },
    ],
  },
  shift: { teamId: 'dover-freight-1', location: 'dover' },
  now: new Date('2026-04-12T12:00:00Z'),
};

describe('pre-fill from the signed-in officer', () => {
  const form = formWith([
    { type: 'text', name: 'given', label: 'Given name', prefill: { from: 'user.givenName' } },
    { type: 'text', name: 'family', label: 'Family name', prefill: { from: 'user.familyName' } },
    { type: 'email', name: 'email', label: 'Email', prefill: { from: 'user.email' } },
    { name: 'grade', term: 'staff.grade', prefill: { from: 'user.grade' } },
    { name: 'team', term: 'staff.team', prefill: { from: 'user.teamId' } },
    { name: 'location', term: 'location.port', prefill: { from: 'user.location' } },
    { type: 'text', name: 'manager', label: 'Manager', prefill: { from: 'user.lineManagerName' } },
    { type: 'email', name: 'managerEmail', label: 'Manager email', prefill: { from: 'user.lineManagerEmail' } },
    {
      type: 'group',
      name: 'delegates',
      label: 'Delegates',
      prefill: { from: 'user.delegates' },
      components: [
        { type: 'text', name: 'name', label: 'Name' },
        { type: 'email', name: 'email', label: 'Email' },
        { type: 'date', name: 'until', label: 'Until' },
      ],
    },
  ]);

  it('accepts every source the platform lists', () => {
    expect(checkFormDefinition(form, standardTerms)).toEqual([]);
    const used = JSON.stringify(form);
    const newSources = Object.keys(PREFILL_SOURCES).filter(
      (s) => s.startsWith('user.') && s !== 'user.displayName' && s !== 'user.username',
    );
    expect(newSources).toHaveLength(9);
    for (const source of newSources) expect(used).toContain(`"${source}"`);
  });

  it('fills each question from its source, and a group with the items of a list, keeping only its own questions', () => {
    expect(prefill(form, officer, standardTerms)).toEqual({
      given: 'Olivia',
      family: 'Officer',
      email: 'olivia.officer@example.gov.uk',
      grade: 'EO',
      team: 'dover-tourist-controls-team-1',
      location: 'dover',
      manager: 'Mo Manager',
      managerEmail: 'mo.manager@example.gov.uk',
      delegates: [{ name: 'Dee Delegate', email: 'dee@example.gov.uk', until: '2026-06-30' }],
    });
  });

  it('leaves a question empty when its source gives nothing, and never overwrites an answer', () => {
    const bare: PrefillContext = { user: { displayName: 'Sam', givenName: null, delegates: null }, now: officer.now };
    expect(prefill(form, bare, standardTerms)).toEqual({});
    expect(prefill(form, officer, standardTerms, { given: 'Liv', delegates: [] })).toMatchObject({
      given: 'Liv',
      delegates: [],
    });
  });

  it('refuses an unknown source, a list on a question, one value on a group and a pre-fill inside a group', () => {
    expect(
      problems([
        { type: 'text', name: 'a', label: 'A', prefill: { from: 'user.nickname' } },
        { type: 'text', name: 'b', label: 'B', prefill: { from: 'shift.start' } },
        { type: 'text', name: 'c', label: 'C', prefill: { from: 'yesterday' } },
        { type: 'text', name: 'd', label: 'D', prefill: { from: 'user.delegates' } },
        {
          type: 'group',
          name: 'e',
          label: 'E',
          prefill: { from: 'user.email' },
          components: [{ type: 'text', name: 'f', label: 'F', prefill: { from: 'user.email' } }],
        },
        { type: 'text', name: 'g', label: 'G', prefill: 'user.email' },
      ]),
    ).toEqual([
      expect.stringMatching(
        /^pages\[0\]\.components\[0\]\.prefill\.from: Field "a" is pre-filled from unknown source "user\.nickname", which is not one of: user\.givenName, .* or linked\.<path>$/,
      ),
      expect.stringMatching(/^pages\[0\]\.components\[1\]\.prefill\.from: .*unknown source "shift\.start"/),
      expect.stringMatching(/^pages\[0\]\.components\[2\]\.prefill\.from: .*unknown source "yesterday"/),
      'pages[0].components[3].prefill.from: Field "d" is pre-filled from "user.delegates", a list, so it must be a repeating group',
      'pages[0].components[4].components[0].prefill: Field "f" is in a repeating group; only top-level questions and groups are pre-filled',
      'pages[0].components[4].prefill.from: Group "e" is pre-filled from "user.email", one answer, not a list of items',
      'pages[0].components[5].prefill: Field "g" has "prefill" without a "from" source',
    ]);
  });

  it('takes any path of a linked case', () => {
    expect(
      problems([{ type: 'text', name: 'a', label: 'A', prefill: { from: 'linked.persons[0].familyName' } }]),
    ).toEqual([]);
    expect(problems([{ type: 'text', name: 'a', label: 'A', prefill: { from: 'linked.' } }])).toEqual([
      expect.stringContaining('unknown source "linked."'),
    ]);
  });
});

describe('reference lists filtered by another answer', () => {
  const rows = [
    { id: 'eastern', label: 'Eastern Docks', attributes: { port: 'dover' } },
    { id: 't5', label: 'Terminal 5', attributes: { port: 'heathrow' } },
    { id: 'west', label: 'Western Docks', parent: 'dover' },
  ];

  it('offers the rows whose attribute or parent is the other answer, and none while it is unanswered', () => {
    expect(filteredRows(rows, 'attributes.port', 'dover').map((r) => r.id)).toEqual(['eastern']);
    expect(filteredRows(rows, 'parent', 'dover').map((r) => r.id)).toEqual(['west']);
    expect(filteredRows(rows, 'attributes.port', undefined)).toEqual([]);
    expect(filteredRows(rows, 'attributes.port', '')).toEqual([]);
  });

  it('validates with the lookup the server and the shell both build', () => {
    const form = formWith([
      { name: 'port', term: 'location.port' },
      {
        type: 'select',
        name: 'terminal',
        label: 'Terminal',
        reference: 'terminals',
        filterBy: { field: 'port', match: 'attributes.port' },
      },
    ]);
    const reference = createReferenceLookup({
      ports: [
        { id: 'dover', label: 'Dover' },
        { id: 'heathrow', label: 'Heathrow' },
      ],
      terminals: rows,
    });
    const now = new Date('2026-04-12T12:00:00Z');
    const check = (answers: object) =>
      validateSubmission(form, answers, { terms: standardTerms, reference, now }).errors;
    expect(check({ port: 'heathrow', terminal: 't5' })).toEqual([]);
    expect(check({ port: 'dover', terminal: 't5' })).toEqual([
      { path: 'terminal', message: 'Select terminal from the list for the port' },
    ]);
  });

  it('refuses a filter it cannot apply, naming the field', () => {
    expect(
      problems([
        { name: 'port', term: 'location.port' },
        { type: 'text', name: 'note', label: 'Note' },
        { type: 'text', name: 'a', label: 'A', filterBy: { field: 'port', match: 'parent' } },
        {
          type: 'radios',
          name: 'b',
          label: 'B',
          options: [{ value: 'x', label: 'X' }],
          filterBy: { field: 'port', match: 'parent' },
        },
        { type: 'select', name: 'c', label: 'C', reference: 'terminals', filterBy: { field: 'note', match: 'parent' } },
        {
          type: 'select',
          name: 'd',
          label: 'D',
          reference: 'terminals',
          filterBy: { field: 'later', match: 'parent' },
        },
        { type: 'select', name: 'e', label: 'E', reference: 'terminals', filterBy: { field: 'port', match: 'port' } },
        { type: 'select', name: 'f', label: 'F', reference: 'terminals', filterBy: { field: 'port', mtch: 'parent' } },
        { type: 'select', name: 'later', label: 'Later', reference: 'terminals' },
      ]),
    ).toEqual([
      'pages[0].components[2].filterBy: Field "a" is not a reference question; only radios, checkboxes, select or autocomplete with a "reference" set have "filterBy"',
      'pages[0].components[3].filterBy: Field "b" is not a reference question; only radios, checkboxes, select or autocomplete with a "reference" set have "filterBy"',
      'pages[0].components[4].filterBy.field: Field "c" is filtered by "note", which is not a single choice (radios, select or autocomplete)',
      'pages[0].components[5].filterBy.field: Refers to field "later" which comes later in the form',
      'pages[0].components[6].filterBy.match: Field "e" has filterBy.match "port", which is neither "parent" nor "attributes.<name>"',
      'pages[0].components[7].filterBy.mtch: Unknown property "mtch" on a filterBy, which may have: field, match',
      'pages[0].components[7].filterBy.match: Field "f" has filterBy.match undefined, which is neither "parent" nor "attributes.<name>"',
    ]);
  });

  it('lets only an autocomplete show its menu inline', () => {
    expect(
      problems([
        { name: 'port', term: 'location.port', displayMenu: 'inline' },
        { type: 'select', name: 'b', label: 'B', reference: 'ports', displayMenu: 'inline' },
        { type: 'autocomplete', name: 'c', label: 'C', reference: 'ports', displayMenu: 'overlay' },
      ]),
    ).toEqual([
      'pages[0].components[1].displayMenu: Field "b" is a select question; only an autocomplete has "displayMenu"',
      'pages[0].components[2].displayMenu: Field "c" has displayMenu "overlay", which is not one of: inline',
    ]);
  });

  it('names the filter in the JSON Schema', () => {
    const form = formWith([
      { name: 'port', term: 'location.port' },
      {
        type: 'autocomplete',
        name: 'terminal',
        label: 'Terminal',
        reference: 'terminals',
        displayMenu: 'inline',
        filterBy: { field: 'port', match: 'attributes.port' },
      },
    ]);
    const schema = answerJsonSchema(form, standardTerms) as { properties: Record<string, unknown> };
    expect(schema.properties['terminal']).toEqual({
      title: 'Terminal',
      type: 'string',
      maxLength: 10_000,
      'x-reference-set': 'terminals',
      'x-filter-by': { field: 'port', match: 'attributes.port' },
    });
  });
});
