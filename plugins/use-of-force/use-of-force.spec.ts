import { join } from 'node:path';
import { pdfInfo, pdfToPng } from '../../test/reports/poppler.js';
import { usePluginKit } from '../../test/utils/plugin-kit.js';
import { expectMonthReportHeading, expectMonthReportParameters, section, tableRows } from '../../test/utils/reports.js';

const TITLE = 'Use of force in a month';

/** Table body rows of a section ending "<count> <percent>", spaces collapsed. */
const rows = (text: string): string[] => tableRows(text, /\d+ \d+\.\d%$/);

/** A handcuffing after arrest at Gatwick: the start form's answers. */
const report = {
  occurredAt: '2026-04-12T10:40',
  port: 'gatwick',
  locationDetails: 'Search room 2, North Terminal',
  team: 'gatwick-north-terminal-team',
  familyName: 'Smith',
  subjectBehaviour: ['verbal-non-compliance', 'active-resistance'],
  reasons: ['prevent-escape', 'effect-arrest'],
  techniques: ['escort-hold', 'handcuffs-rear'],
  personalSafety: ['tactical-communication'],
  durationMinutes: 3,
  subjectInjured: false,
  officerInjured: false,
  medicalAssistance: 'none',
  account:
    'The man tried to leave the search room after arrest. Handcuffs applied to prevent escape and removed on handover to police.',
  bodyWornVideo: true,
};

/**
 * A use of force at `occurredAt` (UK time) by Dover Tourist Controls Team 1 at Dover, recorded on
 * body-worn video with nobody injured, unless `more` says otherwise; an injury adds its description.
 */
const force = (occurredAt: string, techniques: string[], reasons: string[], more: Record<string, unknown> = {}) => ({
  ...report,
  occurredAt,
  techniques,
  reasons,
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  ...(more.subjectInjured ? { subjectInjuries: 'Graze to the left wrist.' } : {}),
  ...(more.officerInjured ? { officerInjuries: 'Bruised right hand.' } : {}),
  ...more,
});

