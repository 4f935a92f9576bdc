import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, Router, RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import { newUser } from '../../../testing/fixtures';
import { roleGuard, shiftGuard, signedInGuard } from './auth.guards';
import { AuthService } from './auth.service';
import { User } from './user.model';

describe('route guards', () => {
  let user: User | null;

  beforeEach(() => {
    user = null;
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: AuthService,
          useValue: { isSignedIn: () => !!user, hasShift: () => !!user?.shift, user: () => user },
        },
      ],
    });
  });

  function run(guard: typeof signedInGuard, url: string): boolean | string {
    const state = { url } as RouterStateSnapshot;
    const result = TestBed.runInInjectionContext(() => guard({} as ActivatedRouteSnapshot, state));
    return result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : (result as boolean);
  }

  it('sends signed-out users to sign in with the page to return to', () => {
    expect(run(signedInGuard, '/admin/plugins')).toBe('/sign-in?returnUrl=%2Fadmin%2Fplugins');
    user = newUser();
    expect(run(signedInGuard, '/admin/plugins')).toBe(true);
  });

  it('sends users without a shift to start one', () => {
    user = newUser();
    expect(run(shiftGuard, '/forms/hot-debrief')).toBe('/shift/start?returnUrl=%2Fforms%2Fhot-debrief');
    user = newUser({ shift: { teamId: 't', teamName: 'T', location: 'p', locationLabel: 'P', startedAt: '' } });
    expect(run(shiftGuard, '/forms/hot-debrief')).toBe(true);
  });

  it('lets only the listed roles through', () => {
    user = newUser({ roles: ['officer'] });
    expect(run(roleGuard(['admin', 'plugin-admin']), '/admin/plugins')).toBe('/forbidden');
    user = newUser({ roles: ['plugin-admin'] });
    expect(run(roleGuard(['admin', 'plugin-admin']), '/admin/plugins')).toBe(true);
  });
});
