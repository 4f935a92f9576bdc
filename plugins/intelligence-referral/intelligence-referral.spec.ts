import { usePluginKit } from '../../test/utils/plugin-kit.js';

const referral = {
  source: 'frontline',
  port: 'holyhead',
  handlingCondition: 'P',
  subjectTypes: ['person', 'vehicle'],
  givenName: 'Sean',
  familyName: 'Murphy',
  nationality: 'IRL',
  vehicleRegistration: '241-D-12345',
  indicators: ['travel-pattern', 'short-stay'],
  narrative: 'Driver has crossed five times in two weeks, each time returning the same day with an empty van.',
};

describe('intelligence-referral plugin', () => {
  const kit = usePluginKit('intelligence-referral');

  it('loads for officers and asks for the partner, the sharing conditions and the subject details that apply', async () => {
    expect(await kit.loaded()).toEqual({ state: 'enabled', canStart: true });
    const answers = {
      ...referral,
      source: 'external-partner',
      handlingCondition: 'C',
      subjectTypes: ['vehicle', 'vessel'],
      vehicleRegistration: undefined,
    };
    expect(await kit.refused(answers)).toEqual([
      { path: 'partnerAgency', message: 'Enter the name of the partner agency' },
      { path: 'handlingConditions', message: 'Enter the conditions on sharing' },
      { path: 'givenName', message: 'Given name must not be answered because the question is not shown' },
      { path: 'familyName', message: 'Family name must not be answered because the question is not shown' },
      { path: 'nationality', message: 'Nationality must not be answered because the question is not shown' },
      { path: 'vesselName', message: 'Enter the vessel name' },
      { path: 'vehicleRegistration', message: 'Enter the vehicle registration or the trailer registration' },
    ]);
  });

  it('rejects an unknown handling code and an upload that is not a file', async () => {
    const answers = { ...referral, handlingCondition: 'R', attachments: [{ file: 'photo.jpg' }] };
    expect(await kit.refused(answers)).toEqual([
      { path: 'handlingCondition', message: 'Select the handling condition from the list' },
      { path: 'attachments[0].file', message: 'File must be an uploaded file' },
    ]);
  });

  it('keeps what a monthly return counts, dated by when it was referred, and the hub’s reason when it closes it', async () => {
    const created = await kit.submit(referral);
    // No person, vehicle, narrative or attachment: those are not marked for reporting.
    const kept = {
      owner_team: 'dover-tourist-controls-team-1',
      at: new Date(created.createdAt),
      source: 'frontline',
      port: 'holyhead',
      handling_condition: 'P',
      subject_types: ['person', 'vehicle'],
      indicators: ['travel-pattern', 'short-stay'],
    };
    expect(await kit.readCase(created.id)).toEqual({ ...kept, state: 'awaiting-triage', reason: null });
    await kit.act(created.id, 'close', 'intel', { reason: 'already-known', details: 'Known to the regional team.' });
    expect(await kit.readCase(created.id)).toEqual({ ...kept, state: 'closed', reason: 'already-known' });
  });

  it('accepts its demo samples', async () => {
    expect(await kit.demo()).toHaveLength(3);
  });
});
