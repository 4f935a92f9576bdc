import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import type { BootContext } from './app.module.js';
import { buildOpenApiDocument } from './openapi/openapi-document.js';

const PLUGIN_PATH = /^\/api\/plugins\/([^/?]+)(\/[^?]*)?/;
const ADMIN_ACTION = /^\/(enable|disable)\/?$/;

/** Registers what sits around the controllers: the plugin gate, OpenAPI and the shell's files. */
export async function installHttpExtras(app: NestFastifyApplication, boot: BootContext): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  installPluginGate(fastify, boot);
  installOpenApi(app, boot);
  await installShell(fastify, boot);
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

function installOpenApi(app: NestFastifyApplication, boot: BootContext): void {
  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app, boot.registry), { jsonDocumentUrl: 'api/docs-json' });
}

/** Serves the built Angular shell on `/`, with index.html for the shell's own routes. */
async function installShell(fastify: FastifyInstance, boot: BootContext): Promise<void> {
  const root = resolve(boot.config.SHELL_DIR);
  if (!existsSync(resolve(root, 'index.html'))) {
    boot.logger.warn({ root }, 'shell not built: run `npm run build:shell`; serving the API only');
    return;
  }
  await fastify.register(fastifyStatic, { root, wildcard: false, index: ['index.html'], preCompressed: true });
  fastify.get('/*', async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/health')) {
      return reply.status(404).send({ statusCode: 404, message: 'Not found' });
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
