// What a shop or a bundler gets from the build: the files package.json promises, a classic script
// for the script tag, and a byte budget (bytes are deterministic; timings are in `npm run bench`).
import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {test} from 'node:test';
import {gzipSync} from 'node:zlib';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const bundle = readFileSync(new URL('dist/samtycke.js', root));

test('every file package.json points to exists after the build', () => {
  const targets = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))];
  for (const target of targets) assert.ok(existsSync(new URL(target, root)), `${target} exists`);
});

test('dist/samtycke.js is a classic script; what a page may not need is imported from chunks/', () => {
  const text = bundle.toString('utf8');
  assert.doesNotMatch(text, /^\s*(import|export)\s/m, 'no module syntax at top level');
  const imports = [...text.matchAll(/\bimport\(([^)]*)\)/g)].map((m) => m[1]);
  assert.ok(imports.length >= 1 && imports.length <= 2, 'dynamic imports only in the chunk loader (a part and its shared chunks)');
  assert.match(text, /chunks\/\$\{/, 'it imports from chunks/ beside samtycke.js');
  assert.doesNotMatch(text, /LitElement|lit-html|Lit is in dev mode/, 'Lit is not in samtycke.js');
  for (const name of ['ui', 'preferences', 'embed', 'outbox', 'debug']) {
    assert.ok(existsSync(new URL(`dist/chunks/${name}.js`, root)), `dist/chunks/${name}.js ships beside it`);
  }
  assert.ok(existsSync(new URL('dist/samtycke.config.schema.json', root)), 'the schema ships beside it');
});

/** A chunk and every chunk it imports statically, once each. */
const withImports = (name, seen = new Set()) => {
  if (seen.has(name)) return seen;
  seen.add(name);
  const code = readFileSync(new URL(`dist/chunks/${name}`, root), 'utf8');
  for (const [, file] of code.matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)) withImports(file, seen);
  return seen;
};
const gzip = (buffer) => gzipSync(buffer, {level: 9}).length;

test('byte budgets (gzip): samtycke.js, and everything a first visit downloads for the banner', () => {
  // samtycke.js runs on every page view before the page's scripts: config validation, IndexedDB,
  // gating, automatic blocking with the catalogue's host index, Consent Mode, receipts.
  const script = gzip(bundle);
  assert.ok(script <= 22.5 * 1024, `dist/samtycke.js: ${script} bytes gzip exceeds its budget of ${22.5 * 1024}`);
  // A first visit adds the banner chunk (with Lit) and one language file.
  const banner = [...withImports('ui.js')].reduce((sum, file) => sum + gzip(readFileSync(new URL(`dist/chunks/${file}`, root))), 0);
  const texts = gzip(readFileSync(new URL('dist/locales/sv.json', root)));
  const total = script + banner + texts;
  assert.ok(total <= 36 * 1024, `first visit: ${script} + ${banner} + ${texts} = ${total} bytes gzip exceeds its budget of ${36 * 1024}`);
});

test('the privacy pages and the catalogue cost nothing on pages without them', () => {
  const text = bundle.toString('utf8');
  assert.doesNotMatch(text, /Integritetsskyddsmyndigheten|Bokföringslagen/, 'no legal texts of the privacy pages in samtycke.js');
  assert.doesNotMatch(text, /policies\.google\.com|Meta Platforms Ireland/, 'no catalogue entries in samtycke.js (only the host index)');
  assert.ok(existsSync(new URL('dist/chunks/privacy.js', root)) && existsSync(new URL('dist/catalogue/ga4.json', root)), 'both ship beside it');
  // A privacy page: the privacy chunk, what it imports (the three elements load in parallel), and
  // the banner's chunks it shares (Lit), which that page has loaded anyway.
  const code = [...withImports('privacy.js')].map((f) => readFileSync(new URL(`dist/chunks/${f}`, root), 'utf8')).join('\n');
  const lazy = [...code.matchAll(/import\("\.\/([^"]+)"\)/g)].map((m) => m[1]).filter((f) => /^samtycke-/.test(f));
  assert.equal(lazy.length, 3, 'the policy, the declaration and the center');
  const files = new Set([...withImports('privacy.js'), ...lazy.flatMap((f) => [...withImports(f)])]);
  for (const shared of withImports('ui.js')) files.delete(shared);
  const privacy = [...files].reduce((sum, file) => sum + gzip(readFileSync(new URL(`dist/chunks/${file}`, root))), 0);
  assert.ok(privacy <= 46 * 1024, `the privacy pages add ${privacy} bytes gzip, over their budget of ${46 * 1024}`);
});
