// The build runs every module's example on the in-memory simulator and warns, without failing,
// where the output does not match the module's interface or the run fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import app from '../../app';
import { buildCommand } from '../../lib/cli/build-commands';
import type { CliIo } from '../../lib/cli/io';

jest.setTimeout(60_000);

function recorder(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(...text.split('\n').filter((line) => line !== '')),
    stderr: (text) => err.push(...text.split('\n').filter((line) => line !== '')),
    stderrIsTty: false,
    columns: undefined,
    env: {},
    cwd: os.tmpdir(),
  };
}

async function build(
  definition: unknown,
): Promise<{ code: number; io: ReturnType<typeof recorder>; dist: string }> {
  const dist = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'build-examples-')), 'dist');
  const io = recorder();
  const code = await buildCommand({ appPath: 'unused', outDir: dist, app: definition }, io);
  return { code, io, dist };
}

/** The app with one module only, changed: a small build, so the warning is all there is to see. */
function onlyModule(name: string, change: (module: Record<string, unknown>) => object): typeof app {
  const module = app.modules.find((candidate) => candidate.name === name);
  if (module === undefined) throw new TypeError(`no module ${name}`);
  return {
    ...app,
    modules: [change(module as unknown as Record<string, unknown>)],
    groups: [{ label: 'Only', modules: [name] }],
    // The offer and plan dropdowns read a product parameter only the modules left out declare.
    rpcs: app.rpcs.filter((rpc) => rpc.name === 'listProducts'),
    webhooks: [],
  } as unknown as typeof app;
}

test("the app's examples all run and match their interfaces", async () => {
  const { code, io } = await build(app);
  const withExample = app.modules.filter((module) => 'example' in module).length;
  expect(withExample).toBeGreaterThan(20);
  expect({ code, err: io.err }).toEqual({ code: 0, err: [] });
  expect(io.out[1]).toBe(
    `Ran the examples of ${withExample} modules on the simulator: the output matches the interfaces.`,
  );
});

test('output that does not match the interface is a warning naming module and field', async () => {
  // As if a date field were declared a number: the output (an ISO date) no longer matches.
  const mistyped = onlyModule('listProductCatalog', (module) => ({
    ...module,
    interface: (module.interface as { name: string }[]).map((field) =>
      field.name === 'created_at' ? { ...field, type: 'number' } : field,
    ),
    samples: { ...(module.samples as object), created_at: 1672531200000 },
  }));
  const { code, io, dist } = await build(mistyped);
  expect(code).toBe(0);
  expect(fs.existsSync(path.join(dist, 'makecomapp.json'))).toBe(true);
  expect(io.err[0]).toBe(
    'Warning: output that does not match its interface (Make shows the interface):',
  );
  expect(io.err[1]).toMatch(
    /^ {2}listProductCatalog: created_at: expected a number \(interface type number\), got string "20/,
  );
  expect(io.out.join('\n')).not.toContain('Ran the examples');
});

test('an example that fails is a warning naming the module and the error', async () => {
  const broken = onlyModule('cancelSubscription', (module) => ({
    ...module,
    example: { subscriber_code: 'NOSUCHCODE', send_mail: false },
  }));
  const { code, io } = await build(broken);
  expect(code).toBe(0);
  expect(io.err).toHaveLength(1);
  expect(io.err[0]).toMatch(/^Warning: the example run of cancelSubscription failed: .*404/);
});
