import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a BOM, a header and CRLF rows, quoting only what needs it', () => {
    const csv = toCsv<{ name: string; n: number }>([{ key: 'name', title: '机构' }, { key: 'n', title: 'Cases, total', render: (v) => `${v} 件` }], [{ name: '金鼎盛', n: 3 }, { name: 'A "quoted", name', n: 12 }]);
    expect(csv).toBe('\uFEFF机构,"Cases, total"\r\n金鼎盛,3 件\r\n"A ""quoted"", name",12 件\r\n');
  });
  it('leaves an empty table with its header only', () => {
    expect(toCsv<{ a: string }>([{ key: 'a', title: 'a' }], [])).toBe('\uFEFFa\r\n');
  });
});
