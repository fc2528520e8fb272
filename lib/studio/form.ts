// A module's parameters as the HTML form Make's module dialog would show: labels, help, required
// marks, defaults, selects (static, grouped, or loaded from an RPC), nested parameters shown by a
// select's choice, arrays and collections with add and remove, advanced parameters behind a
// toggle. Any app's parameters are read defensively: a field Make would ignore is ignored here.
// The page's script (client-script.ts) reads the fields back by their data attributes.
import { isPlainObject } from '../shared';
import { escapeHtml, markdownToHtml } from './html';

type Spec = Record<string, unknown>;

const asSpecs = (value: unknown): Spec[] =>
  Array.isArray(value) ? value.filter((item): item is Spec => isPlainObject(item)) : [];

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

interface Option {
  label: string;
  value: unknown;
  nested: Spec[];
}

/** Static options, flattened from groups (`grouped: true`) or a `{store}` object. */
function staticOptions(spec: Spec): { groups: Array<{ label?: string; options: Option[] }> } {
  const raw = isPlainObject(spec.options) ? spec.options.store : spec.options;
  const toOption = (item: Spec): Option => ({
    label: text(item.label) ?? String(item.value),
    value: item.value,
    nested: nestedOf(item.nested),
  });
  const items = asSpecs(raw);
  if (items.some((item) => Array.isArray(item.options))) {
    return {
      groups: items.map((group) => ({
        ...(text(group.label) === undefined ? {} : { label: text(group.label) as string }),
        options: asSpecs(group.options).map(toOption),
      })),
    };
  }
  return { groups: [{ options: items.map(toOption) }] };
}

function nestedOf(value: unknown): Spec[] {
  if (Array.isArray(value)) return asSpecs(value);
  if (isPlainObject(value) && Array.isArray(value.store)) return asSpecs(value.store);
  return [];
}

/** `rpc://name` of a select's options, when they come from an RPC. */
function rpcOf(spec: Spec): string | undefined {
  const raw = isPlainObject(spec.options) ? spec.options.store : spec.options;
  return typeof raw === 'string' && raw.startsWith('rpc://')
    ? raw.slice('rpc://'.length)
    : undefined;
}

function attributes(values: Record<string, unknown>): string {
  return (
    Object.entries(values)
      .filter(([, value]) => value !== undefined && value !== false)
      // data-* flags are read back as text: they carry `true`; HTML flags are bare.
      .map(([name, value]) =>
        value === true && !name.startsWith('data-') ? name : `${name}="${escapeHtml(value)}"`,
      )
      .join(' ')
  );
}

const jsonAttribute = (value: unknown): string | undefined =>
  value === undefined ? undefined : JSON.stringify(value);

