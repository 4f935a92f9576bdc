import { REFERENCE_EPOCH, findReferenceSet, referenceSets } from './index.js';
import type { ReferenceRow, ReferenceSetDefinition } from './types.js';
import { findProblems, isIsoDate } from './validate.js';

function set(id: string): ReferenceSetDefinition {
  const found = findReferenceSet(id);
  if (!found) throw new Error(`reference set ${id} is missing`);
  return found;
}

const attr = (row: ReferenceRow, key: string): string | number | boolean | undefined => row.attributes?.[key];

const EXPECTED_SETS = [
  'ports',
  'countries',
  'sex',
  'document-types',
  'items',
  'item-categories',
  'units',
  'concealment-methods',
  'detection-methods',
  'search-types',
  'outcomes',
  'event-types',
  'transport-modes',
  'target-categories',
  'handling-conditions',
  'indicators',
  'restraint-techniques',
  'grades',
  'languages',
  'warnings',
  'organisation',
  'teams',
];

describe('the validator', () => {
  const row = (id: string, extra: Partial<ReferenceRow> = {}): ReferenceRow => ({
    id,
    label: id,
    validFrom: REFERENCE_EPOCH,
    ...extra,
  });
  const bad = (rows: ReferenceRow[]): ReferenceSetDefinition => ({
    id: 'fixture',
    label: 'Fixture',
    description: '',
    rows,
  });

  it('passes a sound set', () => {
    expect(findProblems(bad([row('a'), row('b', { parent: 'a' })]))).toEqual([]);
  });

  it('reports duplicate ids', () => {
    expect(findProblems(bad([row('a'), row('a')]))).toEqual(['fixture/a: duplicate id']);
  });

  it('reports parents that do not resolve and cycles', () => {
    expect(findProblems(bad([row('a', { parent: 'nowhere' })]))).toEqual([
      'fixture/a: parent nowhere does not resolve',
    ]);
    expect(findProblems(bad([row('a', { parent: 'b' }), row('b', { parent: 'a' })]))).toHaveLength(2);
  });

  it('reports bad and inverted dates', () => {
    expect(findProblems(bad([row('a', { validFrom: '2024-02-30' })]))).toHaveLength(1);
    expect(findProblems(bad([row('a', { validFrom: '2024-01-02', validTo: '2024-01-01' })]))).toEqual([
      'fixture/a: validTo 2024-01-01 is before validFrom 2024-01-02',
    ]);
    expect(isIsoDate('2024-12-31')).toBe(true);
    expect(isIsoDate('31/12/2024')).toBe(false);
  });
});

describe('reference sets', () => {
  it('seeds every expected set exactly once, each with rows', () => {
    const ids = referenceSets.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...EXPECTED_SETS].sort());
    for (const s of referenceSets) {
      expect(s.label).not.toBe('');
      expect(s.description).not.toBe('');
      expect(s.rows.length).toBeGreaterThan(0);
    }
  });

  it.each(EXPECTED_SETS)('%s: ids unique, parents resolve, dates valid', (id) => {
    expect(findProblems(set(id))).toEqual([]);
  });
});

describe('ports', () => {
  const rows = set('ports').rows;

  it('has at least 60 ports across air, sea and rail', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    for (const mode of ['air', 'sea', 'rail']) {
      expect(rows.filter((r) => attr(r, 'mode') === mode).length).toBeGreaterThan(0);
    }
  });

  it('gives every port a 5-letter GB UN/LOCODE, a mode and a region', () => {
    for (const r of rows) {
      expect({ id: r.id, unlocode: attr(r, 'unlocode') }).toEqual({
        id: r.id,
        unlocode: expect.stringMatching(/^GB[A-Z]{3}$/),
      });
      expect(['air', 'sea', 'rail']).toContain(attr(r, 'mode'));
      expect(typeof attr(r, 'region')).toBe('string');
    }
  });

  it('gives every airport a 3-letter IATA code, unique across airports', () => {
    const airports = rows.filter((r) => attr(r, 'mode') === 'air');
    for (const r of airports) {
      expect({ id: r.id, iata: attr(r, 'iata') }).toEqual({ id: r.id, iata: expect.stringMatching(/^[A-Z]{3}$/) });
    }
    expect(new Set(airports.map((r) => attr(r, 'iata'))).size).toBe(airports.length);
  });

  it('carries the well-known codes and end-dates closed ports', () => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(attr(byId.get('heathrow')!, 'unlocode')).toBe('GBLHR');
    expect(attr(byId.get('heathrow')!, 'iata')).toBe('LHR');
    expect(attr(byId.get('dover')!, 'unlocode')).toBe('GBDVR');
    expect(attr(byId.get('felixstowe')!, 'unlocode')).toBe('GBFXT');
    expect(byId.get('doncaster-sheffield')!.validTo).toBe('2022-11-05');
    expect(byId.get('ashford-international')!.validTo).toBeDefined();
  });
});

