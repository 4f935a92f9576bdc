import pino from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { CaseRecord } from '../../core/src/cases/case.types.js';
import { PluginLookup } from '../../core/src/cases/plugin-lookup.js';
import type { Transactions } from '../../core/src/database/transactions.js';
import type { FormDefinition } from '../../core/src/forms/engine/index.js';
import { FormCatalogue } from '../../core/src/forms/form-catalogue.js';
import type { AccessScope } from '../../core/src/identity/access.js';
import { PluginRegistry, type UsablePlugin } from '../../core/src/plugins/plugin-registry.js';
import type { PluginManifest } from '../../core/src/sdk/manifest.js';

// Helpers for unit specs: a service built on simple fakes of its repositories, no database.

export const silentLogger = pino({ level: 'silent' });

/**
 * A fake of `T` from the members a spec gives; touching any other member throws, so a service
 * that starts calling something the spec did not expect fails loudly instead of getting undefined.
 */
export function fake<T extends object>(name: string, members: Partial<T>): T {
  return new Proxy(members, {
    get(target, property) {
      if (property in target) return target[property as keyof typeof target];
      // Looked for by `await` and by Jest when it prints a value.
      if (typeof property === 'symbol' || property === 'then' || property === 'asymmetricMatch') return undefined;
      throw new Error(`${name}.${property} is not faked in this spec`);
    },
  }) as T;
}

/**
 * Transactions that run the work at once on one stand-in EntityManager, counting commits and
 * rollbacks. The stand-in refuses SQL: a service must pass it on to repositories and hooks, never
 * query it itself.
 */
export class FakeTransactions {
  readonly manager = standInManager();
  committed = 0;
  rolledBack = 0;
  available = true;

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      const result = await work(this.manager);
      this.committed++;
      return result;
    } catch (error: unknown) {
      this.rolledBack++;
      throw error;
    }
  }

  /** As the Transactions provider, for a service's constructor. */
  get provider(): Transactions {
    return this as unknown as Transactions;
  }
}

export function newScope(overrides: Partial<AccessScope> = {}): AccessScope {
  return {
    userId: '00000000-0000-4000-8000-00000000000a',
    username: 'officer',
    displayName: 'Olive Officer',
    roles: ['officer'],
    teams: ['dover-t1'],
    visibleTeams: ['dover-t1'],
    all: false,
    shift: { teamId: 'dover-t1', location: 'GBDOV' },
    homeTeam: 'dover-t1',
    workingTeam: 'dover-t1',
    ...overrides,
  };
}

let caseNumber = 0;

export function newCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  caseNumber++;
  return {
    id: `00000000-0000-4000-8000-${String(caseNumber).padStart(12, '0')}`,
    businessKey: `BF-20261124-${caseNumber}`,
    pluginId: 'sighting',
    formId: 'sighting',
    formVersion: 1,
    answers: { vehicleRegistration: 'AB12 CDE', urgent: false },
    state: 'new',
    teamId: 'dover-t1',
    assigneeId: null,
    createdBy: '00000000-0000-4000-8000-00000000000b',
    createdByName: 'Sam Submitter',
    version: 1,
    createdAt: new Date('2026-11-24T09:00:00Z'),
    updatedAt: new Date('2026-11-24T09:00:00Z'),
    ...overrides,
  };
}

/** A start form with a term-bound field (indexed for search), a question the routes read and an owning-team field. */
export const SIGHTING_FORM: FormDefinition = {
  id: 'sighting',
  version: 1,
  title: 'Report a sighting',
  type: 'single',
  pages: [
    {
      id: 'details',
      title: 'The sighting',
      components: [
        { name: 'vehicleRegistration', term: 'vehicle.registration', required: true },
        {
          type: 'yes-no',
          name: 'urgent',
          label: 'Is it urgent?',
          required: true,
          messages: { required: 'Select yes if it is urgent' },
        },
        { type: 'text', name: 'receivingTeam', label: 'Receiving team', maxLength: 40 },
      ],
    },
  ],
};

/**
 * A plugin on the sighting form: new sightings get a review task, urgent ones go straight to
 * triage (a manager's urgent task); managers close them.
 */
export function newPlugin(
  overrides: Partial<PluginManifest> = {},
  forms: FormDefinition[] = [SIGHTING_FORM],
): UsablePlugin {
  const id = overrides.id ?? 'sighting';
  return {
    id,
    dir: `/plugins/${id}`,
    status: 'enabled',
    migrations: [],
    forms: forms.map((definition) => ({ file: `${definition.id}.form.json`, definition })),
    templates: [],
    logger: silentLogger,
    manifest: {
      id,
      title: 'Sighting',
      version: '1.0.0',
      description: 'A sighting at the border',
      sdk: '^1.0.0',
      startForm: 'sighting',
      workflow: {
        initial: 'new',
        routes: [{ when: { field: 'urgent', eq: true }, to: 'triage' }],
        states: [
          { id: 'new', label: 'New', tasks: [{ title: 'Review the sighting', priority: 'medium', due: 'PT4H' }] },
          { id: 'triage', label: 'Triage', tasks: [{ title: 'Triage now', priority: 'urgent', role: 'manager' }] },
          { id: 'closed', label: 'Closed', terminal: true },
        ],
        actions: [{ id: 'close', label: 'Close', from: ['new', 'triage'], to: 'closed', roles: ['manager'] }],
      },
      ...overrides,
    },
  };
}

/** An EntityManager that is only passed around: running anything on it throws. */
function standInManager(): EntityManager {
  const refuse = (what: string) => () => {
    throw new Error(`a service called ${what} on the transaction's EntityManager itself`);
  };
  return Object.freeze({
    name: 'the fake transaction',
    query: refuse('query'),
    getRepository: refuse('getRepository'),
    createQueryBuilder: refuse('createQueryBuilder'),
    transaction: refuse('transaction'),
  }) as object as EntityManager;
}

/** A registry holding the plugins as given (their status included). */
export function registryOf(...plugins: UsablePlugin[]): PluginRegistry {
  const registry = new PluginRegistry();
  for (const plugin of plugins) registry.add(plugin);
  return registry;
}

/**
 * The real PluginLookup over the plugins, with their current forms loaded into a real
 * FormCatalogue (whose database calls answer nothing: no past versions).
 */
export async function pluginLookupOf(registry: PluginRegistry): Promise<PluginLookup> {
  const none = async <T>(): Promise<T> => [] as T;
  const forms = new FormCatalogue(fake<DataSource>('form catalogue database', { query: none }));
  await forms.load(registry);
  return new PluginLookup(registry, forms);
}

/** Calls made to a fake, in order, by method name. */
export class CallLog {
  readonly calls: { method: string; args: unknown[] }[] = [];

  record(method: string, args: unknown[]): void {
    this.calls.push({ method, args });
  }

  /** The arguments of each call of `method`. */
  of(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  /** The methods called, in order. */
  get methods(): string[] {
    return this.calls.map((c) => c.method);
  }
}
