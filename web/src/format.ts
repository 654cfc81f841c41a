/** Locale-aware formatting: money is fen on the wire, times are UTC on the wire and shown in Asia/Shanghai. */
import { localText } from './i18n';

/** ¥1,234.50 from 123450 fen. */
export function formatFen(fen: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY', maximumFractionDigits: 2 }).format(fen / 100);
}

/** A date-time in China time. */
export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "3 hours ago" style relative time. */
export function formatRelative(iso: string, lang: string, now = Date.now()): string {
  const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  if (Math.abs(minutes) < 48 * 60) return rtf.format(Math.round(minutes / 60), 'hour');
  return rtf.format(Math.round(minutes / 1440), 'day');
}

/** A number with grouping. */
export function formatNumber(n: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(n);
}

/** Region label for a division in the current language. */
export function regionLabel(d: { province: string; provinceEn: string; city: string | null; cityEn: string | null; county: string | null; countyEn: string | null } | null, lang: string): string {
  if (!d) return '';
  return lang.startsWith('zh')
    ? localText({ 'zh-CN': [d.province, d.city !== d.province ? d.city : null, d.county].filter(Boolean).join(' '), en: '' }, lang)
    : [d.countyEn, d.cityEn !== d.provinceEn ? d.cityEn : null, d.provinceEn].filter(Boolean).join(', ');
}
