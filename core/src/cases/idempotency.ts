import { createHash } from 'node:crypto';

/** The parts of a submission an Idempotency-Key stands for. */
export interface KeyedRequest {
  pluginId: string;
  answers: unknown;
  draftId?: string;
  linkedTo?: string[];
}

/**
 * A hash of what a keyed submission asked for: its workflow and its body, with object keys in
 * a fixed order so that the same JSON sent again, however its keys were ordered, hashes alike.
 */
export function requestFingerprint(request: KeyedRequest): string {
  const body = canonical({
    pluginId: request.pluginId,
    answers: request.answers,
    draftId: request.draftId ?? null,
    linkedTo: request.linkedTo ?? [],
  });
  return createHash('sha256').update(body).digest('base64url');
}

/** JSON with every object's keys sorted (bodies are at most 64 levels deep, core/src/common/json-body.ts). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
