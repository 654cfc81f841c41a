/** Every user-facing key exists in every language, and no translation is left empty. */
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';
import zhTW from './zh-TW.json';
import { flatten } from './flatten';

const LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en } as Record<string, object>;

describe('locales', () => {
  const base = flatten(zhCN);
  it.each(Object.keys(LOCALES))('%s has exactly the keys of zh-CN (run `npm run i18n:zh-tw` after editing zh-CN)', (lang) => {
    expect(Object.keys(flatten(LOCALES[lang]!)).sort()).toEqual(Object.keys(base).sort());
  });
  it.each(Object.keys(LOCALES))('%s leaves no translation empty', (lang) => {
    for (const [k, text] of Object.entries(flatten(LOCALES[lang]!))) expect(text.trim().length, k).toBeGreaterThan(0);
  });
  it.each(['zh-TW', 'en'])('%s keeps the interpolation placeholders of zh-CN', (lang) => {
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort().join(',');
    const other = flatten(LOCALES[lang]!);
    for (const k of Object.keys(base)) expect(placeholders(other[k] ?? ''), k).toBe(placeholders(base[k]!));
  });
  it('zh-TW is written in Traditional characters', () => {
    const tw = flatten(zhTW);
    expect(tw['app.tagline']).toBe('債務糾紛信用資訊平臺');
    // Taiwan phrasing would say 程式碼 (program code); a credit code stays 代碼.
    expect(tw['nav.creditCode']).toContain('代碼');
    for (const [k, text] of Object.entries(tw)) expect(text, k).not.toContain('程式碼');
    // No common Simplified-only character survives the conversion.
    const simplifiedOnly = /[们这说时对国过发现业务记录证协议调银]/u;
    for (const [k, text] of Object.entries(tw)) expect(simplifiedOnly.test(text), `${k}: ${text}`).toBe(false);
  });
});
