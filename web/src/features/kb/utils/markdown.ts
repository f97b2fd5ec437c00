// A tiny Markdown reader for knowledge-base bodies (HD-03): headings, paragraphs, lists, block
// quotes, rules, code and links, emphasis. It builds a tree of plain values that Markdown.tsx
// renders as React elements: no HTML string is ever produced, so raw HTML in a body shows as text.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'code'; language: string; text: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'rule' };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const BULLET = /^( {0,3})([-*+])([ \t]+|$)(.*)$/;
const ORDERED = /^( {0,3})(\d{1,9})([.)])([ \t]+|$)(.*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const BLANK = /^[ \t]*$/;

/** Whether a line begins a block that ends a running paragraph. */
function interrupts(line: string): boolean {
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    RULE.test(line) ||
    QUOTE.test(line) ||
    BULLET.test(line) ||
    ORDERED.test(line)
  );
}

export function parseMarkdown(source: string): Block[] {
  return parseBlocks(source.replace(/\r\n?/g, '\n').split('\n'));
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (BLANK.test(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const indent = line.length - line.trimStart().length;
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const next = lines[i] ?? '';
        const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(next);
        if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) {
          i++;
          break;
        }
        body.push(next.replace(new RegExp(`^ {0,${indent}}`), ''));
        i++;
      }
      blocks.push({ type: 'code', language: fence[2] ?? '', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({
        type: 'heading',
        level: heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6,
        children: parseInline(heading[2] ?? ''),
      });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (i < lines.length && !BLANK.test(lines[i] ?? '')) {
        const quoted = QUOTE.exec(lines[i] ?? '');
        // a line without ">" continues the quote's paragraph (lazy continuation)
        inner.push(quoted ? (quoted[1] ?? '') : (lines[i] ?? ''));
        i++;
      }
      blocks.push({ type: 'quote', children: parseBlocks(inner) });
      continue;
    }
    const list = BULLET.exec(line) ?? ORDERED.exec(line);
    if (list) {
      const [block, next] = parseList(lines, i);
      blocks.push(block);
      i = next;
      continue;
    }
    // a paragraph: lines up to a blank line or another block; "===" or "---" under it make a heading
    const text: string[] = [];
    while (
      i < lines.length &&
      !BLANK.test(lines[i] ?? '') &&
      (text.length === 0 || !interrupts(lines[i] ?? ''))
    ) {
      const setext = text.length > 0 ? SETEXT.exec(lines[i] ?? '') : null;
      if (setext) {
        blocks.push({
          type: 'heading',
          level: setext[1]![0] === '=' ? 1 : 2,
          children: parseInline(text.join('\n').trim()),
        });
        text.length = 0;
        i++;
        break;
      }
      text.push(lines[i] ?? '');
      i++;
    }
    if (text.length > 0)
      blocks.push({ type: 'paragraph', children: parseInline(text.map((l) => l.trim()).join('\n')) });
  }
  return blocks;
}

function listMarker(
  line: string,
): { ordered: boolean; start: number; marker: string; indent: number; rest: string } | null {
  const bullet = BULLET.exec(line);
  if (bullet) {
    const indent = bullet[1]!.length + 1 + Math.max(1, Math.min(4, bullet[3]!.length));
    return { ordered: false, start: 1, marker: bullet[2]!, indent, rest: bullet[4] ?? '' };
  }
  const ordered = ORDERED.exec(line);
  if (ordered) {
    const indent = ordered[1]!.length + ordered[2]!.length + 1 + Math.max(1, Math.min(4, ordered[4]!.length));
    return { ordered: true, start: Number(ordered[2]), marker: ordered[3]!, indent, rest: ordered[5] ?? '' };
  }
  return null;
}

/** A list from line `from`: items continue with indented lines, lazily with paragraph text. */
function parseList(lines: string[], from: number): [Block, number] {
  const first = listMarker(lines[from] ?? '')!;
  const items: string[][] = [];
  let i = from;
  let current: string[] | null = null;
  let indent = first.indent;
  let blankBefore = false;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (BLANK.test(line)) {
      blankBefore = true;
      current?.push('');
      i++;
      continue;
    }
    const marker = listMarker(line);
    const leading = line.length - line.trimStart().length;
    if (marker && marker.ordered === first.ordered && marker.marker === first.marker && leading < indent) {
      current = [marker.rest];
      items.push(current);
      indent = marker.indent;
      blankBefore = false;
      i++;
      continue;
    }
    if (current && leading >= indent) {
      current.push(line.slice(indent));
      blankBefore = false;
      i++;
      continue;
    }
    if (current && !blankBefore && !interrupts(line)) {
      current.push(line.trim());
      i++;
      continue;
    }
    break;
  }
  // trailing blank lines belong after the list
  for (const item of items) while (item.length > 0 && item[item.length - 1] === '') item.pop();
  return [
    {
      type: 'list',
      ordered: first.ordered,
      start: first.start,
      items: items.map((item) => parseBlocks(item)),
    },
    i,
  ];
}

