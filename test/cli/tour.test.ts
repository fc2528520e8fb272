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
