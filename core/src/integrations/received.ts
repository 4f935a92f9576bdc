import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CERBERUS_TARGET_MESSAGE, CerberusTargetsRepository } from './cerberus/cerberus-targets.repository.js';

/**
 * The case an inbound integration message was filed as (`cerberus.target` + target id), for
 * hooks that must check a reference against what the platform really received.
 */
@Injectable()
export class ReceivedMessages {
  constructor(private readonly targets: CerberusTargetsRepository) {}

  /** The case's id, in the caller's transaction; undefined for unknown messages and ids. */
  async caseId(manager: EntityManager, message: string, id: string): Promise<string | undefined> {
    if (message === CERBERUS_TARGET_MESSAGE) return this.targets.caseOf(manager, id);
    return undefined;
  }
}
