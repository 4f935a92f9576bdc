import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { answerJsonSchema, type FormDefinition } from '../forms/engine/index.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { SDK_VERSION } from '../sdk/manifest.js';
import { termDictionary } from '../terms/term-dictionary.js';
import { startFormId } from '../plugins/start-form.js';

type OpenApiSchema = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

/**
 * The core's OpenAPI document: every controller's routes and schemas, plus each usable plugin's
 * start form as the answer schema of its submission route. Served at `/api/docs`, and built
 * without a server by `npm run api:types` for the shell's generated types.
 */
export function buildOpenApiDocument(app: INestApplication, registry: PluginRegistry): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Central Operations Platform API')
      .setDescription('Core and plugin API of the Border Force Central Operations Platform')
      .setVersion(SDK_VERSION)
      .addBearerAuth()
      .build(),
  );
  addPluginForms(document, registry);
  return document;
}

/**
 * Describes each plugin's start form as the answer schema of its submission route, generated
 * from the same declaration the validator and the shell use.
 */
function addPluginForms(document: OpenAPIObject, registry: PluginRegistry): void {
  const schemas = ((document.components ??= {}).schemas ??= {});
  for (const plugin of registry.usable()) {
    for (const { definition } of plugin.forms) {
      const form = definition as FormDefinition;
      schemas[`${plugin.id}.${form.id}.v${form.version}`] = answerJsonSchema(form, termDictionary) as OpenApiSchema;
    }
    const start = startFormId(plugin.manifest, plugin.forms);
    const form = plugin.forms.map((f) => f.definition as FormDefinition).find((f) => f.id === start);
    if (!form) continue;
    document.paths[`/api/plugins/${plugin.id}/cases`] = {
      post: {
        tags: ['submissions'],
        summary: `Start a ${plugin.manifest.title} case`,
        description: plugin.manifest.description,
        security: [{ bearer: [] }],
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['answers'],
                properties: {
                  answers: { $ref: `#/components/schemas/${plugin.id}.${form.id}.v${form.version}` },
                  draftId: { type: 'string', format: 'uuid' },
                  linkedTo: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
        responses: {
          '201': { description: 'The case was created' },
          '200': { description: 'Replayed: the case first created with this Idempotency-Key' },
          '400': { description: 'Field-level errors: `{ errors: [{ path, message }] }`; nothing stored' },
        },
      },
    };
  }
}
