import { describe, expect, it } from 'vitest';
import { decodeDivision, listCities } from './division.js';
import { PREFECTURES, PROVINCES } from './divisions.data.js';

describe('administrative divisions', () => {
  it('knows all 34 province-level divisions', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(34);
  });

  it('knows every prefecture of Jiangsu (13)', () => {
    const jiangsu = Object.keys(PREFECTURES).filter((k) => k.startsWith('32'));
    expect(jiangsu.sort()).toEqual(['3201', '3202', '3203', '3204', '3205', '3206', '3207', '3208', '3209', '3210', '3211', '3212', '3213']);
  });

  it('decodes county, city and province', () => {
    expect(decodeDivision('320508')).toMatchObject({ province: '江苏省', city: '苏州市', county: '姑苏区', cityCode: '320500' });
    expect(decodeDivision('320707')).toMatchObject({ city: '连云港市', county: '赣榆区', cityEn: 'Lianyungang' });
    expect(decodeDivision('110101')).toMatchObject({ province: '北京市', city: '北京市' });
  });

  it('decodes a prefecture missing from the table to its province', () => {
    expect(decodeDivision('130200')).toMatchObject({ province: '河北省', city: null, cityCode: '130200' });
  });

  it('rejects unknown provinces and malformed codes', () => {
    expect(decodeDivision('990000')).toBeNull();
    expect(decodeDivision('32050')).toBeNull();
    expect(decodeDivision('32O508')).toBeNull();
  });

  it('lists Jiangsu cities first for filters', () => {
    const cities = listCities();
    expect(cities[0]!.code.startsWith('32')).toBe(true);
    expect(cities.find((c) => c.code === '320500')?.zh).toBe('苏州市');
  });
});
