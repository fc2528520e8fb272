// `npm start` (scripts/start.ts → runTour): builds and validates the app, runs every module
// against the embedded simulator and prints one line per module; exit 0 only if all succeed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import app from '../../app';
import type { CliIo } from '../../lib/cli/io';
import { runTour } from '../../lib/cli/tour';

jest.setTimeout(60_000);

function captured(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
      stderrIsTty: false,
      columns: undefined,
      env: {},
      cwd: os.tmpdir(),
    },
    out: () => out,
    err: () => err,
  };
}

test('every module runs against the simulator with real parameters', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tour-'));
  const { io, out, err } = captured();
  const code = await runTour(io, { root, app });
  expect(err()).toBe('');
  expect(code).toBe(0);
  const text = out();
  expect(text).toMatch(/^Built and validated the app: \d+ files in dist\/\n/);
  expect(fs.existsSync(path.join(root, 'dist', 'makecomapp.json'))).toBe(true);
  for (const module of app.modules) {
    expect(text).toMatch(new RegExp(`\\n${module.name} +ok +[1-9]\\d* +[1-9]\\d* +\\d+ ms `));
  }
  for (const rpc of app.rpcs) {
    expect(text).toMatch(new RegExp(`\\nrpc ${rpc.name} +ok +[1-9]\\d* +[1-9]\\d* +\\d+ ms `));
  }
  const total = app.modules.length + app.rpcs.length;
  expect(text).toContain(`${total} of ${total} modules and RPCs succeeded.`);
  // The app's own output matches its interfaces: no warning.
  expect(text).not.toContain('does not match its interface');
});

test('output that does not match the interface is a warning, naming module and field', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tour-'));
  const { io, out } = captured();
  // As if a date field were declared a number: the output (a date) no longer matches. The app
  // keeps that module alone (and the dropdown it may use), so the tour is short.
  const module = app.modules.find((candidate) => candidate.name === 'listProductCatalog');
  if (module === undefined) throw new TypeError('no listProductCatalog');
  const mistyped = {
    ...app,
    modules: [
      {
        ...module,
        interface: module.interface.map((field) =>
          field.name === 'created_at' ? { ...field, type: 'number' as const } : field,
        ),
        samples: { ...(module.samples as object), created_at: 1672531200000 },
      },
    ],
    groups: [{ label: 'Products', modules: ['listProductCatalog'] }],
    rpcs: app.rpcs.filter((rpc) => rpc.name === 'listProducts'),
    webhooks: [],
  } as unknown as typeof app;
  const code = await runTour(io, { root, app: mistyped });
  expect(code).toBe(0);
  expect(out()).toContain(
    'Warning: output that does not match its interface (Make shows the interface):\n  listProductCatalog: created_at: ',
  );
});

test('an invalid app stops before running anything (exit 1)', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tour-'));
  const { io, out, err } = captured();
  const code = await runTour(io, {
    root,
    app: { ...app, modules: [], groups: [{ label: 'x', modules: ['nope'] }] },
  });
  expect(code).toBe(1);
  expect(err()).toMatch(/^The app definition has \d+ problem\(s\):\n/);
  expect(out()).toBe('');
  expect(fs.existsSync(path.join(root, 'dist'))).toBe(false);
});
