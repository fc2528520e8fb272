// Finds which project-schema nodes apply at a location of an instance, so an error can say which
// keys were allowed there ("did you mean ...?"), which discriminator values exist, what the
// schema's own description of a value is, and which anyOf/oneOf branches compete there. ajv's
// errors cannot: their `schemaPath` restarts at every `$ref`, and without `verbose` they carry no
// schema.
import { isPlainObject } from '../shared';
import { schemaFiles } from './ajv';

type Schema = Record<string, unknown> | boolean;
type Path = ReadonlyArray<string | number>;

/** A branch taken on the way to a node: combinator `key` (schema + instance location), branch index. */
export interface Via {
  key: string;
  branch: number;
}

/** A schema node: the schema, its file `$id`, its JSON pointer in that file, how it was reached. */
export interface SchemaNode {
  schema: Schema;
  file: string;
  pointer: string;
  via: readonly Via[];
}

/** An anyOf/oneOf that applies at an instance location. */
export interface Combinator {
  /** `<file>#<pointer>/<keyword>@<instance pointer>`: unique per schema node and location. */
  key: string;
  /** `<file>#<pointer>/<keyword>/<i>` addresses branch i (for `getValidator`). */
  branchRef(i: number): string;
  count: number;
  /** The branch the value's discriminator tag selects, when there is one. */
  discriminated: number | undefined;
  via: readonly Via[];
}

const MAX_DEPTH = 64;

const escape = (token: string | number): string =>
  String(token).replace(/~/g, '~0').replace(/\//g, '~1');

function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isPlainObject(node)
      ? node[token]
      : Array.isArray(node)
        ? node[Number(token)]
        : undefined;
  }
  return node;
}

const isSchema = (value: unknown): value is Schema =>
  isPlainObject(value) || typeof value === 'boolean';

export class SchemaNavigator {
  private readonly files = new Map<string, unknown>();

  constructor(files: ReadonlyArray<{ id: string; schema: unknown }> = schemaFiles) {
    for (const f of files) this.files.set(f.id, f.schema);
  }

  private ref(ref: string, from: SchemaNode): SchemaNode | undefined {
    const [file = '', pointer = ''] = ref.split('#');
    const id = file === '' ? from.file : file;
    const target = resolvePointer(this.files.get(id), pointer);
    return isSchema(target) ? { schema: target, file: id, pointer, via: from.via } : undefined;
  }

