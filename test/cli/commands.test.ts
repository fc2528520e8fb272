// The commands in-process (fast, and nock applies): every command's --help, bad usage,
// the readable table and the progress line, targets needing credentials, deploy --dry-run
// against a nock-mocked Make API, and the simulator command's lifecycle.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { FakeMake, TOKEN } from '../deploy/fake-make';
import { writeFixtureDist } from '../deploy/fixture-dist';
import app from '../../app';
import { createSimulator, startSimulatorServer } from '../../lib/simulator';
import { buildDist, cli, startReceiver, type BuiltDist } from './helpers';

jest.setTimeout(30_000);

let built: BuiltDist;

beforeAll(async () => {
  built = await buildDist();
});

afterAll(async () => {
  await built.dispose();
});

describe('help and usage', () => {
  test.each([
    ['build', '--dist <dir>'],
    ['validate', '--app <file|dir>'],
    ['run', '--params-json <json>'],
    ['record', '--out <file>'],
    ['deploy', '--dry-run'],
    ['docs', '--check'],
    ['simulator', '--port <port>'],
    ['test-functions', '--app <dir|file>'],
    ['rpc', '--connection-file <file>'],
    ['trigger', '--state-file <file>'],
    ['webhook', '--webhook-params-json <json>'],
    ['event', '--simulator <url>'],
  ])('%s --help exits 0 and documents its options', async (command, option) => {
    const result = await cli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: hotmart-make ${command}`);
    expect(result.stdout).toContain(option);
  });

  test.each([
    [['run'], "missing required argument 'moduleName'"],
    [['run', 'listSubscriptions', '--colour'], "unknown option '--colour'"],
    [['simulator', '--port', '99999'], 'expected a whole number from 0 to 65535'],
    [['simulator', '--host', '0.0.0.0'], 'loopback only'],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('%j is bad usage (exit 2) with a hint', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(/--help/);
  });

  test.each([
    [['--target', 'ftp://x'], '--target must be simulator, sandbox, production or an http(s) URL'],
    [['--param', 'limit'], '--param expects key=value, got "limit"'],
    [['--param', 'limt=3'], 'unknown parameter `limt`: did you mean `limit`?'],
    [['--params-json', '{limit: 3}'], '--params-json is not valid JSON'],
    [['--params-json', '[1]'], '--params-json must be a JSON object'],
    [['--param', 'limit=1', '--param', 'limit=2'], '--param limit given twice'],
  ])('run listSubscriptions %j is bad usage', async (args, message) => {
    const result = await cli(['run', 'listSubscriptions', '--dist', built.dir, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: ${message}`);
    expect(result.stderr).toContain('(run "npx hotmart-make run --help" for usage)');
  });

  test('a missing build is a module-level failure (exit 1) that says to build', async () => {
    const result = await cli(['run', 'listSubscriptions', '--dist', '/nonexistent/dist']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not exist: build the app first');
  });
});

