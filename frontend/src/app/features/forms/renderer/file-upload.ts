import { HttpEventType } from '@angular/common/http';
import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../../core/api/api-error';
import { downloadFile } from '../../../core/api/download';
import {
  AttachmentsService,
  attachmentUrl,
  displaySize,
  scanTag,
  type AttachmentView,
} from '../../../core/cases/attachments.service';
import {
  acceptedTypesText,
  DEFAULT_FILE_LIMITS,
  FILE_TYPES,
  fileSizeText,
  type CompiledField,
} from '../../../core/forms/engine';
import { FormState } from './form-state';
import { FILE_MESSAGES } from './renderer.messages';

/** A file being sent, or one that could not be. */
interface Sending {
  key: number;
  file: File;
  /** 0 to 100. */
  percent: number;
  /** Set when it failed: what to tell the officer, and whether trying again may help. */
  error?: string;
  canRetry?: boolean;
}

/** A file the answer holds. */
interface Held {
  id: string;
  name: string;
  upload?: AttachmentView;
}

let nextKey = 0;

/**
 * A file question, the GOV.UK file upload pattern: a file input; each chosen file is sent at
 * once with a progress bar, then listed with its size, its virus-scan state and "Remove".
 * A file the core refuses (too big, wrong type, a virus) is named in its own error message;
 * one that could not be sent (a weak signal) can be tried again.
 */
@Component({
  selector: 'cop-file-upload',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './file-upload.html',
  styles: `
    .cop-progress {
      height: 20px;
      border: 2px solid var(--govuk-text-colour);
      background: var(--govuk-body-background-colour, #fff);
    }
    .cop-progress__bar {
      height: 100%;
      background: var(--govuk-brand-colour, #1d70b8);
    }
    .cop-link-button {
      padding: 0;
      border: 0;
      background: none;
      color: var(--govuk-link-colour, #1d70b8);
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
    }
    .cop-link-button:focus {
      outline: 3px solid transparent;
      color: var(--govuk-focus-text-colour, #0b0c0c);
      background-color: var(--govuk-focus-colour, #ffdd00);
      box-shadow:
        0 -2px var(--govuk-focus-colour, #ffdd00),
        0 4px var(--govuk-focus-text-colour, #0b0c0c);
      text-decoration: none;
    }
  `,
})
export class FileUpload {
  readonly state = inject(FormState);
  private readonly attachments = inject(AttachmentsService);
  private readonly http = inject(HttpClient);

  readonly field = input.required<CompiledField>();
  /** The answer path (`photos`, `attachments[0].file`). */
  readonly path = input.required<string>();
  /** The input's DOM id. */
  readonly id = input.required<string>();
  /** The question's error from the form engine or the core, if any. */
  readonly error = input<string | null>(null);

  readonly sending = signal<Sending[]>([]);
  /** What a screen reader hears after each upload. */
  readonly announcement = signal('');

  readonly limits = computed(() => this.field().file ?? DEFAULT_FILE_LIMITS);
  readonly many = computed(() => this.limits().maxFiles > 1);
  readonly accept = computed(() =>
    this.limits()
      .accept.flatMap((type) => [type, ...(FILE_TYPES[type]?.extensions ?? []).map((e) => `.${e}`)])
      .join(','),
  );
  readonly rules = computed(() => {
    const l = this.limits();
    const count = l.maxFiles > 1 ? ` You can add up to ${l.maxFiles} files.` : '';
    return `Files must be a ${acceptedTypesText(l.accept)} and smaller than ${fileSizeText(l.maxBytes)}.${count}`;
  });
  /** The files the answer holds, with what the core said of each. */
  readonly held = computed<Held[]>(() => {
    const value = this.state.value(this.path());
    const list = Array.isArray(value) ? value : value ? [value] : [];
    const uploads = this.state.uploads();
    return list
      .filter((f): f is { id: string; name: string } => typeof (f as { id?: unknown })?.id === 'string')
      .map((f) => ({ id: f.id, name: uploads[f.id]?.name ?? f.name, upload: uploads[f.id] }));
  });
  readonly room = computed(() => this.limits().maxFiles - this.held().length - this.inFlight());
  readonly inFlight = computed(() => this.sending().filter((s) => s.error === undefined).length);
  readonly failures = computed(() => this.sending().filter((s) => s.error !== undefined));
  readonly describedBy = computed(() => {
    const ids = [`${this.id()}-hint`];
    if (this.error()) ids.push(`${this.id()}-error`);
    if (this.failures().length) ids.push(`${this.id()}-upload-errors`);
    return ids.join(' ');
  });

