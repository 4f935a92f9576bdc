import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { newLogin, newUser } from '../../../testing/fixtures';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

describe('authInterceptor and AuthService', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthService;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', children: [] }]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
  });

  afterEach(() => backend.verify());

  async function signIn(): Promise<void> {
    const done = auth.login('officer', 'demo-password');
    const request = backend.expectOne('/api/auth/login');
    expect(request.request.headers.has('Authorization')).toBe(false);
    expect(request.request.body).toEqual({ username: 'officer', password: 'demo-password' });
    request.flush(newLogin());
    await done;
  }

  it('signs in, keeps the user and mirrors the tokens to sessionStorage', async () => {
    await signIn();
    expect(auth.user()?.username).toBe('officer');
    expect(auth.isSignedIn()).toBe(true);
    expect(auth.hasShift()).toBe(false);
    expect(sessionStorage.getItem('cop.session')).toContain('access-1');
  });

  it('sends the bearer token on API calls only', async () => {
    await signIn();
    void firstValueFrom(http.get('/api/plugins'));
    expect(backend.expectOne('/api/plugins').request.headers.get('Authorization')).toBe('Bearer access-1');
    void firstValueFrom(http.get('/assets/manifest.json'));
    expect(backend.expectOne('/assets/manifest.json').request.headers.has('Authorization')).toBe(false);
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    await signIn();
    const result = firstValueFrom(http.get<{ ok: boolean }>('/api/plugins'));
    backend.expectOne('/api/plugins').flush({ message: 'expired' }, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    const refresh = backend.expectOne('/api/auth/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'refresh-1' });
    refresh.flush(newLogin({ accessToken: 'access-2', refreshToken: 'refresh-2' }));
    await vi.waitFor(() => backend.expectOne('/api/plugins').flush({ ok: true }));
    await expect(result).resolves.toEqual({ ok: true });
    expect(auth.accessToken()).toBe('access-2');
  });

  it('signs the user out and goes to sign in, remembering the page, when the refresh is refused', async () => {
    await signIn();
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/admin/plugins');
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
    const result = firstValueFrom(http.get('/api/plugins/status'));
    backend.expectOne('/api/plugins/status').flush({}, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    backend.expectOne('/api/auth/refresh').flush({ message: 'no' }, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(auth.isSignedIn()).toBe(false);
    expect(sessionStorage.getItem('cop.session')).toBeNull();
    await vi.waitFor(() =>
      expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/admin/plugins' } }),
    );
  });

  it('shares one refresh between concurrent 401s', async () => {
    await signIn();
    const first = firstValueFrom(http.get('/api/a'));
    const second = firstValueFrom(http.get('/api/b'));
    backend.expectOne('/api/a').flush({}, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/b').flush({}, { status: 401, statusText: 'Unauthorized' });
    await Promise.resolve();
    backend.expectOne('/api/auth/refresh').flush(newLogin({ accessToken: 'access-2' }));
    await vi.waitFor(() => {
      backend.expectOne('/api/a').flush(1);
      backend.expectOne('/api/b').flush(2);
    });
    await expect(Promise.all([first, second])).resolves.toEqual([1, 2]);
  });

  it('logs out on the server and forgets the session even if the server fails', async () => {
    await signIn();
    const done = auth.logout();
    backend.expectOne('/api/auth/logout').flush({}, { status: 500, statusText: 'Server Error' });
    await done;
    expect(auth.user()).toBeNull();
    expect(auth.accessToken()).toBeNull();
  });

  it('replaces the user after a shift change', async () => {
    await signIn();
    const shift = {
      teamId: 't',
      teamName: 'T',
      location: 'GBDOV',
      locationLabel: 'Dover',
      startedAt: '2026-01-01T08:00:00Z',
    };
    auth.setUser(newUser({ shift }));
    expect(auth.hasShift()).toBe(true);
  });
});