describe('run', () => {
  test('--limit caps the bundles and fills the module limit parameter only when none is given', async () => {
    const count = async (args: string[]): Promise<number> => {
      const result = await cli([
        'run',
        'listSubscriptions',
        '--json',
        '--dist',
        built.dir,
        ...args,
      ]);
      expect(result.code).toBe(0);
      return (JSON.parse(result.stdout) as unknown[]).length;
    };
    // The module's own limit defaults to 10: --limit 20 raises it, rather than stopping at 10.
    expect(await count(['--limit', '20'])).toBe(20);
    // An explicit limit parameter wins over the flag for the module; the flag still caps output.
    expect(await count(['--limit', '20', '--param', 'limit=4'])).toBe(4);
    expect(await count(['--limit', '3', '--param', 'limit=8'])).toBe(3);
  });

  test('prints a readable table by default and progress only on a terminal', async () => {
    const piped = await cli([
      'run',
      'listSubscriptions',
      '--param',
      'limit=3',
      '--dist',
      built.dir,
    ]);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toMatch(/^Bundle 1\n {2}subscriber_code +[A-Z0-9]{8}\n/);
    expect(piped.stdout).toContain('\n  subscriber.email ');
    expect(piped.stdout).toMatch(/\n3 bundles\n$/);

    const tty = await cli(['run', 'listSubscriptions', '--param', 'limit=3', '--dist', built.dir], {
      tty: true,
    });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain(
      'listSubscriptions: 1 page fetched · 3 bundles · 2/500 requests of the rate limit',
    );
    expect(tty.stderr).toMatch(
      /listSubscriptions on embedded simulator at http:\/\/127\.0\.0\.1:\d+: 3 bundle\(s\), 3 request\(s\)/,
    );
  });

  test('--limit stops early; repeated keys become a list; --params-json merges under --param', async () => {
    const result = await cli([
      'run',
      'listSubscriptions',
      '--params-json',
      '{"limit": 50, "status": ["OVERDUE"]}',
      '--param',
      'status=CANCELLED_BY_CUSTOMER',
      '--param',
      'status=CANCELLED_BY_ADMIN',
      '--limit',
      '4',
      '--json',
      '--dist',
      built.dir,
    ]);
    expect(result.code).toBe(0);
    const bundles = JSON.parse(result.stdout) as Array<{ status: string }>;
    expect(bundles).toHaveLength(4);
    for (const bundle of bundles) {
      expect(['CANCELLED_BY_CUSTOMER', 'CANCELLED_BY_ADMIN']).toContain(bundle.status);
    }
  });

  test('sandbox and production need the three Hotmart variables', async () => {
    const none = await cli([
      'run',
      'listSubscriptions',
      '--target',
      'production',
      '--dist',
      built.dir,
    ]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      '--target production needs Hotmart credentials: set HOTMART_CLIENT_ID, HOTMART_CLIENT_SECRET, HOTMART_BASIC_TOKEN',
    );
    const partial = await cli(
      ['run', 'listSubscriptions', '--target', 'sandbox', '--dist', built.dir],
      {
        env: {
          HOTMART_CLIENT_ID: 'test-client-id',
          HOTMART_CLIENT_SECRET: 'test-client-secret-XYZ',
        },
      },
    );
    expect(partial.code).toBe(2);
    expect(partial.stderr).toContain('HOTMART_BASIC_TOKEN is not set');
    expect(partial.stderr).not.toContain('test-client-secret-XYZ');
  });
});

describe('a URL target and real credentials', () => {
  const ENV = {
    HOTMART_CLIENT_ID: 'test-client-id',
    HOTMART_CLIENT_SECRET: 'test-client-secret-XYZ',
    HOTMART_BASIC_TOKEN: 'test-basic-token-XYZ',
  };

  test('HOTMART_* go to a URL origin only with --env-credentials', async () => {
    const server = await startSimulatorServer(createSimulator(), { host: '127.0.0.1', port: 0 });
    try {
      const args = [
        'run',
        'listSubscriptions',
        '--param',
        'limit=2',
        '--json',
        '--dist',
        built.dir,
      ];
      // Exported credentials are not sent by default: the simulator's own values are.
      const quiet = await cli([...args, '--target', server.url], { env: ENV });
      expect(quiet.code).toBe(0);
      expect(JSON.parse(quiet.stdout)).toHaveLength(2);

      // Asked for, they are sent (and this simulator refuses them, as Hotmart would).
      const sent = await cli([...args, '--target', server.url, '--env-credentials'], { env: ENV });
      expect(sent.code).toBe(1);
      expect(sent.stderr).toContain('InvalidConfigurationError');
      expect(sent.stderr).toContain('Hotmart refused the credentials');
      expect(sent.stderr).not.toContain('test-client-secret-XYZ');

      const missing = await cli([...args, '--target', server.url, '--env-credentials'], {
        env: { HOTMART_CLIENT_ID: 'test-client-id' },
      });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('--env-credentials');
      expect(missing.stderr).toContain('HOTMART_CLIENT_SECRET, HOTMART_BASIC_TOKEN are not set');
    } finally {
      await server.close();
    }
  });
});

