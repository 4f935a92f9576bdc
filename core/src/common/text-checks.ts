import type { FastifyInstance } from 'fastify';
import { InputError, type FieldError } from './errors.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a text cannot be taken, or undefined when it can: PostgreSQL refuses a NUL character in
 * text, and a lone UTF-16 surrogate is not a character at all (it cannot be stored or shown).
 */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain a lone surrogate (half of a UTF-16 pair)';
  return undefined;
}

/**
 * Route parameters and query strings get the same check as bodies (core/src/common/json-body.ts),
 * before any controller sees them: `/api/cases/%00` is a 400 naming `id`.
 */
export function installTextChecks(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    const errors: FieldError[] = [];
    for (const source of [request.params, request.query]) {
      if (typeof source !== 'object' || source === null) continue;
      for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
        for (const text of Array.isArray(value) ? value : [value]) {
          const problem = typeof text === 'string' ? textProblem(text) : undefined;
          if (problem) errors.push({ path: name, message: `${name} ${problem}` });
        }
      }
    }
    if (errors.length > 0) throw new InputError('There is a problem', errors);
  });
}
