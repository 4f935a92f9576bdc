import { ApiProperty } from '@nestjs/swagger';

/**
 * Property decorators for the shapes response classes use again and again. Swagger cannot read
 * `string | null` or `Date` from TypeScript's metadata (both reflect as Object), so each names
 * the schema outright; `Date` is sent as an ISO string.
 */

export const ApiNullableString = (description?: string) => ApiProperty({ type: String, nullable: true, description });

export const ApiDateTime = (description?: string) => ApiProperty({ type: String, format: 'date-time', description });

export const ApiNullableDateTime = (description?: string) =>
  ApiProperty({ type: String, format: 'date-time', nullable: true, description });

/** A JSON object whose keys the schema does not fix: form answers, audit detail. */
export const ApiFreeObject = (description?: string) =>
  ApiProperty({ type: 'object', additionalProperties: true, description });

export const ApiNullableFreeObject = (description?: string) =>
  ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description });

/** An object of string values: report parameters. */
export const ApiStringMap = (description?: string) =>
  ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description });

/** Any JSON value: one answer of a form, whose type depends on the field. */
export const ApiJsonValue = (description?: string) =>
  ApiProperty({
    description,
    nullable: true,
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
    ],
  });
