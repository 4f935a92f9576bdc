import { DestroyRef, Injectable, inject, signal } from '@angular/core';

/** GOV.UK Frontend's tablet breakpoint (641px), as its own components test for it. */
const TABLET_AND_UP = '(min-width: 40.0625em)';

/**
 * Whether the screen is narrower than the GOV.UK tablet breakpoint: a phone. Layouts that
 * change shape there (the header's Menu, tables as summary cards) read it.
 */
@Injectable({ providedIn: 'root' })
export class Breakpoint {
  private readonly query = typeof matchMedia === 'function' ? matchMedia(TABLET_AND_UP) : null;

  /** Whether the viewport is below the tablet breakpoint. */
  readonly narrow = signal(this.query ? !this.query.matches : false);

  constructor() {
    const query = this.query;
    if (!query) return;
    const update = (): void => this.narrow.set(!query.matches);
    query.addEventListener('change', update);
    inject(DestroyRef).onDestroy(() => query.removeEventListener('change', update));
  }
}
