import { NOW, type FormCase } from './case-types.js';

const LONG = 'x'.repeat(101);

const task = (
  name: string,
  answers: Record<string, unknown>,
  expected: NonNullable<FormCase['tasks']>['expected'],
  completed?: string[],
  draftErrors: FormCase['expectedErrors'] = [],
): FormCase => ({
  name,
  form: 'journey',
  answers,
  mode: 'draft',
  now: NOW,
  expectedErrors: draftErrors,
  tasks: { expected, ...(completed ? { completed } : {}) },
});

const press = (
  form: 'journey' | 'hub',
  name: string,
  answers: Record<string, unknown>,
  at: { page: string; action: number; changing?: boolean },
  outcome: { errors?: FormCase['expectedErrors']; to?: string },
): FormCase => ({
  name,
  form,
  answers,
  mode: 'submit',
  now: NOW,
  press: { ...at, ...(outcome.to ? { expectedTo: outcome.to } : {}) },
  expectedErrors: outcome.errors ?? [],
});

/** Three-level task lists (task states, prerequisites, marking complete), page buttons and hub-and-spoke moves. */
export const journeyCases: FormCase[] = [
  task(
    'nothing answered: the task with a prerequisite cannot start yet',
    {},
    {
      identity: 'not-started',
      contact: 'not-started',
      outcome: 'cannot-start-yet',
    },
  ),
  task(
    'prerequisite completed: the task can start',
    { familyName: 'Silva' },
    {
      identity: 'completed',
      contact: 'not-started',
      outcome: 'not-started',
    },
  ),
  task(
    'prerequisite in progress (invalid answer): still cannot start yet',
    { familyName: LONG },
    { identity: 'in-progress', contact: 'not-started', outcome: 'cannot-start-yet' },
    undefined,
    [{ path: 'familyName', message: 'Family name must be 100 characters or less' }],
  ),
  task(
    'task done out of order while its prerequisite is not: cannot start yet',
    { outcome: 'allowed' },
    {
      identity: 'not-started',
      contact: 'not-started',
      outcome: 'cannot-start-yet',
    },
  ),
  task(
    'optional-only task answered but not marked: in progress',
    { email: 'sam@example.com' },
    {
      identity: 'not-started',
      contact: 'in-progress',
      outcome: 'cannot-start-yet',
    },
  ),
  task(
    'optional-only task marked complete with nothing answered: completed',
    {},
    { identity: 'not-started', contact: 'completed', outcome: 'cannot-start-yet' },
    ['contact'],
  ),
  task(
    'optional-only task marked complete with an invalid answer: in progress',
    { email: 'not an email' },
    { identity: 'not-started', contact: 'in-progress', outcome: 'cannot-start-yet' },
    ['contact'],
    [{ path: 'email', message: 'Enter an email address in the correct format, like name@example.com' }],
  ),
  task(
    'a mark on a task with required questions changes nothing',
    {},
    { identity: 'not-started', contact: 'not-started', outcome: 'cannot-start-yet' },
    ['identity'],
  ),
  task(
    'every task completed',
    { familyName: 'Silva', outcome: 'refused', reasons: 'Deception' },
    {
      identity: 'completed',
      contact: 'not-started',
      outcome: 'completed',
    },
  ),
  task(
    'hidden page left unanswered does not hold its task back',
    { familyName: 'Silva', outcome: 'allowed' },
    {
      identity: 'completed',
      contact: 'not-started',
      outcome: 'completed',
    },
  ),
  task(
    'shown page unanswered keeps its task in progress',
    { familyName: 'Silva', outcome: 'refused' },
    {
      identity: 'completed',
      contact: 'not-started',
      outcome: 'in-progress',
    },
  ),
  press(
    'journey',
    'save and continue refuses a missing required answer',
    {},
    { page: 'name', action: 0 },
    {
      errors: [{ path: 'familyName', message: 'Enter the family name' }],
    },
  ),
  press(
    'journey',
    'save and continue goes to the task’s next page',
    { familyName: 'Silva' },
    { page: 'name', action: 0 },
    {
      to: 'birth',
    },
  ),
  press(
    'journey',
    'save and return leaves a required answer for later',
    {},
    { page: 'name', action: 1 },
    {
      to: 'tasks',
    },
  ),
  press(
    'journey',
    'save and return still refuses an invalid answer',
    { familyName: LONG },
    { page: 'name', action: 1 },
    {
      errors: [{ path: 'familyName', message: 'Family name must be 100 characters or less' }],
    },
  ),
  press(
    'journey',
    'the last page of a task returns to the task list',
    { familyName: 'Silva' },
    { page: 'birth', action: 0 },
    {
      to: 'tasks',
    },
  ),
  press(
    'journey',
    'a content-only page with a custom label goes on',
    {},
    { page: 'guidance', action: 0 },
    {
      to: 'outcome',
    },
  ),
  press(
    'journey',
    'navigate goes to the named page',
    { outcome: 'refused' },
    { page: 'outcome', action: 0 },
    {
      to: 'reasons',
    },
  ),
  press(
    'journey',
    'navigate to a page not shown goes on as continue would',
    { outcome: 'allowed' },
    { page: 'outcome', action: 0 },
    {
      to: 'tasks',
    },
  ),
  press(
    'journey',
    'navigate checks the page first',
    {},
    { page: 'outcome', action: 0 },
    {
      errors: [{ path: 'outcome', message: 'Select outcome' }],
    },
  ),
  press(
    'journey',
    'after a change, pages the change left incomplete come next',
    { familyName: 'Silva', outcome: 'refused' },
    { page: 'outcome', action: 1, changing: true },
    { to: 'reasons' },
  ),
  press(
    'journey',
    'after a change with nothing left to answer, back to check your answers',
    { familyName: 'Silva' },
    { page: 'name', action: 0, changing: true },
    { to: 'check' },
  ),
  press(
    'hub',
    'a spoke goes through its pages',
    { givenName: 'Sam', familyName: 'Jones' },
    { page: 'names', action: 0 },
    {
      to: 'email',
    },
  ),
  press(
    'hub',
    'a spoke’s page checks its questions',
    { givenName: 'Sam' },
    { page: 'names', action: 0 },
    {
      errors: [{ path: 'familyName', message: 'Enter the family name' }],
    },
  ),
  press(
    'hub',
    'save and return to the hub leaves a required answer for later',
    {},
    { page: 'email', action: 0 },
    {
      to: 'hub',
    },
  ),
  press(
    'hub',
    'save and return to the hub refuses an invalid answer',
    { email: 'sam' },
    { page: 'email', action: 0 },
    {
      errors: [{ path: 'email', message: 'Enter an email address in the correct format, like name@example.com' }],
    },
  ),
  press('hub', 'the end of a spoke returns to the hub', {}, { page: 'team', action: 0 }, { to: 'hub' }),
  press(
    'hub',
    'a change from the hub goes through the spoke, then back',
    { givenName: 'Sam', familyName: 'Jones' },
    {
      page: 'names',
      action: 0,
      changing: true,
    },
    { to: 'email' },
  ),
  {
    name: 'submitted from the hub: every section is checked',
    form: 'hub',
    answers: { givenName: 'Sam', email: 'Sam@Example.com' },
    mode: 'submit',
    now: NOW,
    expectedErrors: [{ path: 'familyName', message: 'Enter the family name' }],
  },
  {
    name: 'submitted from the hub with every answer',
    form: 'hub',
    answers: { givenName: 'Sam', familyName: 'Jones', email: 'Sam@Example.com' },
    mode: 'submit',
    now: NOW,
    expectedErrors: [],
    expectedAnswers: { email: 'sam@example.com' },
  },
];
