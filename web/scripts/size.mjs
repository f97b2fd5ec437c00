// Prints the gzip size of the JavaScript a first visit downloads before any route chunk: the entry
// script of dist/index.html and every chunk it modulepreloads (its static imports). Lazy page and
// language chunks are listed apart. Fails when the initial JS exceeds the budget.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = Number(process.env.LINEA_JS_BUDGET_KB ?? 300);
const dist = join(import.meta.dirname, '..', 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/index.html is missing: run `npm run build` first');
  process.exit(2);
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [
    ...html.matchAll(
      /<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g,
    ),
  ].map((m) => m[1]),
);
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

let total = 0;
console.log('initial JS (gzip):');
for (const file of initial) {
  const size = gz(file);
  total += size;
  console.log(`  ${kb(size).padStart(9)}  ${file}`);
}
const lazy = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`))
  .reduce((sum, f) => sum + gz(`assets/${f}`), 0);
const css = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.css'))
  .reduce((sum, f) => sum + gz(`assets/${f}`), 0);
console.log(`initial JS total: ${kb(total)} gzip (budget ${BUDGET_KB} kB)`);
console.log(`lazy chunks (pages, languages): ${kb(lazy)} gzip; CSS: ${kb(css)} gzip`);
if (total > BUDGET_KB * 1024) {
  console.error(`initial JS is over budget by ${kb(total - BUDGET_KB * 1024)}`);
  process.exit(1);
}
