import { mayHoldTask, mayTakeAction, taskRefusal } from './role-rules.js';

describe('who may claim a task and take an action', () => {
  const task = (candidateRole: string | null, exceptRoles: string[] = []) => ({ candidateRole, exceptRoles });

  it('lets holders of the task’s role claim it, and managers any task, as before exceptRoles existed', () => {
    expect(mayHoldTask(task('officer'), ['officer'])).toBe(true);
    expect(mayHoldTask(task('officer'), ['manager'])).toBe(true);
    expect(mayHoldTask(task('intelligence'), ['manager'])).toBe(true);
    expect(mayHoldTask(task(null), ['intelligence'])).toBe(true);
    expect(mayHoldTask(task('manager'), ['officer'])).toBe(false);
    expect(mayHoldTask(task('intelligence'), ['officer'])).toBe(false);
    expect(taskRefusal(task('manager'), ['officer'])).toBe('This task is for the manager role');
  });

  it('keeps a task from holders of an excepted role, whatever else they hold', () => {
    const examination = task('officer', ['manager']);
    expect(mayHoldTask(examination, ['officer'])).toBe(true);
    expect(mayHoldTask(examination, ['manager', 'officer'])).toBe(false);
    expect(mayHoldTask(examination, ['manager'])).toBe(false);
    expect(taskRefusal(examination, ['manager', 'officer'])).toBe('This task is not for the manager role');
    expect(mayHoldTask(task(null, ['intelligence']), ['officer', 'intelligence'])).toBe(false);
  });

  it('lets holders of any of an action’s roles take it, unless they hold an excepted one', () => {
    expect(mayTakeAction({ roles: ['officer', 'manager'] }, ['manager'])).toBe(true);
    expect(mayTakeAction({ roles: ['officer'] }, ['manager', 'officer'])).toBe(true);
    expect(mayTakeAction({ roles: ['officer'] }, ['manager'])).toBe(false);
    expect(mayTakeAction({ roles: ['officer'], exceptRoles: ['manager'] }, ['manager', 'officer'])).toBe(false);
    expect(mayTakeAction({ roles: ['officer'], exceptRoles: ['manager'] }, ['officer'])).toBe(true);
  });
});
