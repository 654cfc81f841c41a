/** Every user-facing key exists in every language, and no translation is left empty. */
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
function leaves(obj: object): string[] {
  return Object.values(obj).flatMap((v) => (typeof v === 'object' && v !== null ? leaves(v) : [String(v)]));
}

describe('locales', () => {
  it('zh-CN and English have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
  it('no translation is empty', () => {
    for (const text of [...leaves(en), ...leaves(zhCN)]) expect(text.trim().length).toBeGreaterThan(0);
  });
  it('interpolation placeholders match between languages', () => {
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort().join(',');
    const flat = (obj: object, prefix = ''): Record<string, string> => Object.fromEntries(Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? Object.entries(flat(v, `${prefix}${k}.`)) : [[`${prefix}${k}`, String(v)]])));
    const e = flat(en);
    const z = flat(zhCN);
    for (const k of Object.keys(e)) expect(placeholders(e[k]!), k).toBe(placeholders(z[k]!));
  });
});
