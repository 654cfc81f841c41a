/**
 * One-click batch check of suppliers: credit codes match exactly; names match the registry with a confidence and
 * the alternatives, and a name never silently resolves to the wrong enterprise — several enterprises with the same
 * name, or only a similar one, are reported as such. Each resolved row gets its public record counts and risk band;
 * bad rows are reported with a reason, never dropped.
 */
import { checkCreditCode } from '../../domain/credit-code.js';
import { nameSimilarity } from '../../domain/name-similarity.js';
import { foldText } from '../../domain/search-text.js';
import { featuresOf } from '../../domain/risk/features.js';
import { predict } from '../../domain/risk/scorecard.js';
import type { ServiceContext } from '../../shared/context.js';
import { enterprisesByCodes, enterprisesByExactNames, enterprisesByNamePrefix, recordCountsFor, type FoundEnterprise } from '../registry/batch-lookup.service.js';
import { search } from '../registry/registry.service.js';
import { activeModel } from '../risk/risk.service.js';
import type { BatchInput } from './batch-input.js';

/** Match outcome of a row. */
export type MatchStatus = 'matched' | 'probable' | 'ambiguous' | 'not_found' | 'invalid';

/** One result row. */
export interface BatchRow {
  line: number;
  input: string;
  status: MatchStatus;
  confidence: number | null;
  reason: string | null;
  enterprise: { id: number; creditCode: string; name: string; status: string } | null;
  alternatives: Array<{ creditCode: string; name: string; similarity: number }>;
  openLawsuits: number | null;
  enforcementOpen: number | null;
  dishonestCurrent: number | null;
  penalties3y: number | null;
  abnormalCurrent: number | null;
  riskBand: string | null;
  riskProbability: number | null;
}

/** Organisation-form suffixes that carry no identity ("有限公司", "股份有限公司"…). */
const ORG_SUFFIX = /(股份有限公司|有限责任公司|有限公司|分公司|公司|集团|企业|商行|经营部|厂|店)$/;

/** The distinctive part of a folded name. */
function coreName(name: string): string {
  let f = foldText(name);
  for (let i = 0; i < 2 && ORG_SUFFIX.test(f); i++) f = f.replace(ORG_SUFFIX, '');
  return f;
}

/** A name this similar to a single candidate is a "probable" match; below, only suggestions. */
const PROBABLE = 0.75;
/** Fuzzy lookups per batch (each a search query); the rest are reported as not found with a reason. */
const MAX_FUZZY = 2000;

const empty = (line: number, input: string, status: MatchStatus, reason: string | null): BatchRow => ({ line, input, status, confidence: null, reason, enterprise: null, alternatives: [], openLawsuits: null, enforcementOpen: null, dishonestCurrent: null, penalties3y: null, abnormalCurrent: null, riskBand: null, riskProbability: null });

