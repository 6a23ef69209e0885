import {start} from './start.js';

/**
 * The classic-script entry (`dist/samtycke.js`):
 * `<script src="/samtycke/samtycke.js" data-config="/samtycke.config.json"></script>`,
 * first in `<head>`, without `async` or `defer`, so it runs before the tags it guards are parsed.
 */
const script = document.currentScript as HTMLScriptElement | null;
start({configUrl: script?.getAttribute('data-config') ?? null});
