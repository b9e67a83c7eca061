// canonicalJson's bytes are fixed: change them and every audit-chain hash and package signature
// made before the change stops verifying. These cases pin them down.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/core/db/canonical-json';

describe('canonicalJson', () => {
  it('sorts keys, integer-like keys first in numeric order as JavaScript objects do', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ 2019: 1, 2014: 2, a: 3, '01': 4 })).toBe('{"2014":2,"2019":1,"01":4,"a":3}');
  });

  it('drops undefined and functions in objects, writes null for them in arrays, dates as ISO text', () => {
    expect(canonicalJson({ a: undefined, f: () => 1, d: new Date('2020-01-02T00:00:00Z') })).toBe('{"d":"2020-01-02T00:00:00.000Z"}');
    expect(canonicalJson([undefined, () => 1, NaN])).toBe('[null,null,null]');
  });

  it('refuses a bigint as JSON.stringify does', () => {
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});