describe('deploy (in-process, against a nock-mocked Make API)', () => {
  test('--dry-run prints the plan and makes no write call', async () => {
    const fake = new FakeMake();
    fake.install();
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-deploy-'));
    const result = await cli(['deploy', '--dry-run', '--dist', writeFixtureDist()], {
      cwd,
      env: { MAKE_API_TOKEN: TOKEN, MAKE_ZONE: 'eu1' },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Deploy plan for app "demo-app" version 1:');
    expect(result.stdout).toMatch(/create\s+module listItems metadata/);
    expect(result.stdout).toContain('Dry run: nothing was changed on Make.');
    expect(fake.writes()).toEqual([]);
    expect(fs.existsSync(path.join(cwd, '.deploy-state.json'))).toBe(false);

    const real = await cli(['deploy', '--dist', writeFixtureDist()], {
      cwd,
      env: { MAKE_API_TOKEN: TOKEN },
    });
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('Deployed to eu1.make.com: 23 write(s).');
    expect(fs.existsSync(path.join(cwd, '.deploy-state.json'))).toBe(true);
  });

  test('Make out of reach says where it was going and why', async () => {
    const scope = nock('https://eu1.make.com')
      .get(/.*/)
      .replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 203.0.113.1:443' });
    const result = await cli(['deploy', '--dry-run', '--dist', writeFixtureDist()], {
      cwd: fs.mkdtempSync(path.join(os.tmpdir(), 'cli-deploy-')),
      env: { MAKE_API_TOKEN: TOKEN, MAKE_ZONE: 'eu1' },
    });
    scope.done();
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'Could not reach https://eu1.make.com: connect ECONNREFUSED 203.0.113.1:443\n',
    );
    expect(result.stderr).not.toContain(TOKEN);
  });

  test('a Make failure part-way exits 1 and lists what was and was not done', async () => {
    const fake = new FakeMake();
    fake.install();
    fake.failOnce((call) => call.method === 'PUT' && call.path.endsWith('/base'));
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-deploy-'));
    const result = await cli(['deploy', '--dist', writeFixtureDist()], {
      cwd,
      env: { MAKE_API_TOKEN: TOKEN },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Deploy failed at app base: [500] Internal server error');
    expect(result.stderr).toContain('✓ create connection demo parameters');
    expect(result.stderr).toContain('· create module cancelItem api');
    expect(result.stderr).not.toContain(TOKEN);
  });
});

describe('simulator', () => {
  test('serves the simulator on loopback until asked to stop', async () => {
    let stop: (signal: string) => void = () => undefined;
    let listening: (url: string) => void = () => undefined;
    const url = new Promise<string>((resolve) => {
      listening = resolve;
    });
    const running = cli(['simulator', '--port', '0', '--size', '10', '--seed', '7'], {
      onStdout: (text) => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
        if (match?.[1]) listening(match[1]);
      },
      untilStopped: () =>
        new Promise((resolve) => {
          stop = resolve;
        }),
    });
    // If the command fails before listening, fail with its output instead of waiting forever.
    try {
      const origin = await Promise.race([
        url,
        running.then((result) => {
          throw new Error(`simulator exited early: ${JSON.stringify(result)}`);
        }),
      ]);
      const basic = Buffer.from('sim-client-id:sim-client-secret').toString('base64');
      const token = await fetch(
        `${origin}/security/oauth/token?grant_type=client_credentials&client_id=sim-client-id&client_secret=sim-client-secret`,
        { method: 'POST', headers: { Authorization: `Basic ${basic}` } },
      );
      expect(token.status).toBe(200);
      const { access_token: accessToken } = (await token.json()) as { access_token: string };
      // accession_date=0 lifts Hotmart's default 30-day window.
      const list = await fetch(
        `${origin}/payments/api/v1/subscriptions?max_results=2&accession_date=0`,
        { headers: { Authorization: `Bearer ${accessToken}` } },
      );
      expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(2);
    } finally {
      stop('SIGTERM');
    }
    const result = await running;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(10 subscriptions, seed 7)');
    expect(result.stdout).toMatch(/Stopped \(SIGTERM\) after 2 request\(s\)\.\n$/);
    // The server is closed: the port refuses connections now.
    const port = /127\.0\.0\.1:(\d+)/.exec(result.stdout)?.[1];
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
  });

  test('a port in use says a simulator is probably running already (exit 1)', async () => {
    const simulator = createSimulator({ size: 1 });
    const server = await startSimulatorServer(simulator, { port: 0, host: '127.0.0.1' });
    try {
      const port = /:(\d+)$/.exec(server.url)?.[1] ?? '';
      const result = await cli(['simulator', '--port', port, '--size', '1'], {
        untilStopped: () => Promise.resolve('SIGTERM'),
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `Port ${port} on 127.0.0.1 is already in use: a simulator is probably running already ` +
          '(stop it, or choose another --port; --port 0 takes any free port).\n',
      );
    } finally {
      await server.close();
    }
  });
});

describe('run --app: any Make app folder, against a URL target', () => {
  const APP_DIR = path.resolve(__dirname, '..', 'fixtures', 'make-layout', 'acme-notes');
  const API_KEY = 'sekrit-api-key-for-run-app';
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-run-app-'));
    fs.writeFileSync(path.join(work, 'connection.json'), JSON.stringify({ apiKey: API_KEY }));
    fs.writeFileSync(path.join(work, 'broken.json'), '{ apiKey: ');
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  /** `run listNotes --app <fixture> --target <mock> --connection-file <file> …more`. */
  const runApp = (connectionFile: string, more: string[] = []) =>
    cli(
      [
        'run',
        'listNotes',
        '--app',
        APP_DIR,
        '--target',
        'http://mock.acme.test',
        '--connection-file',
        connectionFile,
        ...more,
      ],
      { cwd: work },
    );

  test('the app’s hosts go to the target; the connection comes from --connection-file', async () => {
    const mock = nock('http://mock.acme.test')
      .get('/v1/me')
      .matchHeader('x-api-key', API_KEY)
      .reply(200, { id: 'u1' })
      .get('/v1/notes')
      .query({ tag: 'work' })
      .matchHeader('x-api-key', API_KEY)
      .reply(200, { notes: [{ id: 7, title: 'draft' }] });
    const result = await runApp(path.join(work, 'connection.json'), [
      '--param',
      'tag=work',
      '--json',
    ]);
    mock.done();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ id: 7, title: 'DRAFT' }]);
  });

  test('--app needs a URL (or production) target, and a connection file that holds a JSON object', async () => {
    const simulator = await cli(['run', 'listNotes', '--app', APP_DIR], { cwd: work });
    expect(simulator.code).toBe(2);
    expect(simulator.stderr).toContain('--app runs another app: give --target <http(s) URL>');
    const broken = await runApp('broken.json');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('--connection-file: ');
    expect(broken.stderr).toContain('broken.json is not valid JSON');
  });
});

