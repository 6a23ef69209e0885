// The layout rules of STYLE.md, checked: the core stays UI-free, the UI talks to the core only
// through its index, and files stay small and named for one concept.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {test} from 'node:test';

const root = new URL('../../', import.meta.url).pathname;
const walk = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? walk(path) : [path];
});
const sources = walk(join(root, 'src')).filter((f) => f.endsWith('.ts'));
const importsOf = (file) => [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)].map((m) => m[1] ?? m[2]);

test('the core never imports lit or the UI', () => {
  for (const file of sources.filter((f) => f.includes('/src/core/'))) {
    for (const specifier of importsOf(file)) {
      assert.ok(!/^lit|^@lit\//.test(specifier), `${relative(root, file)} imports ${specifier}`);
      assert.ok(!specifier.includes('/ui/'), `${relative(root, file)} imports the UI (${specifier})`);
    }
  }
});

test('the UI reaches the core only through src/core/index.ts', () => {
  for (const file of sources.filter((f) => f.includes('/src/ui/'))) {
    for (const specifier of importsOf(file).filter((s) => s.includes('core/'))) {
      assert.match(specifier, /(^|\/)core\/index\.js$/, `${relative(root, file)} imports ${specifier}`);
    }
  }
});

test('no utils, helpers or general files; every file under ~300 lines', () => {
  for (const file of sources) {
    assert.ok(!/(utils|helpers|general)\.ts$/.test(file), `${relative(root, file)}: name files for their concept`);
    const lines = readFileSync(file, 'utf8').split('\n').length;
    assert.ok(lines <= 320, `${relative(root, file)} has ${lines} lines: split it`);
  }
});

test('shop text never reaches innerHTML or unsafeHTML', () => {
  // dom-hooks.ts wraps the page's own innerHTML/insertAdjacentHTML to hold the trackers in the
  // page's strings; it writes no text of ours (test/core/auto-block.test.ts).
  for (const file of sources.filter((f) => !f.endsWith('/src/core/gating/dom-hooks.ts'))) {
    const text = readFileSync(file, 'utf8');
    assert.ok(!/unsafeHTML|\.innerHTML\s*=|insertAdjacentHTML|outerHTML\s*=/.test(text), `${relative(root, file)} writes HTML`);
  }
});
