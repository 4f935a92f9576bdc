import { ApiError, commonMessage } from '../../core/api/api-error';

/** Every message the task list shows. */
export const TASKS_MESSAGES = {
  loadFailed: 'Tasks could not be loaded. Refresh the page to try again.',
  noTasks: 'There are no tasks to show.',
} as const;

/** The message for a failed task request. */
export function tasksErrorMessage(error: ApiError): string {
  return commonMessage(error) ?? error.message ?? TASKS_MESSAGES.loadFailed;
}
