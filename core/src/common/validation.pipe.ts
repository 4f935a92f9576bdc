import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { InputError, type FieldError } from './errors.js';

const RAW_FIELDS = Symbol('rawJsonFields');

/**
 * Marks a DTO property (a form's `answers`, a report's `parameters`) whose value is handed on
 * as it was sent: class-transformer does not walk or copy it (it would drop keys such as
 * `toString` and recurse into whatever depth it is given); the form engine or the report's
 * parameter check is its validator. Only its own decorators' shallow checks (`@IsObject`) run.
 */
export function RawJson(): PropertyDecorator {
  return (target, property) => {
    const fields = (Reflect.getOwnMetadata(RAW_FIELDS, target.constructor) as (string | symbol)[] | undefined) ?? [];
    Reflect.defineMetadata(RAW_FIELDS, [...fields, property], target.constructor);
  };
}

/**
 * For `@Transform(toNumber)`: a number sent as text (a query string's `limit=50`) becomes a
 * number; anything else is left for the validators to refuse. Unlike `@Type(() => Number)`, an
 * object is not converted (`{ "toString": 1 }` would throw inside the conversion).
 */
export const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

/** Validates DTOs; unknown properties and bad values become 400 with `{ path, message }` errors. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new InputError('Check the request', flatten(errors)),
  });
}

class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const raw = metadata.metatype
      ? ((Reflect.getMetadata(RAW_FIELDS, metadata.metatype) as string[] | undefined) ?? [])
      : [];
    if (raw.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value))
      return super.transform(value, metadata);
    const held: Record<string, unknown> = {};
    const shallow: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const field of raw) {
      if (!Object.hasOwn(shallow, field)) continue;
      held[field] = shallow[field];
      // Its kind is still checked (an object, an array, a string), without its contents.
      shallow[field] = Array.isArray(held[field])
        ? []
        : typeof held[field] === 'object' && held[field] !== null
          ? {}
          : held[field];
    }
    const result = (await super.transform(shallow, metadata)) as Record<string, unknown>;
    return Object.assign(result, held);
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path,
      message: message.includes('should not exist') ? `${path} is not a known field` : message,
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
