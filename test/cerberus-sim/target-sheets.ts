/** Realistic target information sheets, as Cerberus would send them (docs/cerberus.md). */

const DRIVERS = [
  { givenName: 'Piotr', familyName: 'Nowak', dateOfBirth: '1981-07-14', nationality: 'POL' },
  { givenName: 'Ana', familyName: 'Popescu', dateOfBirth: '1990-02-03', nationality: 'ROU' },
  { givenName: 'Jan', familyName: 'de Vries', dateOfBirth: '1975-11-21', nationality: 'NLD' },
];

let sequence = Math.floor(Math.random() * 600_000);

/** A Cerberus-style reference (2–4 letters, date, 1–4 digits) unique for this process's targets. */
export function targetReference(n: number, day: string): string {
  const letters = String.fromCharCode(65 + (Math.floor(n / 9999) % 26), 65 + (Math.floor(n / 259974) % 26));
  return `C${letters}-${day}-${(n % 9999) + 1}`;
}

/** A RoRo accompanied-freight target for a receiving team, with a fresh target id unless given. */
export function targetSheet(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const eta = new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 16);
  const driver = DRIVERS[sequence % DRIVERS.length]!;
  return {
    targetId: targetReference(sequence, day),
    targetVersion: 1,
    mode: 'roro-accompanied-freight',
    issuingHub: 'national-targeting-roro-team',
    category: 'A',
    port: 'dover',
    eta,
    vesselName: 'Spirit of Britain',
    vehicleRegistration: `AB${10 + (sequence % 89)} CDE`,
    trailerRegistration: `C${100000 + sequence}`,
    persons: [{ role: 'driver', ...driver, documentType: 'passport', documentNumber: `P${1000000 + sequence}` }],
    warnings: ['violence'],
    warningDetails: 'Previous conviction for assault on an officer.',
    indicators: ['routing-anomaly'],
    selectionReasoning: 'Unusual routing through Calais for the declared load.',
    receivingTeam: 'dover-freight-team-a',
    ...overrides,
  };
}