describe('use-of-force plugin', () => {
  const kit = usePluginKit('use-of-force', { env: { SECURITY_MARKING: 'OFFICIAL-SENSITIVE' } });

  it('loads for officers and keeps what the monthly return counts, dated by when force was used', async () => {
    expect(await kit.loaded()).toEqual({ state: 'enabled', canStart: true });
    const created = await kit.submit(report);
    // No person, location details or account: those are not marked for reporting.
    expect(await kit.readCase(created.id)).toEqual({
      state: 'awaiting-review',
      owner_team: 'dover-tourist-controls-team-1',
      at: new Date('2026-04-12T09:40:00Z'), // BST
      occurred_at: new Date('2026-04-12T09:40:00Z'),
      port: 'gatwick',
      team: 'gatwick-north-terminal-team',
      subject_behaviour: ['verbal-non-compliance', 'active-resistance'],
      reasons: ['prevent-escape', 'effect-arrest'],
      techniques: ['escort-hold', 'handcuffs-rear'],
      duration_minutes: '3',
      subject_injured: false,
      officer_injured: false,
      medical_assistance: 'none',
      body_worn_video: true,
    });
    expect(await kit.demo()).toHaveLength(2);
  });

  it('asks for injury details and medical assistance when someone was injured', async () => {
    expect(await kit.refused({ ...report, officerInjured: true })).toEqual([
      { path: 'officerInjuries', message: "Enter the officer's injuries" },
      { path: 'medicalAssistance', message: 'Select the medical assistance given or offered – someone was injured' },
    ]);
  });

  it('checks techniques against the seeded list and asks about other techniques', async () => {
    expect(await kit.refused({ ...report, techniques: ['other-technique', 'baton'], reasons: [] })).toEqual([
      { path: 'reasons', message: 'Select why force was used' },
      { path: 'techniques', message: 'Select the restraint techniques used from the list' },
    ]);
    expect(await kit.refused({ ...report, techniques: ['other-technique'] })).toEqual([
      { path: 'otherTechnique', message: 'Enter the other technique' },
    ]);
  });

  describe('report: use of force in a month', () => {
    beforeAll(async () => {
      // October 2026 in the South East and Europe Command, all reported later. UK time: BST until
      // 25 October, so 1 Oct 00:30 is 30 Sep 23:30 UTC (in) and 30 Sep 23:30 is 22:30 UTC (out);
      // 31 Oct 23:30 is GMT (in).
      const person = (medicalAssistance: string) => ({ subjectInjured: true, medicalAssistance });
      const officer = (medicalAssistance: string) => ({ officerInjured: true, medicalAssistance });
      // Assistance offered, not given.
      const declined = { port: 'folkestone-eurotunnel', medicalAssistance: 'offered-declined', bodyWornVideo: false };
      const dover = {
        u1: force('2026-10-01T00:30', ['escort-hold', 'handcuffs-rear'], ['prevent-escape', 'effect-arrest']),
        u2: force('2026-10-05T14:00', ['handcuffs-rear', 'arm-lock'], ['protect-self'], person('first-aid')),
        u3: force('2026-10-12T09:15', ['verbal-commands', 'escort-hold'], ['detain-for-search'], declined),
        u5: force('2026-10-31T23:30', ['escort-hold'], ['prevent-escape'], { bodyWornVideo: false }),
        // Outside the month either side of the boundaries.
        september: force('2026-09-30T23:30', ['defensive-strike'], ['secure-evidence'], person('paramedic')),
        november: force('2026-11-01T00:15', ['defensive-strike'], ['secure-evidence'], officer('hospital')),
      };
      for (const answers of Object.values(dover)) await kit.submit(answers);
      // Another command (Central Command, Felixstowe), same month: must not appear.
      const felixstowe = { port: 'felixstowe', team: 'felixstowe-freight-team-a', ...officer('paramedic') };
      const strike = ['defensive-strike', 'handcuffs-rear'];
      await kit.submit(force('2026-10-15T11:00', strike, ['secure-evidence'], felixstowe), 'freight');
      // A night shift on Team 2: the case is filed under the officer's shift team.
      const team2 = { teamId: 'dover-tourist-controls-team-2', location: 'dover' };
      expect((await kit.call('POST', '/api/shift', 'officer', team2)).status).toBeLessThan(300);
      const u4 = { port: 'folkestone-eurotunnel', team: team2.teamId, ...person('hospital'), officerInjured: true };
      const restraint = ['ground-restraint', 'handcuffs-rear', 'limb-restraints'];
      await kit.submit(force('2026-10-20T22:00', restraint, ['protect-others', 'effect-arrest'], u4));
      await kit.call('DELETE', '/api/shift', 'officer');
    });

    it('is listed for managers with a month and a team, and checks its parameters', async () => {
      await expectMonthReportParameters(kit.app, {
        reportKey: 'use-of-force.monthly-use-of-force',
        title: TITLE,
        manager: await kit.auth('manager'),
        officer: await kit.auth('officer'),
        month: '2026-10',
        // A team of another command is not the manager's to report on.
        otherCommandTeam: 'felixstowe-freight-team-a',
      });
    });

    it("October 2026: key figures, by port, techniques and reasons, only the manager's command", async () => {
      const { file, text } = await kit.reportPdf('monthly-use-of-force', { month: '2026-10' });
      expectMonthReportHeading(text, { title: TITLE, month: 'October 2026', period: '01 Oct 2026 to 31 Oct 2026' });
      // Key figures: 5 reports (u1–u5), counts and % of reports.
      expect(text).toMatch(/Use of force reports\s+5\n/);
      expect(text).toMatch(/Person injured\s+2 \(40\.0%\)/); // u2, u4
      expect(text).toMatch(/Officer injured\s+1 \(20\.0%\)/); // u4
      expect(text).toMatch(/Medical assistance given\s+2 \(40\.0%\)/); // first aid (u2), hospital (u4); not u3's declined offer
      expect(text).toMatch(/Body-worn video recorded\s+3 \(60\.0%\)/); // u1, u2, u4

      // By port: Reports, Person injured, Officer injured; busiest first.
      expect(text).toMatch(/Port\s+Reports\s+Person injured\s+Officer injured/);
      expect(text).toMatch(/Port of Dover\s+3\s+1\s+0\n/);
      expect(text).toMatch(/Eurotunnel Le Shuttle terminal,[^\n]*?\s+2\s+1\s+1\n/);
      expect(text).toMatch(/All ports\s+5\s+2\s+1\n/);
      expect(text.indexOf('Port of Dover')).toBeLessThan(text.indexOf('Eurotunnel Le Shuttle'));

      // Techniques: reports using each, most used first, then by name.
      const techniques = section(text, 'Techniques used', 'Reasons for using force');
      expect(rows(techniques)).toEqual([
        'Escort hold 3 60.0%',
        'Handcuffs: rear 3 60.0%',
        'Arm lock or arm restraint 1 20.0%',
        'Limb restraints 1 20.0%',
        'Restraint on the ground 1 20.0%',
        'Verbal commands and tactical communication 1 20.0%',
      ]);
      const reasons = section(text, 'Reasons for using force', 'Handling:'); // may run on to page 2
      expect(rows(reasons)).toEqual([
        'To make an arrest 2 40.0%',
        'To prevent escape 2 40.0%',
        'To detain for a search 1 20.0%',
        'To protect others 1 20.0%',
        'To protect yourself 1 20.0%',
      ]);

      // Nothing from September, November or the other command.
      expect(text).not.toMatch(/Felixstowe|Defensive strike|To secure evidence/);
      const pages = (await pdfInfo(file)).Pages;
      expect(text).toContain(`Page 1 of ${pages}`);
      await pdfToPng(file, join('test-output', 'use-of-force', 'monthly-use-of-force'), { first: 1, last: 1, dpi: 60 });
    });

    it('one team of the command: only that team’s reports', async () => {
      const text = await kit.report('monthly-use-of-force', {
        month: '2026-10',
        team: 'dover-tourist-controls-team-2',
      });
      expect(text).toMatch(/Team\s+Dover Tourist Controls Team 2/);
      expect(text).toMatch(/Use of force reports\s+1\n/);
      expect(text).toMatch(/Person injured\s+1 \(100\.0%\)/);
      expect(text).toMatch(/Officer injured\s+1 \(100\.0%\)/);
      expect(text).toMatch(/Medical assistance given\s+1 \(100\.0%\)/);
      expect(text).toMatch(/Body-worn video recorded\s+1 \(100\.0%\)/);
      expect(text).toMatch(/All ports\s+1\s+1\s+1\n/);
      expect(text).not.toContain('Port of Dover');
      expect(rows(section(text, 'Techniques used', 'Reasons for using force'))).toEqual([
        'Handcuffs: rear 1 100.0%',
        'Limb restraints 1 100.0%',
        'Restraint on the ground 1 100.0%',
      ]);
    });

    it('a month with nothing recorded says so instead of printing empty tables', async () => {
      const { file, text } = await kit.reportPdf('monthly-use-of-force', { month: '2026-06' });
      expect(text).toMatch(/Month\s+June 2026/);
      expect(text).toMatch(/Use of force reports\s+0\n/);
      expect(text).toContain('No use of force was recorded in this month.');
      expect(text).not.toMatch(/Person injured|Reports and injuries by port|Techniques used|Reasons for using force/);
      expect((await pdfInfo(file)).Pages).toBe('1');
    });
  });
});
