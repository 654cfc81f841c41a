/**
 * Deterministic demo data: the same seed and reference date always give the same registry.
 * Enterprises are spread over Jiangsu (Suzhou and Lianyungang weighted up) and the provincial
 * capitals; credit codes are valid and carry the division of the enterprise's own district.
 * Record proportions follow what the public systems show for small firms (a few percent each).
 */
import { buildCreditCode, CREDIT_CODE_CHARSET } from '../../../domain/credit-code.js';
import { countiesOf, decodeDivision, listCities } from '../../../domain/division.js';
import { Rng } from '../../../domain/prng.js';
import type { EnterpriseInput } from '../registry.repository.js';
import type { AbnormalImport, AgencyImport, DishonestImport, EnforcementImport, LawsuitImport, PenaltyImport, RevocationImport } from '../import.schemas.js';
import { ABNORMAL_REASONS, BRAND_CHARS, FORMS, INDUSTRIES, LAWSUIT_CAUSES, PENALTY_REASONS, ROADS, SURNAMES, GIVEN_CHARS } from './pools.js';
import { SHOWCASE } from './showcase.js';
import { agencyProfile } from './agency-profile.js';

/** Generator options. */
export interface DemoOptions {
  enterprises: number;
  seed: number;
  /** Reference date: record dates and fetch times are placed before it. */
  asOf: Date;
  /** Filed agencies per city code (defaults: Suzhou 217, Lianyungang 37, as the seed articles report). */
  agencies?: Record<string, number>;
  batchSize?: number;
}

/** One batch of generated data, records keyed by credit code. */
export interface DemoBatch {
  enterprises: EnterpriseInput[];
  agencies: AgencyImport[];
  penalties: PenaltyImport[];
  abnormal: AbnormalImport[];
  revocations: RevocationImport[];
  enforcement: EnforcementImport[];
  dishonest: DishonestImport[];
  lawsuits: LawsuitImport[];
}

/** Default filed-agency counts. */
export const DEFAULT_AGENCIES: Record<string, number> = { '320500': 217, '320700': 37 };
const SOURCE = 'demo:generator';

const CITY_WEIGHTS: ReadonlyArray<readonly [string, number]> = (() => {
  const jiangsu = listCities().filter((c) => c.code.startsWith('32') && !['320500', '320700'].includes(c.code));
  const others = listCities().filter((c) => !c.code.startsWith('32'));
  return [['320500', 35] as const, ['320700', 10] as const, ...jiangsu.map((c) => [c.code, 35 / jiangsu.length] as const), ...others.map((c) => [c.code, 20 / others.length] as const)];
})();

/** Mutable state shared across batches (uniqueness sets and counters). */
class State {
  readonly rng: Rng;
  readonly names = new Set<string>();
  readonly codes = new Set<string>();
  /** Recently made enterprises, candidates for corporate shareholders of later ones. */
  readonly recent: Array<{ code: string; name: string }> = [];
  counter = 0;
  constructor(seed: number, readonly asOf: Date) {
    this.rng = new Rng(seed);
  }
  serial(): number {
    return ++this.counter;
  }
  /** A fetch time within the 36 hours before asOf, as a daily sync would leave it. */
  fetchedAt(): string {
    return new Date(this.asOf.getTime() - this.rng.int(1, 36 * 60) * 60_000).toISOString();
  }
  date(yearsBack: number, minDaysBack = 0): string {
    const to = new Date(this.asOf.getTime() - minDaysBack * 86_400_000);
    return this.rng.dateBetween(new Date(this.asOf.getTime() - yearsBack * 365 * 86_400_000), to);
  }
}

function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_CHARS) + (rng.chance(0.7) ? rng.pick(GIVEN_CHARS) : '');
}

function cityShort(divisionCode: string): string {
  const d = decodeDivision(divisionCode)!;
  const county = d.county && /市$/.test(d.county) ? d.county : null;
  return (county ?? d.city ?? d.province).replace(/(市|省|自治区|特别行政区)$/, '');
}

function newCreditCode(s: State, division: string): string {
  for (;;) {
    let body = '';
    for (let i = 0; i < 8; i++) body += CREDIT_CODE_CHARSET[s.rng.int(0, i === 0 ? 9 : 30)];
    const code = buildCreditCode('9', '1', division, body);
    if (!s.codes.has(code)) {
      s.codes.add(code);
      return code;
    }
  }
}

function pickDivision(s: State, cityCode: string): string {
  const counties = countiesOf(cityCode);
  return counties.length && s.rng.chance(0.9) ? s.rng.pick(counties) : cityCode;
}