describe('countries', () => {
  const rows = set('countries').rows;
  const iso = rows.filter((r) => attr(r, 'special') !== true);

  it('has all ISO 3166-1 entries keyed by alpha-3 with unique alpha-2 and numeric codes', () => {
    expect(iso.length).toBeGreaterThanOrEqual(249);
    for (const r of iso) {
      expect(r.id).toMatch(/^[A-Z]{3}$/);
      expect(attr(r, 'alpha2')).toEqual(expect.stringMatching(/^[A-Z]{2}$/));
      expect(attr(r, 'numeric')).toEqual(expect.stringMatching(/^\d{3}$/));
    }
    expect(new Set(iso.map((r) => attr(r, 'alpha2'))).size).toBe(iso.length);
    expect(new Set(iso.map((r) => attr(r, 'numeric'))).size).toBe(iso.length);
  });

  it('gives nationalities and includes the ICAO special codes', () => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(attr(byId.get('GBR')!, 'nationality')).toBe('British');
    expect(attr(byId.get('FRA')!, 'nationality')).toBe('French');
    for (const code of ['GBD', 'GBN', 'GBO', 'GBP', 'GBS', 'UNO', 'XXA', 'XXB', 'XXC', 'XXX']) {
      expect(attr(byId.get(code)!, 'special')).toBe(true);
    }
  });
});

describe('items', () => {
  const items = set('items').rows;
  const byId = new Map(items.map((r) => [r.id, r]));
  const unitIds = new Set(set('units').rows.map((r) => r.id));

  it('shares its category rows with item-categories', () => {
    expect(items.filter((r) => attr(r, 'level') === 'category')).toEqual(set('item-categories').rows);
  });

  it('gives every item a default unit from the units set and a category parent', () => {
    for (const r of items.filter((i) => attr(i, 'level') === 'item')) {
      expect({ id: r.id, unit: unitIds.has(String(attr(r, 'defaultUnit'))) }).toEqual({ id: r.id, unit: true });
      expect(attr(byId.get(r.parent!)!, 'level')).toBe('category');
    }
  });

  it('dates legal-status changes', () => {
    expect(byId.get('khat')!.validFrom).toBe('2014-06-24');
    expect(byId.get('nitrous-oxide')!.validFrom).toBe('2023-11-08');
  });
});

describe('document types', () => {
  it('end-dates biometric residence permits', () => {
    const brp = set('document-types').rows.find((r) => r.id === 'biometric-residence-permit');
    expect(brp?.validTo).toBe('2024-12-31');
  });
});

describe('organisation and teams', () => {
  const org = set('organisation').rows;
  const byId = new Map(org.map((r) => [r.id, r]));
  const orgTeams = org.filter((r) => attr(r, 'level') === 'team');
  const LEVELS = ['directorate', 'command', 'branch', 'team'];

  it('uses the four levels, with each row one level below its parent', () => {
    for (const r of org) {
      expect(LEVELS).toContain(attr(r, 'level'));
      if (r.parent) {
        expect(LEVELS.indexOf(String(attr(r, 'level')))).toBe(
          LEVELS.indexOf(String(attr(byId.get(r.parent)!, 'level'))) + 1,
        );
      } else {
        expect(attr(r, 'level')).toBe('directorate');
      }
    }
  });

  it('has at least 30 teams, each of whose chain reaches a directorate', () => {
    expect(orgTeams.length).toBeGreaterThanOrEqual(30);
    for (const team of orgTeams) {
      let current: ReferenceRow | undefined = team;
      const chain: string[] = [];
      while (current && chain.length < 10) {
        chain.push(String(attr(current, 'level')));
        current = current.parent ? byId.get(current.parent) : undefined;
      }
      expect({ team: team.id, chain }).toEqual({ team: team.id, chain: ['team', 'branch', 'command', 'directorate'] });
    }
  });

  it('lists exactly the organisation team rows, by the same ids, in the teams set', () => {
    const flat = set('teams').rows;
    expect(flat.map((r) => r.id)).toEqual(orgTeams.map((r) => r.id));
    for (const t of flat) {
      expect(t.parent).toBeUndefined();
      expect(byId.get(String(attr(t, 'branch')))?.id).toBe(byId.get(t.id)?.parent);
    }
  });

  it('locates teams at ports that exist', () => {
    const portIds = new Set(set('ports').rows.map((r) => r.id));
    for (const t of set('teams').rows) {
      const port = attr(t, 'port');
      if (port !== undefined)
        expect({ team: t.id, port: portIds.has(String(port)) }).toEqual({ team: t.id, port: true });
    }
  });
});

describe('smaller sets', () => {
  it('has at least 40 languages with ISO 639-3 ids', () => {
    const rows = set('languages').rows;
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const r of rows) {
      expect(r.id).toMatch(/^[a-z]{3}$/);
      expect(attr(r, 'iso6393')).toBe(r.id);
    }
  });

  it('has the Cerberus target categories and warnings', () => {
    expect(set('target-categories').rows.map((r) => r.id)).toEqual(['A', 'B', 'C', 'U']);
    expect(set('warnings').rows.map((r) => r.id)).toEqual([
      'violence',
      'firearms',
      'weapons',
      'contagion',
      'self-harm',
    ]);
  });

  it('maps AO to SEO to Border Force titles', () => {
    const grades = new Map(set('grades').rows.map((r) => [r.id, r]));
    expect(attr(grades.get('AO')!, 'borderForceTitle')).toBe('Border Force Assistant Officer');
    expect(attr(grades.get('EO')!, 'borderForceTitle')).toBe('Border Force Officer');
    expect(attr(grades.get('HEO')!, 'borderForceTitle')).toBe('Border Force Higher Officer');
    expect(attr(grades.get('SEO')!, 'borderForceTitle')).toBe('Border Force Senior Officer');
  });

  it('has the ICAO sex markers', () => {
    expect(set('sex').rows.map((r) => attr(r, 'icaoCode'))).toEqual(['F', 'M', 'X']);
  });
});