/** Checks a batch; `onProgress(done, total)` after each stage. */
export async function runBatchCheck(ctx: ServiceContext, inputs: BatchInput[], options: { amountFen?: number; ageDays?: number } = {}) {
  const rows: BatchRow[] = [];
  const codes: Array<{ i: number; code: string }> = [];
  const names: Array<{ i: number; name: string }> = [];
  for (const input of inputs) {
    const i = rows.length;
    const v = input.value;
    if (!v) {
      rows.push(empty(input.line, v, 'invalid', 'empty row'));
      continue;
    }
    // Anything shaped like a credit code is checked as one: a mistyped code must not be searched as a name.
    const compact = v.replace(/\s+/g, '').toUpperCase();
    if (/^[0-9A-Z]{18}$/.test(compact)) {
      const c = checkCreditCode(compact);
      if (!c.valid) rows.push(empty(input.line, v, 'invalid', c.message?.['zh-CN'] ?? c.reason));
      else {
        rows.push(empty(input.line, v, 'not_found', null));
        codes.push({ i, code: c.normalised });
      }
      continue;
    }
    rows.push(empty(input.line, v, 'not_found', null));
    names.push({ i, name: v });
  }
  const byCode = await enterprisesByCodes(ctx, codes.map((c) => c.code));
  const resolved = new Map<number, FoundEnterprise>();
  for (const c of codes) {
    const e = byCode.get(c.code);
    if (e) {
      resolved.set(c.i, e);
      Object.assign(rows[c.i]!, { status: 'matched', confidence: 1 });
    } else rows[c.i]!.reason = '该统一社会信用代码未在登记库中 / not in the registry';
  }
  const byName = await enterprisesByExactNames(ctx, names.map((n) => n.name));
  let fuzzy = 0;
  for (const n of names) {
    const row = rows[n.i]!;
    const exact = byName.get(foldText(n.name)) ?? [];
    if (exact.length === 1) {
      resolved.set(n.i, exact[0]!);
      Object.assign(row, { status: 'matched', confidence: 1 });
      continue;
    }
    if (exact.length > 1) {
      Object.assign(row, { status: 'ambiguous', confidence: null, reason: `${exact.length} 家企业同名，请改用统一社会信用代码 / ${exact.length} enterprises share this name; use the credit code`, alternatives: exact.map((e) => ({ creditCode: e.creditCode, name: e.name, similarity: 1 })) });
      continue;
    }
    if (++fuzzy > MAX_FUZZY) {
      row.reason = `超过 ${MAX_FUZZY} 个非精确名称，未做模糊匹配 / more than ${MAX_FUZZY} inexact names; not fuzzy-matched`;
      continue;
    }
    // A near-name ("…公司" for "…有限公司") is found by its distinctive part, then ranked by similarity.
    // First the cheap way: names starting with the distinctive part (an index range), then a full search.
    const core = coreName(n.name);
    let found: Array<{ creditCode: string; name: string }> = core.length >= 2 ? await enterprisesByNamePrefix(ctx, core, 5) : [];
    if (found.length === 0) found = (await search(ctx, { q: n.name, page: 1, pageSize: 3 })).items;
    const hits = found.map((h) => ({ creditCode: h.creditCode, name: h.name, similarity: nameSimilarity(n.name, h.name) }));
    hits.sort((a, b) => b.similarity - a.similarity);
    const best = hits[0];
    row.alternatives = hits.slice(0, 3).map(({ creditCode, name, similarity }) => ({ creditCode, name, similarity }));
    if (best && best.similarity >= PROBABLE && (hits.length === 1 || hits[1]!.similarity < best.similarity - 0.1)) {
      const e = (await enterprisesByCodes(ctx, [best.creditCode])).get(best.creditCode)!;
      resolved.set(n.i, e);
      Object.assign(row, { status: 'probable', confidence: best.similarity, reason: '名称近似，请核对 / similar name; please confirm' });
    } else if (best && best.similarity >= PROBABLE) {
      Object.assign(row, { status: 'ambiguous', reason: '多家企业名称近似 / several similar names' });
    } else row.reason = hits.length ? '未找到足够相近的名称，见候选 / no close enough name; see the suggestions' : '登记库中没有此名称 / no such name in the registry';
  }
  const counts = await recordCountsFor(ctx, [...resolved.values()].map((e) => e.id));
  const model = await activeModel(ctx);
  const debt = { amountFen: options.amountFen ?? 10_000_000, ageDays: options.ageDays ?? 90 };
  for (const [i, e] of resolved) {
    const c = counts.get(e.id)!;
    const row = rows[i]!;
    Object.assign(row, { enterprise: { id: e.id, creditCode: e.creditCode, name: e.name, status: e.status }, ...c });
    if (model) {
      const p = predict(model.model, featuresOf(debt, { ...c, dishonestCurrent: c.dishonestCurrent > 0, abnormalCurrent: c.abnormalCurrent > 0, priorSettled: 0, businessScope: e.businessScope, cityCode: e.cityCode }));
      row.riskBand = p.band;
      row.riskProbability = p.probability;
    }
  }
  const summary: Record<MatchStatus, number> = { matched: 0, probable: 0, ambiguous: 0, not_found: 0, invalid: 0 };
  for (const r of rows) summary[r.status]++;
  return { rows, summary, total: rows.length, modelVersion: model?.version ?? null, debt };
}
