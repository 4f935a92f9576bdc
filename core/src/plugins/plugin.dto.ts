import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiNullableString } from '../openapi/api-schema.js';
import { ROLES, type Role } from '../sdk/roles.js';
import { WorkflowView } from './workflow.dto.js';
import type { PluginRecord, PluginStatus, UsablePlugin } from './plugin-registry.js';
import { pluginTerms } from '../terms/term-dictionary.js';
import { startFormId } from './start-form.js';

const PLUGIN_STATES = ['enabled', 'disabled', 'quarantined'] as const satisfies readonly PluginStatus[];

export class PluginReportView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles!: Role[];
}

/** What the shell needs to render a plugin. */
export class PluginView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() version!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ description: "Whether the caller's roles may start a case" }) canStart!: boolean;
  @ApiNullableString('Id of the form that starts a case; null for a plugin without forms') startForm!: string | null;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) startRoles!: Role[];
  // Form declarations as the plugin ships them: their type is the form engine's FormDefinition
  // (core/src/forms/engine), which the shell imports itself, so the document leaves them open.
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Form declarations (docs/forms.md)',
  })
  forms!: unknown[];
  // The data terms the plugin declares, in the form engine's TermDefinition shape: the shell adds
  // them to its term dictionary before compiling any form (another plugin's forms may bind them).
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Data terms the plugin declares (docs/plugins.md, "Terms")',
  })
  terms!: unknown[];
  @ApiProperty({ type: () => WorkflowView, nullable: true }) workflow!: WorkflowView | null;
  @ApiProperty({ type: () => [PluginReportView] }) reports!: PluginReportView[];
}

export class PluginListView {
  @ApiProperty({ type: () => [PluginView] }) plugins!: PluginView[];
}

/** A plugin as the admin status page shows it. */
export class PluginStatusView {
  @ApiProperty() id!: string;
  @ApiNullableString('Null when the manifest could not be read') title!: string | null;
  @ApiNullableString() version!: string | null;
  @ApiNullableString() sdk!: string | null;
  @ApiProperty({ enum: PLUGIN_STATES, enumName: 'PluginState' }) state!: PluginStatus;
  @ApiProperty({ description: 'Folder of the plugin, relative to the plugins root' }) source!: string;
  @ApiPropertyOptional({ description: 'Why the plugin was quarantined' }) reason?: string;
}

export class PluginStatusListView {
  @ApiProperty({ type: () => [PluginStatusView] }) plugins!: PluginStatusView[];
}

export function startRolesOf(plugin: UsablePlugin): Role[] {
  return plugin.manifest.startRoles ?? ['officer'];
}

export function toPluginView(plugin: UsablePlugin, roles: readonly Role[]): PluginView {
  const m = plugin.manifest;
  const forms = plugin.forms.map((f) => f.definition);
  const startRoles = startRolesOf(plugin);
  const startForm = startFormId(m, plugin.forms) ?? null;
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
    terms: pluginTerms(m.id),
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
