// The JavaScript that runs inside a custom-function sandbox (sandbox.ts), kept as text: it is
// compiled in the sandbox's own realm, so it must not be transformed by the host's tooling
// (coverage counters would point at host globals the sandbox does not have).
//
// Only strings cross between the realms: arguments and results travel as JSON with tagged
// dates, buffers and undefined (the same tags as the host side, `REALM_TAG`), so the app's code
// sees objects of its own realm (`x instanceof Array` holds) and never a host object through
// which it could reach the host's `Function`. The two host functions it is given (`bridge` for
// the `iml.*` built-ins, `debug`) stay inside this closure.

/** The tag key of a value JSON cannot carry (a date, a buffer, undefined). */
export const REALM_TAG = '\u0000iml';

/**
 * A function expression taking `(bridge, debug, builtinNames, Buffer)`; calling it installs
 * `iml`, `debug`, `Buffer`, `it` (for tests) and the realm's invoke helpers on the global object.
 */
export const REALM_BOOTSTRAP = String.raw`(function (bridge, hostDebug, builtinNames, HostBuffer) {
  'use strict';
  var TAG = ${JSON.stringify(REALM_TAG)};
  var g = globalThis;
  function revive(key, value) {
    if (value !== null && typeof value === 'object' && typeof value[TAG] === 'string') {
      if (value[TAG] === 'date') return new Date(value.v);
      if (value[TAG] === 'buffer') return HostBuffer.from(value.v, 'base64');
      if (value[TAG] === 'undefined') return undefined;
    }
    return value;
  }
  function replace(key, value) {
    var raw = this[key];
    if (raw instanceof Date) return { [TAG]: 'date', v: raw.getTime() };
    if (HostBuffer.isBuffer(raw)) return { [TAG]: 'buffer', v: raw.toString('base64') };
    if (raw === undefined) return { [TAG]: 'undefined' };
    return value;
  }
  function encode(value) {
    return JSON.stringify({ v: value }, replace);
  }
  function decode(text) {
    return JSON.parse(text, revive).v;
  }
  function message(error) {
    if (error !== null && typeof error === 'object' && typeof error.message === 'string') {
      var kind = typeof error.name === 'string' && error.name !== 'Error' ? error.name + ': ' : '';
      return kind + error.message;
    }
    return String(error);
  }
  var iml = Object.create(null);
  builtinNames.forEach(function (name) {
    iml[name] = function () {
      var answer = JSON.parse(bridge(name, encode(Array.prototype.slice.call(arguments))));
      if (answer.error !== undefined) throw new Error(answer.error);
      return decode(answer.value);
    };
  });
  Object.defineProperty(g, 'iml', { value: Object.freeze(iml), enumerable: false });
  Object.defineProperty(g, 'debug', {
    value: function debug() {
      var parts = Array.prototype.map.call(arguments, function (part) {
        return typeof part === 'string' ? part : JSON.stringify(part);
      });
      hostDebug(parts.join(' '));
    },
    enumerable: false,
  });
  Object.defineProperty(g, 'Buffer', { value: HostBuffer, enumerable: false, writable: true });
  var tests = [];
  Object.defineProperty(g, 'it', {
    value: function it(name, fn) {
      tests.push({ name: String(name), fn: fn });
    },
    enumerable: false,
  });
  function settle(run) {
    try {
      var value = run();
      if (value !== null && typeof value === 'object' && typeof value.then === 'function') {
        return JSON.stringify({ error: 'returned a promise; custom functions run synchronously' });
      }
      return JSON.stringify({ value: encode(value) });
    } catch (error) {
      return JSON.stringify({ error: message(error) });
    }
  }
  return {
    invoke: function (name, argsText) {
      return settle(function () {
        var fn = g[name];
        if (typeof fn !== 'function') throw new Error('is not defined by its code');
        return fn.apply(undefined, decode(argsText));
      });
    },
    testNames: function () {
      return JSON.stringify(tests.map(function (test) { return test.name; }));
    },
    runTest: function (index) {
      return settle(function () {
        var test = tests[index];
        if (typeof test.fn !== 'function') throw new Error('it() needs a function');
        test.fn();
      });
    },
  };
})`;
