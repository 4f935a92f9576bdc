import { FILE_TYPES } from '../forms/engine/index.js';

const MAX_NAME = 200;
// Control characters, and characters that mean something to a file system or a shell.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g;

/** Whether the name the browser sent has folder parts (`../x`, `C:\\photos\\x.jpg`): no browser sends one. */
export function hasPathParts(name: string): boolean {
  return /[/\\]/.test(name) || name === '.' || name === '..' || /^[A-Za-z]:/.test(name);
}

/**
 * The name a file is kept and offered under: Unicode-normalised, without control, bidirectional
 * and shell-special characters, spaces collapsed, at most 200 characters, and with the extension
 * of the type its bytes are (a "photo.png" that is a JPEG becomes "photo.jpg").
 */
export function storedName(sent: string, contentType: string): string {
  const extensions = FILE_TYPES[contentType]?.extensions ?? [];
  const clean = sent.normalize('NFC').replace(/\s+/g, ' ').replace(UNSAFE, '').trim().replace(/^\.+/, '');
  const dot = clean.lastIndexOf('.');
  const given = dot > 0 ? clean.slice(dot + 1).toLowerCase() : '';
  // "photo.png" that is a JPEG loses ".png"; "notes.final version" keeps its whole name.
  const looksLikeExtension = /^[a-z0-9]{1,5}$/.test(given);
  const stem = (looksLikeExtension ? clean.slice(0, dot) : clean).trim() || 'file';
  const extension = extensions.includes(given) ? given : (extensions[0] ?? (looksLikeExtension ? given : ''));
  const suffix = extension ? `.${extension}` : '';
  return stem.slice(0, MAX_NAME - suffix.length).trim() + suffix;
}
