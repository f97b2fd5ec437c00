import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './markdown';

describe('Markdown reader (HD-03)', () => {
  it('reads headings, paragraphs, lists, quotes, rules and fenced code', () => {
    expect(
      parseMarkdown(
        '# Title\n\nFirst line\nsecond line\n\n- a\n- b\n\n1. one\n2. two\n\n> quoted\n\n---\n\n```sh\n<b>x</b>\n```',
      ),
    ).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Title' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'First line\nsecond line' }] },
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          [{ type: 'paragraph', children: [{ type: 'text', text: 'a' }] }],
          [{ type: 'paragraph', children: [{ type: 'text', text: 'b' }] }],
        ],
      },
      {
        type: 'list',
        ordered: true,
        start: 1,
        items: [
          [{ type: 'paragraph', children: [{ type: 'text', text: 'one' }] }],
          [{ type: 'paragraph', children: [{ type: 'text', text: 'two' }] }],
        ],
      },
      { type: 'quote', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'quoted' }] }] },
      { type: 'rule' },
      { type: 'code', language: 'sh', text: '<b>x</b>' },
    ]);
  });

  it('nests an indented list in an item, and reads "Title\\n===" as a heading', () => {
    const [list] = parseMarkdown('- top\n  - inner\n- next');
    expect(list).toMatchObject({
      type: 'list',
      items: [[{ type: 'paragraph' }, { type: 'list' }], [{ type: 'paragraph' }]],
    });
    expect(parseMarkdown('Title\n===')).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Title' }] },
    ]);
  });

  it('reads emphasis, code spans, escapes and line breaks', () => {
    expect(parseInline('**bold** and *em* and `a*b*c` and \\[not a link\\] and snake_case_name')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'em', children: [{ type: 'text', text: 'em' }] },
      { type: 'text', text: ' and ' },
      { type: 'code', text: 'a*b*c' },
      { type: 'text', text: ' and [not a link] and snake_case_name' },
    ]);
    expect(parseInline('one  \ntwo')).toEqual([
      { type: 'text', text: 'one' },
      { type: 'break' },
      { type: 'text', text: 'two' },
    ]);
  });

  it('makes links of web addresses only; HTML stays text', () => {
    expect(
      parseInline('[docs](https://example.test/a_(b)) <https://example.test> see https://example.test/x.'),
    ).toEqual([
      { type: 'link', href: 'https://example.test/a_(b)', children: [{ type: 'text', text: 'docs' }] },
      { type: 'text', text: ' ' },
      {
        type: 'link',
        href: 'https://example.test',
        children: [{ type: 'text', text: 'https://example.test' }],
      },
      { type: 'text', text: ' see ' },
      {
        type: 'link',
        href: 'https://example.test/x',
        children: [{ type: 'text', text: 'https://example.test/x' }],
      },
      { type: 'text', text: '.' },
    ]);
    expect(parseInline('[x](javascript:alert(1)) <img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: 'x' },
      { type: 'text', text: ' <img src=x onerror=alert(1)>' },
    ]);
  });

  it('refuses script addresses however they are spelt', () => {
    expect(safeHref('JavaScript:alert(1)')).toBeNull();
    expect(safeHref('java\nscript:alert(1)')).toBeNull();
    expect(safeHref(' \tvbscript:x')).toBeNull();
    expect(safeHref('data:text/html;base64,xx')).toBeNull();
    expect(safeHref('mailto:help@example.test')).toBe('mailto:help@example.test');
    expect(safeHref('/kb/articles/a-1')).toBe('/kb/articles/a-1');
    expect(safeHref('//evil.example/x')).toBe('https://evil.example/x');
  });
});
