/** Shapes of the core's case, task, draft and search responses (core/src/cases). */

/** One check-your-answers row of a case. */
export interface SummaryRow {
  pageId: string;
  path: string;
  label: string;
  value: unknown;
  displayValue: string;
}

/** Task priority, lowest to highest. */
export type TaskPriority = 'low' | 'medium' | 'high' | 'urgent';

/** A task as `GET /api/tasks` and the case view return it. */
export interface TaskView {
  id: string;
  caseId: string;
  businessKey: string;
  pluginId: string;
  caseState: string;
  title: string;
  status: 'open' | 'completed' | 'cancelled' | string;
  teamId: string | null;
  candidateRole: string | null;
  assignee: { id: string; name: string } | null;
  priority: TaskPriority;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
}

/** How an outbound delivery of a case (an outcome to Cerberus) stands, with the core's wording. */
export interface DeliveryView {
  topic: string;
  status: 'pending' | 'delivered' | 'dead';
  attempts: number;
  deliveredAt: string | null;
  /** "Outcome sent to Cerberus at 14:02", "Retrying: attempt 3", "Failed: needs attention (…)". */
  label: string;
}

/** A case as `GET /api/cases/:id` returns it. */
export interface CaseView {
  id: string;
  businessKey: string;
  pluginId: string;
  pluginTitle: string;
  formId: string;
  formVersion: number;
  state: string;
  stateLabel: string;
  terminal: boolean;
  teamId: string | null;
  teamName: string | null;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  version: number;
  answers: Record<string, unknown>;
  summary: SummaryRow[];
  /** `startsCase`: done by starting that plugin's form pre-filled from this case (absent from older cores). */
  actions: { id: string; label: string; form: string | null; startsCase?: string }[];
  tasks: TaskView[];
  links: { id: string; businessKey: string; pluginId: string; kind: string; direction: 'to' | 'from' }[];
  comments: { id: string; author: string; body: string; createdAt: string }[];
  timeline: { at: string; actor: string; action: string; detail: Record<string, unknown> | null }[];
  /** Outbound deliveries of this case; absent from older cores. */
  deliveries?: DeliveryView[];
}

/** A draft as the core keeps it. */
export interface DraftRecord {
  id: string;
  pluginId: string;
  formId: string;
  formVersion: number;
  answers: Record<string, unknown>;
  updatedAt: string;
}

/** Query of the task lists. */
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
export interface TaskPage {
  tasks: TaskView[];
  nextCursor: string | null;
}

/** A cross-workflow search result. */
export interface SearchResult {
  term: string;
  value: string;
  normalised: string;
  total: number;
  groups: {
    pluginId: string;
    pluginTitle: string;
    cases: {
      id: string;
      businessKey: string;
      state: string;
      createdAt: string;
      matchedPath?: string;
      matchedValue: string;
    }[];
  }[];
}
