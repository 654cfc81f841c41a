/** Batch-check results as CSV (UTF-8 with BOM, so Excel shows Chinese correctly) or XLSX. */
import ExcelJS from 'exceljs';
import type { BatchRow } from './batch-check.service.js';

const HEADERS = ['行号 line', '输入 input', '匹配 match', '置信度 confidence', '统一社会信用代码 credit code', '企业名称 name', '登记状态 status', '风险等级 risk band', '违约概率 probability', '未结诉讼 open lawsuits', '被执行 enforcement', '失信 dishonest', '近3年处罚 penalties (3y)', '经营异常 abnormal', '候选 alternatives', '说明 note'];

function cells(r: BatchRow): Array<string | number> {
  return [
    r.line, r.input, r.status, r.confidence ?? '', r.enterprise?.creditCode ?? '', r.enterprise?.name ?? '', r.enterprise?.status ?? '', r.riskBand ?? '', r.riskProbability === null ? '' : Number(r.riskProbability.toFixed(4)),
    r.openLawsuits ?? '', r.enforcementOpen ?? '', r.dishonestCurrent ?? '', r.penalties3y ?? '', r.abnormalCurrent ?? '', r.alternatives.map((a) => `${a.name} (${a.creditCode}, ${a.similarity.toFixed(2)})`).join('; '), r.reason ?? '',
  ];
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV bytes. */
export function toCsv(rows: BatchRow[]): Buffer {
  const lines = [HEADERS, ...rows.map(cells)].map((r) => r.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** XLSX bytes. */
export async function toXlsx(rows: BatchRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Xinqiao';
  const ws = wb.addWorksheet('批量核查 batch check');
  ws.addRow(HEADERS).font = { bold: true };
  for (const r of rows) ws.addRow(cells(r));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
