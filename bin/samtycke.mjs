#!/usr/bin/env node
// npx samtycke render privacy|cookies <config.json> [--lang sv] [--out file] [--fragment] [--stylesheet href]
// npx samtycke resolve <config.json> [--out file]
//
// Writes the shop's privacy policy or cookie declaration as static HTML, from the same config
// file the widget reads, so it can be published without JavaScript. Catalogue services are read
// from this package's catalogue/ folder. Problems go to stderr (file, JSON path, fix); the exit
// code is then 1 and nothing is written.
import {readFile, writeFile} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import {fileURLToPath, pathToFileURL} from 'node:url';

const USAGE = `Usage: samtycke render privacy|cookies <config.json> [options]
       samtycke resolve <config.json> [--out file]

  render privacy     the privacy policy (needs the config's "privacy" section)
  render cookies     the cookie declaration
  resolve            the config with its catalogue ids written out, so the widget fetches
                     no catalogue entry (one round trip less before the banner)

Options:
  --lang <tag>       language to write, one of the config's languages (default: its defaultLanguage)
  --out <file>       write to a file instead of standard output
  --fragment         only the document, to paste into a page of your own
  --stylesheet <url> link your stylesheet instead of the built-in one
  --help             show this help`;

const packageDir = new URL('../', import.meta.url);

function parse(argv) {
  const options = {positional: []};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--lang') options.lang = value();
    else if (arg === '--out' || arg === '-o') options.out = value();
    else if (arg === '--stylesheet') options.stylesheet = value();
    else if (arg === '--fragment') options.fragment = true;
    else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else options.positional.push(arg);
  }
  return options;
}

class UsageError extends Error {}

/** Loads catalogue/<id>.json from this package, as the widget loads it beside samtycke.js. */
const loadCatalogue = async (id) => {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`"${id}" is not a catalogue id`);
  return JSON.parse(await readFile(new URL(`catalogue/${id}.json`, packageDir), 'utf8'));
};

/** The built renderer module, or null (told on stderr) when the package was not built. */
async function loadRenderer() {
  const renderer = new URL('dist/samtycke-render.mjs', packageDir);
  if (existsSync(fileURLToPath(renderer))) return import(pathToFileURL(fileURLToPath(renderer)).href);
  console.error('samtycke: dist/samtycke-render.mjs is missing; run "npm run build" in the samtycke package first.');
  return null;
}

/** The config file as JSON, or undefined (told on stderr) when it cannot be read. */
async function readConfig(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    console.error(`samtycke: cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    return undefined;
  }
}

async function render(kind, file, options) {
  const renderer = await loadRenderer();
  if (!renderer) return 2;
  const json = await readConfig(file);
  if (json === undefined) return 1;
  const {renderDocument} = renderer;
  const result = await renderDocument(kind, json, {
    language: options.lang, load: loadCatalogue, fragment: options.fragment, stylesheet: options.stylesheet, source: file,
  });
  if (!result.html) {
    reportProblems(file, result.problems);
    return 1;
  }
  if (options.out) {
    await writeFile(options.out, result.html);
    console.error(`samtycke: wrote ${options.out} (${result.language})`);
  } else {
    process.stdout.write(result.html);
  }
  return 0;
}

/** Prints problems as the widget's console does: file, JSON path, fix. */
function reportProblems(file, problems) {
  const n = problems.length;
  console.error(`samtycke: ${n} problem${n === 1 ? '' : 's'} in ${file}; nothing was written.`);
  const end = (text) => (/[.?!]$/.test(text) ? text : `${text}.`);
  for (const p of problems) console.error(`${file} ${p.path}: ${end(p.message)}\n  Fix: ${end(p.fix)}`);
}

async function resolve(file, options) {
  const renderer = await loadRenderer();
  if (!renderer) return 2;
  const json = await readConfig(file);
  if (json === undefined) return 1;
  const result = await renderer.resolveConfig(json, loadCatalogue);
  if (!result.json) {
    reportProblems(file, result.problems);
    return 1;
  }
  const text = `${JSON.stringify(result.json, null, 2)}\n`;
  if (options.out) {
    await writeFile(options.out, text);
    console.error(`samtycke: wrote ${options.out}`);
  } else process.stdout.write(text);
  return 0;
}

async function main(argv) {
  let options;
  try {
    options = parse(argv);
  } catch (error) {
    console.error(`samtycke: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  const [command, kind, file, ...rest] = options.positional;
  if (options.help || !command) {
    console.log(USAGE);
    return options.help ? 0 : 2;
  }
  if (command === 'resolve' && kind && !file) return resolve(kind, options);
  if (command !== 'render' || !['privacy', 'cookies'].includes(kind) || !file || rest.length) {
    console.error(`samtycke: expected "render privacy|cookies <config.json>" or "resolve <config.json>"\n\n${USAGE}`);
    return 2;
  }
  return render(kind, file, options);
}

process.exitCode = await main(process.argv.slice(2));
