// The studio's two pages: the app as Make lists it (modules by group, RPCs), and one module with
// its form, a Run button and the panels a run fills (bundles, request log, error).
import type { RuntimeApp } from '../runtime';
import { isPlainObject } from '../shared';
import { escapeHtml, markdownToHtml, page } from './html';
import { renderForm } from './form';

interface ModuleLike {
  name: string;
  label?: string;
  type?: string;
  description?: string;
  staticParameters?: unknown;
  mappableParameters?: unknown;
}

const TYPE_LABELS: Readonly<Record<string, string>> = {
  search: 'Search',
  action: 'Action',
  trigger: 'Trigger (polling)',
  instant_trigger: 'Instant trigger',
  universal: 'Universal',
  responder: 'Responder',
};

function modulesOf(app: RuntimeApp): ModuleLike[] {
  return app.definition.modules as unknown as ModuleLike[];
}

/** Groups as the app defines them; modules in no group come last, under "Other modules". */
function grouped(app: RuntimeApp): Array<{ label: string; modules: ModuleLike[] }> {
  const byName = new Map(modulesOf(app).map((module) => [module.name, module]));
  const raw = (app.definition as unknown as { groups?: unknown }).groups;
  const groups = Array.isArray(raw) ? raw.filter(isPlainObject) : [];
  const placed = new Set<string>();
  const result = groups.map((group) => {
    const names = Array.isArray(group.modules) ? group.modules.map(String) : [];
    names.forEach((name) => placed.add(name));
    return {
      label: typeof group.label === 'string' ? group.label : 'Modules',
      modules: names.flatMap((name) => byName.get(name) ?? []),
    };
  });
  const rest = modulesOf(app).filter((module) => !placed.has(module.name));
  return rest.length > 0 ? [...result, { label: 'Other modules', modules: rest }] : result;
}

export function findModule(app: RuntimeApp, name: string): ModuleLike | undefined {
  return modulesOf(app).find((module) => module.name === name);
}

export function indexPage(app: RuntimeApp, targetLabel: string): string {
  const manifest = app.definition.manifest as unknown as { label?: string; name?: string };
  const title = manifest.label ?? manifest.name ?? 'App';
  const groups = grouped(app)
    .map(
      (group) =>
        `<section class="group"><h2>${escapeHtml(group.label)}</h2><ul>${group.modules
          .map(
            (module) =>
              `<li><a href="/module/${encodeURIComponent(module.name)}" data-module="${escapeHtml(module.name)}">${escapeHtml(module.label ?? module.name)}</a> <span class="kind">${escapeHtml(TYPE_LABELS[module.type ?? ''] ?? module.type ?? '')}</span><div class="description">${escapeHtml(module.description ?? '')}</div></li>`,
          )
          .join('')}</ul></section>`,
    )
    .join('\n');
  const rpcs = app.definition.rpcs
    .map((rpc) => `<li><code>${escapeHtml(rpc.name)}</code> ${escapeHtml(rpc.label)}</li>`)
    .join('');
  return page(
    `${title} — module studio`,
    `<header><h1>${escapeHtml(title)}</h1><p class="target">Runs against the ${escapeHtml(targetLabel)}</p></header>
<main>${groups}<section class="group"><h2>RPCs (dropdowns)</h2><ul>${rpcs}</ul></section></main>`,
  );
}

export function modulePage(
  module: ModuleLike,
  targetLabel: string,
  eventNames: readonly string[],
): string {
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
  const parameters = [...list(module.staticParameters), ...list(module.mappableParameters)];
  const instant = module.type === 'instant_trigger';
  const events = instant
    ? `<section id="events" class="panel"><h2>Live events</h2>
<p>Events the simulator sends (on every state change, or on demand) arrive here as this module's bundles.</p>
<div class="fire"><select id="event-name">${eventNames.map((name) => `<option value="${escapeHtml(name)}">${escapeHtml(name)}</option>`).join('')}</select> <button type="button" id="fire">Send a test event</button></div>
<div id="event-feed" aria-live="polite"></div></section>`
    : '';
  return page(
    `${module.label ?? module.name} — module studio`,
    `<header><a href="/">← All modules</a><h1>${escapeHtml(module.label ?? module.name)}</h1>
<p><code>${escapeHtml(module.name)}</code> · ${escapeHtml(TYPE_LABELS[module.type ?? ''] ?? '')} · runs against the ${escapeHtml(targetLabel)}</p>
${module.description ? `<p class="description">${markdownToHtml(module.description)}</p>` : ''}</header>
<main class="module" data-module="${escapeHtml(module.name)}" data-instant="${instant}">
<section class="panel">${renderForm(parameters)}
${instant ? '' : '<button type="button" id="run">Run</button> <span id="status" role="status"></span>'}</section>
${events}
<section id="error" class="panel" hidden><h2>Error</h2><p><span class="type"></span>: <span class="message"></span></p></section>
<section id="output" class="panel" hidden><h2>Output <span class="count"></span></h2><div class="bundles"></div></section>
<section id="log" class="panel" hidden><h2>Requests</h2><ol class="entries"></ol></section>
</main>`,
  );
}
