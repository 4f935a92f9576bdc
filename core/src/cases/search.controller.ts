import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InputError } from '../common/errors.js';
import { normaliseTermValue } from '../forms/engine/index.js';
import type { AccessScope } from '../identity/access.js';
import { CurrentScope } from '../identity/caller.decorator.js';
import { RequirePermission } from '../identity/permissions.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { standardTerms } from '../terms/standard-terms.js';
import { PLUGIN_REGISTRY } from '../tokens.js';
import { SearchQueryDto } from './cases.dto.js';
import { CasesRepository } from './cases.repository.js';

@ApiTags('search')
@ApiBearerAuth()
@Controller('api/search')
export class SearchController {
  constructor(
    private readonly cases: CasesRepository,
    @Inject(PLUGIN_REGISTRY) private readonly registry: PluginRegistry,
  ) {}

  /**
   * Every case, across all workflows the caller may see, holding a value of a standard term
   * (`term=vehicle.registration&value=ab12 cde`), matched after the term's normalisation.
   */
  @RequirePermission('search.run')
  @Get()
  async search(@Query() q: SearchQueryDto, @CurrentScope() scope: AccessScope) {
    const term = standardTerms[q.term];
    if (!term)
      throw new InputError('There is a problem', [{ path: 'term', message: `There is no data term "${q.term}"` }]);
    const normalised = normaliseTermValue(term, q.value);
    if (normalised === undefined)
      throw new InputError('There is a problem', [
        { path: 'value', message: `Enter a valid ${term.label.toLowerCase()}` },
      ]);
    const enabled = new Map(this.registry.enabled().map((p) => [p.id, p.manifest.title]));
    const rows = (await this.cases.searchByTerm(scope, q.term, normalised, q.limit ?? 100)).filter((r) =>
      enabled.has(r.pluginId),
    );
    const groups = new Map<string, { pluginId: string; pluginTitle: string; cases: unknown[] }>();
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
    return { term: q.term, value: q.value, normalised, total: rows.length, groups: [...groups.values()] };
  }
}
