// A loose, read-only view of a parameter definition. The generated Parameter union is precise
// per type; the CLI and the docs only read a handful of fields, the same way for every type, so
// they go through this view instead of narrowing the union at every use. Pure and dependency-free,
// so the CLI's start-up can use it without loading the runtime.
import { isPlainObject, type PlainObject } from './objects';

export interface ParamView {
  name: string;
  type: string;
  label?: string;
  help?: string;
  required: boolean;
  multiple: boolean;
  default?: unknown;
  /** Item definition(s) of an array, or fields of a collection. */
  children: ParamView[];
  /** Option values of a select. */
  options: Array<{ value: unknown; label?: string }>;
}

function record(value: unknown): PlainObject | undefined {
  return isPlainObject(value) ? value : undefined;
}

function childrenOf(spec: Record<string, unknown>): ParamView[] {
  const raw = spec.spec;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map(paramView).filter((view): view is ParamView => view !== undefined);
}

function optionsOf(spec: Record<string, unknown>): ParamView['options'] {
  const raw = record(spec.options)?.store ?? spec.options;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((option) => {
    const item = record(option);
    if (!item || !('value' in item)) return [];
    return [
      { value: item.value, ...(typeof item.label === 'string' ? { label: item.label } : {}) },
    ];
  });
}

/** undefined for a nameless entry (a banner) or something that is not a parameter. */
export function paramView(value: unknown): ParamView | undefined {
  const spec = record(value);
  if (!spec || typeof spec.name !== 'string' || typeof spec.type !== 'string') return undefined;
  return {
    name: spec.name,
    type: spec.type,
    ...(typeof spec.label === 'string' ? { label: spec.label } : {}),
    ...(typeof spec.help === 'string' ? { help: spec.help } : {}),
    required: spec.required === true,
    multiple: spec.type === 'array' || spec.multiple === true,
    ...('default' in spec ? { default: spec.default } : {}),
    children: childrenOf(spec),
    options: optionsOf(spec),
  };
}

export function paramViews(list: unknown): ParamView[] {
  return Array.isArray(list)
    ? list.map(paramView).filter((view): view is ParamView => view !== undefined)
    : [];
}