/** Builds one enterprise; `name` and `scope` override the random ones (agencies, showcase). */
export function makeEnterprise(s: State, cityCode: string, fixed: { name?: string | undefined; word?: string; scope?: string; formerNames?: string[]; status?: EnterpriseInput['status'] } = {}): EnterpriseInput {
  const rng = s.rng;
  const division = pickDivision(s, cityCode);
  const industry = rng.weighted(INDUSTRIES.map((i) => [i, i.weight] as const));
  const form = rng.weighted(FORMS);
  let name = fixed.name;
  while (!name || (!fixed.name && s.names.has(name))) {
    const brand = rng.pick(BRAND_CHARS) + rng.pick(BRAND_CHARS) + (rng.chance(0.25) ? rng.pick(BRAND_CHARS) : '');
    name = `${cityShort(division)}${brand}${fixed.word ?? industry.word}${form.suffix}`;
  }
  s.names.add(name);
  const legal = personName(rng);
  const capital = rng.pick([10, 50, 100, 200, 300, 500, 1000, 2000, 5000]) * 10_000 * 100;
  const holders = rng.int(1, 3);
  let remaining = 10_000;
  const shareholders: EnterpriseInput['shareholders'] = [];
  for (let i = 0; i < holders; i++) {
    const share = i === holders - 1 ? remaining : rng.int(1, remaining - (holders - i - 1)) ;
    remaining -= share;
    const parent = i > 0 && s.recent.length > 0 && rng.chance(0.15) ? rng.pick(s.recent) : null;
    shareholders.push({
      name: i === 0 ? legal : parent ? parent.name : personName(rng),
      kind: parent ? 'enterprise' : 'person',
      creditCode: parent ? parent.code : null,
      shareBasisPoints: share,
      subscribedCapitalFen: Math.round((capital * share) / 10_000),
    });
  }
  const d = decodeDivision(division)!;
  const creditCode = newCreditCode(s, division);
  s.recent.push({ code: creditCode, name });
  if (s.recent.length > 500) s.recent.shift();
  return {
    creditCode,
    name,
    formerNames: (fixed.formerNames ?? []).map((n) => ({ name: n, changedOn: s.date(5, 200) })),
    legalRepresentative: legal,
    registeredCapitalFen: capital,
    establishedOn: s.date(30, 120),
    status: fixed.status ?? rng.weighted([['active', 92], ['cancelled', 4], ['revoked', 3], ['moved_out', 1]] as const),
    enterpriseType: form.type,
    businessScope: fixed.scope ?? `${industry.scope}。（依法须经批准的项目，经相关部门批准后方可开展经营活动）`,
    address: `${d.province === d.city ? '' : d.province}${d.city ?? ''}${d.county ?? ''}${rng.pick(ROADS)}${rng.int(1, 999)}号`,
    divisionCode: division,
    shareholders,
    keyPersonnel: [{ name: legal, role: '执行董事兼总经理' }, { name: personName(rng), role: '监事' }],
    source: SOURCE,
    fetchedAt: s.fetchedAt(),
  };
}

export { State as DemoState };

/** Attaches random public records to an enterprise, at the given rates. */
export function addRecords(s: State, e: EnterpriseInput, out: DemoBatch, rates: { penalty: number; abnormal: number; enforcement: number; dishonest: number; lawsuit: number; revocation: number }): void {
  const rng = s.rng;
  const city = cityShort(e.divisionCode);
  const courtCode = `苏${e.divisionCode.slice(2, 4)}${e.divisionCode.slice(4, 6) === '00' ? '01' : e.divisionCode.slice(4, 6)}`;
  const court = `${decodeDivision(e.divisionCode)!.city ?? city}${decodeDivision(e.divisionCode)!.county ?? ''}人民法院`;
  const base = { creditCode: e.creditCode, source: SOURCE, fetchedAt: s.fetchedAt() };
  if (rng.chance(rates.penalty)) {
    const decidedOn = s.date(6, 10);
    out.penalties.push({ ...base, decisionNumber: `${city}市监处罚〔${decidedOn.slice(0, 4)}〕${s.serial()}号`, authority: `${city}市市场监督管理局`, reason: rng.pick(PENALTY_REASONS), content: rng.chance(0.5) ? '警告' : '罚款', amountFen: rng.int(1, 200) * 100_000, decidedOn });
  }
  if (rng.chance(rates.abnormal)) {
    const listedOn = s.date(5, 10);
    const removed = rng.chance(0.45);
    out.abnormal.push({ ...base, reason: rng.pick(ABNORMAL_REASONS), listedOn, listedBy: `${city}市市场监督管理局`, removedOn: removed ? s.rng.dateBetween(new Date(listedOn), new Date(s.asOf.getTime() - 86_400_000)) : null, removalReason: removed ? '已补报年度报告并公示' : null });
  }
  if (rng.chance(rates.enforcement)) {
    const filedOn = s.date(5, 30);
    const caseNumber = `（${filedOn.slice(0, 4)}）${courtCode}执${s.serial()}号`;
    const open = rng.chance(0.5);
    const amountFen = rng.int(10, 5000) * 100_000;
    out.enforcement.push({ ...base, caseNumber, court, amountFen, filedOn, status: open ? 'open' : 'closed', closedOn: open ? null : s.rng.dateBetween(new Date(filedOn), new Date(s.asOf.getTime() - 86_400_000)) });
    if (open && rng.chance(rates.dishonest / Math.max(rates.enforcement, 1e-9) / 0.5)) {
      out.dishonest.push({ ...base, caseNumber, court, obligation: `支付欠款 ${amountFen / 100} 元及利息`, performance: rng.chance(0.8) ? 'unperformed' : 'partially_performed', listedOn: s.rng.dateBetween(new Date(filedOn), new Date(s.asOf.getTime() - 86_400_000)), removedOn: null });
    }
  }
  const suits = rng.chance(rates.lawsuit) ? rng.int(1, 3) : 0;
  for (let i = 0; i < suits; i++) {
    const filedOn = s.date(4, 5);
    const open = rng.chance(0.35);
    out.lawsuits.push({ ...base, caseNumber: `（${filedOn.slice(0, 4)}）${courtCode}民初${s.serial()}号`, court, cause: rng.pick(LAWSUIT_CAUSES), role: rng.weighted([['defendant', 55], ['plaintiff', 40], ['third_party', 5]] as const), amountFen: rng.int(1, 3000) * 100_000, filedOn, status: open ? 'open' : 'closed', closedOn: open ? null : s.rng.dateBetween(new Date(filedOn), new Date(s.asOf.getTime() - 86_400_000)) });
  }
  if (e.status === 'revoked' || rng.chance(rates.revocation)) {
    out.revocations.push({ ...base, documentNumber: `${city}市监吊字〔${s.date(4, 10).slice(0, 4)}〕${s.serial()}号`, authority: `${city}市市场监督管理局`, reason: e.status === 'revoked' ? '成立后无正当理由超过六个月未开业或者开业后自行停业连续六个月以上' : '以暴力、胁迫手段催收债务，情节严重' , revokedOn: s.date(4, 10) });
  }
}

