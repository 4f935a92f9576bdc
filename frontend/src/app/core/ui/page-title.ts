import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

/** The service name, as it appears in the header and every page title. */
export const SERVICE_NAME = 'Central Operations Platform';

/**
 * Page titles in the GOV.UK form "Page - Service", prefixed "Error: " while a page shows
 * validation errors. Pages with a title known only after loading call `setPage`.
 */
@Injectable({ providedIn: 'root' })
export class PageTitle extends TitleStrategy {
  private readonly title = inject(Title);
  private page = '';
  private hasError = false;

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.page = this.buildTitle(snapshot) ?? '';
    this.hasError = false;
    this.render();
  }

  /** Replaces the page part of the title (for titles that come from the API). */
  setPage(page: string): void {
    this.page = page;
    this.render();
  }

  /** Sets whether the page currently shows errors. */
  setError(hasError: boolean): void {
    this.hasError = hasError;
    this.render();
  }

  private render(): void {
    const base = this.page ? `${this.page} - ${SERVICE_NAME}` : SERVICE_NAME;
    this.title.setTitle(this.hasError ? `Error: ${base}` : base);
  }
}
