import { Inject, Injectable } from '@nestjs/common';
import type { EnvConfig } from '../../config/env.config.js';
import { CONFIG } from '../../tokens.js';
import type { OutboxRow } from '../outbox.repository.js';
import type { DeliveryResult, OutboundChannel } from '../outbox-dispatcher.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, sign } from './signature.js';

/** Posts officers' target outcomes to Cerberus, signed, with the event key as Idempotency-Key. */
@Injectable()
export class CerberusOutcomeChannel implements OutboundChannel {
  readonly name = 'cerberus';
  readonly topics = ['cerberus.outcome'];

  constructor(@Inject(CONFIG) private readonly config: EnvConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.CERBERUS_OUTCOME_URL) && this.config.CERBERUS_SECRETS.length > 0;
  }

  async deliver(event: OutboxRow): Promise<DeliveryResult> {
    const body = JSON.stringify({ ...event.payload, eventId: event.key });
    const timestamp = Math.floor(Date.now() / 1000);
    let response: Response;
    try {
      response = await fetch(this.config.CERBERUS_OUTCOME_URL!, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': event.key,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: sign(this.config.CERBERUS_SECRETS[0]!, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(this.config.CERBERUS_TIMEOUT_MS),
      });
      await response.arrayBuffer();
    } catch (error: unknown) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return {
        ok: false,
        permanent: false,
        error: timedOut
          ? `no answer within ${this.config.CERBERUS_TIMEOUT_MS} ms`
          : `unreachable: ${(error as Error).message}`,
      };
    }
    if (response.ok) return { ok: true };
    // Cerberus refusing the content will not change on retry; overload and outages will.
    const permanent =
      response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    return { ok: false, permanent, error: `Cerberus answered ${response.status}` };
  }
}
