// Seeded pseudo-random numbers so that one seed always yields the same data set. mulberry32 is
// tiny, fast and good enough for fake data (it is not, and need not be, cryptographic).
import { InternalError } from '../shared';

export interface Random {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  digits(count: number): string;
  /** Upper-case letters and digits, as in subscriber codes (`QX7K2M9P`). */
  alphanumeric(count: number): string;
  /** Lower-case letters and digits, as in offer codes (`k8w2p1zq`). */
  lowerAlphanumeric(count: number): string;
  uuid(): string;
}

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

/** Mixes several integers into one 32-bit seed (a variant of the murmur3 finaliser). */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b);
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35);
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h >>> 0;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const charsFrom = (alphabet: string, count: number): string => {
    let out = '';
    for (let i = 0; i < count; i += 1) out += alphabet.charAt(int(0, alphabet.length - 1));
    return out;
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new InternalError('random.pick: empty list');
    return items[int(0, items.length - 1)] as T;
  };
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    weighted: <T>(entries: readonly (readonly [T, number])[]): T => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of entries) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return pick(entries)[0];
    },
    digits: (count) => charsFrom('0123456789', count),
    alphanumeric: (count) => charsFrom(UPPER_ALNUM, count),
    lowerAlphanumeric: (count) => charsFrom(LOWER_ALNUM, count),
    uuid: () =>
      `${charsFrom(HEX, 8)}-${charsFrom(HEX, 4)}-4${charsFrom(HEX, 3)}-${pick(['8', '9', 'a', 'b'])}${charsFrom(HEX, 3)}-${charsFrom(HEX, 12)}`,
  };
}