const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const BARE_URL = /\bhttps?:\/\/[^\s<>]*[^\s<>.,:;"')\]!?*_]/gi;

/** Only web, mail and phone links, and links within the site; anything else is shown as text. */
export function safeHref(raw: string): string | null {
  // browsers drop tabs, newlines and controls in URLs: "java\nscript:" would still be a script
  const url = [...raw].filter((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f).join('');
  if (!url) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (scheme) return ['http', 'https', 'mailto', 'tel'].includes(scheme[1]!.toLowerCase()) ? url : null;
  // "//host/path" is another site without a scheme: allowed only as https
  if (url.startsWith('//')) return `https:${url}`;
  return url;
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) pushText(out, buffer);
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1] ?? '';
    if (ch === '\\' && next === '\n') {
      flush();
      out.push({ type: 'break' });
      i += 2;
      continue;
    }
    if (ch === '\\' && PUNCTUATION.test(next)) {
      buffer += next;
      i += 2;
      continue;
    }
    if (ch === '\n' && buffer.endsWith('  ')) {
      buffer = buffer.replace(/ +$/, '');
      flush();
      out.push({ type: 'break' });
      i++;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const close = findBackticks(text, i + run.length, run.length);
      if (close >= 0) {
        flush();
        let code = text.slice(i + run.length, close).replace(/\n/g, ' ');
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim())
          code = code.slice(1, -1);
        out.push({ type: 'code', text: code });
        i = close + run.length;
        continue;
      }
      buffer += run;
      i += run.length;
      continue;
    }
    if (ch === '<') {
      const auto = /^<((?:https?|mailto):[^\s<>]+)>/i.exec(text.slice(i));
      const href = auto ? safeHref(auto[1]!) : null;
      if (auto && href) {
        flush();
        out.push({ type: 'link', href, children: [{ type: 'text', text: auto[1]! }] });
        i += auto[0].length;
        continue;
      }
    }
    if (ch === '[' || (ch === '!' && next === '[')) {
      const link = readLink(text, ch === '!' ? i + 1 : i);
      if (link) {
        flush();
        const href = safeHref(link.destination);
        const children = unlink(parseInline(link.label));
        // an image is shown as a link to it: bodies do not load pictures from other sites
        if (href)
          out.push({
            type: 'link',
            href,
            children: children.length ? children : [{ type: 'text', text: href }],
          });
        else out.push(...children);
        i = link.end;
        continue;
      }
    }
    if (ch === '*' || ch === '_') {
      const emphasis = readEmphasis(text, i);
      if (emphasis) {
        flush();
        out.push({ type: emphasis.strong ? 'strong' : 'em', children: parseInline(emphasis.inner) });
        i = emphasis.end;
        continue;
      }
    }
    buffer += ch;
    i++;
  }
  flush();
  return out;
}

/** Text, with bare web addresses made links. */
function pushText(out: Inline[], text: string) {
  let last = 0;
  for (const match of text.matchAll(BARE_URL)) {
    const start = match.index ?? 0;
    if (start > last) out.push({ type: 'text', text: text.slice(last, start) });
    out.push({ type: 'link', href: match[0], children: [{ type: 'text', text: match[0] }] });
    last = start + match[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
}

function findBackticks(text: string, from: number, length: number): number {
  let i = from;
  while (i < text.length) {
    if (text[i] === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      if (run.length === length) return i;
      i += run.length;
    } else i++;
  }
  return -1;
}

/** `[label](destination "title")` starting at `[`; null when it is not a link. */
function readLink(text: string, open: number): { label: string; destination: string; end: number } | null {
  let depth = 0;
  let close = -1;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      const end = findBackticks(text, i + run.length, run.length);
      if (end >= 0) i = end + run.length - 1;
      continue;
    }
    if (ch === '[') depth++;
    else if (ch === ']') {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    }
  }
  if (close < 0 || text[close + 1] !== '(') return null;
  const rest = text.slice(close + 2);
  const match =
    /^[ \t\n]*(?:<([^<>\n]*)>|((?:[^\s()\\]|\\.|\([^\s()]*\))*))(?:[ \t\n]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t\n]*\)/.exec(
      rest,
    );
  if (!match) return null;
  const destination = (match[1] ?? match[2] ?? '').replace(/\\([!-/:-@[-`{-~])/g, '$1');
  return { label: text.slice(open + 1, close), destination, end: close + 2 + match[0].length };
}

/** `**strong**`, `__strong__`, `*em*`, `_em_` (underscores not inside words, as in snake_case). */
function readEmphasis(text: string, at: number): { strong: boolean; inner: string; end: number } | null {
  const ch = text[at]!;
  if (ch === '_' && /[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ')) return null;
  const strong = text[at + 1] === ch;
  const start = at + (strong ? 2 : 1);
  if (/\s/.test(text[start] ?? ' ')) return null;
  let i = start;
  while (i < text.length) {
    const close = text.indexOf(ch, i);
    if (close < 0) return null;
    const double = text[close + 1] === ch;
    // "*a **b** c*" and "**a *b* c**": the other kind of delimiter inside is skipped
    if (double !== strong) {
      i = close + (double ? 2 : 1);
      continue;
    }
    const end = close + (strong ? 2 : 1);
    const ok =
      close > start &&
      !/\s/.test(text[close - 1] ?? ' ') &&
      (ch !== '_' || !/[\p{L}\p{N}]/u.test(text[end] ?? ' '));
    if (ok) return { strong, inner: text.slice(start, close), end };
    i = end;
  }
  return null;
}

/** A link's label holds no other link (a web address in it stays text). */
function unlink(inlines: Inline[]): Inline[] {
  return inlines.flatMap((inline): Inline[] => {
    if (inline.type === 'link') return unlink(inline.children);
    if (inline.type === 'strong' || inline.type === 'em')
      return [{ ...inline, children: unlink(inline.children) }];
    return [inline];
  });
}
