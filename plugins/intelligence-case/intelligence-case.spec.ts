import { usePluginKit } from '../../test/utils/plugin-kit.js';

const opening = {
  referralReference: 'BF-20260410-3',
  primacyTeam: 'intelligence-hub-south',
  handlingCondition: 'P',
  summary: 'Repeat same-day crossings by a van.',
  reviewDate: '2099-05-10',
};
const product = {
  productType: 'target-package',
  productReference: 'IR-2026-0412',
  disseminatedTo: ['border-force-frontline', 'police'],
  legalGateway: 'crime-and-courts-act-2013-s7',
};
const nfa = { justification: 'Subject already known to the NCA.', authorisingOfficer: 'Sam Patel' };

describe('intelligence-case', () => {
  const kit = usePluginKit('intelligence-case');
  const open = async () => (await kit.submit(opening, 'intel')).id as string;

  it('loads with no tables of its own, and its demo cases are accepted', async () => {
    expect(await kit.loaded('intel')).toEqual({ state: 'enabled', canStart: true });
    expect(await kit.ownTables()).toEqual([]);
    expect(await kit.demo()).toHaveLength(4);
  });

  it('opens a case from a referral, with a review date in the future', async () => {
    expect(await kit.refused({ ...opening, reviewDate: '2026-04-12', referralReference: 'REF-3' }, 'intel')).toEqual([
      {
        path: 'referralReference',
        message: 'Enter the intelligence referral reference in the correct format, like BF-20260412-17',
      },
      { path: 'reviewDate', message: 'Review date must be in the future' },
    ]);
    expect(await kit.readCase(await open())).toEqual({
      state: 'in-development',
      owner_team: 'intelligence-hub-south',
      at: expect.any(Date), // when it was opened
      referral_reference: 'BF-20260410-3',
      primacy_team: 'intelligence-hub-south',
      handling_condition: 'P',
      review_date: new Date(2099, 4, 10), // a date column comes back as local midnight
      product_type: null,
      disseminated_to: null,
      legal_gateway: null,
      new_primacy_team: null,
    });
  });

  it('needs a justification and an authorising officer of HEO or above for no further action', async () => {
    const id = await open();
    expect(await kit.actRefused(id, 'record-nfa', {}, 'intel')).toEqual([
      { path: 'justification', message: 'Enter why no further action is justified' },
      { path: 'authorisingOfficer', message: "Enter the authorising officer's full name" },
      { path: 'authorisingGrade', message: "Select the authorising officer's grade" },
    ]);
    expect(await kit.actRefused(id, 'record-nfa', { ...nfa, authorisingGrade: 'EO' }, 'intel')).toEqual([
      { path: 'authorisingGrade', message: 'No further action must be authorised by a Higher Officer (HEO) or above' },
    ]);
    await kit.act(id, 'record-nfa', 'intel', { ...nfa, authorisingGrade: 'HEO' });
    expect(await kit.readCase(id)).toMatchObject({ state: 'closed-nfa', product_type: null });
  });

  it('keeps every product disseminated in the case’s history, the read model the latest and the transfer', async () => {
    const id = await open();
    expect(
      await kit.actRefused(id, 'record-product', { ...product, disseminatedTo: [], legalGateway: 'gdpr' }, 'intel'),
    ).toEqual([
      { path: 'disseminatedTo', message: 'Select who it was disseminated to' },
      { path: 'legalGateway', message: 'Select the legal gateway from the list' },
    ]);
    const transfer = { newPrimacyTeam: 'cash-team-south-east', reason: 'Cash is the main line of enquiry.' };
    await kit.act(id, 'transfer-primacy', 'intel', transfer);
    await kit.act(id, 'record-product', 'intel', product);
    const alert = {
      productType: 'alert',
      productReference: 'IR-2026-0413',
      disseminatedTo: ['hmrc'],
      legalGateway: 'commissioners-revenue-customs-act-2005-s18',
    };
    await kit.act(id, 'record-further-product', 'intel', alert);
    const { timeline } = await kit.case(id, 'intel');
    const products = timeline
      .filter((e: { detail: { action?: string } }) => e.detail.action?.includes('product'))
      .map((e: { actor: string; detail: { answers: unknown } }) => [e.actor, e.detail.answers]);
    expect(products).toEqual([
      ['intel', product],
      ['intel', alert],
    ]);
    expect(await kit.readCase(id)).toMatchObject({
      state: 'disseminated',
      primacy_team: 'intelligence-hub-south',
      product_type: 'alert',
      disseminated_to: ['hmrc'],
      legal_gateway: 'commissioners-revenue-customs-act-2005-s18',
      new_primacy_team: 'cash-team-south-east',
    });
  });
});
