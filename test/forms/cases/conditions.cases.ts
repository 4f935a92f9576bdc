import { NOW, type FormCase } from './case-types.js';

const air = { travelling: 'air', flightNumber: 'BA0117', declared: false };
const sea = { travelling: 'sea', vesselName: 'Pride of Kent', imo: '9074729', cargo: ['drugs'], declared: false };
const c = (
  name: string,
  answers: unknown,
  expectedErrors: FormCase['expectedErrors'],
  extra: Partial<FormCase> = {},
): FormCase => ({
  name,
  form: 'conditions',
  answers,
  mode: 'submit',
  now: NOW,
  expectedErrors,
  ...extra,
});
const hidden = (path: string, name: string) => ({
  path,
  message: `${name} must not be answered because the question is not shown`,
});

/** show_when on components and pages: eq, ne, in, nin, contains, exists, all/any/not. */
export const conditionCases: FormCase[] = [
  c('air journey', air, []),
  c('eq: question shown and required', { ...air, flightNumber: undefined }, [
    { path: 'flightNumber', message: 'Enter the flight number' },
  ]),
  c('term format on a conditional question', { ...air, flightNumber: 'BA-117!' }, [
    { path: 'flightNumber', message: 'Enter a flight number in the correct format, like BA0117' },
  ]),
  c('in: hidden question answered on submit', { ...air, vesselName: 'Pride of Kent' }, [
    hidden('vesselName', 'Vessel name'),
  ]),
  c('in: hidden question dropped from a draft', { ...air, vesselName: 'Pride of Kent' }, [], {
    mode: 'draft',
    expectedAnswers: { flightNumber: 'BA0117' },
  }),
  c('all: needs both conditions', { ...sea, vesselName: undefined, imo: undefined }, []),
  c('all: second condition met', { ...sea, imo: undefined }, [{ path: 'imo', message: 'Enter the IMO number' }]),
  c('all: answer to a question hidden by all', { ...sea, vesselName: undefined }, [hidden('imo', 'IMO number')]),
  c('term pattern for IMO number', { ...sea, imo: '12345' }, [
    { path: 'imo', message: 'IMO number must be 7 digits, like 9074729' },
  ]),
  c('IMO number with prefix', { ...sea, imo: 'IMO 9074729' }, []),
  c('any: page shown for sea', { ...sea, cargo: undefined }, [
    { path: 'noCargoReason', message: 'Enter why nothing was found' },
  ]),
  c('contains: question shown when cash ticked', { ...sea, cargo: ['drugs', 'cash'] }, [
    { path: 'cashAmount', message: 'Enter the amount of cash' },
  ]),
  c('contains: shown question validated', { ...sea, cargo: ['cash'], cashAmount: -5 }, [
    { path: 'cashAmount', message: 'Amount of cash must be 0 or more' },
  ]),
  c('contains: shown question answered', { ...sea, cargo: ['cash'], cashAmount: 1200 }, []),
  c('not exists: hidden once cargo ticked', { ...sea, noCargoReason: 'Nothing there' }, [
    hidden('noCargoReason', 'Why nothing was found'),
  ]),
  c('nin: rail question shown', { travelling: 'rail', cargo: ['tobacco'], declared: false }, [
    { path: 'railOperator', message: 'Enter rail operator' },
  ]),
  c(
    'nin: rail journey complete',
    { travelling: 'rail', railOperator: 'Eurostar', cargo: ['tobacco'], declared: false },
    [],
  ),
  c('eq: flight number hidden for sea', { ...sea, flightNumber: 'BA0117' }, [hidden('flightNumber', 'Flight number')]),
  c('exists: nothing chosen hides dependent questions', { declared: false }, [
    { path: 'travelling', message: 'Select how they travelled' },
  ]),
  c('ne: details needed when declared', { ...air, declared: true }, [
    { path: 'declaredDetails', message: 'Enter what they declared' },
  ]),
  c('ne: unanswered is not equal', { ...air, declared: undefined }, [
    { path: 'declared', message: 'Select whether they declared anything' },
    { path: 'declaredDetails', message: 'Enter what they declared' },
  ]),
  c('page condition: answer on a hidden page', { ...air, cashAmount: 10 }, [hidden('cashAmount', 'Amount of cash')]),
  c('page condition: hidden page dropped from a draft', { ...air, cargo: ['cash'], cashAmount: 10 }, [], {
    mode: 'draft',
  }),
  c(
    'draft: wrong type on a shown question',
    { ...sea, cargo: ['cash'], cashAmount: 'lots' },
    [{ path: 'cashAmount', message: 'Amount of cash must be a number' }],
    { mode: 'draft' },
  ),
  c('value not in the options hides dependants', { travelling: 'bus', declared: false }, [
    { path: 'travelling', message: 'Select how they travelled from the list' },
  ]),
];
