import { Mark } from '@mantine/core';
import type { ReactNode } from 'react';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The server escapes the body before it adds the marks: its entities are turned back into text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * A search hit's passage with its matches highlighted: split on `<mark>` and `</mark>` into text
 * and Mark elements; everything else, tags included, stays text.
 */
export function Snippet({ snippet }: { snippet: string }) {
  const parts: ReactNode[] = [];
  let marked = false;
  snippet.split(/(<mark>|<\/mark>)/).forEach((part, i) => {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part)
      parts.push(
        marked ? (
          <Mark key={i} data-testid="snippet-mark">
            {decodeEntities(part)}
          </Mark>
        ) : (
          decodeEntities(part)
        ),
      );
  });
  return <>{parts}</>;
}
