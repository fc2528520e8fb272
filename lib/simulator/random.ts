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

// Math's functions held in module constants: under jest, code runs in a vm context where every
// read of a global (`Math`) is a call into Node's context interceptor, and a data set of 1,000
// subscriptions draws about 63,000 numbers (README, "The data set", has the figures).
const { floor, imul } = Math;

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

/** Mixes several integers into one 32-bit seed (a variant of the murmur3 finaliser). */
export function mixSeed(...parts: readonly number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = imul(h ^ (part | 0), 0x85ebca6b);
    h = (h ^ (h >>> 13)) >>> 0;
    h = imul(h, 0xc2b2ae35);
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h >>> 0;
}

/**
 * One generator per stream. A class, so its methods are made once, not as ten closures per
 * generator: a data set makes two or three generators per subscription.
 */
class Mulberry32 implements Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new InternalError('random.pick: empty list');
    return items[this.int(0, items.length - 1)] as T;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return this.pick(entries)[0];
  }

  digits(count: number): string {
    return this.charsFrom('0123456789', count);
  }

  alphanumeric(count: number): string {
    return this.charsFrom(UPPER_ALNUM, count);
  }

  lowerAlphanumeric(count: number): string {
    return this.charsFrom(LOWER_ALNUM, count);
  }

  uuid(): string {
    return `${this.charsFrom(HEX, 8)}-${this.charsFrom(HEX, 4)}-4${this.charsFrom(HEX, 3)}-${this.pick(['8', '9', 'a', 'b'])}${this.charsFrom(HEX, 3)}-${this.charsFrom(HEX, 12)}`;
  }

  private charsFrom(alphabet: string, count: number): string {
    let out = '';
    for (let i = 0; i < count; i += 1) out += alphabet.charAt(this.int(0, alphabet.length - 1));
    return out;
  }
}

export function createRandom(seed: number): Random {
  return new Mulberry32(seed);
}
