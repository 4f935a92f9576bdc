import type { EntityManager } from 'typeorm';
import { CERBERUS_TARGET_MESSAGE, CerberusTargetsRepository } from './cerberus/cerberus-targets.repository.js';

/**
 * The case an inbound integration message was filed as (`cerberus.target` + target id), for
 * hooks that must check a reference against what the platform really received. Undefined for
 * unknown messages and ids.
 */
export async function receivedCaseId(manager: EntityManager, message: string, id: string): Promise<string | undefined> {
  if (message === CERBERUS_TARGET_MESSAGE) return CerberusTargetsRepository.caseOf(manager, id);
  return undefined;
}
