import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import { newUser } from '../../../testing/fixtures';
import { TeamCoverPage } from './team-cover.page';
import { TeamCoverView } from './team-cover.service';

const cover = (overrides: Partial<TeamCoverView> = {}): TeamCoverView => ({
  id: 'c-1',
  username: 'freight',
  displayName: 'Fatima Freight',
  teamId: 'dover-1',
  teamName: 'Dover Team 1',
  kind: 'cover',
  reason: 'Covering the Saturday peak',
  validFrom: '2026-11-27T09:00:00.000Z',
  validTo: '2026-11-28T18:00:00.000Z',
  ...overrides,
});

const teams = [
  { id: 'dover-1', label: 'Dover Team 1', attributes: { command: 'south-east' } },
  { id: 'dover-2', label: 'Dover Team 2', attributes: { command: 'south-east' } },
  { id: 'felixstowe-a', label: 'Felixstowe Team A', attributes: { command: 'central' } },
];

describe('TeamCoverPage', () => {
  let fixture: ComponentFixture<TeamCoverPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const $ = <T extends HTMLElement = HTMLElement>(selector: string) => page.querySelector<T>(selector);
  const text = (selector: string) => $(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const type = (id: string, value: string) => {
    const field = $<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(`#${id}`)!;
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
  };
  const listed = (covers: TeamCoverView[]) =>
    vi.waitFor(() => backend.expectOne({ method: 'GET', url: '/api/team-covers' }).flush({ covers }));

  async function open(covers: TeamCoverView[]): Promise<void> {
    fixture = TestBed.createComponent(TeamCoverPage);
    page = fixture.nativeElement as HTMLElement;
    await listed(covers);
    await vi.waitFor(() => backend.expectOne('/api/reference/teams').flush({ set: 'teams', rows: teams }));
    await fixture.whenStable();
  }

  function fill(): void {
    type('cover-username', 'freight');
    type('cover-team', 'dover-1');
    type('cover-to-day', '28');
    type('cover-to-month', '11');
    type('cover-to-year', '2026');
    type('cover-to-hour', '18');
    type('cover-to-minute', '00');
    type('cover-reason', 'Covering the Saturday peak');
  }
  const submit = () => $<HTMLButtonElement>('form button[type="submit"]')!.click();

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser(newUser({ roles: ['manager', 'officer'], teamId: 'dover-1' }));
  });

  afterEach(() => backend.verify());

  it('lists covers in UK time with a labelled End cover button, memberships apart, and only command teams', async () => {
    await open([
      cover(),
      cover({ id: 'm-1', username: 'officer', displayName: 'Olivia Officer', kind: 'member', validTo: null }),
      cover({ id: 'c-later', validFrom: '2099-01-01T09:00:00.000Z', validTo: '2099-01-02T09:00:00.000Z' }),
    ]);
    const cards = page.querySelectorAll('[data-testid="cover"]');
    expect(cards).toHaveLength(2);
    expect(text('[data-cover-id="c-later"]')).toContain('1 January 2099, 9:00am Not started');
    const card = cards[0]!.textContent!.replace(/\s+/g, ' ');
    expect(card).toContain('Fatima Freight (freight)');
    expect(card).toContain('Dover Team 1');
    expect(card).toContain('27 November 2026, 9:00am');
    expect(card).toContain('28 November 2026, 6:00pm');
    expect(card).toContain('Covering the Saturday peak');
    expect(cards[0]!.querySelector('button')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'End cover for Fatima Freight on Dover Team 1',
    );
    expect(cards[0]!.querySelector('button .govuk-visually-hidden')?.textContent).toBe(
      ' for Fatima Freight on Dover Team 1',
    );
    expect(text('[data-testid="members"]')).toContain('Olivia Officer (officer)');
    expect(text('[data-testid="members"]')).not.toContain('End');
    expect([...page.querySelectorAll('#cover-team option')].map((o) => o.textContent?.trim())).toEqual([
      'Choose a team',
      'Dover Team 1',
      'Dover Team 2',
    ]);
  });

  it('says so when there are no covers', async () => {
    await open([]);
    expect(text('[data-testid="no-covers"]')).toBe(
      'No one has been given cover of your teams. Covers that have ended are not shown.',
    );
    expect($('[data-testid="cover"]')).toBeNull();
    expect($('[data-testid="members"]')).toBeNull();
  });

  it("shows the core's field errors in the summary, linked, and beside each input", async () => {
    await open([]);
    fill();
    type('cover-username', 'nobody');
    submit();
    const post = await vi.waitFor(() => backend.expectOne({ method: 'POST', url: '/api/team-covers' }));
    post.flush(
      {
        message: 'Check the cover details',
        errors: [
          { path: 'username', message: 'There is no one with that username' },
          { path: 'validTo', message: 'A cover can last at most 31 days' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await vi.waitFor(() => expect($('.govuk-error-summary')).not.toBeNull());
    const links = [...page.querySelectorAll('.govuk-error-summary a')].map((a) => [
      a.getAttribute('href'),
      a.textContent?.trim(),
    ]);
    expect(links).toEqual([
      ['#cover-username', 'There is no one with that username'],
      ['#cover-to-day', 'A cover can last at most 31 days'],
    ]);
    expect(text('#cover-username-error')).toBe('Error: There is no one with that username');
    expect(text('#cover-to-error')).toBe('Error: A cover can last at most 31 days');
    expect($('#cover-username')?.getAttribute('aria-describedby')).toBe('cover-username-hint cover-username-error');
    expect($('#cover-to-day')?.classList).toContain('govuk-input--error');
    expect($('#cover-team-error')).toBeNull();
    expect(document.activeElement?.classList).toContain('govuk-error-summary');
    expect(document.title).toMatch(/^Error: /);
    expect($<HTMLInputElement>('#cover-username')?.value).toBe('nobody'); // nothing entered is lost
  });

  it('checks required answers before calling the server', async () => {
    await open([]);
    submit();
    await vi.waitFor(() => expect($('.govuk-error-summary')).not.toBeNull());
    expect(page.querySelectorAll('.govuk-error-summary li')).toHaveLength(4);
    expect(text('#cover-to-error')).toBe('Error: Enter when the cover ends');
    expect($('#cover-to-minute')?.classList).toContain('govuk-input--error');
    backend.expectNone('/api/team-covers');
  });

  it('gives cover, announces it in a focused success banner, empties the form and lists it', async () => {
    await open([]);
    fill();
    submit();
    const post = await vi.waitFor(() => backend.expectOne({ method: 'POST', url: '/api/team-covers' }));
    expect(post.request.body).toEqual({
      username: 'freight',
      teamId: 'dover-1',
      validTo: '2026-11-28T18:00:00.000Z',
      reason: 'Covering the Saturday peak',
    });
    post.flush(cover(), { status: 201, statusText: 'Created' });
    await listed([cover()]);
    await vi.waitFor(() => expect($('[data-testid="cover-done"]')).not.toBeNull());
    expect(text('[data-testid="cover-done"]')).toContain(
      'Fatima Freight can work on Dover Team 1 until 28 November 2026, 6:00pm',
    );
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('cover-done'));
    expect(page.querySelectorAll('[data-testid="cover"]')).toHaveLength(1);
    expect($<HTMLInputElement>('#cover-username')?.value).toBe('');
    expect($<HTMLSelectElement>('#cover-team')?.value).toBe('');
    expect($<HTMLInputElement>('#cover-to-day')?.value).toBe('');
    expect($('.govuk-error-summary')).toBeNull();
  });

  it('ends a cover and lists what is left; an already ended one refreshes the list', async () => {
    await open([cover(), cover({ id: 'c-2', displayName: 'Owen Officer', username: 'officer2' })]);
    page.querySelector<HTMLButtonElement>('[data-cover-id="c-1"] button')!.click();
    await vi.waitFor(() => backend.expectOne({ method: 'DELETE', url: '/api/team-covers/c-1' }).flush(null));
    await listed([cover({ id: 'c-2', displayName: 'Owen Officer', username: 'officer2' })]);
    await vi.waitFor(() =>
      expect(text('[data-testid="cover-done"]')).toContain('Cover ended for Fatima Freight on Dover Team 1'),
    );
    expect(page.querySelectorAll('[data-testid="cover"]')).toHaveLength(1);

    page.querySelector<HTMLButtonElement>('[data-cover-id="c-2"] button')!.click();
    await vi.waitFor(() =>
      backend
        .expectOne({ method: 'DELETE', url: '/api/team-covers/c-2' })
        .flush({ message: 'Not found' }, { status: 404, statusText: 'Not Found' }),
    );
    await listed([]);
    await vi.waitFor(() => expect(text('.govuk-error-summary')).toContain('That cover had already ended'));
    expect($('[data-testid="cover-done"]')).toBeNull();
    expect($('[data-testid="no-covers"]')).not.toBeNull();
  });
});
