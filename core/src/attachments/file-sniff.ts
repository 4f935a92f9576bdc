import { fileTypeFromBuffer } from 'file-type';

/** How much of a file is read before its type is decided: enough for Office files' zip directories. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Reads the start of a stream (up to `SNIFF_BYTES`) and gives it back with the rest, so the type
 * can be decided from the bytes before anything is stored.
 */
export async function readHead(
  source: AsyncIterable<Uint8Array>,
): Promise<{ head: Buffer; rest: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const piece = Buffer.from(next.value);
    taken.push(piece);
    size += piece.length;
  }
  const head = Buffer.concat(taken, size);
  return {
    head,
    rest: {
      async *[Symbol.asyncIterator]() {
        if (head.length) yield head;
        if (done) return;
        for (;;) {
          const next = await iterator.next();
          if (next.done) return;
          yield next.value;
        }
      },
    },
  };
}

/** The media type the bytes are, from their signature (never from the name or the browser's header). */
export async function sniffType(head: Buffer): Promise<string | undefined> {
  return (await fileTypeFromBuffer(head))?.mime;
}
