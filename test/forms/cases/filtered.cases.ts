import { NOW, type FormCase } from './case-types.js';

const where = { port: 'GBDOV', terminal: 'dover-eastern-docks' };
const c = (
  name: string,
  answers: unknown,
  expectedErrors: FormCase['expectedErrors'],
  extra: Partial<FormCase> = {},
): FormCase => ({ name, form: 'filtered', answers, mode: 'submit', now: NOW, expectedErrors, ...extra });
const wrongTerminal = { path: 'terminal', message: 'Select the terminal from the list for the port' };

/** Reference lists filtered by another answer (`filterBy`): by a row attribute, by a parent, inside a group. */
export const filteredCases: FormCase[] = [
  c('terminal of the chosen port', where, [], { expectedAnswers: where }),
  c('another terminal of the same port', { port: 'GBDOV', terminal: 'dover-western-docks' }, []),
  c('terminal of another port', { port: 'GBDOV', terminal: 'heathrow-t5' }, [wrongTerminal]),
  c('terminal of another port in a draft', { port: 'GBFXT', terminal: 'dover-western-docks' }, [wrongTerminal], {
    mode: 'draft',
  }),
  c('terminal with no port chosen: the missing port is what is reported', { terminal: 'heathrow-t5' }, [
    { path: 'port', message: 'Select the port' },
  ]),
  c('terminal with no port chosen in a draft', { terminal: 'heathrow-t5' }, [wrongTerminal], { mode: 'draft' }),
  c('terminal when the port itself is wrong: only the port is reported', { port: 'GBZZZ', terminal: 'heathrow-t5' }, [
    { path: 'port', message: 'Select a port from the list' },
  ]),
  c('terminal that is not in the list at all', { port: 'GBDOV', terminal: 'platform-9' }, [
    { path: 'terminal', message: 'Select the terminal from the list' },
  ]),
  c('retired terminal of the chosen port', { port: 'GBLHR', terminal: 'heathrow-t1' }, [
    { path: 'terminal', message: 'Terminal is no longer in use – select another option' },
  ]),
  c('retired terminal of the chosen port when amending', { port: 'GBLHR', terminal: 'heathrow-t1' }, [], {
    options: { allowRetired: true },
  }),
  c(
    'goods of the chosen category in each item',
    {
      ...where,
      seized: [
        { category: 'drugs', good: 'cocaine', where: 'dover-western-docks' },
        { category: 'tobacco', good: 'hand-rolling-tobacco' },
      ],
    },
    [],
  ),
  c(
    'goods of another category, and a terminal of another port, inside an item',
    {
      ...where,
      seized: [
        { category: 'drugs', good: 'cannabis' },
        { category: 'tobacco', good: 'cocaine', where: 'heathrow-t4' },
      ],
    },
    [
      { path: 'seized[1].good', message: 'Select what was seized from the list for the category' },
      {
        path: 'seized[1].where',
        message: 'Select the terminal where it was found from the list for the port',
      },
    ],
  ),
  c(
    'goods with no category chosen in the item: the missing category is what is reported',
    { ...where, seized: [{ good: 'cigarettes' }] },
    [{ path: 'seized[0].category', message: 'Select the category' }],
  ),
  c(
    'goods with no category chosen in a draft',
    { seized: [{ good: 'cigarettes' }] },
    [{ path: 'seized[0].good', message: 'Select what was seized from the list for the category' }],
    { mode: 'draft' },
  ),
];
