import {existsSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import json from '@rollup/plugin-json';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/** Editor-only keywords of the config schema; the runtime validator needs none of them. */
const ANNOTATIONS = new Set(['description', 'title', 'examples', '$schema', '$id']);

/** Ships the config schema without its documentation: same rules, a fraction of the bytes. */
const stripSchemaAnnotations = () => ({
  name: 'strip-schema-annotations',
  transform(code, id) {
    if (!id.endsWith('.schema.json')) return null;
    const strip = (value, key) =>
      Array.isArray(value) ? value.map((v) => strip(v))
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value)
            // Inside "properties" every key is a property name, even "description".
            .filter(([k]) => key === 'properties' || !ANNOTATIONS.has(k))
            .map(([k, v]) => [k, strip(v, k)]))
          : value;
    const schema = strip(JSON.parse(code));
    // Editors check partial catalogue overrides; the widget only ever validates services written
    // out from the catalogue, so it needs neither the branch nor the list of ids.
    if (schema.$defs?.catalogueOverride) {
      delete schema.$defs.catalogueOverride;
      const items = schema.properties.services.items;
      items.anyOf = items.anyOf.filter((branch) => branch.$ref !== '#/$defs/catalogueOverride');
    }
    return {code: JSON.stringify(schema), map: null};
  },
});

/**
 * Collapses the whitespace of css`` templates. Lit keeps template text as written, and
 * minifiers leave template literals alone. Only whitespace changes (to one space, or none next
 * to `{ } ; , >`), so the styles are the same.
 */
