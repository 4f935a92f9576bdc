/** A live server-sent-events connection for tests: collects `event: notification` frames. */
export class SseClient {
  readonly events: Record<string, unknown>[] = [];
  private readonly controller = new AbortController();
  private waiters: (() => void)[] = [];

  /** `onEvent` sees each notification as it arrives (benchmarks time arrivals with it). */
  constructor(private readonly onEvent?: (event: Record<string, unknown>) => void) {}

  static async connect(url: string, onEvent?: (event: Record<string, unknown>) => void): Promise<SseClient> {
    const client = new SseClient(onEvent);
    const response = await fetch(url, { signal: client.controller.signal });
    if (response.status !== 200) throw new Error(`SSE connect failed: ${response.status}`);
    void client.pump(response.body!.getReader());
    return client;
  }

  /** Resolves once `count` events have arrived, or rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs = 5000): Promise<Record<string, unknown>[]> {
    const until = Date.now() + timeoutMs;
    while (this.events.length < count) {
      const left = until - Date.now();
      if (left <= 0) throw new Error(`expected ${count} events, got ${this.events.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.events;
  }

  close(): void {
    this.controller.abort();
  }

  private async pump(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (data && frame.includes('event: notification')) {
            const event = JSON.parse(data.slice(6)) as Record<string, unknown>;
            this.events.push(event);
            this.onEvent?.(event);
            this.waiters.splice(0).forEach((w) => w());
          }
        }
      }
    } catch {
      // aborted
    }
  }
}
