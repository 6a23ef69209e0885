import type {Problem} from '../types.js';

/**
 * The subset of JSON Schema (draft 2020-12) that the configuration schema uses. Annotations
 * (`description`, `title`, `examples`) are stripped from the runtime copy at build time;
 * `x-fix` is our own keyword: the advice shown when a value breaks the rule.
 */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: Schema | false;
  readonly propertyNames?: Schema;
  readonly minProperties?: number;
  readonly items?: Schema;
  readonly minItems?: number;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly anyOf?: readonly Schema[];
  readonly default?: unknown;
  readonly $defs?: Readonly<Record<string, Schema>>;
  readonly 'x-fix'?: string;
}

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

const matchesType = (value: unknown, type: string): boolean => {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
};

const describe = (value: unknown): string =>
  typeOf(value) === 'string' ? JSON.stringify(value) : typeOf(value) === 'object' || typeOf(value) === 'array'
    ? `an ${typeOf(value)}` : `${typeOf(value)} ${JSON.stringify(value)}`;

const pathTo = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

const patterns = new Map<string, RegExp>();
/** Each pattern compiled once: the same few patterns check hundreds of values. */
const compiled = (pattern: string): RegExp => {
  let regex = patterns.get(pattern);
  if (!regex) patterns.set(pattern, (regex = new RegExp(pattern, 'u')));
  return regex;
};

/** Edit distance, for "did you mean" on misspelt keys. */
const distance = (a: string, b: string): number => {
  let row = Array.from({length: b.length + 1}, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length];
};

/** The closest of `candidates` to `word`, when it is close enough to be a typo. */
export const suggest = (word: string, candidates: Iterable<string>): string | undefined => {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
};

/**
 * Checks `value` against `schema` and returns every problem with its JSON path. Never throws.
 * Objects missing a property that has a `default` get the default filled in, so the caller
 * receives a complete value (the value is copied, never mutated).
 */
export function validateSchema(value: unknown, root: Schema, path = '$'): {value: unknown; problems: Problem[]} {
  const problems: Problem[] = [];
  const resolve = (schema: Schema): Schema =>
    schema.$ref ? {...resolve(root.$defs![schema.$ref.slice('#/$defs/'.length)]), ...schema, $ref: undefined} : schema;

  const check = (input: unknown, raw: Schema, at: string, out: Problem[]): unknown => {
    const schema = resolve(raw);
    const fix = schema['x-fix'];
    if (schema.anyOf) {
      const attempts = schema.anyOf.map((branch) => {
        const found: Problem[] = [];
        return {result: check(input, branch, at, found), found, branch: resolve(branch)};
      });
      const passing = attempts.find((a) => a.found.length === 0);
      if (passing) return passing.result;
      const sameType = attempts.find((a) => a.branch.type && matchesType(input, a.branch.type));
      if (sameType) out.push(...sameType.found);
      else {
        const types = attempts.map((a) => a.branch.type).filter(Boolean).join(' or ');
        out.push({path: at, message: `expected ${types}, found ${describe(input)}`, fix: fix ?? `write a ${types}`});
      }
      return input;
    }
    if (schema.type && !matchesType(input, schema.type)) {
      out.push({path: at, message: `expected ${schema.type === 'object' ? 'an object' : schema.type}, found ${describe(input)}`,
        fix: fix ?? `write ${schema.type === 'array' ? 'a list [ … ]' : schema.type === 'object' ? 'an object { … }' : `a ${schema.type}`}`});
      return input;
    }
    if (schema.enum && !schema.enum.includes(input)) {
      out.push({path: at, message: `${describe(input)} is not allowed`, fix: fix ?? `use one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`});
    }
    if (typeof input === 'number') {
      if ((schema.minimum !== undefined && input < schema.minimum) || (schema.maximum !== undefined && input > schema.maximum)) {
        const range = schema.maximum === undefined ? `at least ${schema.minimum}` : `from ${schema.minimum} to ${schema.maximum}`;
        out.push({path: at, message: `${input} is out of range (${range})`, fix: fix ?? `use a number ${range}`});
      }
    }
    if (typeof input === 'string') {
      if (schema.minLength !== undefined && input.length < schema.minLength) {
        out.push({path: at, message: 'is empty', fix: fix ?? 'write the text, or leave the property out if it is optional'});
      } else if (schema.pattern && !compiled(schema.pattern).test(input)) {
        out.push({path: at, message: `${describe(input)} is not valid here`, fix: fix ?? `match the pattern ${schema.pattern}`});
      }
    }
    if (Array.isArray(input)) {
      if (schema.minItems !== undefined && input.length < schema.minItems) {
        out.push({path: at, message: `needs at least ${schema.minItems} item(s)`, fix: fix ?? 'add an item to the list'});
      }
      return schema.items ? input.map((item, i) => check(item, schema.items!, pathTo(at, i), out)) : input;
    }
    if (typeOf(input) === 'object') {
      const object = input as Record<string, unknown>;
      const copy: Record<string, unknown> = {};
      const known = schema.properties ?? {};
      for (const key of schema.required ?? []) {
        if (!Object.hasOwn(object, key)) out.push({path: pathTo(at, key), message: 'is required but missing', fix: `add "${key}" to ${at}`});
      }
      if (schema.minProperties !== undefined && Object.keys(object).length < schema.minProperties) {
        out.push({path: at, message: 'is empty', fix: fix ?? 'add at least one entry, or leave the property out'});
      }
      for (const [key, item] of Object.entries(object)) {
        const where = pathTo(at, key);
        // JSON.parse makes "__proto__" an own key; copying it would replace the copy's prototype.
        if (key === '__proto__') {
          out.push({path: where, message: 'is not allowed', fix: 'remove it'});
          continue;
        }
        if (schema.propertyNames) {
          const nameProblems: Problem[] = [];
          check(key, schema.propertyNames, where, nameProblems);
          for (const p of nameProblems) out.push({...p, message: `the key ${p.message}`});
        }
        const sub: Schema | false | undefined = Object.hasOwn(known, key) ? known[key] : schema.additionalProperties;
        if (sub === false) {
          const guess = suggest(key, Object.keys(known));
          out.push({path: where, message: `unknown property "${key}"`,
            fix: guess ? `did you mean "${guess}"?` : `remove it; allowed here: ${Object.keys(known).join(', ')}`});
          continue;
        }
        copy[key] = sub ? check(item, sub, where, out) : item;
      }
      for (const [key, sub] of Object.entries(known)) {
        const fallback = resolve(sub).default;
        if (!Object.hasOwn(copy, key) && fallback !== undefined) copy[key] = structuredClone(fallback);
      }
      return copy;
    }
    return input;
  };

  const result = check(value, root, path, problems);
  return {value: result, problems};
}
