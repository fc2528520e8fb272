// Personal data planted in every place a recording can hold it (issue 9): unknown keys in three
// languages, camelCase keys, free text, object keys, HTML error bodies, URL paths, unknown query
// keys, headers, base64/base64url/URL-encoded values, other formats of a learned value. None may
// survive into what `record` writes, and the final scan refuses a file where one would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {
  buildFixture,
  detect,
  FixtureLeakError,
  scanForLeaks,
  writeRecording,
  type Exchange,
} from '../../lib/record';

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const b64url = (text: string): string => Buffer.from(text).toString('base64url');

/** [kind of personal data, the value as planted, forms of it that must not survive]. */
const PLANTED: Array<[string, string, string[]]> = [
  ['nome (pt key)', 'Bruno Sales', ['bruno sales']],
  ['telefone', '11 3456-7890', ['34567890']],
  ['celular', '(21) 99876-5432', ['998765432']],
  ['whatsapp', '+55 31 98888-7777', ['988887777']],
  ['cpf_cnpj', '529.982.247-25', ['52998224725']],
  ['tax_id', 'AR-20-12345678-3', ['12345678']],
  ['ip key', '177.36.12.9', ['177.36.12.9']],
  ['buyerEmail (camelCase)', 'carla.mendes@uol.com.br', ['carla.mendes']],
  ['buyerName (camelCase)', 'Carla Mendes', ['carla mendes']],
  ['customerPhone', '+1 (415) 555-2671', ['4155552671']],
  ['e-mail in free text', 'bruno.sales@gmail.com', ['bruno.sales@gmail']],
  ['e-mail as an object key', 'ana.keys@hotmail.com', ['ana.keys@hotmail']],
  ['e-mail in an HTML error body', 'html.body@empresa.com.br', ['html.body@empresa']],
  ['CPF in an HTML error body', '111.444.777-35', ['11144477735']],
  ['e-mail in a URL path', 'path.user@gmail.com', ['path.user@gmail']],
  ['CPF in a URL path', '39053344705', ['39053344705']],
  ['e-mail under an unknown query key', 'query.user@gmail.com', ['query.user@gmail']],
  ['phone under an unknown query key', '+5511912345678', ['5511912345678']],
  ['e-mail inside a base64 page token', 'token.user@gmail.com', ['token.user@gmail']],
  ['e-mail inside a base64url value', 'b64url.user@gmail.com', ['b64url.user@gmail']],
  ['URL-encoded e-mail', 'encoded.user@gmail.com', ['encoded.user@gmail']],
  ['punctuated CPF after the plain one', '935.411.347-80', ['93541134780']],
  ['formatted phone after the plain one', '(11) 97777-6666', ['977776666']],
  ['punctuated CNPJ in free text', '11.222.333/0001-81', ['11222333000181']],
  ['plain CNPJ', '45723174000110', ['45723174000110']],
  ['IPv4 in free text', '201.17.3.44', ['201.17.3.44']],
  ['IPv6 in free text', '2804:14c:65a1:4000::1', ['2804:14c:65a1:4000::1']],
  ['UK phone', '+44 20 7946 0958', ['2079460958']],
  ['plain Brazilian mobile in text', '11987651234', ['11987651234']],
  ['nombre (es key)', 'Lucía Fernández', ['lucia fernandez']],
  ['apellido (es key)', 'Fernández Ortega', ['fernandez ortega']],
  ['sobrenome (pt key)', 'Albuquerque Neto', ['albuquerque neto']],
  ['endereco (pt key)', 'Rua das Flores 123', ['rua das flores']],
  ['cep', '01310-100', ['01310100']],
  ['e-mail in a kept response header', 'header.user@gmail.com', ['header.user@gmail']],
  ['learned name in capitals in free text', 'Marcos Pereira', ['marcos pereira']],
  ['learned name without accents in free text', 'José Antônio', ['jose antonio']],
  ['e-mail in capitals in free text', 'CAPS.USER@GMAIL.COM', ['caps.user@gmail']],
  ['phone under an unknown request body key', '(48) 99123-4567', ['991234567']],
  ['CPF as a number under documento', '86288366757', ['86288366757']],
  ['e-mail in the run parameters', 'param.user@gmail.com', ['param.user@gmail']],
  ['first_name / lastName', 'Renata', ['renata']],
  ['social_name', 'Renatinha Souza', ['renatinha souza']],
  ['ip_address', '189.4.76.200', ['189.4.76.200']],
  ['e-mail key with a hyphen', 'hyphen.user@gmail.com', ['hyphen.user@gmail']],
  ['correo (es key)', 'correo.user@gmail.com', ['correo.user@gmail']],
  ['cell phone in a nested array', '+55 (85) 98123-0000', ['981230000']],
];

