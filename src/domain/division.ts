import { COUNTIES, PREFECTURES, PROVINCES } from './divisions.data.js';

/** A decoded GB/T 2260 administrative division. */
export interface Division {
  code: string;
  province: string;
  provinceEn: string;
  /** Prefecture-level city (municipalities map to themselves); null when not in our table. */
  city: string | null;
  cityEn: string | null;
  /** 4-digit+00 code of the prefecture, used for city filters. */
  cityCode: string;
  county: string | null;
  countyEn: string | null;
}

/** Decodes a 6-digit division code; null when the province prefix does not exist. */
export function decodeDivision(code: string): Division | null {
  if (!/^\d{6}$/.test(code)) return null;
  const province = PROVINCES[code.slice(0, 2)];
  if (!province) return null;
  const prefecture = PREFECTURES[code.slice(0, 4)];
  const county = COUNTIES[code];
  return {
    code,
    province: province.zh,
    provinceEn: province.en,
    city: prefecture?.zh ?? null,
    cityEn: prefecture?.en ?? null,
    cityCode: `${code.slice(0, 4)}00`,
    county: county?.zh ?? null,
    countyEn: county?.en ?? null,
  };
}

/** A prefecture-level city a user can filter by. */
export interface CityOption {
  code: string;
  zh: string;
  en: string;
  province: string;
}

/** Every prefecture-level city in the table, Jiangsu first (the seed cities' province). */
export function listCities(): CityOption[] {
  return Object.entries(PREFECTURES)
    .map(([prefix, name]) => ({ code: `${prefix}00`, zh: name.zh, en: name.en, province: PROVINCES[prefix.slice(0, 2)]?.zh ?? '' }))
    .sort((a, b) => (a.code.startsWith('32') === b.code.startsWith('32') ? a.code.localeCompare(b.code) : a.code.startsWith('32') ? -1 : 1));
}

/** County-level codes known inside a prefecture (used by the demo generator). */
export function countiesOf(cityCode: string): string[] {
  const prefix = cityCode.slice(0, 4);
  return Object.keys(COUNTIES).filter((c) => c.startsWith(prefix));
}
