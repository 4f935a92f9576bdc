import { InputError } from '../common/errors.js';
import { isTransientDatabaseError } from '../common/transient-errors.js';
import { AnswerError } from '../sdk/errors.js';

/** A plugin hook threw: the action was rolled back. Answered 422 with the plugin's message. */
export class PluginHookError extends Error {
  constructor(
    readonly pluginId: string,
    readonly hook: string,
    readonly reason: string,
  ) {
    super(`The ${pluginId} plugin could not complete this (${hook}): ${reason}. Nothing was saved.`);
    this.name = 'PluginHookError';
  }
}

/**
 * Runs a plugin hook, turning its failure into a PluginHookError (a refusal of answers into a
 * 400). A lost database connection or a serialisation failure inside the hook is not the
 * plugin's refusal: it goes on as it is and is answered 503, so the client tries again.
 */
export async function runHook(pluginId: string, hook: string, work: () => unknown): Promise<void> {
  try {
    await work();
  } catch (error: unknown) {
    if (isTransientDatabaseError(error)) throw error;
    // By name too: a plugin loaded from another copy of the SDK throws its own class.
    if (error instanceof AnswerError || (error as Error | undefined)?.name === 'AnswerError')
      throw new InputError('There is a problem', (error as AnswerError).errors);
    throw new PluginHookError(pluginId, hook, error instanceof Error ? error.message : String(error));
  }
}