const pageToken = b64(
  JSON.stringify({ offset: 500, filter: { email: 'token.user@gmail.com' } }),
).replace(/=*$/, '==');

const exchanges: Exchange[] = [
  {
    method: 'POST',
    url: 'https://api-sec-vlc.hotmart.com/security/oauth/token?grant_type=client_credentials',
    requestHeaders: { authorization: 'Basic c2VjcmV0' },
    status: 200,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: JSON.stringify({ access_token: 'real-access-token-123', expires_in: 172800 }),
  },
  {
    method: 'GET',
    url:
      'https://developers.hotmart.com/payments/api/v1/sales/history?contato=query.user%40gmail.com' +
      `&fone=%2B5511912345678&page_token=${encodeURIComponent(pageToken)}&ref=${b64url('b64url.user@gmail.com')}`,
    requestHeaders: { authorization: 'Bearer real-access-token-123' },
    status: 200,
    responseHeaders: {
      'content-type': 'application/json',
      'x-ratelimit-owner': 'header.user@gmail.com',
    },
    responseBody: JSON.stringify({
      items: [
        {
          nome: 'Bruno Sales',
          telefone: '11 3456-7890',
          celular: '(21) 99876-5432',
          whatsapp: '+55 31 98888-7777',
          cpf_cnpj: '529.982.247-25',
          tax_id: 'AR-20-12345678-3',
          ip: '177.36.12.9',
          buyerEmail: 'carla.mendes@uol.com.br',
          buyerName: 'Carla Mendes',
          customerPhone: '+1 (415) 555-2671',
          notes: 'ligar para bruno.sales@gmail.com',
          contacts: { 'ana.keys@hotmail.com': true },
          plain_cpf: 'CPF 93541134780 na ficha',
          later: 'confirmado: 935.411.347-80',
          plain_phone: 'fone 11977776666',
          formatted: 'ou (11) 97777-6666',
          company: 'CNPJ 11.222.333/0001-81',
          another: '45723174000110',
          origin: 'acesso de 201.17.3.44',
          origin6: 'ou 2804:14c:65a1:4000::1',
          uk: 'London office +44 20 7946 0958',
          mobile: 'whats 11987651234 ok',
          nombre: 'Lucía Fernández',
          apellido: 'Fernández Ortega',
          sobrenome: 'Albuquerque Neto',
          endereco: 'Rua das Flores 123',
          cep: '01310-100',
          buyer: { name: 'Marcos Pereira' },
          shout: 'MARCOS PEREIRA pediu reembolso',
          student: { name: 'José Antônio' },
          plain: 'Jose Antonio entrou no curso',
          loud: 'escreva para CAPS.USER@GMAIL.COM',
          documento: 86288366757,
          first_name: 'Renata',
          lastName: 'Renata',
          social_name: 'Renatinha Souza',
          ip_address: '189.4.76.200',
          'e-mail': 'hyphen.user@gmail.com',
          correo: 'correo.user@gmail.com',
          family: [[{ cell_phone: '+55 (85) 98123-0000' }]],
          encoded: 'mailto:encoded.user%40gmail.com',
        },
      ],
      page_info: { next_page_token: pageToken },
    }),
  },
  {
    method: 'POST',
    url: 'https://developers.hotmart.com/club/api/v1/users/path.user@gmail.com/documents/39053344705',
    requestHeaders: { authorization: 'Bearer real-access-token-123' },
    requestBody: JSON.stringify({ contato: '(48) 99123-4567' }),
    status: 500,
    responseHeaders: { 'content-type': 'text/html' },
    responseBody:
      '<html><body><h1>Erro</h1><p>Usuário html.body@empresa.com.br (CPF 111.444.777-35) ' +
      'não encontrado</p></body></html>',
  },
];

const PARAMETERS = { filter_email: 'param.user@gmail.com', product_id: 1234567 };

