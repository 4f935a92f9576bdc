/**
 * Checks a JSON value against a schema of the OpenAPI 3.0 document, for the tests that hold the
 * document to what the server really sends. Strict where the generated types are: a property
 * the schema does not name is an error (the shell's types would not know it), unless the schema
 * leaves the object open with `additionalProperties`.
 */

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  allOf?: Schema[];
  oneOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
};
export interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
}

/** The JSON schema a route declares for a response status. */
export function responseSchema(document: OpenApiDocument, method: string, path: string, status: number): Schema {
  const operation = document.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`the document has no ${method} ${path}`);
  const schema = operation.responses?.[String(status)]?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method} ${path} declares no JSON body for ${status}`);
  return schema;
}

/** Where the value does not fit the schema, one message per mismatch; empty when it fits. */
export function shapeErrors(document: OpenApiDocument, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas[name];
    return target ? shapeErrors(document, target, value, at) : [`${at}: unknown schema ${name}`];
  }
  if (value === null) return schema.nullable ? [] : [`${at}: null, but not nullable`];
  if (value === undefined) return [`${at}: missing`];
  const errors = (schema.allOf ?? []).flatMap((s) => shapeErrors(document, s, value, at));
  if (schema.oneOf && !schema.oneOf.some((s) => shapeErrors(document, s, value, at).length === 0))
    errors.push(`${at}: ${JSON.stringify(value)} fits none of oneOf`);
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: ${JSON.stringify(value)} not in the enum`);
  return [...errors, ...typeErrors(document, schema, value, at)];
}

function typeErrors(document: OpenApiDocument, schema: Schema, value: unknown, at: string): string[] {
  switch (schema.type) {
    case undefined:
      return [];
    case 'string':
      if (typeof value !== 'string') return [`${at}: ${typeof value}, expected string`];
      return schema.format === 'date-time' && Number.isNaN(Date.parse(value)) ? [`${at}: not a date-time`] : [];
    case 'number':
    case 'integer':
      return typeof value === 'number' ? [] : [`${at}: ${typeof value}, expected number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: ${typeof value}, expected boolean`];
    case 'array':
      if (!Array.isArray(value)) return [`${at}: expected an array`];
      return schema.items ? value.flatMap((v, i) => shapeErrors(document, schema.items!, v, `${at}[${i}]`)) : [];
    case 'object':
      return objectErrors(document, schema, value, at);
    default:
      return [`${at}: the checker knows no type ${schema.type}`];
  }
}

function objectErrors(document: OpenApiDocument, schema: Schema, value: unknown, at: string): string[] {
  if (typeof value !== 'object' || Array.isArray(value)) return [`${at}: expected an object`];
  const record = value as Record<string, unknown>;
  const properties = schema.properties ?? {};
  const errors = (schema.required ?? []).filter((k) => !(k in record)).map((k) => `${at}.${k}: required, missing`);
  for (const [key, v] of Object.entries(record)) {
    const declared = properties[key];
    if (declared) errors.push(...shapeErrors(document, declared, v, `${at}.${key}`));
    else if (typeof schema.additionalProperties === 'object')
      errors.push(...shapeErrors(document, schema.additionalProperties, v, `${at}.${key}`));
    // allOf parts name their own properties; a nullable $ref is `type: object` plus allOf.
    else if (!schema.additionalProperties && !schema.allOf) errors.push(`${at}.${key}: sent, but not in the schema`);
  }
  return errors;
}