  /**
   * The nodes a value must satisfy at one location, with `$ref`, `allOf`, `anyOf`, `oneOf` and
   * `if`/`then`/`else` expanded (each combinator branch remembered in `via`).
   */
  private expand(node: SchemaNode, value: unknown, at: string, depth = 0): SchemaNode[] {
    if (depth > MAX_DEPTH || typeof node.schema === 'boolean') return [node];
    const s = node.schema;
    const out: SchemaNode[] = [node];
    const child = (schema: unknown, pointer: string, via = node.via): void => {
      if (isSchema(schema))
        out.push(...this.expand({ schema, file: node.file, pointer, via }, value, at, depth + 1));
    };
    if (typeof s.$ref === 'string') {
      const target = this.ref(s.$ref, node);
      if (target !== undefined) out.push(...this.expand(target, value, at, depth + 1));
    }
    if (Array.isArray(s.allOf)) s.allOf.forEach((b, i) => child(b, `${node.pointer}/allOf/${i}`));
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const branches = s[keyword];
      if (!Array.isArray(branches)) continue;
      const key = `${node.file}#${node.pointer}/${keyword}@${at}`;
      // A discriminated oneOf applies only its matching branch (ajv validates only that one).
      const only = keyword === 'oneOf' ? this.discriminatedBranch(node, value) : undefined;
      branches.forEach((b, i) => {
        if (only === undefined || only === i)
          child(b, `${node.pointer}/${keyword}/${i}`, [...node.via, { key, branch: i }]);
      });
    }
    child(s.then, `${node.pointer}/then`);
    child(s.else, `${node.pointer}/else`);
    return out;
  }

  /** Index of the oneOf branch a `discriminator` selects for `value`, if any. */
  private discriminatedBranch(node: SchemaNode, value: unknown): number | undefined {
    const s = node.schema;
    if (
      !isPlainObject(s) ||
      !Array.isArray(s.oneOf) ||
      !isPlainObject(s.discriminator) ||
      !isPlainObject(value)
    )
      return undefined;
    const tag = s.discriminator.propertyName;
    if (typeof tag !== 'string') return undefined;
    const index = s.oneOf.findIndex(
      (b, i) =>
        isSchema(b) &&
        this.tagValues(
          { schema: b, file: node.file, pointer: `${node.pointer}/oneOf/${i}`, via: [] },
          tag,
        ).includes(value[tag]),
    );
    return index === -1 ? undefined : index;
  }

  /** `const`/`enum` values a schema allows for the property `tag`. */
  private tagValues(branch: SchemaNode, tag: string): unknown[] {
    const values: unknown[] = [];
    for (const n of this.expand(branch, undefined, '')) {
      if (!isPlainObject(n.schema) || !isPlainObject(n.schema.properties)) continue;
      const prop = n.schema.properties[tag];
      if (!isSchema(prop)) continue;
      for (const p of this.expand({ ...n, schema: prop }, undefined, '')) {
        if (!isPlainObject(p.schema)) continue;
        if ('const' in p.schema) values.push(p.schema.const);
        if (Array.isArray(p.schema.enum)) values.push(...(p.schema.enum as unknown[]));
      }
    }
    return values;
  }

  /** Every node that applies to the value at `path` of `data`, validated from schema `rootId`. */
  nodesAt(rootId: string, data: unknown, path: Path): SchemaNode[] {
    const root = this.files.get(rootId);
    if (!isSchema(root)) return [];
    let at = '';
    let nodes = this.expand({ schema: root, file: rootId, pointer: '', via: [] }, data, at);
    let value = data;
    for (const token of path) {
      const next: SchemaNode[] = [];
      const child = Array.isArray(value)
        ? (value as unknown[])[Number(token)]
        : isPlainObject(value)
          ? value[String(token)]
          : undefined;
      at = `${at}/${escape(token)}`;
      for (const n of nodes) {
        if (!isPlainObject(n.schema)) continue;
        for (const [schema, pointer] of this.childSchemas(n.schema, n.pointer, token)) {
          next.push(...this.expand({ schema, file: n.file, pointer, via: n.via }, child, at));
        }
      }
      nodes = next;
      value = child;
    }
    return nodes;
  }

  private childSchemas(
    s: Record<string, unknown>,
    pointer: string,
    token: string | number,
  ): Array<[Schema, string]> {
    const out: Array<[unknown, string]> = [];
    if (typeof token === 'number') {
      if (isSchema(s.items)) out.push([s.items, `${pointer}/items`]);
      else if (Array.isArray(s.items)) {
        out.push(
          token < s.items.length
            ? [s.items[token], `${pointer}/items/${token}`]
            : [s.additionalItems, `${pointer}/additionalItems`],
        );
      }
    } else if (isPlainObject(s.properties) && token in s.properties) {
      out.push([s.properties[token], `${pointer}/properties/${escape(token)}`]);
    } else {
      if (isPlainObject(s.patternProperties)) {
        for (const [pattern, schema] of Object.entries(s.patternProperties)) {
          if (safeTest(pattern, token))
            out.push([schema, `${pointer}/patternProperties/${escape(pattern)}`]);
        }
      }
      if (isSchema(s.additionalProperties))
        out.push([s.additionalProperties, `${pointer}/additionalProperties`]);
    }
    return out.filter((pair): pair is [Schema, string] => isSchema(pair[0]));
  }

  /** The anyOf/oneOf combinators that apply at `path`, outermost first. */
  combinatorsAt(rootId: string, data: unknown, path: Path): Combinator[] {
    const value = valueAt(data, path);
    const at = path.map((t) => `/${escape(t)}`).join('');
    const out: Combinator[] = [];
    for (const n of this.nodesAt(rootId, data, path)) {
      if (!isPlainObject(n.schema)) continue;
      for (const keyword of ['anyOf', 'oneOf'] as const) {
        const branches = n.schema[keyword];
        if (!Array.isArray(branches)) continue;
        const base = `${n.file}#${n.pointer}/${keyword}`;
        const discriminated = keyword === 'oneOf' ? this.discriminatedBranch(n, value) : undefined;
        out.push({
          key: `${base}@${at}`,
          branchRef: (i) => `${base}/${i}`,
          count: branches.length,
          discriminated,
          via: n.via,
        });
      }
    }
    return out;
  }

  /** Property names the schemas at `path` declare (the keys a user may write there). */
  propertiesAt(
    rootId: string,
    data: unknown,
    path: Path,
    chosen?: ReadonlyMap<string, number>,
  ): string[] {
    const names = new Set<string>();
    for (const n of this.nodesAt(rootId, data, path)) {
      if (chosen !== undefined && !isAlive(n.via, chosen)) continue;
      if (isPlainObject(n.schema) && isPlainObject(n.schema.properties)) {
        for (const [key, schema] of Object.entries(n.schema.properties)) {
          if (schema !== false) names.add(key);
        }
      }
    }
    return [...names];
  }

  /** The values the discriminator `tag` may take at `path` (the object holding the tag). */
  discriminatorValuesAt(rootId: string, data: unknown, path: Path, tag: string): unknown[] {
    const values: unknown[] = [];
    for (const n of this.nodesAt(rootId, data, path)) {
      if (!isPlainObject(n.schema) || !Array.isArray(n.schema.oneOf)) continue;
      if (!isPlainObject(n.schema.discriminator) || n.schema.discriminator.propertyName !== tag)
        continue;
      n.schema.oneOf.forEach((branch, i) => {
        if (isSchema(branch)) {
          values.push(
            ...this.tagValues(
              { schema: branch, file: n.file, pointer: `${n.pointer}/oneOf/${i}`, via: [] },
              tag,
            ),
          );
        }
      });
    }
    return [...new Set(values)];
  }

  /** The first `description` found at `path`. */
  descriptionAt(rootId: string, data: unknown, path: Path): string | undefined {
    for (const n of this.nodesAt(rootId, data, path)) {
      if (isPlainObject(n.schema) && typeof n.schema.description === 'string')
        return n.schema.description;
    }
    return undefined;
  }

  /** Every property name any project schema declares (to tell "misplaced" from "misspelt"). */
  allPropertyNames(): Set<string> {
    const names = new Set<string>();
    const visit = (node: unknown, depth: number): void => {
      if (depth > MAX_DEPTH) return;
      if (Array.isArray(node)) {
        node.forEach((item) => visit(item, depth + 1));
      } else if (isPlainObject(node)) {
        if (isPlainObject(node.properties))
          Object.keys(node.properties).forEach((k) => names.add(k));
        for (const [key, child] of Object.entries(node)) {
          // examples, defaults and enums are instances, not schemas
          if (!['examples', 'antiExamples', 'default', 'const', 'enum'].includes(key))
            visit(child, depth + 1);
        }
      }
    };
    for (const schema of this.files.values()) visit(schema, 0);
    return names;
  }
}

/** False when the node sits in a branch other than the one chosen for its combinator. */
export function isAlive(via: readonly Via[], chosen: ReadonlyMap<string, number>): boolean {
  return via.every((v) => {
    const branch = chosen.get(v.key);
    return branch === undefined || branch === v.branch;
  });
}

export function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const token of path) {
    if (Array.isArray(node) && typeof token === 'number') node = node[token];
    else if (isPlainObject(node)) node = node[String(token)];
    else return undefined;
  }
  return node;
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}