const minifyTemplates = () => ({
  name: 'minify-templates',
  transform(code, id) {
    if (!/src\/ui\/.*\.ts$/.test(id)) return null;
    const out = code.replace(/\bcss\s*`([^`]*)`/g, (_, body) =>
      'css`' + body.replace(/\s+/g, ' ').replace(/\s*([{};,>])\s*/g, '$1').replace(/;}/g, '}').trim() + '`');
    return {code: out, map: null};
  },
});

/**
 * In samtycke.js, English is only the reference key set (which keys a shop may override, with
 * which placeholders): the texts themselves are fetched per visitor from locales/<lang>.json.
 */
const referenceKeysOnly = () => ({
  name: 'reference-keys-only',
  transform(code, id) {
    if (!id.endsWith('/locales/en.json')) return null;
    const skeleton = Object.fromEntries(Object.entries(JSON.parse(code)).map(([key, text]) => [key, (text.match(/\{\w+\}/g) ?? []).join('')]));
    return {code: JSON.stringify(skeleton), map: null};
  },
});

/** The widget's texts beside it, one file per language: a visitor downloads only their own. */
const emitLocales = () => ({
  name: 'emit-locales',
  generateBundle() {
    for (const file of readdirSync('locales').filter((f) => f.endsWith('.json'))) {
      this.emitFile({type: 'asset', fileName: `locales/${file}`, source: JSON.stringify(JSON.parse(readFileSync(`locales/${file}`, 'utf8')))});
    }
  },
});

/** Each chunk's static imports, recorded by the chunk build for samtycke.js (built after it). */
const sharedChunks = {};

/** Records which shared chunks every entry chunk imports; starts from an empty dist/. */
const recordSharedChunks = () => ({
  name: 'record-shared-chunks',
  buildStart() {
    // The first build: files of an earlier build (old chunk hashes) must not ship.
    rmSync('dist', {recursive: true, force: true});
  },
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && chunk.isEntry) sharedChunks[chunk.name] = chunk.imports;
    }
  },
});

/** Writes the recorded shared chunks into src/chunks.ts, so the loader requests them at once. */
const injectSharedChunks = () => ({
  name: 'inject-shared-chunks',
  transform(code, id) {
    if (!id.endsWith('/src/chunks.ts')) return null;
    // After TypeScript (which compiles from disk): the type annotation is gone.
    const out = code.replace(/const SHARED = \{\};/, `const SHARED = ${JSON.stringify(sharedChunks)};`);
    if (out === code) this.error('src/chunks.ts: the SHARED table was not found');
    return {code: out, map: null};
  },
});

const plugins = (declarations, outDir = 'dist') => [
  stripSchemaAnnotations(),
  json({preferConst: true, compact: true}),
  nodeResolve(),
  typescript({
    tsconfig: './tsconfig.json',
    declaration: declarations,
    declarationDir: declarations ? 'dist/types' : undefined,
    outDir,
    include: ['src/**/*.ts'],
  }),
  // After TypeScript: its plugin compiles from disk and ignores earlier transforms.
  minifyTemplates(),
];

const minify = terser({ecma: 2022, module: true, compress: {passes: 3, unsafe_arrows: true, pure_getters: true}, format: {comments: false}});

/**
 * Puts the config schema beside the widget, so a shop uploads one folder. The editors' schema is
 * whole: the `privacy` section, which only the privacy bundle validates, is merged into it.
 */
const emitSchema = () => ({
  name: 'emit-schema',
  generateBundle() {
    const schema = JSON.parse(readFileSync('schema/samtycke.config.schema.json', 'utf8'));
    if (existsSync('schema/privacy.schema.json')) {
      const privacy = JSON.parse(readFileSync('schema/privacy.schema.json', 'utf8'));
      const {$defs = {}, $schema, $id, ...root} = privacy;
      void $schema, void $id;
      schema.properties.privacy = root;
      schema.$defs = {...schema.$defs, ...$defs};
    }
    this.emitFile({type: 'asset', fileName: 'samtycke.config.schema.json', source: JSON.stringify(schema, null, 2)});
  },
});

/**
 * The service catalogue, one file per service, beside the widget: a shop's visitors download only
 * the entries its config names. The host index (catalogue/index.json) is bundled instead.
 */
const emitCatalogue = () => ({
  name: 'emit-catalogue',
  generateBundle() {
    if (!existsSync('catalogue')) return;
    for (const file of readdirSync('catalogue').filter((f) => f.endsWith('.json') && f !== 'index.json')) {
      const entry = JSON.parse(readFileSync(`catalogue/${file}`, 'utf8'));
      this.emitFile({type: 'asset', fileName: `catalogue/${file}`, source: JSON.stringify(entry)});
    }
  },
});

export default [
  {
    // The parts a page may not need, imported by samtycke.js from dist/chunks/ when it does
    // (built first: samtycke.js learns which shared chunks each part imports).
    // Lit and the shared UI code land in one shared chunk.
    input: {
      ui: 'src/mount.ts',
      preferences: 'src/ui/preferences/samtycke-preferences.ts',
      embed: 'src/ui/embed/watch-embeds.ts',
      outbox: 'src/core/receipts/outbox.ts',
      debug: 'src/core/debug/unknown-cookies.ts',
      privacy: 'src/privacy.ts',
    },
    output: {dir: 'dist/chunks', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', plugins: [minify]},
    preserveEntrySignatures: 'exports-only',
    plugins: [...plugins(false, 'dist/chunks'), recordSharedChunks()],
  },
  {
    // What must run before the page's own scripts: config, storage, gating, signals.
    input: 'src/script-tag.ts',
    output: {file: 'dist/samtycke.js', format: 'iife', plugins: [minify]},
    plugins: [referenceKeysOnly(), ...plugins(false), injectSharedChunks(), emitSchema(), emitCatalogue(), emitLocales()],
  },
  {
    // Node: the static HTML export behind `npx samtycke render`.
    input: 'src/render.ts',
    output: {file: 'dist/samtycke-render.mjs', format: 'es'},
    external: [/^node:/],
    plugins: plugins(false),
  },
  {
    input: 'src/index.ts',
    // Its lazy parts are chunks beside it (dist/esm/), which the shop's bundler splits as well.
    output: {dir: 'dist', entryFileNames: 'samtycke.mjs', chunkFileNames: 'esm/[name]-[hash].mjs', format: 'es', sourcemap: true, plugins: [minify]},
    plugins: plugins(true),
  },
];
