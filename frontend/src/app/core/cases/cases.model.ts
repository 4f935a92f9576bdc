import type { Schema } from '../api/schema';

/** Shapes of the core's case, task, draft and search responses (core/src/cases). */

/** One check-your-answers row of a case. */
export type SummaryRow = Schema<'SummaryRowView'>;

/** Task priority, lowest to highest. */
export type TaskPriority = Schema<'TaskPriority'>;

/** A task as `GET /api/tasks` and the case view return it. */
export type TaskView = Schema<'TaskView'>;

/** How an outbound delivery of a case (an outcome to Cerberus) stands, with the core's wording. */
export type DeliveryView = Schema<'DeliveryView'>;

/** A case as `GET /api/cases/:id` returns it. */
export type CaseView = Schema<'CaseView'>;

/** A draft as the core keeps it. */
export type DraftRecord = Schema<'DraftView'>;

/** Query of the task lists: the shell's own, sent as query parameters. */
export interface TaskQuery {
  scope: 'mine' | 'team';
  plugin?: string;
  priority?: TaskPriority;
  overdue?: boolean;
  sort?: 'priority' | 'due' | 'created';
  limit?: number;
  cursor?: string;
}

/** One page of tasks. */
export type TaskPage = Schema<'TaskPage'>;

/** A cross-workflow search result. */
export type SearchResult = Schema<'SearchResult'>;
