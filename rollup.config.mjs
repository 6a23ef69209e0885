import {readFileSync} from 'node:fs';
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
    return {code: JSON.stringify(strip(JSON.parse(code))), map: null};
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

const plugins = (declarations) => [
  stripSchemaAnnotations(),
  json({preferConst: true, compact: true}),
  nodeResolve(),
  typescript({
    tsconfig: './tsconfig.json',
    declaration: declarations,
    declarationDir: declarations ? 'dist/types' : undefined,
    outDir: 'dist',
    include: ['src/**/*.ts'],
  }),
  // After TypeScript: its plugin compiles from disk and ignores earlier transforms.
  minifyTemplates(),
];

const minify = terser({ecma: 2022, module: true, compress: {passes: 3, unsafe_arrows: true, pure_getters: true}, format: {comments: false}});

/** Puts the config schema beside the widget, so a shop uploads one folder. */
const emitSchema = () => ({
  name: 'emit-schema',
  generateBundle() {
    this.emitFile({type: 'asset', fileName: 'samtycke.config.schema.json', source: readFileSync('schema/samtycke.config.schema.json', 'utf8')});
  },
});

export default [
  {
    input: 'src/script-tag.ts',
    output: {file: 'dist/samtycke.js', format: 'iife', plugins: [minify]},
    plugins: [...plugins(false), emitSchema()],
  },
  {
    input: 'src/index.ts',
    output: {file: 'dist/samtycke.mjs', format: 'es', sourcemap: true, plugins: [minify]},
    plugins: plugins(true),
  },
];