describe('validate --app <folder>: any app in Make’s layout, by profile', () => {
  const APP_DIR = path.resolve(__dirname, '..', 'fixtures', 'make-layout', 'acme-notes');

  test('the make profile (default for a folder): valid for Make, our rules as warnings', async () => {
    const result = await cli(['validate', '--app', APP_DIR]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('The app "acme-notes" is valid for Make (profile make).\n');
    expect(result.stderr).toMatch(/^\d+ warnings? \(profile make\):/);
    expect(result.stderr).toContain('[iml-root-known]');
  });

  test('--profile strict: the same issues are errors, exit 1', async () => {
    const result = await cli(['validate', '--app', APP_DIR, '--profile', 'strict']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('problems in the app definition:');
    expect(result.stderr).toContain('[iml-root-known]');
  });

  test('an unknown profile is bad usage; a folder that is not a layout says why', async () => {
    const bad = await cli(['validate', '--app', APP_DIR, '--profile', 'lax']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument 'lax' is invalid");
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-validate-'));
    try {
      const missing = await cli(['validate', '--app', empty]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('makecomapp.json not found');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('test-functions --app <dir>: the tests of an app’s custom IML functions', () => {
  const APP_DIR = path.resolve(__dirname, '..', 'fixtures', 'make-layout', 'acme-reports');

  test('every it() of every function, one line each, and the count; exit 0', async () => {
    const result = await cli(['test-functions', '--app', APP_DIR]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '✓ centsToAmount › turns cents into an amount',
        '✓ centsToAmount › leaves an empty value empty',
        '✓ reportName › names the month and the currency',
        '✓ reportName › uses US dollars by default',
        '4 passed, 0 failed',
        '',
      ].join('\n'),
    );
  });

  test('a failing assertion, a function without tests and debug() output; exit 1', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-functions-'));
    try {
      fs.cpSync(APP_DIR, copy, { recursive: true });
      fs.writeFileSync(
        path.join(copy, 'functions/cents-to-amount/cents-to-amount.test.js'),
        "it('is off by a factor', () => { debug('cents', 1); assert.strictEqual(centsToAmount(1), 1); });\n",
      );
      fs.writeFileSync(
        path.join(copy, 'functions/report-name/report-name.test.js'),
        '// none yet\n',
      );
      const result = await cli(['test-functions', '--app', copy]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('    debug: cents 1\n✗ centsToAmount › is off by a factor\n');
      expect(result.stdout).toContain('0.01 !== 1');
      expect(result.stdout).toContain('No tests: reportName\n0 passed, 1 failed\n');
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  test('our own app has none; a folder that is not a layout is bad usage', async () => {
    const own = await cli(['test-functions']);
    expect(own.code).toBe(0);
    expect(own.stdout).toBe('The app has no custom IML functions: nothing to test.\n');
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-functions-'));
    try {
      const missing = await cli(['test-functions', '--app', empty]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('makecomapp.json not found');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('rpc <name> --app: an RPC of any Make app, against a URL target', () => {
  const APP_DIR = path.resolve(__dirname, '..', 'fixtures', 'make-layout', 'acme-helpdesk');
  const API_KEY = 'sekrit-api-key-for-rpc';
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-rpc-'));
    fs.writeFileSync(path.join(work, 'connection.json'), JSON.stringify({ apiKey: API_KEY }));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const rpcRun = (more: string[]) =>
    cli(
      [
        'rpc',
        ...more,
        '--app',
        APP_DIR,
        '--target',
        'http://mock.helpdesk.test',
        '--connection-file',
        'connection.json',
      ],
      { cwd: work },
    );

  test('prints the items of dynamic options; the key never reaches the output', async () => {
    const mock = nock('http://mock.helpdesk.test')
      .get('/api/me')
      .matchHeader('x-api-key', API_KEY)
      .reply(200, {})
      .get('/api/queues')
      .matchHeader('x-api-key', API_KEY)
      .reply(200, { queues: [{ id: 'q1', name: 'Support' }] });
    const result = await rpcRun(['listQueues', '--json']);
    mock.done();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([{ label: 'Support', value: 'q1' }]);
    expect(result.stdout + result.stderr).not.toContain(API_KEY);
  });

  test('an unknown RPC or parameter is bad usage with a suggestion', async () => {
    const unknown = await rpcRun(['listQueue']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('listQueues');
    const parameter = await rpcRun(['listQueues', '--param', 'nope=1']);
    expect(parameter.code).toBe(2);
    expect(parameter.stderr).toContain('nope');
  });
});

describe('trigger <module> --state-file: a polling trigger run twice from the CLI', () => {
  const APP_DIR = path.resolve(__dirname, '..', 'fixtures', 'make-layout', 'acme-helpdesk');
  const API_KEY = 'sekrit-api-key-for-trigger';
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-trigger-'));
    fs.writeFileSync(path.join(work, 'connection.json'), JSON.stringify({ apiKey: API_KEY }));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const triggerRun = (more: string[]) =>
    cli(
      [
        'trigger',
        'watchNewTickets',
        '--app',
        APP_DIR,
        '--target',
        'http://mock.helpdesk.test',
        '--connection-file',
        'connection.json',
        '--param',
        'queue=q1',
        '--json',
        ...more,
      ],
      { cwd: work },
    );

  test('the second run reads the state the first wrote and prints only the new ticket', async () => {
    const tickets = (...ids: number[]) => ({
      tickets: ids.map((id) => ({ id, subject: `t${id}` })),
      has_more: false,
    });
    const mock = nock('http://mock.helpdesk.test')
      .get('/api/me')
      .twice()
      .reply(200, {})
      .get('/api/queues/q1/tickets')
      .query(true)
      .reply(200, tickets(2, 1))
      .get('/api/queues/q1/tickets')
      .query(true)
      .reply(200, tickets(3, 2, 1));
    const first = await triggerRun(['--state-file', 'state.json']);
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toEqual([
      { id: 1, subject: 't1' },
      { id: 2, subject: 't2' },
    ]);
    expect(JSON.parse(fs.readFileSync(path.join(work, 'state.json'), 'utf8'))).toEqual({
      lastID: 2,
    });
    const second = await triggerRun(['--state-file', 'state.json']);
    mock.done();
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual([{ id: 3, subject: 't3' }]);
    expect(fs.readFileSync(path.join(work, 'state.json'), 'utf8')).toContain('"lastID": 3');
    expect(first.stdout + second.stdout).not.toContain(API_KEY);
  });

  test('--choose lists the epoch’s choices with the --start that begins after each', async () => {
    const mock = nock('http://mock.helpdesk.test')
      .get('/api/me')
      .reply(200, {})
      .get('/api/queues/q1/tickets')
      .query({ sort: '-id', page: '1' })
      .reply(200, { tickets: [{ id: 7, subject: 'Printer' }], has_more: false });
    const listed = await triggerRun(['--choose']);
    mock.done();
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout)).toEqual([{ label: '#7 Printer', date: 7, start: 'id:7' }]);
    const both = await triggerRun(['--choose', '--start', 'now']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--choose lists where to start');
  });

  test('a bad --start or a state file that is not a JSON object is bad usage; nothing is written', async () => {
    const start = await triggerRun(['--start', 'yesterday']);
    expect(start.code).toBe(2);
    expect(start.stderr).toContain('--start must be all, now, date:<ISO date> or id:<id>');
    fs.writeFileSync(path.join(work, 'broken.json'), '[1]');
    const broken = await triggerRun(['--state-file', 'broken.json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('must hold a JSON object');
    expect(fs.readFileSync(path.join(work, 'broken.json'), 'utf8')).toBe('[1]');
  });
});

describe('the whole event flow: simulator --webhook-url, event, webhook watchEvents', () => {
  test('a fired event reaches the receiver with the hottok and prints one bundle', async () => {
    const built = await buildDist();
    let stopSimulator: (signal: string) => void = () => undefined;
    let listening: (url: string) => void = () => undefined;
    const simulatorUrl = new Promise<string>((resolve) => {
      listening = resolve;
    });
    const lines: string[] = [];
    const receiver = await startReceiver(
      [
        'watchEvents',
        '--dist',
        built.dir,
        '--port',
        '0',
        '--json',
        '--webhook-params-json',
        '{"hottok":"sim-hottok"}',
      ],
      { onStdout: (text) => lines.push(text) },
    );
    const simulator = cli(
      ['simulator', '--port', '0', '--size', '20', '--webhook-url', receiver.address],
      {
        onStdout: (text) => {
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
          if (match?.[1]) listening(match[1]);
        },
        untilStopped: () =>
          new Promise((resolve) => {
            stopSimulator = resolve;
          }),
      },
    );
    try {
      const origin = await Promise.race([
        simulatorUrl,
        simulator.then((early) => Promise.reject(new Error(`simulator ended: ${early.stderr}`))),
      ]);
      const fired = await cli(['event', 'PURCHASE_APPROVED', '--simulator', origin]);
      expect(fired.code).toBe(0);
      const envelope = JSON.parse(fired.stdout) as { id: string; event: string };
      expect(envelope.event).toBe('PURCHASE_APPROVED');
      // The delivery runs beside the command: wait for it, boundedly.
      for (let tries = 0; tries < 100 && lines.length === 0; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0] ?? '')).toMatchObject({
        id: envelope.id,
        event: 'PURCHASE_APPROVED',
      });
      const unknown = await cli(['event', 'NOPE', '--simulator', origin]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain(
        "The simulator did not fire NOPE: Unknown Hotmart event 'NOPE'",
      );
    } finally {
      stopSimulator('test');
      const ended = await simulator;
      await receiver.stop();
      await built.dispose();
      expect(ended.stderr).toMatch(
        /Event PURCHASE_APPROVED \S+ → http:\/\/127\.0\.0\.1:\d+\/: HTTP 200/,
      );
      expect(ended.stdout + ended.stderr).not.toContain('sim-hottok');
    }
  });

  test('event without a running simulator says how to start one', async () => {
    const result = await cli(['event', 'PURCHASE_APPROVED', '--simulator', 'http://127.0.0.1:1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('npx hotmart-make simulator --webhook-url');
  });
});

describe('webhook <module> --app: a local receiver for an instant trigger', () => {
  const APP_DIR = path.resolve(__dirname, '..', 'fixtures', 'make-layout', 'acme-helpdesk');

  test('answers each call as Make would and prints the bundles as they arrive; stops on the signal', async () => {
    const lines: string[] = [];
    const receiver = await startReceiver(
      ['watchTickets', '--app', APP_DIR, '--port', '0', '--json'],
      { onStdout: (text) => lines.push(text) },
    );
    const response = await fetch(receiver.address, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: { id: 5, subject: 'Printer' } }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('Accepted');
    const result = await receiver.stop();
    expect(result.code).toBe(0);
    expect(lines.join('')).toBe('{"id":5,"subject":"Printer"}\n');
    expect(result.stderr).toContain('Stopped (test).');
  });

  test('an instant trigger with a connection: connected on the target, its request made per call', async () => {
    const API_KEY = 'sekrit-api-key-for-webhook';
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-webhook-'));
    try {
      const app = path.join(work, 'app');
      fs.cpSync(APP_DIR, app, { recursive: true });
      const metadata = path.join(app, 'modules', 'watchTickets', 'metadata.json');
      fs.writeFileSync(
        metadata,
        fs.readFileSync(metadata, 'utf8').replace('"connection": null', '"connection": "acme"'),
      );
      fs.writeFileSync(
        path.join(app, 'modules', 'watchTickets', 'api.imljson'),
        JSON.stringify({
          url: '/tickets/{{payload.id}}',
          response: { output: { id: '{{body.id}}', status: '{{body.status}}' } },
        }),
      );
      fs.writeFileSync(path.join(work, 'connection.json'), JSON.stringify({ apiKey: API_KEY }));
      const mock = nock('http://mock.helpdesk.test')
        .get('/api/me')
        .reply(200, {})
        .get('/api/tickets/5')
        .matchHeader('x-api-key', API_KEY)
        .reply(200, { id: 5, status: 'open' });
      const receiver = await startReceiver(
        [
          'watchTickets',
          '--app',
          app,
          '--target',
          'http://mock.helpdesk.test',
          '--connection-file',
          'connection.json',
          '--port',
          '0',
          '--json',
        ],
        { cwd: work },
      );
      const response = await fetch(receiver.address, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ticket: { id: 5 } }),
      });
      expect(response.status).toBe(200);
      const result = await receiver.stop();
      mock.done();
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('{"id":5,"status":"open"}\n');
      expect(result.stdout + result.stderr).not.toContain(API_KEY);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  test('a password webhook parameter never reaches the output, even when the call fails', async () => {
    const crm = path.resolve(__dirname, '..', 'fixtures', 'make-layout', 'acme-crm', 'src');
    const secret = 'sekrit-signing-secret-for-cli';
    const receiver = await startReceiver([
      'watchContacts',
      '--app',
      crm,
      '--port',
      '0',
      '--webhook-params-json',
      JSON.stringify({ event: 'contact.created', signingSecret: secret }),
    ]);
    const good = await fetch(receiver.address, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: [{ type: 'contact.created', contact: { id: 'c_1' } }] }),
    });
    expect(good.status).toBe(202);
    // `events` is not a list: the webhook's iterate fails and the error is printed.
    const bad = await fetch(receiver.address, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: secret }),
    });
    expect(bad.status).toBe(500);
    const result = await receiver.stop();
    expect(result.stdout).toContain('"id": "c_1"');
    expect(result.stderr).toContain('iterate');
    expect(result.stdout + result.stderr).not.toContain(secret);
  });

  test('--target for a trigger without a connection is bad usage', async () => {
    const result = await cli([
      'webhook',
      'watchTickets',
      '--app',
      APP_DIR,
      '--target',
      'http://mock.helpdesk.test',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'use no connection; --target and --connection-file do not apply',
    );
  });

  test('only instant triggers; bad webhook parameters are bad usage', async () => {
    const search = await cli(['webhook', 'listTickets', '--app', APP_DIR, '--port', '0']);
    expect(search.code).toBe(2);
    expect(search.stderr).toContain('listTickets is not an instant trigger');
    const broken = await cli([
      'webhook',
      'watchTickets',
      '--app',
      APP_DIR,
      '--webhook-params-json',
      '[',
    ]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('--webhook-params-json is not valid JSON');
  });
});

// Checked through the binary until one process per case proved too slow; the behaviour is the
// commands' own, so they run in-process (bin.test.ts keeps what needs a real process).
describe('run, modules and usage mistakes', () => {
  test('module errors exit 1 with the Make error type; usage errors exit 2 with a hint', async () => {
    const [moduleError, unknownModule, badLimit] = await Promise.all([
      cli([
        'run',
        'cancelSubscription',
        '--param',
        'subscriber_code=NOPE1234',
        '--dist',
        built.dir,
      ]),
      cli(['run', 'listSubscription', '--dist', built.dir]),
      cli(['run', 'listSubscriptions', '--limit', 'zero', '--dist', built.dir]),
    ]);
    expect(moduleError).toMatchObject({ code: 1, stdout: '' });
    expect(moduleError.stderr).toMatch(/^DataError: \[404\] .*NOPE1234.*not found/);
    expect(unknownModule.code).toBe(2);
    expect(unknownModule.stderr).toContain(
      'unknown module `listSubscription`: did you mean `listSubscriptions`?',
    );
    expect(unknownModule.stderr).toContain('hotmart-make run --help');
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain("option '--limit <n>' argument 'zero' is invalid");
    expect(badLimit.stderr).toContain('(add --help for usage)');
  });

  test('modules lists every module, RPC and webhook; run <module> --help lists its parameters', async () => {
    const [table, json, help] = await Promise.all([
      cli(['modules', '--dist', built.dir]),
      cli(['modules', '--dist', built.dir, '--json']),
      cli(['run', 'listSales', '--help', '--dist', built.dir]),
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^NAME +TYPE +LABEL\n/);
    expect(table.stdout).toMatch(/\nwatchSales +polling trigger +Watch Sales\n/);
    expect(table.stdout).toMatch(/\nlistPlans +rpc +Plans of a product\n/);
    const rows = JSON.parse(json.stdout) as Array<{ kind: string; name: string; type: string }>;
    expect(rows.filter((row) => row.kind === 'module').map((row) => row.name)).toEqual(
      app.modules.map((module) => module.name),
    );
    expect(rows.filter((row) => row.kind === 'rpc').map((row) => row.name)).toEqual(
      app.rpcs.map((rpc) => rpc.name),
    );
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^List Sales \(listSales, search\)\n/);
    expect(help.stdout).toMatch(/\nlimit +uinteger +yes +10 +The maximum number of sales/);
    expect(help.stdout).toMatch(
      /\ntransaction_status +select \(several\) +no +.*one of: "APPROVED"/,
    );
    // Then run's own options, as before.
    expect(help.stdout).toContain('Usage: hotmart-make run [options] <moduleName>');
  });

  test('run --fields prints the picked fields as a table, or as JSON objects', async () => {
    const [table, json, bad] = await Promise.all([
      cli([
        'run',
        'listSubscriptions',
        '--param',
        'limit=3',
        '--fields',
        'subscriber_code,status,plan.name',
        '--dist',
        built.dir,
      ]),
      cli([
        'run',
        'listSubscriptions',
        '--param',
        'limit=2',
        '--fields',
        'subscriber_code,plan.name',
        '--json',
        '--dist',
        built.dir,
      ]),
      cli(['run', 'listSubscriptions', '--fields', ' , ', '--dist', built.dir]),
    ]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^subscriber_code +status +plan\.name$/);
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('3 bundles');
    const objects = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(objects).toHaveLength(2);
    for (const object of objects) {
      expect(Object.keys(object)).toEqual(['subscriber_code', 'plan.name']);
      expect(object['plan.name']).toEqual(expect.any(String));
    }
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected field paths');
  });

  test('a build older than the sources is refused with what to do', async () => {
    const stale = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-stale-')), 'stale-dist');
    fs.cpSync(built.dir, stale, { recursive: true });
    // As if built before the sources last changed.
    fs.utimesSync(path.join(stale, '.hotmart-make-build'), new Date(0), new Date(0));
    const [run, modules] = await Promise.all([
      cli(['run', 'listSubscriptions', '--dist', stale]),
      cli(['modules', '--dist', stale]),
    ]);
    for (const refused of [run, modules]) {
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(
        /stale-dist is older than (app|modules|connections)\/\S+, changed since the last build: run npm run build \(or npm start\), then npx hotmart-make (run|modules) again\./,
      );
    }
  });

  test('usage mistakes exit 2 with what to do instead', async () => {
    const [search, instant, badName] = await Promise.all([
      cli(['trigger', 'listSales', '--dist', built.dir]),
      cli(['trigger', 'watchEvents', '--dist', built.dir]),
      cli(['new', 'module', 'X']),
    ]);
    expect([search.code, instant.code, badName.code]).toEqual([2, 2, 2]);
    expect(search.stderr).toContain(
      'error: listSales is a search, not a polling trigger: use npx hotmart-make run listSales',
    );
    expect(instant.stderr).toContain(
      'watchEvents is an instant trigger, not a polling trigger: use npx hotmart-make webhook watchEvents',
    );
    expect(badName.stderr).toContain("error: 'X' is not a module name Make accepts");
    expect(badName.stderr).toContain('(run "npx hotmart-make new module --help" for usage)');
  });
});
