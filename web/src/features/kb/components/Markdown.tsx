import { Typography } from '@mantine/core';
import { createElement, useMemo, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from '../utils/markdown';

/**
 * HD-03: an article body rendered from Markdown as React elements (never as an HTML string), so
 * markup in a body is shown as text. Headings start at level 3: the page title is above them.
 */
export function Markdown({ source, testId = 'markdown' }: { source: string; testId?: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <Typography data-testid={testId}>
      <div>{blocks.map((block, i) => renderBlock(block, i))}</div>
    </Typography>
  );
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.type) {
    case 'heading':
      return createElement(`h${Math.min(6, block.level + 2)}`, { key }, renderInlines(block.children));
    case 'paragraph':
      return <p key={key}>{renderInlines(block.children)}</p>;
    case 'code':
      return (
        <pre key={key} data-language={block.language || undefined}>
          <code>{block.text}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={key}>{block.children.map((child, i) => renderBlock(child, i))}</blockquote>;
    case 'list': {
      const items = block.items.map((item, i) => (
        // a tight item (one paragraph) shows its text without a paragraph around it
        <li key={i}>
          {item.length === 1 && item[0]!.type === 'paragraph'
            ? renderInlines(item[0]!.children)
            : item.map((child, j) => renderBlock(child, j))}
        </li>
      ));
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'rule':
      return <hr key={key} />;
  }
}

function renderInlines(inlines: Inline[]): ReactNode[] {
  return inlines.map((inline, i) => {
    switch (inline.type) {
      case 'text':
        return inline.text;
      case 'code':
        return <code key={i}>{inline.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInlines(inline.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInlines(inline.children)}</em>;
      case 'break':
        return <br key={i} />;
      case 'link':
        return (
          <a key={i} href={inline.href} target="_blank" rel="noopener noreferrer">
            {renderInlines(inline.children)}
          </a>
        );
    }
  });
}
