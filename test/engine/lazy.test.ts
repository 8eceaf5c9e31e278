/** defineLazy: a property built on first read, then an ordinary data property (src/engine/columns.ts). */
import { defineLazy } from '../../src/engine/columns';

describe('defineLazy', () => {
  test('builds once, on the first read, and then holds a plain data property', () => {
    let builds = 0;
    let settled = 0;
    const o: Record<string, unknown> = { a: 1 };
    defineLazy(o, 'x', () => ++builds * 10, () => settled++);
    o.b = 2;
    expect(builds).toBe(0);
    expect(o.x).toBe(10);
    expect(o.x).toBe(10);
    expect([builds, settled]).toEqual([1, 1]);
    expect(Object.getOwnPropertyDescriptor(o, 'x')).toEqual({ value: 10, writable: true, enumerable: true, configurable: true });
    expect(Object.keys(o)).toEqual(['a', 'x', 'b']);
    expect(JSON.stringify(o)).toBe('{"a":1,"x":10,"b":2}');
  });

  test('a write before any read keeps the value written and never builds', () => {
    let builds = 0;
    let settled = 0;
    const o: Record<string, unknown> = {};
    defineLazy(o, 'x', () => ++builds, () => settled++);
    o.x = 'mine';
    expect(o.x).toBe('mine');
    expect([builds, settled]).toEqual([0, 1]);
  });

  test('each object builds its own value, and all share one accessor (one shape for 10^4 units)', () => {
    const objects = [0, 1, 2].map((i) => {
      const o: Record<string, unknown> = { i };
      defineLazy(o, 'x', () => i * i);
      return o;
    });
    const getters = objects.map((o) => Object.getOwnPropertyDescriptor(o, 'x')?.get);
    expect(getters[0]).toBeInstanceOf(Function);
    expect(new Set(getters).size).toBe(1);
    expect(objects.map((o) => o.x)).toEqual([0, 1, 4]);
  });

  test('read through an object that inherits it: the value settles on the owner', () => {
    const owner: Record<string, unknown> = {};
    defineLazy(owner, 'x', () => 'built');
    const child = Object.create(owner) as Record<string, unknown>;
    expect(child.x).toBe('built');
    expect(Object.getOwnPropertyDescriptor(owner, 'x')?.value).toBe('built');
    expect(Object.getOwnPropertyNames(child)).toEqual([]);
  });
});
