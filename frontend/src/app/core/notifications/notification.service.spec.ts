import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TokenStore } from '../auth/token-store';
import { AppNotification } from './notification.model';
import { dismiss, markRead } from './notification-actions';
import { EVENT_SOURCE, NotificationService } from './notification.service';

/** Stands in for EventSource (jsdom has none): the test opens it, sends frames and fails it. */
class FakeSource {
  readyState = 0;
  closed = false;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  send(n: AppNotification): void {
    for (const l of this.listeners.get('notification') ?? [])
      l(new MessageEvent('notification', { data: JSON.stringify(n) }));
  }
  /** The server refused the connection (a 401 after the token expired): EventSource gives up. */
  refuse(): void {
    this.readyState = 2;
    this.onerror?.();
  }
}

const note = (overrides: Partial<AppNotification> = {}): AppNotification => ({
  id: crypto.randomUUID(),
  userId: 'u-officer',
  kind: 'cerberus.target',
  title: 'New target for your team: BF-20261126-1',
  body: 'Spirit of Britain',
  caseId: 'c-1',
  urgent: true,
  createdAt: new Date().toISOString(),
  readAt: null,
  ...overrides,
});

describe('NotificationService', () => {
  let sources: FakeSource[];
  let backend: HttpTestingController;
  let tokens: TokenStore;

  const latest = () => sources[sources.length - 1]!;
  const service = () => TestBed.inject(NotificationService);

  beforeEach(() => {
    sessionStorage.clear();
    sources = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: EVENT_SOURCE,
          useValue: (url: string) => sources[sources.push(new FakeSource(url)) - 1] as unknown as EventSource,
        },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    tokens = TestBed.inject(TokenStore);
  });

  afterEach(() => {
    vi.useRealTimers();
    backend.verify();
    sessionStorage.clear();
  });

  it('opens no stream while signed out, and one with the token once signed in', () => {
    service();
    expect(sources).toHaveLength(0);
    tokens.save('access-1', 'refresh-1', 900);
    expect(sources).toHaveLength(1);
    expect(latest().url).toBe('/api/notifications/stream?access_token=access-1');
  });

  it('counts unread from the inbox when the stream opens, then live notifications as they arrive', async () => {
    tokens.save('access-1', 'refresh-1', 900);
    const s = service();
    latest().open();
    backend.expectOne('/api/notifications').flush({
      notifications: [note({ readAt: '2026-11-26T08:00:00Z' }), note({ urgent: false, kind: 'task.assigned' })],
      unread: 1,
    });
    await vi.waitFor(() => expect(s.unread()).toBe(1));
    const live = note();
    latest().send(live);
    latest().send(live); // a repeat (say after a reconnect) is not counted twice
    expect(s.unread()).toBe(2);
    expect(s.items()[0]!.id).toBe(live.id);
    expect(s.urgent().map((n) => n.id)).toEqual([live.id]);
  });

  it('reconnects with the new token after a refresh, closing the old stream', () => {
    tokens.save('access-1', 'refresh-1', 900);
    service();
    const first = latest();
    tokens.save('access-2', 'refresh-2', 900);
    expect(first.closed).toBe(true);
    expect(sources).toHaveLength(2);
    expect(latest().url).toContain('access_token=access-2');
  });

  it('recovers when the server refuses the stream: the inbox request refreshes the token, which reconnects', async () => {
    vi.useFakeTimers();
    tokens.save('access-1', 'refresh-1', 900);
    service();
    latest().refuse();
    expect(sources).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    const inbox = backend.expectOne('/api/notifications');
    tokens.save('access-2', 'refresh-2', 900); // what the interceptor's refresh does
    inbox.flush({ notifications: [], unread: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(sources).toHaveLength(2);
    expect(latest().url).toContain('access_token=access-2');
  });

  it('tries again with the same token when the refusal was not about the token', async () => {
    vi.useFakeTimers();
    tokens.save('access-1', 'refresh-1', 900);
    service();
    latest().refuse();
    await vi.advanceTimersByTimeAsync(1000);
    backend.expectOne('/api/notifications').flush({ notifications: [], unread: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(sources).toHaveLength(2);
    expect(latest().url).toContain('access_token=access-1');
  });

  it('closes the stream and forgets the count on sign-out', async () => {
    tokens.save('access-1', 'refresh-1', 900);
    const s = service();
    latest().send(note());
    expect(s.unread()).toBe(1);
    tokens.clear();
    expect(latest().closed).toBe(true);
    expect(s.unread()).toBe(0);
    expect(s.items()).toEqual([]);
  });

  it('marks a notification read here at once and on the server', async () => {
    tokens.save('access-1', 'refresh-1', 900);
    const s = service();
    const n = note();
    latest().send(n);
    const done = markRead(s, n.id);
    expect(s.unread()).toBe(0);
    expect(s.urgent()).toEqual([]);
    backend
      .expectOne({ method: 'POST', url: `/api/notifications/${n.id}/read` })
      .flush(null, { status: 204, statusText: 'No Content' });
    await done;
  });

  it('keeps dismissed notifications out of the banner but unread in the inbox', () => {
    tokens.save('access-1', 'refresh-1', 900);
    const s = service();
    const n = note({ kind: 'cerberus.target-updated' });
    latest().send(n);
    expect(s.urgent()).toHaveLength(1);
    dismiss(s, [n.id]);
    expect(s.urgent()).toEqual([]);
    expect(s.unread()).toBe(1);
  });
});
