import { ParseUUIDPipe, type ArgumentMetadata } from '@nestjs/common';
import { InputError } from './errors.js';

/** A route parameter that must be a UUID: otherwise 400 naming the parameter (`draftId must be a UUID`). */
export class UuidParamPipe extends ParseUUIDPipe {
  constructor() {
    super({ errorHttpStatusCode: 400 });
  }

  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    try {
      return (await super.transform(value, metadata)) as string;
    } catch {
      const name = metadata.data ?? 'id';
      throw new InputError('Check the request', [{ path: name, message: `${name} must be a UUID` }]);
    }
  }
}
