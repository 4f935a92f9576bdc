import { TestBed } from '@angular/core/testing';
import { DraftKept } from './draft-kept';
import { DraftStore } from './draft-store';

describe('DraftKept', () => {
  it('says the answers are kept on this device, with the time of the last copy of this draft', async () => {
    const fixture = TestBed.createComponent(DraftKept);
    fixture.componentRef.setInput('draftId', 'd-1');
    await fixture.whenStable();
    const text = () => (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ').trim();
    expect(text()).toBe(
      'Your answers are saved on this device as you go. Select "Save as draft" to keep them in your drafts.',
    );

    TestBed.inject(DraftStore).kept.set({ id: 'd-1', at: '2026-11-26T09:45:00Z' });
    await fixture.whenStable();
    expect(text()).toContain('as you go (last saved at 9:45am).');
    // Not a live region: it would be read out at every key press.
    expect((fixture.nativeElement as HTMLElement).querySelector('[aria-live], [role="status"]')).toBeNull();

    TestBed.inject(DraftStore).kept.set({ id: 'other', at: '2026-11-26T10:00:00Z' });
    await fixture.whenStable();
    expect(text()).not.toContain('last saved');
  });

  it('shows nothing without a draft (a workflow action on a case)', async () => {
    const fixture = TestBed.createComponent(DraftKept);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent?.trim()).toBe('');
  });
});
