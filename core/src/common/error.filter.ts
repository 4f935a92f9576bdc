import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import {
  ConflictError,
  ForbiddenError,
  InputError,
  NotFoundError,
  UnauthenticatedError,
  UnprocessableError,
  type FieldError,
} from './errors.js';
import { PluginHookError } from '../cases/case-errors.js';
import { formatSize } from './json-body.js';
import { RETRY_AFTER_SECONDS, TransientErrorLog, isTransientDatabaseError } from './transient-errors.js';

interface ErrorBody {
  statusCode: number;
  message: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

/**
 * The one place errors become HTTP answers: domain errors map to their status, framework
 * errors keep theirs, and anything unknown is logged and answered with a plain 500.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  /** Counts the requests answered 503 during an outage, logged once. */
  private readonly outages: TransientErrorLog;

  constructor(
    private readonly logger: Logger,
    /** BODY_LIMIT_BYTES, to say how big a body may be. */
    private readonly bodyLimit?: number,
  ) {
    this.outages = new TransientErrorLog(logger);
  }

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (isTransientDatabaseError(error)) {
      // Not a server bug: the database went away or asked for a retry. Readiness is 503 too.
      this.outages.record(error);
      void reply
        .status(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .header('content-type', 'application/json; charset=utf-8')
        .send({ statusCode: 503, message: 'The service is briefly unavailable; try again in a moment' });
      return;
    }
    const request = host.switchToHttp().getRequest<FastifyRequest | undefined>();
    const body = withFieldErrors(errorBody(error, this.logger, this.bodyLimit), request?.headers?.['content-type']);
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}

/**
 * Every 400 and 415 names what is wrong by path (docs/forms.md): a wrong content type under
 * `content-type`, a problem with the body as a whole under `body`, anything else under `request`.
 */
function withFieldErrors(body: ErrorBody, contentType: string | undefined): ErrorBody {
  if (body.statusCode === 415) {
    const sent = contentType
      ? `it was sent as ${contentType.split(';')[0]!.trim()}`
      : 'it was sent without a content type';
    const message = `Send the request body as application/json (${sent})`;
    return { ...body, message, errors: [{ path: 'content-type', message }] };
  }
  if (Array.isArray(body.errors) && body.errors.length > 0) {
    // A problem with no field of its own (answers that are not an object, say) is the body's.
    return body.errors.some((e) => !e.path)
      ? { ...body, errors: body.errors.map((e) => (e.path ? e : { ...e, path: 'body' })) }
      : body;
  }
  if (body.statusCode !== 400) return body;
  const path = /body/i.test(body.message) ? 'body' : 'request';
  return { ...body, errors: [{ path, message: body.message }] };
}

/** Maps any thrown value to the HTTP answer; unknown errors are logged and answered without internals. */
export function errorBody(error: unknown, logger: Logger, bodyLimit?: number): ErrorBody {
  if (fastifyCode(error) === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    // Refused by the body parser before any of it is stored. Answered like every other input
    // problem (docs/forms.md: bad input is a 400 with a list of errors), not with 413.
    const message = `The request body must be ${bodyLimit === undefined ? 'smaller' : `${formatSize(bodyLimit)} or smaller`}`;
    return { statusCode: 400, message, errors: [{ path: 'body', message }] };
  }
  if (error instanceof InputError) return { statusCode: 400, message: error.message, errors: error.errors };
  if (error instanceof NotFoundError) return { statusCode: 404, message: error.message };
  if (error instanceof ConflictError) return { statusCode: 409, message: error.message, ...error.details };
  if (error instanceof UnauthenticatedError) return { statusCode: 401, message: error.message };
  if (error instanceof ForbiddenError) return { statusCode: 403, message: error.message };
  if (error instanceof PluginHookError) return { statusCode: 422, message: error.message };
  if (error instanceof UnprocessableError) return { statusCode: 422, message: error.message, errors: error.errors };
  if (error instanceof HttpException) {
    const response = error.getResponse();
    const status = error.getStatus();
    if (typeof response === 'object' && response !== null) {
      const r = response as Record<string, unknown>;
      const message = Array.isArray(r.message) ? 'Check the request' : plainMessage(String(r.message ?? error.message));
      return { ...r, statusCode: status, message } as ErrorBody;
    }
    return { statusCode: status, message: plainMessage(String(response)) };
  }
  const fastifyError = error as {
    statusCode?: number;
    code?: string;
    message?: string;
  };
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return {
      statusCode: fastifyError.statusCode,
      message: friendlyFastifyMessage(fastifyError),
    };
  }
  logger.error({ err: error }, 'unhandled error');
  return { statusCode: 500, message: 'Internal server error' };
}

function friendlyFastifyMessage(error: { code?: string; message?: string }): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the request body as application/json';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The request body is not valid JSON';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is empty';
    default:
      return error.message?.startsWith('Unexpected') || error.message?.includes('JSON')
        ? 'The request body is not valid JSON'
        : (error.message ?? 'Bad request');
  }
}

/** Fastify's parser messages, reworded for people (Nest hands them on as HttpExceptions). */
const PARSER_MESSAGES: [RegExp, string][] = [
  [/Body is not valid JSON/, 'The request body is not valid JSON'],
  [/Body cannot be empty/, 'The request body is empty'],
  [/Request body is too large/i, 'The request body is too large'],
  [/Unsupported Media Type/i, 'Send the request body as application/json'],
];

function plainMessage(message: string): string {
  return PARSER_MESSAGES.find(([pattern]) => pattern.test(message))?.[1] ?? message;
}

/** The code of a Fastify error, also when Nest has wrapped it in an HttpException (as its `cause`). */
function fastifyCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown } | null)?.code;
  if (typeof own === 'string') return own;
  const cause = error instanceof HttpException ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
  return typeof cause === 'string' ? cause : undefined;
}
