import {rollup} from 'rollup';
import config from './rollup.config.mjs';
import {decode} from '@jridgewell/sourcemap-codec';
const c = config[0];
const bundle = await rollup({...c});
const {output} = await bundle.generate({...c.output, sourcemap: true});
const {code, map} = output[0];
const lines = decode(map.mappings);
const bytes = {};
const codeLines = code.split('\n');
lines.forEach((segs, li) => {
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]; const end = i + 1 < segs.length ? segs[i+1][0] : codeLines[li].length;
    const src = s.length > 1 ? map.sources[s[1]] : '(none)';
    bytes[src] = (bytes[src] ?? 0) + (end - s[0]);
  }
});
Object.entries(bytes).sort((a,b)=>b[1]-a[1]).forEach(([k,v])=>console.log(v, k.replace(/.*node_modules\//,'nm/').replace(/^(\.\.\/)+/,'')));
console.log('total', code.length);
