#!/usr/bin/env node
/**
 * Writes web/src/locales/zh-TW.json from zh-CN.json with OpenCC (mainland → Taiwan standard with Taiwan phrases),
 * fixes domain terms Taiwan phrasing gets wrong (zh-TW.terms.json, also used at run time), then applies
 * zh-TW.overrides.json for whole texts a translator wants different. Run after editing zh-CN.json:
 * `npm run i18n:zh-tw`. The locale test fails when zh-TW lacks a key, so a forgotten run is caught.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Converter } from 'opencc-js/cn2t';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../web/src/locales');
const twp = Converter({ from: 'cn', to: 'twp' });
// Taiwan phrasing turns 代码 into 程式碼 (programming code); here a code is always a credit or division code.
const terms = Object.entries(JSON.parse(fs.readFileSync(path.join(dir, 'zh-TW.terms.json'), 'utf8')));
const toTw = (text) => terms.reduce((t, [from, to]) => t.replaceAll(from, to), twp(text));
const source = JSON.parse(fs.readFileSync(path.join(dir, 'zh-CN.json'), 'utf8'));
const overridesFile = path.join(dir, 'zh-TW.overrides.json');
const overrides = fs.existsSync(overridesFile) ? JSON.parse(fs.readFileSync(overridesFile, 'utf8')) : {};

// Placeholders ({{name}}) are ASCII and pass through OpenCC untouched; convert leaf by leaf so keys never change.
const convert = (node, prefix) => Object.fromEntries(Object.entries(node).map(([k, v]) => {
  const key = `${prefix}${k}`;
  if (typeof v === 'object' && v !== null) return [k, convert(v, `${key}.`)];
  return [k, Object.hasOwn(overrides, key) ? overrides[key] : toTw(String(v))];
}));
const out = convert(source, '');
fs.writeFileSync(path.join(dir, 'zh-TW.json'), `${JSON.stringify(out, null, 2)}\n`);
const unused = Object.keys(overrides).filter((k) => k.split('.').reduce((n, p) => (n && typeof n === 'object' ? n[p] : undefined), source) === undefined);
if (unused.length) console.warn(`zh-TW overrides for keys zh-CN no longer has: ${unused.join(', ')}`);
console.log(`wrote ${path.join(dir, 'zh-TW.json')}`);
