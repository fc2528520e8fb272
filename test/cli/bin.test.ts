// The real binary, as a user runs it: `node bin/hotmart-make.js …` in a child process (from the
// bundle bin/cli-bundle.js keeps current, or through tsx; no compile step). Each process costs
// about half a second of start-up, so independent invocations run concurrently and each test
// checks several things at once.
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { bin, REPO, spawnBin, type CliRun } from './helpers';

jest.setTimeout(120_000);

let work: string;
let dist: string;
let build: CliRun;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'cli-bin-'));
  dist = path.join(work, 'dist');
  build = await bin(['build', '--dist', dist]);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

test('build writes the app and validate accepts it (as the npm scripts)', async () => {
  expect(build.stderr).toBe('');
  expect(build.code).toBe(0);
  expect(build.stdout).toMatch(/^Wrote \d+ files to .*dist: README\.md, connections\/ \(2\)/);
  expect(fs.existsSync(path.join(dist, 'makecomapp.json'))).toBe(true);
  const validate = await bin(['validate']);
  expect(validate).toEqual({ code: 0, stdout: 'The app "hotmart" is valid.\n', stderr: '' });
});

test('--help lists every command and exits 0; no command is bad usage (2)', async () => {
  const [help, none] = await Promise.all([bin(['--help']), bin([])]);
  expect(help.code).toBe(0);
  for (const command of [
    'build',
    'validate',
    'run',
    'rpc',
    'trigger',
    'webhook',
    'record',
    'deploy',
    'docs',
    'simulator',
  ]) {
    expect(help.stdout).toContain(`  ${command} `);
  }
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('Usage: hotmart-make');
});

