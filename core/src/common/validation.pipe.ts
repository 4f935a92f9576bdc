import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InputError, type FieldError } from './errors.js';

/** Validates DTOs; unknown properties and bad values become 400 with `{ path, message }` errors. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new InputError('Check the request', flatten(errors)),
  });
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
