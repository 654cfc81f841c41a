/**
 * No hard-coded user-facing text in the web app: every static translation key the code uses exists in every
 * language, and no Chinese appears in code outside comments (a language naming itself is marked `i18n-exempt`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';
import { flatten } from './locales/flatten';

const root = path.dirname(fileURLToPath(import.meta.url));
const sources = (fs.readdirSync(root, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: fs.readFileSync(path.join(root, f), 'utf8') }));

/** Source without comments, keeping line numbers. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('web app texts', () => {
  it('finds the sources', () => expect(sources.length).toBeGreaterThan(20));

  it('uses only translation keys that exist in every language', () => {
    const used = new Set<string>();
    for (const { text } of sources) for (const m of text.matchAll(/\bt\(\s*['"]([\w.-]+)['"]/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(200);
    for (const [lang, locale] of Object.entries({ 'zh-CN': zhCN, 'zh-TW': zhTW, en })) {
      const keys = new Set(Object.keys(flatten(locale)));
      const missing = [...used].filter((k) => !keys.has(k));
      expect(missing, `keys missing in ${lang}`).toEqual([]);
    }
  });

  it('has no Chinese text in code outside comments', () => {
    const offenders: string[] = [];
    for (const { file, text } of sources) {
      stripComments(text).split('\n').forEach((line, i) => {
        if (/[\u4e00-\u9fff]/u.test(line) && !text.split('\n')[i]!.includes('i18n-exempt')) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('has no English sentence as JSX text', () => {
    const offenders: string[] = [];
    for (const { file, text } of sources.filter((s) => s.file.endsWith('.tsx'))) {
      // Words between a tag and a closing tag; acronyms such as CSV or PDF are the same in every language.
      for (const m of stripComments(text).matchAll(/>\s*([A-Za-z][A-Za-z ,.!?’'-]*[a-z]{2}[A-Za-z ,.!?’'-]*)<\//g)) offenders.push(`${file}: ${m[1]!.trim()}`);
    }
    expect(offenders).toEqual([]);
  });
});
