import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Title } from '@angular/platform-browser';
import { newLogin } from '../../../testing/fixtures';
import { SignInPage } from './sign-in.page';

describe('SignInPage', () => {
  let fixture: ComponentFixture<SignInPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  beforeEach(async () => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', children: [] }]), provideHttpClient(), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SignInPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  function type(id: string, value: string): void {
    const input = page.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    page.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }

  it('asks for both fields, in the summary and inline, and marks the title as an error', async () => {
    await submit();
    const summary = page.querySelector('.govuk-error-summary')!;
    expect(summary.textContent).toContain('Enter your username');
    expect(summary.textContent).toContain('Enter your password');
    expect(page.querySelector('#username-error')?.textContent).toContain('Enter your username');
    expect(page.querySelector('#password-error')?.textContent).toContain('Enter your password');
    expect(page.querySelector('#username')!.getAttribute('aria-describedby')).toBe('username-error');
    expect(document.activeElement).toBe(summary);
    expect(TestBed.inject(Title).getTitle()).toMatch(/^Error: /);
    backend.expectNone('/api/auth/login');
  });

  it('shows the server message when the credentials are refused', async () => {
    type('username', 'officer');
    type('password', 'wrong');
    await submit();
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, message: 'Enter a correct username and password' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await vi.waitFor(() =>
      expect(page.querySelector('.govuk-error-summary')?.textContent).toContain(
        'Enter a correct username and password',
      ),
    );
    expect(page.querySelector<HTMLInputElement>('#password')!.value).toBe('');
  });

  it('shows the server message for a locked account', async () => {
    type('username', 'officer');
    type('password', 'demo-password');
    await submit();
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 423, message: 'Your account is locked for 15 minutes' },
        { status: 423, statusText: 'Locked' },
      );
    await vi.waitFor(() =>
      expect(page.querySelector('.govuk-error-summary')?.textContent).toContain(
        'Your account is locked for 15 minutes',
      ),
    );
  });

  it('goes to the remembered page after signing in', async () => {
    fixture.componentRef.setInput('returnUrl', '/forms/hot-debrief');
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl');
    type('username', ' officer ');
    type('password', 'demo-password');
    await submit();
    const request = backend.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ username: 'officer', password: 'demo-password' });
    request.flush(newLogin());
    await vi.waitFor(() => expect(navigate).toHaveBeenCalledWith('/forms/hot-debrief'));
  });
});