function survivors(text: string): string[] {
  const squashed = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9@]/g, '');
  const spaced = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return PLANTED.filter(([, , forms]) =>
    forms.some((form) => {
      const squashedForm = form.replace(/[^a-z0-9@]/g, '');
      return spaced.includes(form) || squashed.includes(squashedForm);
    }),
  ).map(([kind]) => kind);
}

/** Every base64 token in the text, decoded, so that planted values inside them count too. */
function withDecoded(text: string): string {
  const decoded = [...text.matchAll(/[A-Za-z0-9+/_-]{12,}={0,2}/g)].map((m) =>
    Buffer.from(m[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'),
  );
  return [text, decodeURIComponent(text.replace(/%(?![0-9A-Fa-f]{2})/g, '%25')), ...decoded].join(
    '\n',
  );
}

describe('planted personal data', () => {
  test('at least 40 kinds are planted, and each is really in the raw recording', () => {
    expect(PLANTED.length).toBeGreaterThanOrEqual(40);
    const raw = withDecoded(JSON.stringify({ exchanges, PARAMETERS }));
    expect(survivors(raw)).toEqual(PLANTED.map(([kind]) => kind));
  });

  test('none survives into the fixture or its meta file; replays stay consistent', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planted-'));
    const out = path.join(dir, 'fixture.json');
    try {
      await writeRecording({
        out,
        exchanges,
        secrets: {},
        meta: {
          module: 'listSales',
          parameters: PARAMETERS,
          now: new Date('2024-05-06T12:00:00Z'),
          target: 'sandbox',
        },
      });
      const fixture = fs.readFileSync(out, 'utf8');
      const meta = fs.readFileSync(out.replace(/\.json$/, '.meta.json'), 'utf8');
      expect(survivors(withDecoded(fixture))).toEqual([]);
      expect(survivors(withDecoded(meta))).toEqual([]);
      expect(detect(withDecoded(fixture + meta))).toEqual([]);

      const definitions = JSON.parse(fixture) as Array<{
        path: string;
        response: { page_info?: { next_page_token: string }; items?: unknown[] };
      }>;
      // The page token is rewritten, still base64 JSON with padding, and the same in the query
      // and in the body that handed it out, so a replay still matches.
      const token = definitions[1]?.response.page_info?.next_page_token ?? '';
      expect(token).toMatch(/==$/);
      expect(JSON.parse(Buffer.from(token, 'base64').toString('utf8'))).toEqual({
        offset: 500,
        filter: { email: expect.stringMatching(/^person\d+@example\.com$/) as unknown },
      });
      expect(definitions[1]?.path).toContain(`page_token=${encodeURIComponent(token)}`);
      // A formatted value keeps its shape.
      const item = definitions[1]?.response.items?.[0] as Record<string, unknown>;
      expect(item.celular).toMatch(/^\(\d\d\) \d{5}-\d{4}$/);
      expect(item.cpf_cnpj).toMatch(/^\d{3}\.\d{3}\.\d{3}-\d{2}$/);
      // Non-personal data is kept.
      expect(JSON.parse(meta)).toMatchObject({ parameters: { product_id: 1234567 } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the same input gives the same fakes (stable replacements)', () => {
    const a = JSON.stringify(buildFixture(exchanges, {}).definitions);
    const b = JSON.stringify(buildFixture(exchanges, {}).definitions);
    expect(a).toBe(b);
  });
});

describe('the final scan fails closed', () => {
  test('it names the JSON pointer of each finding, never the value', () => {
    const findings = scanForLeaks(
      'fixture',
      [{ response: { nome: 'Bruno', notes: 'fale com bruno@gmail.com', ok: 'Person 1' } }],
      [],
    );
    expect(findings).toEqual([
      { where: 'fixture#/0/response/nome', kind: 'name' },
      { where: 'fixture#/0/response/notes', kind: 'email' },
    ]);
  });

  test('a learned original is found in another format (case, punctuation, accents)', () => {
    expect(
      scanForLeaks('fixture', { note: 'cpf 529.982.247-25 de JOSÉ ANTÔNIO' }, [
        '52998224725',
        'José Antônio',
      ]).map((f) => f.kind),
    ).toEqual(['document', 'original']);
  });

  test('writeRecording refuses to write when the scan finds anything (exit 1 in the CLI)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planted-refuse-'));
    const out = path.join(dir, 'fixture.json');
    try {
      // A learned name that also stands as a URL slug: the scrubber replaces the name, not the
      // slug, and the scan (which ignores punctuation) finds it and stops the write.
      const error = await writeRecording({
        out,
        exchanges: [
          {
            method: 'GET',
            url: 'https://developers.hotmart.com/club/api/v1/pages',
            requestHeaders: {},
            status: 200,
            responseHeaders: { 'content-type': 'application/json' },
            responseBody: JSON.stringify({ nome: 'Bruno Sales', page: 'perfil/bruno_sales' }),
          },
        ],
        secrets: {},
        meta: { module: 'x', parameters: {}, now: new Date(0), target: 'sandbox' },
      }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(FixtureLeakError);
      expect((error as FixtureLeakError).findings).toEqual([
        { where: 'fixture#/0/response/page', kind: 'original' },
      ]);
      expect((error as Error).message).not.toContain('bruno');
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('property: random personal data in random places and encodings', () => {
  const cpf = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((d) => {
    const digit = (ds: number[], start: number): number => {
      const sum = ds.reduce((acc, n, i) => acc + n * (start - i), 0);
      const rest = sum % 11;
      return rest < 2 ? 0 : 11 - rest;
    };
    const first = digit(d, 10);
    const all = [...d, first, digit([...d, first], 11)].join('');
    return `${all.slice(0, 3)}.${all.slice(3, 6)}.${all.slice(6, 9)}-${all.slice(9)}`;
  });
  const email = fc
    .tuple(fc.stringMatching(/^[a-z]{3,10}$/), fc.constantFrom('gmail.com', 'uol.com.br', 'x.io'))
    .map(([user, domain]) => `${user}.${user.length}@${domain}`);
  const phone = fc
    .tuple(fc.integer({ min: 11, max: 99 }), fc.integer({ min: 10_000_000, max: 99_999_999 }))
    .filter(([area]) => area % 10 !== 0)
    .map(([area, n]) => `+55 (${area}) 9${String(n).slice(0, 4)}-${String(n).slice(4)}`);
  const personal = fc.oneof(cpf, email, phone);
  const wrap = fc.constantFrom(
    (v: string) => v,
    (v: string) => `texto livre com ${v} no meio`,
    (v: string) => encodeURIComponent(v),
    (v: string) => b64(JSON.stringify({ v })),
    (v: string) => b64url(`x=${v}`),
    (v: string) => `<p>${v}</p>`,
  );
  const leaf = fc.tuple(personal, wrap).map(([value, how]) => ({ value, text: how(value) }));
  const shape = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      leaf.map((l) => ({ tree: l.text as unknown, planted: [l.value] })),
      fc.array(tie('node'), { maxLength: 4 }).map((children) => {
        const kids = children as Array<{ tree: unknown; planted: string[] }>;
        return { tree: kids.map((k) => k.tree), planted: kids.flatMap((k) => k.planted) };
      }),
      fc
        .array(fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), tie('node')), { maxLength: 4 })
        .map((entries) => {
          const kids = entries as Array<[string, { tree: unknown; planted: string[] }]>;
          return {
            tree: Object.fromEntries(kids.map(([k, v]) => [k, v.tree])),
            planted: kids.flatMap(([, v]) => v.planted),
          };
        }),
    ),
  })).node as fc.Arbitrary<{ tree: unknown; planted: string[] }>;

  test('no planted value survives and nothing but a typed error is ever thrown', () => {
    let runs = 0;
    let refused = 0;
    fc.assert(
      fc.property(shape, ({ tree, planted }) => {
        const exchange: Exchange = {
          method: 'GET',
          url: 'https://developers.hotmart.com/payments/api/v1/sales/history',
          requestHeaders: {},
          status: 200,
          responseHeaders: { 'content-type': 'application/json' },
          responseBody: JSON.stringify({ data: tree }),
        };
        let text: string;
        runs += 1;
        try {
          text = JSON.stringify(buildFixture([exchange], {}).definitions);
        } catch (error) {
          // Failing closed is allowed; any other error is not.
          expect(error).toBeInstanceOf(FixtureLeakError);
          refused += 1;
          return;
        }
        const all = withDecoded(text);
        for (const value of planted) {
          if (value.includes('@')) expect(all).not.toContain(value.split('@')[0]);
          else expect(all.replace(/\D/g, '')).not.toContain(value.replace(/\D/g, '').slice(2));
        }
      }),
      { numRuns: 300 },
    );
    // Failing closed is the exception, not how the property passes.
    expect(refused).toBeLessThan(runs * 0.02);
  });
});
