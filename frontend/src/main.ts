import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

bootstrapApplication(App, appConfig)
  .then(() => {
    // The service worker (src/sw.js) keeps the shell, opened forms and their reference data for
    // offline use. Browsers allow it on https and on localhost only.
    if ('serviceWorker' in navigator && window.isSecureContext)
      navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  })
  .catch((error: unknown) => {
    // Nothing rendered; leave a trace for whoever opens the console.
    console.error(error);
  });
