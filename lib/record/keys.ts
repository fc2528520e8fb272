// Personal data recognised by the key that holds it, in Portuguese, Spanish and English, in
// snake_case, camelCase, kebab-case or with spaces: the key is split into words first
// (`buyerEmail` → buyer, email; `cpf_cnpj` → cpf, cnpj).
import type { FakeKind } from './fakes';

/** Lower-case words of a key, accents removed. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Words that make a plain `name` (or `nome`, `nombre`) a person's name. */
const PERSON_WORDS = new Set([
  'subscriber',
  'buyer',
  'user',
  'producer',
  'affiliate',
  'customer',
  'client',
  'cliente',
  'student',
  'aluno',
  'alumno',
  'shopper',
  'owner',
  'participant',
  'coproducer',
  'contact',
  'contato',
  'contacto',
  'comprador',
  'assinante',
  'suscriptor',
  'person',
  'pessoa',
  'persona',
  'member',
  'membro',
  'miembro',
  'recipient',
  'holder',
  'titular',
  'first',
  'last',
  'full',
  'social',
  'middle',
  'display',
  'nick',
]);

const TOKEN_WORDS = new Set(['token', 'hottok', 'password', 'senha', 'secret', 'contrasena']);
const EMAIL_WORDS = new Set(['email', 'mail', 'correo', 'login']);
const PHONE_WORDS = new Set([
  'phone',
  'cellphone',
  'telephone',
  'telefone',
  'telefono',
  'fone',
  'tel',
  'celular',
  'cell',
  'mobile',
  'movil',
  'whatsapp',
  'whats',
  'ddd',
  'ddi',
  'fax',
]);
const DOCUMENT_WORDS = new Set([
  'document',
  'documents',
  'documento',
  'documentos',
  'doc',
  'cpf',
  'cnpj',
  'taxid',
  'ssn',
  'rg',
  'dni',
  'nif',
  'nie',
  'rut',
  'cuit',
  'cuil',
  'rfc',
  'curp',
  'passport',
  'passaporte',
  'pasaporte',
  'zip',
  'zipcode',
  'cep',
  'postal',
  'postcode',
]);
const ADDRESS_WORDS = new Set([
  'address',
  'endereco',
  'direccion',
  'domicilio',
  'street',
  'rua',
  'logradouro',
  'calle',
  'bairro',
  'barrio',
  'neighborhood',
  'neighbourhood',
  'complemento',
]);
const IP_WORDS = new Set(['ip', 'ipv4', 'ipv6', 'ipaddress']);
const NAME_WORDS = new Set([
  'nome',
  'nombre',
  'sobrenome',
  'apellido',
  'apellidos',
  'surname',
  'firstname',
  'lastname',
  'fullname',
  'socialname',
  'nickname',
  'apelido',
]);

/** Keys that look personal but hold Hotmart's page tokens (scrubbed by value, not replaced). */
const PAGE_TOKEN_KEYS = new Set(['page_token', 'next_page_token', 'prev_page_token']);

const has = (words: readonly string[], set: ReadonlySet<string>): boolean =>
  words.some((word) => set.has(word) || (word.endsWith('s') && set.has(word.slice(0, -1))));

/** What a key says about its value, or null when it is not sensitive. */
export function sensitiveKind(key: string, parentKey: string | undefined): FakeKind | null {
  if (PAGE_TOKEN_KEYS.has(key.toLowerCase())) return null;
  const words = keyWords(key);
  if (words.length === 0) return null;
  if (words.length === 1 && words[0] === 'jti') return 'id';
  // token_type, expires_in and the like describe a token; they are not one.
  if (has(words, TOKEN_WORDS) && !words.includes('type') && !words.includes('expires')) {
    return 'token';
  }
  if (has(words, EMAIL_WORDS) || (words.includes('e') && words.includes('mail'))) return 'email';
  if (has(words, PHONE_WORDS)) return 'phone';
  if (has(words, DOCUMENT_WORDS)) return 'document';
  // A tax or VAT number identifies a person or a company; a tax amount does not.
  if (
    (words.includes('tax') || words.includes('vat')) &&
    (words.includes('id') || words.includes('number'))
  ) {
    return 'document';
  }
  if (has(words, IP_WORDS) || (words.includes('remote') && words.includes('addr'))) return 'ip';
  if (has(words, ADDRESS_WORDS)) return 'address';
  if (has(words, NAME_WORDS)) return 'name';
  if (words.includes('name')) {
    if (words.length > 1 && has(words, PERSON_WORDS)) return 'name';
    if (words.length === 1 && parentKey !== undefined && has(keyWords(parentKey), PERSON_WORDS)) {
      return 'name';
    }
  }
  return null;
}
