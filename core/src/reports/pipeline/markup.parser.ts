/**
 * A strict parser for the report markup (a tiny XML-like language): elements with
 * double-quoted attributes, self-closing tags, text, and the entities Handlebars'
 * escaping produces. Anything else is an error naming the output line, so a
 * template cannot silently drop content.
 */

/** A parsed element. */
export interface MarkupElement {
  readonly type: 'element';
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: MarkupNode[];
  /** 1-based line of the opening tag in the rendered markup. */
  readonly line: number;
}

/** A run of text between tags, entities decoded, whitespace not yet collapsed. */
export interface MarkupText {
  readonly type: 'text';
  readonly text: string;
  readonly line: number;
}

export type MarkupNode = MarkupElement | MarkupText;

/** Thrown for malformed markup; the caller adds the template name. */
export class MarkupSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'MarkupSyntaxError';
  }
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes `&amp;`, `&#x27;`, `&#39;` and friends; an unknown entity is kept as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const TAG = /<(\/?)([a-z][a-z0-9-]*)((?:\s+[a-z][a-z0-9-]*\s*=\s*"[^"]*")*)\s*(\/?)>/iy;
const ATTR = /([a-z][a-z0-9-]*)\s*=\s*"([^"]*)"/gi;
const COMMENT_END = '-->';

/** Parses markup into a list of top-level nodes. */
export function parseMarkup(source: string): MarkupNode[] {
  const root: MarkupElement = { type: 'element', name: '#root', attrs: {}, children: [], line: 1 };
  const stack: MarkupElement[] = [root];
  let pos = 0;
  let line = 1;
  const advance = (to: number): void => {
    for (let i = pos; i < to; i++) if (source.charCodeAt(i) === 10) line++;
    pos = to;
  };

  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const textEnd = lt === -1 ? source.length : lt;
    if (textEnd > pos) {
      const raw = source.slice(pos, textEnd);
      if (raw.includes('>'))
        throw new MarkupSyntaxError('stray ">" in text (write &gt;, or let {{ }} escape it)', line);
      stack[stack.length - 1]!.children.push({ type: 'text', text: decodeEntities(raw), line });
      advance(textEnd);
      continue;
    }
    if (source.startsWith('<!--', pos)) {
      const end = source.indexOf(COMMENT_END, pos + 4);
      if (end === -1) throw new MarkupSyntaxError('comment is not closed', line);
      advance(end + COMMENT_END.length);
      continue;
    }
    TAG.lastIndex = pos;
    const match = TAG.exec(source);
    if (!match) throw new MarkupSyntaxError(`malformed tag near "${source.slice(pos, pos + 30).split('\n')[0]}"`, line);
    const [whole, closing, rawName, rawAttrs, selfClosing] = match;
    const name = rawName!.toLowerCase();
    if (closing) {
      const open = stack.pop()!;
      if (open === root || open.name !== name) {
        throw new MarkupSyntaxError(
          open === root ? `</${name}> has no opening tag` : `</${name}> closes <${open.name}> from line ${open.line}`,
          line,
        );
      }
    } else {
      const element: MarkupElement = {
        type: 'element',
        name,
        attrs: parseAttributes(rawAttrs ?? '', line),
        children: [],
        line,
      };
      stack[stack.length - 1]!.children.push(element);
      if (!selfClosing) stack.push(element);
    }
    advance(pos + whole.length);
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1]!;
    throw new MarkupSyntaxError(`<${open.name}> from line ${open.line} is never closed`, line);
  }
  return root.children;
}

function parseAttributes(raw: string, line: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [, name, value] of raw.matchAll(ATTR)) {
    const key = name!.toLowerCase();
    if (key in attrs) throw new MarkupSyntaxError(`attribute "${key}" given twice`, line);
    attrs[key] = decodeEntities(value!);
  }
  return attrs;
}

/** Joins an element's text (and its descendants' text) with whitespace collapsed. */
export function textContent(element: MarkupElement): string {
  const parts: string[] = [];
  const walk = (nodes: readonly MarkupNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.text);
      else walk(node.children);
    }
  };
  walk(element.children);
  return collapseWhitespace(parts.join(''));
}

/** Collapses runs of whitespace (not non-breaking spaces) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, ' ').trim();
}
