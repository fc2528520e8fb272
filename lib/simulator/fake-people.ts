// Invented people for the data set. Addresses use example.com, phones are random digits: nothing
// here can reach or identify a real person.
import type { Random } from './random';

const FIRST_NAMES = [
  'Marina',
  'Rafael',
  'Beatriz',
  'Lucas',
  'Camila',
  'Gabriel',
  'Juliana',
  'Thiago',
  'Larissa',
  'Felipe',
  'Fernanda',
  'Rodrigo',
  'Patrícia',
  'Bruno',
  'Aline',
  'Diego',
  'Letícia',
  'Gustavo',
  'Renata',
  'Vinícius',
  'Carolina',
  'Eduardo',
  'Mariana',
  'André',
  'Isabela',
  'Leonardo',
  'Natália',
  'Ricardo',
  'Vanessa',
  'Mateus',
  'Sofia',
  'João',
  'Helena',
  'Pedro',
  'Valentina',
  'Caio',
  'Lívia',
  'Otávio',
  'Clara',
  'Samuel',
] as const;

const LAST_NAMES = [
  'Lopes',
  'Carvalho',
  'Souza',
  'Oliveira',
  'Pereira',
  'Almeida',
  'Costa',
  'Rodrigues',
  'Gomes',
  'Martins',
  'Araújo',
  'Ribeiro',
  'Barbosa',
  'Rocha',
  'Dias',
  'Teixeira',
  'Moreira',
  'Cardoso',
  'Mendes',
  'Nunes',
  'Freitas',
  'Castro',
  'Correia',
  'Pinto',
  'Monteiro',
  'Cavalcanti',
  'Ramos',
  'Farias',
  'Vieira',
  'Machado',
] as const;

const AREA_CODES = ['11', '21', '31', '41', '48', '51', '61', '71', '81', '85'] as const;

export interface FakePerson {
  /** Numeric user id, as the summary and transactions endpoints show it. */
  id: number;
  name: string;
  email: string;
  ucode: string;
  phoneAreaCode: string;
  /** Mobile number without area code, e.g. `987654321`. */
  cell: string;
}

function asciiFold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** `serial` keeps e-mails unique across the data set. */
export function fakePerson(random: Random, serial: number): FakePerson {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return {
    id: 80_000_000 + serial * 17 + random.int(0, 16),
    name: `${first} ${last}`,
    email: asciiFold(`${first}.${last}${serial}@example.com`).toLowerCase(),
    ucode: random.uuid(),
    phoneAreaCode: random.pick(AREA_CODES),
    cell: `9${random.digits(8)}`,
  };
}
