// IML benchmark: compiled-template evaluations per second for typical templates, next to a
// hand-written JavaScript function doing the same work (= 1). Prints each ratio beside its
// target; asserts nothing.
// Run alone: `npm run bench iml` (bundled, as the CLI runs the engine; `npx tsx
// scripts/bench/iml.ts` measures the sources through tsx instead).

import { compileTemplate } from '../../lib/iml';

type Context = Record<string, unknown>;
type Params = Record<string, unknown>;

interface BenchCase {
  readonly name: string;
  readonly target: number | null;
  readonly template: unknown;
  readonly context: Context;
  readonly byHand: (context: Context) => unknown;
}

const ROUNDS = 5;
const ROUND_MS = 150;
const WARMUP_MS = 150;

function makeParams(): Params {
  const params: Params = { subscriber_code: 'SUB-123', name: '  Ana-Maria Silva  ' };
  for (let i = 0; i < 30; i += 1) params[`field${i}`] = i % 3 === 0 ? i : `value-${i}`;
  params.field7 = undefined;
  return params;
}

// Built key by key, this object is in V8's dictionary mode (slow property lookups, for the
// engine's own-key checks most of all); parameters parsed from JSON are not.
const context: Context = { parameters: makeParams(), temp: {} };
const jsonContext: Context = JSON.parse(JSON.stringify(context)) as Context;

// One list item, as a search's `output` sees it.
const itemContext: Context = {
  item: {
    subscription_id: 1_000_123,
    subscriber_code: 'SUB00ABC',
    status: 'ACTIVE',
    accession_date: 1_577_847_600_000,
    plan: { name: 'Monthly', id: 12 },
    product: { id: 123_456, name: 'The Product' },
    price: { value: 49.9, currency_code: 'BRL' },
    subscriber: { name: 'Subscriber 123', email: 'subscriber123@example.com' },
  },
};

const OBJECT_MAP = {
  id: '{{item.subscription_id}}',
  code: '{{item.subscriber_code}}',
  status: '{{item.status}}',
  plan: '{{item.plan.name}}',
  product: '{{item.product.name}}',
  price: '{{item.price.value}}',
  currency: '{{item.price.currency_code}}',
  email: '{{item.subscriber.email}}',
};

