import type { Role } from '../sdk/roles.js';
import type { WorkflowDefinition } from '../sdk/workflow.js';
import type { PluginRecord, PluginStatus, UsablePlugin } from './plugin-registry.js';

/** What the shell needs to render a plugin. */
export interface PluginView {
  id: string;
  title: string;
  description: string;
  version: string;
  category: string;
  /** Whether the caller's roles may start a case. */
  canStart: boolean;
  startForm: string | null;
  startRoles: Role[];
  forms: unknown[];
  workflow: WorkflowDefinition | null;
  reports: { id: string; title: string; description: string; roles: Role[] }[];
}

/** A plugin as the admin status page shows it. */
export interface PluginStatusView {
  id: string;
  title: string | null;
  version: string | null;
  sdk: string | null;
  state: PluginStatus;
  source: string;
  reason?: string;
}

export function startRolesOf(plugin: UsablePlugin): Role[] {
  return plugin.manifest.startRoles ?? ['officer'];
}

export function toPluginView(plugin: UsablePlugin, roles: readonly Role[]): PluginView {
  const m = plugin.manifest;
  const forms = plugin.forms.map((f) => f.definition);
  const startRoles = startRolesOf(plugin);
  const startForm = m.startForm ?? (forms.length > 0 ? ((forms[0] as { id?: string }).id ?? null) : null);
  return {
    id: m.id,
    title: m.title,
    description: m.description,
    version: m.version,
    category: m.category ?? 'Other',
    canStart: startForm !== null && roles.some((r) => startRoles.includes(r)),
    startForm,
    startRoles,
    forms,
    workflow: m.workflow ?? null,
    reports: (m.reports ?? []).map(({ id, title, description, roles: reportRoles }) => ({
      id,
      title,
      description,
      roles: reportRoles,
    })),
  };
}

export function toStatusView(record: PluginRecord, root: string): PluginStatusView {
  return {
    id: record.id,
    title: record.manifest?.title ?? null,
    version: record.manifest?.version ?? null,
    sdk: record.manifest?.sdk ?? null,
    state: record.status,
    source: record.dir.startsWith(root) ? record.dir.slice(root.length + 1) : record.dir,
    ...(record.reason ? { reason: record.reason } : {}),
  };
}
