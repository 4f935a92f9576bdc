// The core's OpenAPI document, built without a server, a database or the bundled plugins.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule, type BootContext } from '../../core/src/app.module.js';
import { loadConfig } from '../../core/src/config/load-config.js';
import { createRootLogger } from '../../core/src/logging/logger.js';
import { buildOpenApiDocument } from '../../core/src/openapi/openapi-document.js';
import { PluginRegistry } from '../../core/src/plugins/plugin-registry.js';

/**
 * Nest's preview mode resolves the module graph without calling any constructor or factory, so
 * the boot context's database, events and catalogues are never touched and can stand empty;
 * Swagger reads routes and schemas from the controllers' metadata alone.
 *
 * No plugins are loaded: which plugins a platform runs is a deployment's choice (PLUGIN_DIRS),
 * and the shell reaches plugins only through the core's generic routes. Each plugin's answer
 * schema is in the document the running core serves at `/api/docs`.
 */
export async function buildCoreDocument(): Promise<OpenAPIObject> {
  const registry = new PluginRegistry();
  const boot = {
    config: loadConfig({}),
    logger: createRootLogger('silent'),
    registry,
    tokenSecrets: ['preview: no token is ever signed with this'],
    dataSource: { options: {} },
    reference: { label: () => undefined },
  } as unknown as BootContext;
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(boot), new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app, registry);
  } finally {
    await app.close();
  }
}