test('run against the embedded simulator: --json prints a JSON array and nothing else', async () => {
  const run = await bin([
    'run',
    'listSubscriptions',
    '--param',
    'limit=2',
    '--param',
    'status=ACTIVE',
    '--json',
    '--dist',
    dist,
  ]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const bundles = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
  expect(bundles).toHaveLength(2);
  for (const bundle of bundles) {
    expect(bundle.status).toBe('ACTIVE');
    expect(bundle.subscriber_code).toMatch(/^[A-Z0-9]{8}$/);
  }
});

test('without the bundle (HOTMART_MAKE_NO_BUNDLE=1) the CLI runs the sources through tsx, alike', async () => {
  const args = ['run', 'listSubscriptions', '--param', 'limit=2', '--json', '--dist', dist];
  const [bundled, sources] = await Promise.all([
    bin(args),
    bin(args, { env: { HOTMART_MAKE_NO_BUNDLE: '1' } }),
  ]);
  expect(sources).toEqual(bundled);
  expect(JSON.parse(sources.stdout)).toHaveLength(2);
});

test('simulator serves until SIGTERM; run and record use it through --target <url>', async () => {
  let announce: (url: string) => void = () => undefined;
  const listening = new Promise<string>((resolve) => {
    announce = resolve;
  });
  let seen = '';
  const simulator = spawnBin(['simulator', '--port', '0', '--size', '50'], {
    onStdout: (chunk) => {
      seen += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(seen);
      if (match?.[1]) announce(match[1]);
    },
  });
  const url = await listening;
  const out = path.join(work, 'recorded', 'list.json');
  const [run, record] = await Promise.all([
    bin(['run', 'listSubscriptions', '--param', 'limit=3', '--target', url, '--dist', dist]),
    bin([
      'record',
      'listSubscriptions',
      '--param',
      'limit=2',
      '--target',
      url,
      '--out',
      out,
      '--dist',
      dist,
    ]),
  ]);
  simulator.kill('SIGTERM');
  const stopped = await simulator.done;

  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Bundle 1\n  subscriber_code');
  expect(run.stdout).toMatch(/\n3 bundles\n$/);
  expect(record.stderr).toBe('');
  expect(record.code).toBe(0);
  expect(record.stdout).toMatch(
    /^Recorded 3 exchange\(s\) of listSubscriptions to .*list\.json \(2 bundle\(s\)\)/,
  );
  const fixture = JSON.parse(fs.readFileSync(out, 'utf8')) as Array<{
    scope: string;
    path: string;
  }>;
  // The app's own hosts are recorded, not the simulator's loopback address.
  expect(fixture.map((d) => d.scope)).toEqual([
    'https://api-sec-vlc.hotmart.com',
    'https://developers.hotmart.com',
    'https://developers.hotmart.com',
  ]);
  expect(fs.existsSync(out.replace(/\.json$/, '.meta.json'))).toBe(true);

  expect(stopped.code).toBe(0);
  expect(stopped.stdout).toMatch(/Stopped \(SIGTERM\) after \d+ request\(s\)\.\n$/);
});

test('studio serves the app’s pages and runs a module until SIGTERM', async () => {
  let announce: (url: string) => void = () => undefined;
  const listening = new Promise<string>((resolve) => {
    announce = resolve;
  });
  let seen = '';
  const studio = spawnBin(['studio', '--port', '0', '--dist', dist], {
    onStdout: (chunk) => {
      seen += chunk;
      const match =
        /Module studio for the embedded simulator at .*: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(seen);
      if (match?.[1]) announce(match[1]);
    },
  });
  const url = await listening;
  const home = await fetch(url);
  const page = await (await fetch(`${url}module/listSubscriptions`)).text();
  const run = (await (
    await fetch(`${url}api/run/listSubscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ limit: 2 }),
    })
  ).json()) as { bundles: unknown[] };
  // Another web page cannot make the studio run a module.
  const foreign = await fetch(`${url}api/run/listSubscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    body: '{}',
  });
  studio.kill('SIGTERM');
  const stopped = await studio.done;
  expect(home.status).toBe(200);
  expect(await home.text()).toContain('href="/module/listSubscriptions"');
  expect(page).toContain('data-rpc="listProducts"');
  expect(run.bundles).toHaveLength(2);
  expect(foreign.status).toBe(403);
  expect(stopped.code).toBe(0);
  expect(stopped.stderr).toContain('Studio stopped (SIGTERM).');
});

test('docs writes a page per module; deploy without a token is bad usage', async () => {
  const cwd = await mkdtemp(path.join(tmpdir(), 'cli-docs-'));
  const [docs, deploy] = await Promise.all([
    bin(['docs', '--app', path.join(REPO, 'app', 'index.ts')], { cwd }),
    bin(['deploy', '--dry-run', '--dist', dist]),
  ]);
  expect(docs.stderr).toBe('');
  expect(docs.code).toBe(0);
  const pages = fs.readdirSync(path.join(cwd, 'docs', 'modules')).sort();
  expect(pages).toContain('listSubscriptions.md');
  expect(pages).toContain('README.md');
  expect(docs.stdout).toBe(
    `${pages.length} doc pages in docs/modules: ${pages.length} written, 0 unchanged, 0 removed.\n`,
  );
  expect(
    fs.readFileSync(path.join(cwd, 'docs', 'modules', 'cancelSubscription.md'), 'utf8'),
  ).toMatch(/^<!-- Generated by `npm run docs`/);
  await rm(cwd, { recursive: true, force: true });

  expect(deploy.code).toBe(2);
  expect(deploy.stderr).toContain('MAKE_API_TOKEN is not set');
  expect(deploy.stdout).toBe('');
});

test('build refuses the current folder and an existing file: exit 2, nothing touched', async () => {
  const cwd = await mkdtemp(path.join(tmpdir(), 'cli-build-guard-'));
  fs.writeFileSync(path.join(cwd, 'keep.txt'), 'my work\n');
  const appModule = path.join(REPO, 'app', 'index.ts');
  const [here, file] = await Promise.all([
    bin(['build', '--app', appModule, '--dist', '.'], { cwd }),
    bin(['build', '--app', appModule, '--dist', 'keep.txt'], { cwd }),
  ]);
  expect(here.code).toBe(2);
  expect(here.stderr).toContain(
    `refusing to write the build to ${cwd}: it is the current folder or one of its parents.`,
  );
  expect(file.code).toBe(2);
  expect(file.stderr).toContain('it is an existing file, not a folder');
  expect(fs.readdirSync(cwd)).toEqual(['keep.txt']);
  expect(fs.readFileSync(path.join(cwd, 'keep.txt'), 'utf8')).toBe('my work\n');
  await rm(cwd, { recursive: true, force: true });
});

test('the simulator stops when whatever started it goes away without passing on a signal', async () => {
  // An intermediate process (as npx is) starts the simulator, prints its pid and is then killed
  // with SIGKILL, so no signal ever reaches the simulator itself.
  const script = [
    "const { spawn } = require('node:child_process');",
    `const child = spawn(process.execPath, [${JSON.stringify(path.join(REPO, 'bin', 'hotmart-make.js'))}, 'simulator', '--port', '0', '--size', '5'], { stdio: ['ignore', 'pipe', 'inherit'] });`,
    "child.stdout.on('data', (d) => { if (String(d).includes('listening')) console.log('PID ' + child.pid + ' ' + String(d).split(' ')[4]); });",
    'setInterval(() => undefined, 1000);',
  ].join('\n');
  const { spawn } = await import('node:child_process');
  const parent = spawn(process.execPath, ['-e', script], { cwd: REPO });
  let seen = '';
  const announced = await new Promise<{ pid: number; url: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no simulator started: ${seen}`)), 30_000);
    parent.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      seen += chunk;
      const match = /PID (\d+) (http:\S+)/.exec(seen);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve({ pid: Number(match[1]), url: match[2] });
      }
    });
  });
  const alive = (): boolean => {
    try {
      process.kill(announced.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    expect((await fetch(`${announced.url}/__nothing__`)).status).toBeGreaterThan(0);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toBe(false);
  } finally {
    if (alive()) process.kill(announced.pid, 'SIGKILL');
    parent.kill('SIGKILL');
  }
});

test('rpc, trigger and webhook of a Make app (acme-helpdesk) end to end through the binary', async () => {
  const appDir = path.join(REPO, 'test', 'fixtures', 'make-layout', 'acme-helpdesk');
  const apiKey = 'sekrit-api-key-for-the-binary';
  let tickets = [{ id: 1, subject: 'first' }];
  // A loopback stand-in for the helpdesk API: the binary cannot see nock.
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.headers['x-api-key'] !== apiKey) {
      response.writeHead(401).end();
      return;
    }
    const json = (value: unknown): void => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
    };
    if (url.pathname === '/api/me') json({});
    else if (url.pathname === '/api/queues') json({ queues: [{ id: 'q1', name: 'Support' }] });
    else if (url.pathname === '/api/queues/q1/tickets') {
      json({ tickets: [...tickets].reverse(), has_more: false });
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  fs.writeFileSync(path.join(work, 'helpdesk.json'), JSON.stringify({ apiKey }));
  const common = [
    '--app',
    appDir,
    '--target',
    origin,
    '--connection-file',
    'helpdesk.json',
    '--json',
  ];
  const trigger = [
    'trigger',
    'watchNewTickets',
    '--param',
    'queue=q1',
    '--state-file',
    'state.json',
  ];
  try {
    const rpc = await bin(['rpc', 'listQueues', ...common], { cwd: work });
    expect(rpc.stderr).toBe('');
    expect(JSON.parse(rpc.stdout)).toEqual([{ label: 'Support', value: 'q1' }]);
    const choices = await bin(
      ['trigger', 'watchNewTickets', '--param', 'queue=q1', '--choose', ...common],
      { cwd: work },
    );
    expect(JSON.parse(choices.stdout)).toEqual([{ label: '#1 first', date: 1, start: 'id:1' }]);
    const first = await bin([...trigger, ...common], { cwd: work });
    expect(JSON.parse(first.stdout)).toEqual([{ id: 1, subject: 'first' }]);
    tickets = [...tickets, { id: 2, subject: 'second' }];
    const second = await bin([...trigger, ...common], { cwd: work });
    expect(JSON.parse(second.stdout)).toEqual([{ id: 2, subject: 'second' }]);
    for (const run of [rpc, choices, first, second]) {
      expect(run.code).toBe(0);
      expect(run.stdout + run.stderr).not.toContain(apiKey);
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  // The webhook receiver: a real process on a free port, stopped by a signal.
  let announce: (url: string) => void = () => undefined;
  const listening = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const receiver = spawnBin(['webhook', 'watchTickets', '--app', appDir, '--port', '0', '--json'], {
    cwd: work,
    onStderr: (text) => {
      const match = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
      if (match?.[1] !== undefined) announce(match[1]);
    },
  });
  const url = await listening;
  // The helpdesk's verification: answered with the challenge, no bundle printed.
  const challenge = await fetch(`${url}?challenge=c-42`);
  expect(await challenge.text()).toBe('c-42');
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ticket: { id: 9, subject: 'hook' } }),
  });
  expect(await answer.text()).toBe('Accepted');
  receiver.kill('SIGTERM');
  const ended = await receiver.done;
  expect(ended.stdout).toBe('{"id":9,"subject":"hook"}\n');
  expect(ended.stderr).toContain('Stopped (SIGTERM).');
});
