import { usePluginKit } from '../../test/utils/plugin-kit.js';
import { NOTHING_TO_DECLARE, TOPICS } from './plugin.js';

const nothing = {
  declarationType: 'annual',
  grade: 'EO',
  team: 'dover-tourist-controls-team-1',
  lineManager: 'Alex Jones',
  lineManagerEmail: 'alex.jones@example.gov.uk',
  ...NOTHING_TO_DECLARE,
};

describe('mandatory-declaration plugin', () => {
  const kit = usePluginKit('mandatory-declaration');

  it('loads for officers and records a declaration with nothing to declare, which needs no review', async () => {
    expect(await kit.loaded()).toEqual({ state: 'enabled', canStart: true });
    expect((await kit.submit(nothing)).state).toBe('recorded');
  });

  it('needs details of every "yes", and the confirmation', async () => {
    const answers = { ...nothing, otherEmployment: true, personalFinance: true, personalFinanceDetails: 'Debt plan.' };
    expect(await kit.refused(answers)).toEqual([{ path: 'otherEmploymentDetails', message: 'Enter the details' }]);
    expect(await kit.refused({ ...nothing, confirmation: [] })).toEqual([
      { path: 'confirmation', message: 'Confirm that the information is true and complete' },
    ]);
  });

  it.each(Object.keys(TOPICS))('a "yes" to %s goes to the line manager, under a seeded topic', async (question) => {
    const created = await kit.submit({ ...nothing, [question]: true, [`${question}Details`]: 'Details given.' });
    expect(created.state).toBe('line-manager-review');
    const topics = await kit.call('GET', '/api/reference/mandatory-declaration-topics', 'officer');
    expect(topics.body.rows).toContainEqual(expect.objectContaining(TOPICS[question]));
  });

  it('keeps why, grade, team, each yes/no and the decision in the read model, never details or names', async () => {
    const created = await kit.submit({ ...nothing, otherEmployment: true, otherEmploymentDetails: 'Refereeing.' });
    const declared = {
      owner_team: 'dover-tourist-controls-team-1',
      at: new Date(created.createdAt), // dated by when it was declared
      declaration_type: 'annual',
      grade: 'EO',
      team: 'dover-tourist-controls-team-1',
      security_clearance: false,
      sponsorship: false,
      other_employment: true,
      criminality: false,
      personal_finance: false,
      business_interests: false,
    };
    expect(await kit.readCase(created.id)).toEqual({ ...declared, state: 'line-manager-review', decision: null });
    const review = { decision: 'conditions', conditions: 'Not to be rostered on Sunday mornings at short notice.' };
    await kit.act(created.id, 'record-review', 'manager', review);
    expect(await kit.readCase(created.id)).toEqual({ ...declared, state: 'reviewed', decision: 'conditions' });
  });

  it('accepts its demo samples', async () => {
    expect(await kit.demo()).toHaveLength(4);
  });
});