const ORDINARY = { penalty: 0.03, abnormal: 0.05, enforcement: 0.02, dishonest: 0.008, lawsuit: 0.08, revocation: 0.002 };

function emptyBatch(): DemoBatch {
  return { enterprises: [], agencies: [], penalties: [], abnormal: [], revocations: [], enforcement: [], dishonest: [], lawsuits: [] };
}

/** Yields the demo registry in batches: showcase and filed agencies first, then ordinary enterprises. */
export function* generateDemo(options: DemoOptions): Generator<DemoBatch> {
  const s = new State(options.seed, options.asOf);
  const batchSize = options.batchSize ?? 1000;
  let batch = emptyBatch();
  let made = 0;
  for (const show of SHOWCASE) {
    if (made >= options.enterprises) break;
    const e = makeEnterprise(s, show.cityCode, { name: show.name, scope: show.scope, formerNames: show.formerNames, status: 'active' });
    batch.enterprises.push(e);
    show.records(e, batch, s);
    batch.agencies.push({ creditCode: e.creditCode, filingNumber: `${show.cityCode.slice(0, 4)}-BA-${String(s.serial()).padStart(5, '0')}`, filedName: show.filedName ?? show.name, filingCityCode: show.cityCode, services: show.services, certificationLevel: show.certification, recommended: show.recommended, filedOn: s.date(3, 60), status: 'filed', source: SOURCE, fetchedAt: s.fetchedAt() });
    made++;
  }
  for (const [cityCode, count] of Object.entries(options.agencies ?? DEFAULT_AGENCIES)) {
    const already = SHOWCASE.filter((x) => x.cityCode === cityCode).length;
    for (let i = already; i < count && made < options.enterprises; i++) {
      const profile = agencyProfile(s.rng, cityCode);
      const e = makeEnterprise(s, cityCode, { word: profile.word, scope: profile.scope, status: profile.status });
      batch.enterprises.push(e);
      addRecords(s, e, batch, profile.rates);
      batch.agencies.push({ creditCode: e.creditCode, filingNumber: `${cityCode.slice(0, 4)}-BA-${String(s.serial()).padStart(5, '0')}`, filedName: e.name, filingCityCode: cityCode, services: profile.services, certificationLevel: profile.certification, recommended: profile.recommended, filedOn: s.date(4, 30), status: 'filed', source: SOURCE, fetchedAt: s.fetchedAt() });
      made++;
      if (batch.enterprises.length >= batchSize) { yield batch; batch = emptyBatch(); }
    }
  }
  while (made < options.enterprises) {
    const e = makeEnterprise(s, s.rng.weighted(CITY_WEIGHTS));
    batch.enterprises.push(e);
    addRecords(s, e, batch, ORDINARY);
    made++;
    if (batch.enterprises.length >= batchSize) { yield batch; batch = emptyBatch(); }
  }
  if (batch.enterprises.length) yield batch;
}
