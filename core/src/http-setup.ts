import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import type { BootContext } from './app.module.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';
import { Authenticator } from './identity/authenticator.js';
import { MAX_FILE_SIZE_MB } from './forms/engine/index.js';
import { installJsonBody } from './common/json-body.js';
import { installTextChecks } from './common/text-checks.js';
import { installSecurityHeaders, sendShellPage } from './common/security-headers.js';
import { MetricsCollector } from './metrics/metrics.collector.js';
import { installMetricsHttp } from './metrics/metrics-http.js';

const PLUGIN_PATH = /^\/api\/plugins\/([^/?]+)(\/[^?]*)?/;
const ADMIN_ACTION = /^\/(enable|disable)\/?$/;

/** Registers what sits around the controllers: the plugin gate, OpenAPI and the shell's files. */
export async function installHttpExtras(app: NestFastifyApplication, boot: BootContext): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await installSecurityHeaders(fastify);
  installMetricsHttp(fastify, app.get(MetricsCollector));
  installNoStore(fastify);
  installJsonBody(fastify, boot.config.BODY_LIMIT_BYTES);
  installTextChecks(fastify);
  // File uploads (core/src/attachments): parsed as they stream, one file per request; each route
  // sets the byte limit of its question, so the plugin's own limit is only the largest any may have.
  await app.register(fastifyMultipart as never, {
    limits: { fileSize: MAX_FILE_SIZE_MB * 1024 * 1024 + 1, files: 1, fields: 0, parts: 2, headerPairs: 50 },
  });
  installPluginGate(fastify, boot);
  installOpenApi(app, fastify, boot);
  await installShell(fastify, boot);
}

/**
 * API answers hold case data, tokens and who may see what: no browser or proxy may keep them.
 * A route that sets its own Cache-Control (PDFs, the live stream) keeps it. The shell's files
 * are not under /api/ and keep their caching.
 */
function installNoStore(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

/**
 * A disabled or unknown plugin's routes answer 404 at once, on every instance, without a
 * restart: the gate reads the registry, which follows the database.
 */
function installPluginGate(fastify: FastifyInstance, boot: BootContext): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const match = PLUGIN_PATH.exec(request.url);
    if (!match || match[1] === 'status') return;
    if (match[2] && ADMIN_ACTION.test(match[2])) return;
    if (!boot.registry.isEnabled(decodeURIComponent(match[1]!))) {
      await reply.status(404).send({ statusCode: 404, message: `There is no enabled plugin "${match[1]}"` });
    }
  });
}

/** The API description's routes: the UI and its files under /api/docs, the document as JSON and YAML. */
const DOCS_PATH = /^\/api\/docs(?:-json|-yaml)?(?:[/?]|$)/;

/**
 * Serves the API description, which lists every workflow and form, to signed-in callers only
 * (deny by default), unless API_DOCS_PUBLIC is set.
 */
function installOpenApi(app: NestFastifyApplication, fastify: FastifyInstance, boot: BootContext): void {
  if (!boot.config.API_DOCS_PUBLIC) {
    const authenticator = app.get(Authenticator);
    fastify.addHook('onRequest', async (request, reply) => {
      if (!DOCS_PATH.test(request.url)) return;
      if (await authenticator.authenticate(request)) return;
      await reply
        .status(401)
        .header('cache-control', 'no-store')
        .send({ statusCode: 401, message: 'Sign in to continue' });
    });
  }
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app, boot.registry), { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * Serves the built Angular shell on `/`, with index.html for the shell's own routes. The page is
 * read once and sent with a fresh CSP nonce each time (core/src/common/security-headers.ts).
 */
async function installShell(fastify: FastifyInstance, boot: BootContext): Promise<void> {
  const root = resolve(boot.config.SHELL_DIR);
  if (!existsSync(resolve(root, 'index.html'))) {
    boot.logger.warn({ root }, 'shell not built: run `npm run build:shell`; serving the API only');
    return;
  }
  const page = {
    html: await readFile(resolve(root, 'index.html'), 'utf8'),
    connectOrigins: boot.config.OIDC_ISSUER ? [new URL(boot.config.OIDC_ISSUER).origin] : [],
  };
  await fastify.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    preCompressed: true,
    // Only through the routes below, with its nonce.
    globIgnore: ['index.html', 'index.html.gz', 'index.html.br'],
  });
  // The service worker keeps /index.html for offline use (frontend/src/sw.js).
  fastify.get('/index.html', async (request, reply) =>
    sendShellPage(request, reply, page, randomBytes(16).toString('base64')),
  );
  fastify.get('/*', async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/health')) {
      return reply.status(404).send({ statusCode: 404, message: 'Not found' });
    }
    return sendShellPage(request, reply, page, randomBytes(16).toString('base64'));
  });
}
