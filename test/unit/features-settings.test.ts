// Settings: toSettings takes whatever the client sends (any shape) and always gives complete,
// valid settings; defaultSettings agrees with `contributes.configuration` in package.json.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { defaultSettings, toSettings } from '../../server/src/settings';
import { repoRoot } from '../helpers/lspClient';

interface ConfigProperty {
  type?: string | string[];
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
}

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, ConfigProperty> } | { properties: Record<string, ConfigProperty> }[] };
};
const configurations = Array.isArray(pkg.contributes.configuration) ? pkg.contributes.configuration : [pkg.contributes.configuration];
const contributed: Record<string, ConfigProperty> = Object.assign({}, ...configurations.map((c) => c.properties));

/** Settings only the client reads: the server has no field for them. */
const CLIENT_ONLY = new Set(['transcript.trace.server']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

/** `transcript.a.b` -> the value at a.b in the settings object (undefined when absent). */
function at(settings: unknown, key: string): unknown {
  let v: unknown = settings;
  for (const part of key.replace(/^transcript\./, '').split('.')) v = isPlainObject(v) ? v[part] : undefined;
  return v;
}

/** Every setting key the server's defaults hold, stopping at keys package.json declares. */
function serverKeys(obj: Record<string, unknown>, prefix = 'transcript'): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    const key = `${prefix}.${k}`;
    if (key in contributed || !isPlainObject(v)) out.push(key);
    else out.push(...serverKeys(v, key));
  }
  return out;
}

/** The `transcript` section as VS Code sends it when the user set nothing: package.json's defaults, nested. */
function sectionFromPackageDefaults(): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(contributed)) {
    const parts = key.replace(/^transcript\./, '').split('.');
    let o = section;
    for (const p of parts.slice(0, -1)) o = (o[p] ??= {}) as Record<string, unknown>;
    o[parts[parts.length - 1]] = clone(prop.default);
  }
  return section;
}

describe('toSettings', () => {
  const garbage: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a string', 'groupBySpeaker'],
    ['true', true],
    ['an array', [{ outline: { groupBySpeaker: true } }]],
    ['an empty object', {}],
    ['outline as a string', { outline: 'grouped' }],
    ['outline as an array', { outline: [true] }],
    ['outline null', { outline: null }],
    ['groupBySpeaker as a string', { outline: { groupBySpeaker: 'true' } }],
    ['groupBySpeaker as a number', { outline: { groupBySpeaker: 1 } }],
    ['groupBySpeaker null', { outline: { groupBySpeaker: null } }],
    ['a __proto__ key', JSON.parse('{"__proto__": {"outline": {"groupBySpeaker": true}}}')],
    ['unknown keys', { nonsense: { deeply: [1, 2, 3] }, outline: { somethingElse: true } }],
    ['a function', () => ({ outline: { groupBySpeaker: true } })],
  ];
  for (const [what, raw] of garbage) {
    test(`${what} gives the defaults`, () => {
      assert.deepEqual(toSettings(raw), defaultSettings);
    });
  }

  test('a valid value is taken, everything else stays at its default', () => {
    const want = clone(defaultSettings);
    want.outline.groupBySpeaker = true;
    assert.deepEqual(toSettings({ outline: { groupBySpeaker: true } }), want);
    assert.deepEqual(toSettings({ outline: { groupBySpeaker: true, extra: 1 }, unknown: 'x' }), want);
  });

  test('false is taken as false (not mistaken for "missing")', () => {
    assert.equal(toSettings({ outline: { groupBySpeaker: false } }).outline.groupBySpeaker, false);
  });

  test('the defaults survive a round trip', () => {
    assert.deepEqual(toSettings(clone(defaultSettings)), defaultSettings);
  });

  test('changing a returned object never changes the defaults', () => {
    const before = clone(defaultSettings);
    const s = toSettings(null);
    s.outline.groupBySpeaker = !s.outline.groupBySpeaker;
    const again = toSettings(undefined);
    for (const v of Object.values(again)) if (isPlainObject(v)) for (const k of Object.keys(v)) delete v[k];
    assert.deepEqual(defaultSettings, before);
  });
});

describe('defaultSettings and package.json contributes.configuration', () => {
  test('package.json declares settings under transcript.*', () => {
    assert.ok(Object.keys(contributed).length > 0);
    for (const key of Object.keys(contributed)) assert.match(key, /^transcript\.[\w.]+$/);
  });

  test('every server setting is declared in package.json, with the same default', () => {
    for (const key of serverKeys(defaultSettings as unknown as Record<string, unknown>)) {
      assert.ok(key in contributed, `defaultSettings has ${key}, but package.json contributes no such setting`);
      assert.deepEqual(at(defaultSettings, key), contributed[key].default, `default of ${key}`);
    }
  });

  test('every setting in package.json (but the client-only ones) has a server default', () => {
    for (const key of Object.keys(contributed)) {
      if (CLIENT_ONLY.has(key)) continue;
      assert.notEqual(at(defaultSettings, key), undefined, `package.json contributes ${key}, but defaultSettings has no value for it`);
      assert.deepEqual(at(defaultSettings, key), contributed[key].default, `default of ${key}`);
    }
  });

  test('the client-only settings are still declared (or this list is stale)', () => {
    for (const key of CLIENT_ONLY) assert.ok(key in contributed, `${key} is no longer in package.json`);
  });

  test('each default fits its own declaration (type, enum, range)', () => {
    const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'number' && Number.isInteger(v) ? 'integer' : typeof v);
    for (const [key, prop] of Object.entries(contributed)) {
      assert.ok('default' in prop, `${key} has no default`);
      const types = ([] as string[]).concat(prop.type ?? []);
      const t = typeOf(prop.default);
      if (types.length) assert.ok(types.includes(t) || (t === 'integer' && types.includes('number')), `${key}: default ${JSON.stringify(prop.default)} is not ${types.join('|')}`);
      if (prop.enum) assert.ok(prop.enum.includes(prop.default), `${key}: default not in enum`);
      if (typeof prop.default === 'number') {
        if (prop.minimum !== undefined) assert.ok(prop.default >= prop.minimum, `${key}: default below minimum`);
        if (prop.maximum !== undefined) assert.ok(prop.default <= prop.maximum, `${key}: default above maximum`);
      }
    }
  });

  test("the section VS Code sends when nothing is set (package.json's defaults) gives defaultSettings", () => {
    assert.deepEqual(toSettings(sectionFromPackageDefaults()), defaultSettings);
  });
});
