import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { routes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { AuthService } from './core/auth/auth.service';
import { PageTitle } from './core/ui/page-title';
import { FORM_RENDERER } from './features/forms/form-renderer';

/** Providers for the whole shell. Zoneless change detection is Angular 21's default. */
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor])),
    { provide: TitleStrategy, useExisting: PageTitle },
    provideAppInitializer(() => inject(AuthService).restore()),
    // The renderer (and the form engine with it) loads only when a form is opened.
    {
      provide: FORM_RENDERER,
      useValue: () => import('./features/forms/renderer/form-renderer').then((m) => m.FormRenderer),
    },
  ],
};
