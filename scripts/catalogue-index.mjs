// Writes catalogue/index.json from the entries in catalogue/<id>.json: {"<id>": {"category", "hosts"}},
// ids and hosts sorted, one id per line. The widget bundles this index, so it knows every catalogue
// id and host without downloading the entries a shop does not use.
//   node scripts/catalogue-index.mjs           rewrite the index
//   node scripts/catalogue-index.mjs --check   exit 1 when the index is stale (CI, tests)
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {pathToFileURL} from 'node:url';

const dir = new URL('../catalogue/', import.meta.url);
const target = new URL('index.json', dir);

/** The index text for the entries on disk. Throws when a file does not hold the entry it is named for. */
export function buildIndex() {
  const lines = readdirSync(dir)
    .filter((file) => file.endsWith('.json') && file !== 'index.json')
    .sort()
    .map((file) => {
      const entry = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      const id = file.slice(0, -'.json'.length);
      if (entry.id !== id) throw new Error(`catalogue/${file} holds the id "${entry.id}": name the file after its id`);
      const hosts = [...(entry.hosts ?? [])].sort();
      return `${JSON.stringify(id)}:${JSON.stringify({category: entry.category, hosts})}`;
    });
  return `{\n${lines.join(',\n')}\n}\n`;
}

const isMain = process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain) {
  const fresh = buildIndex();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // A missing index is stale.
    }
    if (current !== fresh) {
      console.error('catalogue/index.json is stale: run `node scripts/catalogue-index.mjs` and commit the result.');
      process.exit(1);
    }
    console.log('catalogue/index.json is up to date.');
  } else {
    writeFileSync(target, fresh);
    console.log(`catalogue/index.json: ${fresh.split('\n').length - 3} services.`);
  }
}