  readonly tag = scanTag;
  readonly size = displaySize;

  /** Files chosen in the input: each is sent at once (a single-file question replaces its file). */
  async choose(event: Event): Promise<void> {
    const element = event.target as HTMLInputElement;
    const files = [...(element.files ?? [])];
    element.value = '';
    if (!this.many() && files.length) {
      // The question holds one file: the old one goes first, so the core has room for the new.
      await Promise.all(this.held().map((held) => this.remove(held)));
      this.sending.set([]);
    }
    const room = this.many() ? this.limits().maxFiles - this.held().length - this.inFlight() : 1;
    files.forEach((file, i) => {
      if (i >= room) this.fail({ key: nextKey++, file, percent: 0 }, FILE_MESSAGES.tooMany(this.limits().maxFiles));
      else this.send({ key: nextKey++, file, percent: 0 });
    });
  }

  /** Tries a file that could not be sent again. */
  retry(item: Sending): void {
    this.sending.update((all) => all.filter((s) => s.key !== item.key));
    this.send({ key: nextKey++, file: item.file, percent: 0 });
  }

  /** Drops a failed file from the list. */
  dismiss(item: Sending): void {
    this.sending.update((all) => all.filter((s) => s.key !== item.key));
  }

  /** "Remove": the file leaves the answer, and the core forgets the upload. */
  async remove(held: Held): Promise<void> {
    const target = this.state.uploadTarget();
    const value = this.state.value(this.path());
    const rest = (Array.isArray(value) ? value : [value]).filter((f) => (f as { id?: string })?.id !== held.id);
    this.state.setValue(this.path(), this.many() ? (rest.length ? rest : undefined) : undefined);
    this.state.uploads.update(({ [held.id]: _gone, ...others }) => others);
    this.announcement.set(FILE_MESSAGES.removed(held.name));
    if (target) await firstValueFrom(this.attachments.remove(target, held.id)).catch(() => undefined);
  }

  async download(held: Held): Promise<void> {
    await downloadFile(this.http, attachmentUrl(held.id), held.name).catch(() => undefined);
  }

  private send(item: Sending): void {
    const target = this.state.uploadTarget();
    const { file } = item;
    if (!target) return this.fail(item, FILE_MESSAGES.notReady);
    if (file.size === 0) return this.fail(item, FILE_MESSAGES.empty(file.name));
    if (file.size > this.limits().maxBytes)
      return this.fail(item, FILE_MESSAGES.tooBig(file.name, fileSizeText(this.limits().maxBytes)));
    this.sending.update((all) => [...all, item]);
    this.attachments.upload(target, this.path(), file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const percent = event.total ? Math.round((event.loaded / event.total) * 100) : 0;
          this.update(item.key, { percent: Math.min(percent, 99) });
        } else if (event.type === HttpEventType.Response && event.body) {
          this.uploaded(item, event.body);
        }
      },
      error: (error: unknown) => {
        const e = toApiError(error);
        const message = e.errors[0]?.message ?? (e.status === 0 || e.status >= 500 ? null : e.message);
        this.sending.update((all) => all.filter((s) => s.key !== item.key));
        this.fail(item, message ?? FILE_MESSAGES.notSent(file.name), message === null);
      },
    });
  }

  private uploaded(item: Sending, view: AttachmentView): void {
    this.sending.update((all) => all.filter((s) => s.key !== item.key));
    this.state.uploads.update((uploads) => ({ ...uploads, [view.id]: view }));
    const ref = { id: view.id, name: view.name };
    const current = this.held().map((h) => ({ id: h.id, name: h.name }));
    this.state.setValue(this.path(), this.many() ? [...current, ref] : ref);
    this.announcement.set(FILE_MESSAGES.uploaded(view.name, scanTag(view.status).text));
  }

  private fail(item: Sending, message: string, canRetry = false): void {
    this.sending.update((all) => [...all.filter((s) => s.key !== item.key), { ...item, error: message, canRetry }]);
    this.announcement.set(message);
  }

  private update(key: number, change: Partial<Sending>): void {
    this.sending.update((all) => all.map((s) => (s.key === key ? { ...s, ...change } : s)));
  }
}