/** One parameter as a field (a `div.field`), with its label, control, help and error slot. */
function renderField(spec: Spec, path: string): string {
  const name = text(spec.name);
  const type = text(spec.type);
  if (name === undefined || type === undefined || type === 'banner' || type === 'hidden') return '';
  const id = `f-${path}${name}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const required = spec.required === true;
  const label = text(spec.label) ?? name;
  const validate = isPlainObject(spec.validate) ? spec.validate : {};
  const data = {
    class: 'field',
    'data-name': name,
    'data-type': type,
    'data-required': required,
    'data-advanced': spec.advanced === true,
    'data-min': validate.min,
    'data-max': validate.max,
    'data-pattern': text(validate.pattern),
  };
  const help = text(spec.help);
  return `<div ${attributes(data)}>
<label for="${id}">${escapeHtml(label)}${required ? ' <span class="required" title="required">*</span>' : ''}</label>
${control(spec, type, id, path)}
${help === undefined ? '' : `<div class="help">${markdownToHtml(help)}</div>`}
<div class="error" role="alert"></div>
</div>`;
}

function control(spec: Spec, type: string, id: string, path: string): string {
  const fallback = spec.default;
  switch (type) {
    case 'boolean':
      return `<input type="checkbox" id="${id}" class="value"${fallback === true ? ' checked' : ''}>`;
    case 'number':
    case 'integer':
    case 'uinteger':
      return `<input type="number" id="${id}" class="value" ${attributes({ value: jsonAttribute(fallback) === undefined ? undefined : String(fallback), step: type === 'number' ? 'any' : '1', min: type === 'uinteger' ? 0 : undefined })}>`;
    case 'date':
      return `<input type="text" id="${id}" class="value" placeholder="2024-01-31T00:00:00Z" ${attributes({ value: text(fallback) })}>`;
    case 'select':
      return selectControl(spec, id, path);
    case 'collection':
      return `<fieldset class="collection value" id="${id}">${asSpecs(spec.spec)
        .map((child) => renderField(child, `${path}${String(spec.name)}.`))
        .join('\n')}</fieldset>`;
    case 'array':
      return arrayControl(spec, id, path);
    default:
      if (spec.multiline === true)
        return `<textarea id="${id}" class="value">${escapeHtml(text(fallback) ?? '')}</textarea>`;
      return `<input type="${type === 'password' ? 'password' : type === 'email' ? 'email' : 'text'}" id="${id}" class="value" ${attributes({ value: text(fallback) })}>`;
  }
}

function selectControl(spec: Spec, id: string, path: string): string {
  const multiple = spec.multiple === true;
  const rpc = rpcOf(spec);
  const editable = spec.mode === 'edit';
  const defaults = new Set(
    (Array.isArray(spec.default) ? spec.default : [spec.default]).map(String),
  );
  const { groups } = rpc === undefined ? staticOptions(spec) : { groups: [] };
  const optionHtml = (option: Option): string =>
    `<option value="${escapeHtml(JSON.stringify(option.value))}"${defaults.has(String(option.value)) ? ' selected' : ''}>${escapeHtml(option.label)}</option>`;
  const body = groups
    .map((group) =>
      group.label === undefined
        ? group.options.map(optionHtml).join('')
        : `<optgroup label="${escapeHtml(group.label)}">${group.options.map(optionHtml).join('')}</optgroup>`,
    )
    .join('');
  const empty = multiple ? '' : '<option value="">(none)</option>';
  const select = `<select id="${id}" class="value" ${attributes({ multiple, 'data-rpc': rpc })}>${empty}${body}</select>`;
  const typed = editable
    ? `<input type="text" class="typed" placeholder="or type or map a value" aria-label="${escapeHtml(text(spec.label) ?? String(spec.name))} (typed)">`
    : '';
  // Nested parameters of each option, shown only while that option is chosen.
  const nested = groups
    .flatMap((group) => group.options)
    .filter((option) => option.nested.length > 0)
    .map(
      (option) =>
        `<div class="nested" data-when="${escapeHtml(JSON.stringify(option.value))}" hidden>${option.nested
          .map((child) => renderField(child, path))
          .join('\n')}</div>`,
    )
    .join('\n');
  return `${select}${typed}${nested}`;
}

function arrayControl(spec: Spec, id: string, path: string): string {
  const raw = spec.spec;
  const itemFields = Array.isArray(raw)
    ? asSpecs(raw)
    : isPlainObject(raw)
      ? [{ ...raw, name: text(raw.name) ?? 'value' }]
      : [{ name: 'value', type: 'text', label: 'Value' }];
  const primitive = !Array.isArray(raw);
  const template = `<div class="item">${itemFields
    .map((child) => renderField(child, `${path}${String(spec.name)}[].`))
    .join('\n')}<button type="button" class="remove">Remove</button></div>`;
  return `<div class="array value" id="${id}" data-primitive="${primitive}">
<div class="items"></div>
<template>${template}</template>
<button type="button" class="add">Add item</button>
</div>`;
}

/** Every parameter of a module: static ones first, as in Make's dialog. */
export function renderForm(parameters: readonly unknown[]): string {
  const fields = parameters
    .filter((spec): spec is Spec => isPlainObject(spec))
    .map((spec) => renderField(spec, ''))
    .join('\n');
  const advanced = parameters.some((spec) => isPlainObject(spec) && spec.advanced === true);
  return `<form id="module-form" class="form${advanced ? ' has-advanced' : ''}" novalidate>
${fields}
${advanced ? '<label class="advanced-toggle"><input type="checkbox" id="show-advanced"> Show advanced settings</label>' : ''}
</form>`;
}
