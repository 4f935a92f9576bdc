import { Inject, Injectable } from '@nestjs/common';
import { InputError } from '../common/errors.js';
import { normaliseTermValue } from '../forms/engine/index.js';
import type { AccessScope } from '../identity/access.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { termDictionary } from '../terms/term-dictionary.js';
import { PLUGIN_REGISTRY } from '../tokens.js';
import { CasesRepository } from './cases.repository.js';
import type { SearchResult } from './search-result.dto.js';

@Injectable()
export class SearchService {
  constructor(
    private readonly cases: CasesRepository,
    @Inject(PLUGIN_REGISTRY) private readonly registry: PluginRegistry,
  ) {}

  /** Matches after the term's own normalisation (`ab12 cde` finds `AB12CDE`), within the caller's reach. */
  async byTerm(scope: AccessScope, termId: string, value: string, limit: number): Promise<SearchResult> {
    const term = termDictionary[termId];
    if (!term)
      throw new InputError('There is a problem', [{ path: 'term', message: `There is no data term "${termId}"` }]);
    const normalised = normaliseTermValue(term, value);
    if (normalised === undefined) {
      throw new InputError('There is a problem', [
        { path: 'value', message: `Enter a valid ${term.label.toLowerCase()}` },
      ]);
    }
    const enabled = new Map(this.registry.enabled().map((p) => [p.id, p.manifest.title]));
    // Disabled workflows are left out by the query, so a full page is a page of visible cases.
    const rows = await this.cases.searchByTerm(scope, termId, normalised, limit, [...enabled.keys()]);
    const groups = new Map<string, SearchResult['groups'][number]>();
    for (const r of rows) {
      const group = groups.get(r.pluginId) ?? {
        pluginId: r.pluginId,
        pluginTitle: enabled.get(r.pluginId)!,
        cases: [],
      };
      group.cases.push({
        id: r.id,
        businessKey: r.businessKey,
        state: r.state,
        createdAt: r.createdAt,
        teamId: r.teamId,
        matchedPath: r.path,
        matchedValue: r.value,
      });
      groups.set(r.pluginId, group);
    }
    return { term: termId, value, normalised, total: rows.length, groups: [...groups.values()] };
  }
}
