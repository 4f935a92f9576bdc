import { InputError, type FieldError } from '../common/errors.js';
import type { AccessScope } from '../identity/access.js';
import type { ReportParameterDefinition } from '../sdk/manifest.js';
import { Organisation } from '../terms/organisation.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import type { ReportParameter } from './pipeline/index.js';

/** Parameters as validated: values for the query, labels to print, and the data scope. */
export interface CheckedParameters {
  values: Record<string, string>;
  printed: ReportParameter[];
  /** Teams whose data the report may read; null for every team (admins without a command filter). */
  scopeTeams: string[] | null;
  /** The command the run belongs to (its own filter, else the caller's command). */
  commandId: string | null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * Checks a run's parameters against the report's declarations and the caller's reach, with
 * one GOV.UK-style message per field (`parameters.<name>`), and works out the data scope.
 */
export function checkParameters(
  definitions: readonly ReportParameterDefinition[],
  input: Record<string, unknown>,
  scope: AccessScope,
  reference: ReferenceCatalogue,
): CheckedParameters {
  const organisation = new Organisation(reference.rows('organisation'));
  const errors: FieldError[] = [];
  const values: Record<string, string> = {};
  const printed: ReportParameter[] = [];
  const known = new Set(definitions.map((d) => d.name));
  for (const name of Object.keys(input)) {
    if (!known.has(name))
      errors.push({ path: `parameters.${name}`, message: `${name} is not a parameter of this report` });
  }
  for (const definition of definitions) {
    const path = `parameters.${definition.name}`;
    const raw = input[definition.name];
    if (raw === undefined || raw === null || raw === '') {
      if (definition.required) errors.push({ path, message: `Enter ${definition.label.toLowerCase()}` });
      continue;
    }
    if (typeof raw !== 'string') {
      errors.push({ path, message: `${definition.label} must be text` });
      continue;
    }
    const value = raw.trim();
    const label = labelOf(definition, value, reference, organisation, scope);
    if ('error' in label) {
      errors.push({ path, message: label.error });
      continue;
    }
    values[definition.name] = value;
    printed.push({ label: definition.label, value: label.text });
  }
  const from = definitions.find((d) => d.name === 'from');
  const to = definitions.find((d) => d.name === 'to');
  if (from && to && values.from && values.to && values.to < values.from) {
    errors.push({
      path: 'parameters.to',
      message: `${to.label} must be the same as or after ${from.label.toLowerCase()}`,
    });
  }
  if (errors.length > 0) throw new InputError('There is a problem', errors);

  const commandParam = definitions.find((d) => d.type === 'command' && values[d.name]);
  const teamParam = definitions.find((d) => d.type === 'team' && values[d.name]);
  const reach = scope.all ? null : scope.visibleTeams;
  let scopeTeams: string[] | null = reach;
  if (commandParam) scopeTeams = within(organisation.teamsInCommand(values[commandParam.name]!), reach);
  if (teamParam) scopeTeams = within([values[teamParam.name]!], scopeTeams);
  const commandId = commandParam ? values[commandParam.name]! : (callerCommands(scope, organisation)[0] ?? null);
  return { values, printed, scopeTeams, commandId };
}

/** The commands whose teams the caller sees in full (a manager's command). */
export function callerCommands(scope: AccessScope, organisation: Organisation): string[] {
  const commands = new Set(scope.teams.map((t) => organisation.commandOf(t)).filter((c): c is string => Boolean(c)));
  return [...commands];
}

function within(teams: string[], reach: string[] | null): string[] {
  return reach === null ? teams : teams.filter((t) => reach.includes(t));
}

function labelOf(
  definition: ReportParameterDefinition,
  value: string,
  reference: ReferenceCatalogue,
  organisation: Organisation,
  scope: AccessScope,
): { text: string } | { error: string } {
  const what = definition.label.toLowerCase();
  switch (definition.type) {
    case 'date':
      return realDate(value) ? { text: ukDate(value) } : { error: 'Enter a real date' };
    case 'month': {
      const m = MONTH.exec(value);
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return { error: 'Enter a real month' };
      return inYears(Number(m[1]))
        ? { text: ukMonth(value) }
        : { error: `Enter a month from ${FIRST_YEAR} to ${LAST_YEAR}` };
    }
    case 'port': {
      const label = reference.label('ports', value);
      return label ? { text: label } : { error: `Select a ${what} from the list` };
    }
    case 'team': {
      const label = reference.label('teams', value);
      if (!label) return { error: `Select a ${what} from the list` };
      return scope.all || scope.visibleTeams.includes(value)
        ? { text: label }
        : { error: `Select a ${what} in your command` };
    }
    case 'command': {
      const row = reference.rows('organisation').find((r) => r.id === value && r.attributes?.level === 'command');
      if (!row) return { error: `Select a ${what} from the list` };
      return scope.all || callerCommands(scope, organisation).includes(value)
        ? { text: row.label }
        : { error: `Select your own ${what}` };
    }
    case 'select': {
      const option = definition.options?.find((o) => o.value === value);
      return option ? { text: option.label } : { error: `Select a ${what} from the list` };
    }
  }
}

function realDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value && inYears(Number(m[1]));
}

/** Years a report may cover: the platform's data starts after 2000, and a far year only fails later in the query. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

function inYears(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

function ukDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function ukMonth(iso: string): string {
  return new Date(`${iso}-15T12:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Labels of already validated parameter values, for the report's first page. */
export function printParameters(
  definitions: readonly ReportParameterDefinition[],
  values: Record<string, string>,
  reference: ReferenceCatalogue,
): ReportParameter[] {
  const organisation = new Organisation(reference.rows('organisation'));
  const everything = { all: true, teams: [], visibleTeams: [] } as unknown as AccessScope;
  return definitions
    .filter((d) => values[d.name])
    .map((d) => {
      const label = labelOf(d, values[d.name]!, reference, organisation, everything);
      return { label: d.label, value: 'text' in label ? label.text : values[d.name]! };
    });
}
