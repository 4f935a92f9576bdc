import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { newUser } from '../../../testing/fixtures';
import { AuthService } from '../../core/auth/auth.service';
import { StartShiftPage } from './start-shift.page';

describe('StartShiftPage', () => {
  let fixture: ComponentFixture<StartShiftPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;
  let auth: AuthService;

  beforeEach(async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', children: [] }]), provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    auth.setUser(newUser({ teamId: null }));
    fixture = TestBed.createComponent(StartShiftPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne('/api/shift/teams').flush({
      teams: [
        { id: 'dover-tourist-1', label: 'Dover Tourist 1', via: 'home', validTo: null },
        { id: 'dover-freight-a', label: 'Dover Freight A', via: 'cover', validTo: '2026-12-05T18:00:00.000Z' },
      ],
    });
    backend.expectOne('/api/reference/ports').flush({
      set: 'ports',
      rows: [
        { id: 'GBDOV', label: 'Dover' },
        { id: 'GBLHR', label: 'London Heathrow Airport' },
      ],
    });
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    vi.useRealTimers();
  });

  async function submit(): Promise<void> {
    page.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('asks for a team and a location', async () => {
    await submit();
    const summary = page.querySelector('.govuk-error-summary')?.textContent ?? '';
    expect(summary).toContain('Select your team');
    expect(summary).toContain('Select your location');
    expect(page.querySelector('#team-error')).not.toBeNull();
    expect(page.querySelector('#location-error')).not.toBeNull();
  });

  it('searches ports by the typed text after a pause', async () => {
    const search = page.querySelector<HTMLInputElement>('#location-search')!;
    search.value = 'heath';
    search.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(150);
    backend.expectNone((r) => r.url === '/api/reference/ports');
    await vi.advanceTimersByTimeAsync(150);
    const request = backend.expectOne((r) => r.url === '/api/reference/ports');
    expect(request.request.params.get('q')).toBe('heath');
    request.flush({ set: 'ports', rows: [{ id: 'GBLHR', label: 'London Heathrow Airport' }] });
    await fixture.whenStable();
    expect(page.querySelectorAll('#location-results .govuk-radios__item')).toHaveLength(1);
    expect(page.querySelector('[role="status"]')?.textContent).toContain('1 port matches');
  });

  it('offers only the teams the core allows, saying until when a cover lasts', () => {
    const options = [...page.querySelectorAll<HTMLOptionElement>('#team option')].map((o) => o.textContent?.trim());
    expect(options).toEqual(['Choose a team', 'Dover Tourist 1', 'Dover Freight A (cover until 5 December at 18:00)']);
  });

  it('starts the shift with the chosen team and port and continues', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl');
    const team = page.querySelector<HTMLSelectElement>('#team')!;
    team.value = 'dover-tourist-1';
    team.dispatchEvent(new Event('change'));
    page.querySelector<HTMLInputElement>('#location-GBDOV')!.click();
    await submit();
    const request = backend.expectOne({ method: 'POST', url: '/api/shift' });
    expect(request.request.body).toEqual({ teamId: 'dover-tourist-1', location: 'GBDOV' });
    const shift = {
      teamId: 'dover-tourist-1',
      teamName: 'Dover Tourist 1',
      location: 'GBDOV',
      locationLabel: 'Dover',
      startedAt: '',
    };
    request.flush(newUser({ shift }));
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/'));
    expect(auth.hasShift()).toBe(true);
  });
});
