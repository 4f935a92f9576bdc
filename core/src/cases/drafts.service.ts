import { Inject, Injectable } from '@nestjs/common';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { InputError, NotFoundError } from '../common/errors.js';
import {
  formSteps,
  markableTasks,
  pageGroups,
  prefill,
  readonlyFields,
  readonlyPrefill,
  validateDraft,
  type Answers,
  type FormDefinition,
  type FormError,
} from '../forms/engine/index.js';
import type { AccessScope } from '../identity/access.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { termDictionary } from '../terms/term-dictionary.js';
import { REFERENCE } from '../tokens.js';
import { CaseKeys } from './case-key.js';
import { CaseViewService } from './case-view.service.js';
import { DraftsRepository, type DraftRecord } from './drafts.repository.js';
import { PluginLookup } from './plugin-lookup.js';
import { OfficerProfileService } from '../identity/officer-profile.service.js';

/** More ids than any form has tasks: refused with one message rather than one per id. */
const MAX_COMPLETED_TASKS = 100;

/** Save-and-return-later: drafts may be partial, but never of the wrong shape. */
@Injectable()
export class DraftsService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly plugins: PluginLookup,
    private readonly views: CaseViewService,
    private readonly officers: OfficerProfileService,
    private readonly attachments: AttachmentsService,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
    private readonly keys: CaseKeys,
  ) {}

  async save(
    pluginId: string,
    draftId: string,
    input: { answers: Record<string, unknown>; formId?: string; page?: string; completedTasks?: string[] },
    scope: AccessScope,
  ): Promise<DraftRecord> {
    const plugin = this.plugins.enabled(pluginId);
    const form = input.formId ? this.plugins.form(plugin, input.formId) : this.plugins.startForm(plugin);
    const result = validateDraft(form, input.answers, {
      terms: termDictionary,
      reference: this.reference.lookup,
      now: new Date(),
      workflow: pluginId,
      attachments: await this.attachments.draftLookup(scope.userId, draftId, form),
      prefilled: await this.readonlyAnswers(pluginId, form, scope),
    });
    const errors = [...result.errors, ...this.journeyErrors(form, input)];
    if (errors.length) throw new InputError('There is a problem', errors);
    const saved = await this.drafts.save(scope.userId, {
      id: draftId,
      pluginId,
      formId: form.id,
      formVersion: form.version,
      answers: result.answers,
      page: input.page ?? null,
      completedTasks: [...new Set(input.completedTasks ?? [])],
    });
    if (!saved) throw new NotFoundError(`There is no draft ${draftId}`);
    if (!form.caseReference || saved.businessKey) return saved;
    return (await this.drafts.reserveKey(scope.userId, draftId, await this.keys.forDay(new Date()))) ?? saved;
  }

  /** A page the form does not have, or a task marked complete that is not one of its tasks (or needs no mark). */
  private journeyErrors(form: FormDefinition, input: { page?: string; completedTasks?: string[] }): FormError[] {
    const errors: FormError[] = [];
    const steps = formSteps(form);
    if (input.page !== undefined && !steps.includes(input.page))
      errors.push({ path: 'page', message: `page must be one of this form's pages (${steps.join(', ')})` });
    if (!input.completedTasks?.length) return errors;
    if (input.completedTasks.length > MAX_COMPLETED_TASKS)
      return [
        ...errors,
        { path: 'completedTasks', message: `completedTasks must list at most ${MAX_COMPLETED_TASKS} tasks` },
      ];
    const markable = new Set(markableTasks(form, termDictionary));
    const known = new Set(pageGroups(form, termDictionary).map((g) => g.id));
    input.completedTasks.forEach((id, i) => {
      if (!markable.has(id))
        errors.push({
          path: `completedTasks[${i}]`,
          message: known.has(id)
            ? `Task "${id}" has required questions: it is complete when they are answered, not marked`
            : `"${id}" is not a task of this form that is marked complete`,
        });
    });
    return errors;
  }

  async get(draftId: string, scope: AccessScope): Promise<DraftRecord> {
    const draft = await this.drafts.find(scope.userId, draftId);
    if (!draft) throw new NotFoundError(`There is no draft ${draftId}`);
    return draft;
  }

  list(scope: AccessScope): Promise<DraftRecord[]> {
    return this.drafts.list(scope.userId);
  }

  async remove(draftId: string, scope: AccessScope): Promise<void> {
    if (!(await this.drafts.remove(undefined, draftId, scope.userId)))
      throw new NotFoundError(`There is no draft ${draftId}`);
    await this.attachments.removeDraftUploads(scope.userId, draftId);
  }

  /** Starting answers from the officer, their shift, today, and optionally a linked case. */
  async prefill(
    pluginId: string,
    formId: string,
    scope: AccessScope,
    linkedCase?: string,
  ): Promise<{ answers: Record<string, unknown> }> {
    const plugin = this.plugins.enabled(pluginId);
    const form = this.plugins.form(plugin, formId);
    const now = new Date();
    const user = await this.officers.prefillUser(scope.userId, now);
    const linked = linkedCase ? (await this.views.findOr404(linkedCase, scope)).answers : undefined;
    const answers = prefill(
      form,
      {
        user,
        shift: scope.shift ? { teamId: scope.shift.teamId, location: scope.shift.location } : undefined,
        linked,
        now,
      },
      termDictionary,
    );
    return { answers };
  }

  /**
   * What the form's read-only questions hold for this officer now (their pre-filled answers), for
   * validation to keep them and refuse a changed one; undefined when the form has none.
   */
  async readonlyAnswers(pluginId: string, form: FormDefinition, scope: AccessScope): Promise<Answers | undefined> {
    if (readonlyFields(form, termDictionary).length === 0) return undefined;
    const { answers } = await this.prefill(pluginId, form.id, scope);
    return readonlyPrefill(form, termDictionary, answers);
  }
}
