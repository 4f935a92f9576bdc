import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InputError, type FieldError } from './errors.js';
import { textProblem } from './text-checks.js';

/** Deepest nesting of arrays and objects a body may have; forms nest 6 levels at most (docs/forms.md). */
export const MAX_BODY_DEPTH = 64;

/**
 * How much of a body over the limit is read and thrown away before answering, so that the
 * client, still sending, gets the answer instead of a reset connection. Past this the
 * connection is closed.
 */
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

/** How many problems one body is answered with, at most. */
const MAX_ERRORS = 20;

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]+)"?/i;

/**
 * The one parser of JSON bodies (Fastify's own and Nest's are not used): it reads the body up
 * to BODY_LIMIT_BYTES (draining the rest), refuses anything that is not UTF-8 JSON, checks the
 * nesting depth on the text before anything walks the value, and refuses `__proto__` keys,
 * NUL characters and lone surrogates anywhere, each with its path. The raw bytes stay on the
 * request (`rawBody`) for signature checks.
 */
export function installJsonBody(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser(JSON_TYPE, async (request: FastifyRequest, payload: IncomingMessage) => {
    const charset = CHARSET.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    const bytes = await readBody(payload, bodyLimit, Number(request.headers['content-length']));
    (request as FastifyRequest & { rawBody?: Buffer }).rawBody = bytes;
    if (charset && charset !== 'utf-8' && charset !== 'utf8') throw bodyError('Send the request body as JSON in UTF-8');
    return parseJson(bytes);
  });
}

/** Parses a JSON body as described above; throws InputError with paths. */
export function parseJson(bytes: Buffer): unknown {
  if (bytes.length === 0) throw bodyError('The request body is empty');
  if (bytes.includes(0) || startsWithUtf16Mark(bytes)) throw bodyError('Send the request body as JSON in UTF-8');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw bodyError('The request body is not valid UTF-8; send it as JSON in UTF-8');
  }
  if (text.trim() === '') throw bodyError('The request body is empty');
  if (nestingDepth(text) > MAX_BODY_DEPTH)
    throw bodyError(`The request body is nested more than ${MAX_BODY_DEPTH} levels deep`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw bodyError('The request body is not valid JSON');
  }
  const errors = textErrors(value);
  if (errors.length > 0) throw new InputError('There is a problem', errors);
  return value;
}

/** A problem with the body as a whole. */
export function bodyError(message: string): InputError {
  return new InputError(message, [{ path: 'body', message }]);
}

/**
 * Reads the whole body into memory up to `limit`; over it, the rest is read and dropped (up
 * to DRAIN_LIMIT_BYTES, then the connection is closed) and the body is refused once read.
 */
function readBody(payload: IncomingMessage, limit: number, declared: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => bodyError(`The request body must be ${formatSize(limit)} or smaller`);
    if (declared > DRAIN_LIMIT_BYTES) {
      payload.destroy();
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let over = false;
    payload.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (over) {
        if (received > DRAIN_LIMIT_BYTES) {
          payload.destroy();
          reject(tooLarge());
        }
        return;
      }
      if (received > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    payload.on('end', () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    // The client went away half way: nothing is stored, and the answer (if it still listens) says so.
    payload.on('error', () => reject(bodyError('The request body was cut off before its end')));
  });
}

function startsWithUtf16Mark(bytes: Buffer): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The deepest nesting of `[` and `{` outside strings, counted on the text so nothing recurses. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > deepest) deepest = depth;
      if (deepest > MAX_BODY_DEPTH) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * `__proto__` keys and text PostgreSQL or a browser cannot hold, anywhere in a parsed body, by
 * path; inside `answers` the path is the answer's own, as the form engine names it (`items[0].name`).
 */
function textErrors(root: unknown): FieldError[] {
  return rawTextErrors(root).map((e) => {
    const path = e.path.startsWith('answers.') ? e.path.slice('answers.'.length) : e.path;
    return { path, message: e.message.replace(e.path, path) };
  });
}

function rawTextErrors(root: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0 && errors.length < MAX_ERRORS) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) errors.push({ path: path || 'body', message: `${path || 'The request body'} ${problem}` });
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}[${i}]`]);
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        const child = path ? `${path}.${key}` : key;
        if (key === '__proto__') {
          errors.push({ path: child, message: `${child} is not allowed as a name` });
          continue;
        }
        const problem = textProblem(key);
        if (problem) {
          errors.push({ path: path || 'body', message: `A name in ${path || 'the request body'} ${problem}` });
          continue;
        }
        stack.push([(value as Record<string, unknown>)[key], child]);
      }
    }
  }
  return errors;
}

/** 2048 → "2 KB", 1048576 → "1 MB", 1500 → "1500 bytes". */
export function formatSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}
