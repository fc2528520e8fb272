// The one plain-object rule and the one own-key writer of the whole project (the IML engine, the
// runtime, the validator, deploy, the simulator and the recorder all use these).

export type PlainObject = Record<string, unknown>;

/**
 * True for an object whose prototype is a root prototype: this realm's Object.prototype (decided
 * with one comparison), null, or another realm's Object.prototype (objects from jest's vm
 * contexts or structuredClone are data too).
 */
export function isRootPrototype(proto: unknown): boolean {
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

/** An object whose own keys are data: not an array, Date, binary buffer, Map, class instance… */
export function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object') return false;
  return isRootPrototype(Object.getPrototypeOf(value));
}

/**
 * `target[key] = value` as an own enumerable property, also when `key` is `__proto__`: a plain
 * assignment of that key (it arrives in response JSON, parameters, query strings) would set the
 * target's prototype instead and the key would vanish. Assignment otherwise (fast).
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: NoInfer<T>): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}
