import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { decodeEntities, Snippet } from './Snippet';

describe('search snippet (HD-03)', () => {
  it('decodes the entities the server escaped, once', () => {
    expect(decodeEntities('a &lt;b&gt; &amp;lt; &#39;x&#x27; &unknown;')).toBe("a <b> &lt; 'x' &unknown;");
  });

  it('renders <mark> as elements and everything else as text', () => {
    const { container } = render(
      <MantineProvider>
        <p data-testid="snippet">
          <Snippet snippet={'<mark>pay</mark> &lt;i&gt;x&lt;/i&gt; <img src=x onerror=alert(1)>'} />
        </p>
      </MantineProvider>,
    );
    const snippet = container.querySelector('[data-testid="snippet"]')!;
    expect(snippet.querySelectorAll('mark')).toHaveLength(1);
    expect(snippet.querySelector('img, i')).toBeNull();
    expect(snippet.textContent).toBe('pay <i>x</i> <img src=x onerror=alert(1)>');
  });
});
