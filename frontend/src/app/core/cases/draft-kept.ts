import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DraftStore } from './draft-store';

const time = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/**
 * A quiet line on the form saying that the answers are kept on this device as the officer goes
 * (the renderer keeps them in IndexedDB 250 ms after each change), with the time of the last
 * copy. Plain text, not a live region: it would otherwise be announced at every key press.
 * Placed in the form renderer, under the page's questions: `<cop-draft-kept [draftId]="draftId()" />`.
 */
@Component({
  selector: 'cop-draft-kept',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (draftId()) {
      <p class="govuk-body-s cop-secondary-text" data-testid="kept-on-device">
        Your answers are saved on this device as you go{{ at() ? ' (last saved at ' + at() + ')' : '' }}. Select "Save
        as draft" to keep them in your drafts.
      </p>
    }
  `,
})
export class DraftKept {
  private readonly store = inject(DraftStore);
  /** The draft on the form; nothing is shown without one (a workflow action's form is not kept). */
  readonly draftId = input<string | null>(null);
  /** When this draft was last kept on this device, as "9:45am". */
  readonly at = computed(() => {
    const kept = this.store.kept();
    if (!kept || kept.id !== this.draftId()) return null;
    return time.format(new Date(kept.at)).replace(' am', 'am').replace(' pm', 'pm');
  });
}
