import { Inject, Injectable } from '@nestjs/common';
import type { EnvConfig } from '../config/env.config.js';
import { CONFIG } from '../tokens.js';
import { ClamdClient, type ScanVerdict } from './clamd-client.js';

/** The virus scanner the platform is configured with (clamd), or none. */
@Injectable()
export class VirusScanner {
  private readonly client: ClamdClient | null;

  constructor(@Inject(CONFIG) config: EnvConfig) {
    this.client = config.CLAMD_SOCKET
      ? new ClamdClient({ socket: config.CLAMD_SOCKET }, config.CLAMD_TIMEOUT_MS)
      : config.CLAMD_HOST
        ? new ClamdClient({ host: config.CLAMD_HOST, port: config.CLAMD_PORT }, config.CLAMD_TIMEOUT_MS)
        : null;
  }

  /** Whether a scanner is configured: without one files are kept "not scanned". */
  get configured(): boolean {
    return this.client !== null;
  }

  /** Where the scanner is, for logs. */
  describe(): string {
    return this.client?.describe() ?? 'none';
  }

  ping(): Promise<boolean> {
    return this.client ? this.client.ping() : Promise.resolve(false);
  }

  /** Scans the bytes; throws ScannerUnavailableError when clamd gives no verdict. */
  scan(source: AsyncIterable<Uint8Array>): Promise<ScanVerdict> {
    if (!this.client) throw new Error('no virus scanner is configured');
    return this.client.scan(source);
  }
}
