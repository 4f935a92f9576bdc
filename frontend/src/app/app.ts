import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, afterNextRender, inject, Injector, viewChild } from '@angular/core';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { SiteFooter } from './core/layout/site-footer';
import { SiteHeader } from './core/layout/site-header';

/** The page frame: skip link, header, phase banner, main content, footer. */
@Component({
  selector: 'cop-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, SiteHeader, SiteFooter],
  templateUrl: './app.html',
})
export class App {
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly injector = inject(Injector);

  constructor() {
    // After an in-app navigation, move focus to the new page the way a full page load would.
    const subscription = inject(Router)
      .events.pipe(filter((event) => event instanceof NavigationEnd))
      .subscribe((event) => {
        if (event.id > 1) afterNextRender(() => this.focusMain(), { injector: this.injector });
      });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  /** Skip link handler: a plain "#main-content" would resolve against the base href and navigate home. */
  skipToMain(event: Event): void {
    event.preventDefault();
    this.focusMain();
  }

  private focusMain(): void {
    const main = this.main().nativeElement;
    if (main.contains(document.activeElement) && document.activeElement !== main) return;
    main.focus();
  }
}
