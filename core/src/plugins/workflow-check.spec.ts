import type { WorkflowDefinition } from '../sdk/workflow.js';
import { checkWorkflow } from './workflow-check.js';

const workflow = (
  task: Record<string, unknown>,
  action: Record<string, unknown> = {},
): WorkflowDefinition & Record<string, unknown> => ({
  initial: 'held',
  states: [
    { id: 'held', label: 'Held', tasks: [{ title: 'Examine', priority: 'high', ...task }] },
    { id: 'done', label: 'Done', terminal: true },
  ],
  actions: [{ id: 'examine', label: 'Examine', from: ['held'], to: 'done', roles: ['officer'], ...action }],
});

describe('checkWorkflow: task and action roles', () => {
  it('accepts a task and an action kept from managers', () => {
    expect(
      checkWorkflow(workflow({ role: 'officer', exceptRoles: ['manager'] }, { exceptRoles: ['manager'] }), []),
    ).toEqual([]);
  });

  it('names an unknown role in a task’s role or exceptRoles, or an action’s exceptRoles', () => {
    expect(checkWorkflow(workflow({ role: 'wizard', exceptRoles: ['boss'] }, { exceptRoles: ['chief'] }), [])).toEqual([
      'task "Examine" in state "held" names unknown role "wizard"',
      'task "Examine" in state "held" names unknown role "boss"',
      'workflow action "examine" names unknown role "chief"',
    ]);
    expect(checkWorkflow(workflow({ exceptRoles: 'manager' }), [])).toEqual([
      'task "Examine" in state "held": exceptRoles must be a list of roles',
    ]);
  });

  it('refuses exceptRoles that leave nobody to claim the task or take the action', () => {
    expect(
      checkWorkflow(workflow({ role: 'officer', exceptRoles: ['officer'] }, { exceptRoles: ['officer'] }), []),
    ).toEqual([
      'task "Examine" in state "held": exceptRoles leaves nobody who may claim it (officer all excepted)',
      'workflow action "examine": exceptRoles leaves nobody who may take it (officer all excepted)',
    ]);
  });
});
