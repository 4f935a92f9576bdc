import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  ViewContainerRef,
  afterNextRender,
  inject,
  Injector,
  viewChild,
} from '@angular/core';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter, take } from 'rxjs';
import { SiteFooter } from './core/layout/site-footer';
import { NotificationService } from './core/notifications/notification.service';
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
  private readonly bannerHost = viewChild.required('bannerHost', { read: ViewContainerRef });

  /** One live notification stream for as long as someone is signed in. */
  private readonly notifications = inject(NotificationService);

  constructor() {
    // The urgent banner's code loads the first time there is something urgent to show.
    const urgent = this.notifications.urgentArrived.pipe(take(1)).subscribe(() => {
      void import('./core/notifications/urgent-banner').then((m) => this.bannerHost().createComponent(m.UrgentBanner));
    });
    // After an in-app navigation, move focus to the new page the way a full page load would.
    const subscription = inject(Router)
      .events.pipe(filter((event) => event instanceof NavigationEnd))
      .subscribe((event) => {
        if (event.id > 1) afterNextRender(() => this.focusMain(), { injector: this.injector });
      });
    inject(DestroyRef).onDestroy(() => {
      subscription.unsubscribe();
      urgent.unsubscribe();
    });
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
