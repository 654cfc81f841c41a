/**
 * i18next set-up: zh-CN first, then zh-TW and English. The choice is remembered per browser (and per account, see
 * preferences.ts); a first visit follows the browser's language. Texts the server sends in two languages
 * ({ 'zh-CN', en }) are shown in Traditional characters for zh-TW by OpenCC, loaded only when zh-TW is chosen.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';
import terms from './locales/zh-TW.terms.json';

/** Languages the interface offers, each labelled in itself. */
export const LANGUAGES = [
  { code: 'zh-CN', label: '简体中文' }, // i18n-exempt: a language names itself
  { code: 'zh-TW', label: '繁體中文' }, // i18n-exempt
  { code: 'en', label: 'English' },
] as const;
/** A supported language code. */
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'xinqiao.language';

/** Maps a BCP 47 tag to one of ours: zh-TW/zh-HK/zh-Hant → zh-TW, other zh → zh-CN, en → en. */
export function matchLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const t = tag.toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(t)) return 'zh-TW';
  if (t.startsWith('zh')) return 'zh-CN';
  if (t.startsWith('en')) return 'en';
  return null;
}

function initialLanguage(): Language {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return matchLanguage(saved) ?? (typeof navigator !== 'undefined' ? matchLanguage(navigator.language) : null) ?? 'zh-CN';
}

let toTraditional: ((s: string) => string) | null = null;
async function loadConverter(lang: Language): Promise<void> {
  if (lang !== 'zh-TW' || toTraditional) return;
  const { Converter } = await import('opencc-js/cn2t');
  const twp = Converter({ from: 'cn', to: 'twp' });
  const fixes = Object.entries(terms as Record<string, string>);
  toTraditional = (s) => fixes.reduce((t, [from, to]) => t.replaceAll(from, to), twp(s));
}

/** A server text given in zh-CN and English, in the current language. */
export function localText(text: { 'zh-CN': string; en: string } | Record<string, string>, lang: string = i18n.language): string {
  if (lang === 'en') return text.en ?? text['zh-CN'] ?? '';
  const zh = text['zh-CN'] ?? text.en ?? '';
  return lang === 'zh-TW' && toTraditional ? toTraditional(zh) : zh;
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

/** Resolves once what the current language needs (the zh-TW converter) is loaded; main.tsx waits for it. */
export const i18nReady: Promise<void> = loadConverter(i18n.language as Language).catch(() => undefined);

/** Switches language and remembers it in this browser. */
export async function setLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  await loadConverter(lang).catch(() => undefined);
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

document.documentElement.lang = i18n.language;
export default i18n;