function objectMapByHand(ctx: Context): Record<string, unknown> {
  const item = ctx.item as Record<string, Record<string, unknown>>;
  const plan = item.plan as Record<string, unknown>;
  const product = item.product as Record<string, unknown>;
  const price = item.price as Record<string, unknown>;
  const subscriber = item.subscriber as Record<string, unknown>;
  return {
    id: item.subscription_id,
    code: item.subscriber_code,
    status: item.status,
    plan: plan.name,
    product: product.name,
    price: price.value,
    currency: price.currency_code,
    email: subscriber.email,
  };
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

// parseDate(x) → addMonths(1) (clamped to the month's end, as dayjs does) → setHour(9) →
// addDays(3) → formatDate, in UTC.
function fiveDatesByHand(ctx: Context): string {
  const date = new Date((ctx.item as Record<string, number>).accession_date as number);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + 1);
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  date.setUTCHours(9);
  date.setUTCDate(date.getUTCDate() + 3);
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}`;
}

// A 30-key body: 20 plain paths, 5 text templates, 5 keys with a function.
function bodyTemplate(): Record<string, string> {
  const body: Record<string, string> = {};
  for (let i = 0; i < 20; i += 1) body[`key${i}`] = `{{parameters.field${i}}}`;
  for (let i = 20; i < 25; i += 1) body[`key${i}`] = `item-{{parameters.field${i}}}`;
  for (let i = 25; i < 30; i += 1) body[`key${i}`] = `{{ifempty(parameters.field${i}, 'none')}}`;
  return body;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value as string | number | boolean);
}

function orDefault(value: unknown, fallback: unknown): unknown {
  return value === undefined || value === null || value === '' ? fallback : value;
}

// What a developer would write by hand for the same body: literal keys, undefined dropped,
// text joined, empty values defaulted.
function bodyByHand(ctx: Context): Record<string, unknown> {
  const p = ctx.parameters as Params;
  const body: Record<string, unknown> = {};
  if (p.field0 !== undefined) body.key0 = p.field0;
  if (p.field1 !== undefined) body.key1 = p.field1;
  if (p.field2 !== undefined) body.key2 = p.field2;
  if (p.field3 !== undefined) body.key3 = p.field3;
  if (p.field4 !== undefined) body.key4 = p.field4;
  if (p.field5 !== undefined) body.key5 = p.field5;
  if (p.field6 !== undefined) body.key6 = p.field6;
  if (p.field7 !== undefined) body.key7 = p.field7;
  if (p.field8 !== undefined) body.key8 = p.field8;
  if (p.field9 !== undefined) body.key9 = p.field9;
  if (p.field10 !== undefined) body.key10 = p.field10;
  if (p.field11 !== undefined) body.key11 = p.field11;
  if (p.field12 !== undefined) body.key12 = p.field12;
  if (p.field13 !== undefined) body.key13 = p.field13;
  if (p.field14 !== undefined) body.key14 = p.field14;
  if (p.field15 !== undefined) body.key15 = p.field15;
  if (p.field16 !== undefined) body.key16 = p.field16;
  if (p.field17 !== undefined) body.key17 = p.field17;
  if (p.field18 !== undefined) body.key18 = p.field18;
  if (p.field19 !== undefined) body.key19 = p.field19;
  body.key20 = `item-${text(p.field20)}`;
  body.key21 = `item-${text(p.field21)}`;
  body.key22 = `item-${text(p.field22)}`;
  body.key23 = `item-${text(p.field23)}`;
  body.key24 = `item-${text(p.field24)}`;
  body.key25 = orDefault(p.field25, 'none');
  body.key26 = orDefault(p.field26, 'none');
  body.key27 = orDefault(p.field27, 'none');
  body.key28 = orDefault(p.field28, 'none');
  body.key29 = orDefault(p.field29, 'none');
  return body;
}

const CASES: readonly BenchCase[] = [
  {
    name: '{{parameters.subscriber_code}}',
    target: 2,
    template: '{{parameters.subscriber_code}}',
    context,
    byHand: (ctx) => (ctx.parameters as Params).subscriber_code,
  },
  {
    name: '  same, parameters parsed from JSON',
    target: 2,
    template: '{{parameters.subscriber_code}}',
    context: jsonContext,
    byHand: (ctx) => (ctx.parameters as Params).subscriber_code,
  },
  {
    name: '5-function expression',
    target: null,
    template:
      "{{encodeURL(lower(trim(replace(ifempty(parameters.name, 'anonymous'), '-', ' '))))}}",
    context,
    byHand: (ctx) => {
      const name = (ctx.parameters as Params).name;
      const text =
        name === undefined || name === null || name === '' ? 'anonymous' : String(name as string);
      return encodeURIComponent(text.split('-').join(' ').trim().toLowerCase());
    },
  },
  {
    name: '30-key body object',
    target: 3,
    template: bodyTemplate(),
    context,
    byHand: bodyByHand,
  },
  {
    name: 'per-item object map (8 keys)',
    target: 4,
    template: OBJECT_MAP,
    context: itemContext,
    byHand: objectMapByHand,
  },
  {
    name: 'five date functions',
    target: 8,
    template:
      "{{formatDate(addDays(setHour(addMonths(parseDate(item.accession_date, 'x'), 1), 9), 3), 'YYYY-MM-DD HH:mm')}}",
    context: itemContext,
    byHand: fiveDatesByHand,
  },
];

/** Calls `run` in batches for about `ms` milliseconds; returns calls per second. */
function measure(run: () => unknown, ms: number): number {
  let calls = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < limit) {
    for (let i = 0; i < 1000; i += 1) {
      // Keep results alive so the JIT cannot drop the work.
      if (run() !== undefined) sink += 1;
    }
    calls += 1000;
    elapsed = process.hrtime.bigint() - start;
  }
  if (sink < 0) console.log(sink);
  return (calls * 1e9) / Number(elapsed);
}

function format(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-US').padStart(14);
}

export async function benchIml(): Promise<void> {
  console.log('IML engine (compiled templates vs hand-written JavaScript)');
  console.log(
    `${'template'.padEnd(34)}${'IML evals/s'.padStart(14)}${'by hand/s'.padStart(14)}${'ratio'.padStart(8)}  target`,
  );
  for (const benchCase of CASES) {
    const compiled = compileTemplate(benchCase.template);
    const options = { now: new Date('2024-03-10T15:04:05.123Z') };
    const viaIml = (): unknown => compiled.evaluate(benchCase.context, options);
    const byHand = (): unknown => benchCase.byHand(benchCase.context);
    // Same output first: the comparison is only fair if both do the same work.
    if (JSON.stringify(viaIml()) !== JSON.stringify(byHand())) {
      throw new Error(`bench '${benchCase.name}': IML and hand-written outputs differ`);
    }
    measure(viaIml, WARMUP_MS);
    measure(byHand, WARMUP_MS);
    // Interleaved rounds, best of each: the machine is shared, and the best round is the one
    // least disturbed by other processes.
    let iml = 0;
    let hand = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      iml = Math.max(iml, measure(viaIml, ROUND_MS));
      hand = Math.max(hand, measure(byHand, ROUND_MS));
    }
    const ratio = hand / iml;
    const target = benchCase.target === null ? '-' : `≤ ${benchCase.target}`;
    console.log(
      `${benchCase.name.padEnd(34)}${format(iml)}${format(hand)}${ratio.toFixed(2).padStart(8)}  ${target}`,
    );
    await new Promise((resolve) => setImmediate(resolve));
  }
}

if (require.main === module) {
  benchIml().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
