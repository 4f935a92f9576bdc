/**
 * The shared form engine (core/src/forms/engine, plain browser-safe TypeScript) and the
 * standard term dictionary, as the shell uses them. Importing through this one file keeps
 * the relative paths in one place; the engine is only ever bundled into lazy chunks.
 */
export * from '../../../../../core/src/forms/engine/index';
export { compileCondition } from '../../../../../core/src/forms/engine/conditions';
export type { Env, Scope, CompiledCondition } from '../../../../../core/src/forms/engine/compiled-types';
// The live dictionary: the standard terms plus those of the plugins listed so far
// (PluginsService.list registers them), under the name the shell has always used.
export { termDictionary as standardTerms } from '../../../../../core/src/terms/term-dictionary';
