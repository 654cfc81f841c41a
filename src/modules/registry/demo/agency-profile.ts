/**
 * The character of a generated filed agency: what it offers, whether its scope covers that, how
 * clean its record is and what certification it earned. Most agencies are clean and green; about a
 * quarter have records that make them yellow or red, so the grades have something to explain.
 */
import type { Rng } from '../../../domain/prng.js';
import type { EnterpriseInput } from '../registry.repository.js';
import { AGENCY_SCOPE, AGENCY_WORDS } from './pools.js';

/** Record rates for addRecords. */
export interface RecordRates {
  penalty: number;
  abnormal: number;
  enforcement: number;
  dishonest: number;
  lawsuit: number;
  revocation: number;
}

/** A generated agency's profile. */
export interface AgencyProfile {
  word: string;
  services: string[];
  scope: string;
  certification: 'A' | 'AA' | 'AAA' | null;
  recommended: boolean;
  status: EnterpriseInput['status'];
  rates: RecordRates;
}

const CLEAN: RecordRates = { penalty: 0.05, abnormal: 0.03, enforcement: 0.01, dishonest: 0, lawsuit: 0.1, revocation: 0 };
const TROUBLED: RecordRates = { penalty: 0.35, abnormal: 0.25, enforcement: 0.2, dishonest: 0.08, lawsuit: 0.45, revocation: 0.04 };
const SERVICES = ['account_management', 'legal_affairs', 'credit_management', 'asset_disposal', 'mediation_support'] as const;

/** Draws a profile for one agency in a city. */
export function agencyProfile(rng: Rng, _cityCode: string): AgencyProfile {
  const count = rng.weighted([[1, 40], [2, 45], [3, 15]] as const);
  const services = [...new Set(Array.from({ length: count }, () => rng.weighted(SERVICES.map((s, i) => [s, [40, 25, 20, 10, 5][i]!] as const))))];
  const coverage = rng.weighted([['full', 88], ['partial', 7], ['none', 5]] as const);
  const covered = coverage === 'full' ? services : coverage === 'partial' ? services.slice(0, Math.max(0, services.length - 1)) : [];
  const scope = [...covered.map((s) => AGENCY_SCOPE[s]!), '企业管理咨询', '商务信息咨询（不含投资类咨询）'].join('；') + '。（依法须经批准的项目，经相关部门批准后方可开展经营活动）';
  const clean = rng.chance(0.75);
  const certification = clean && coverage === 'full' ? rng.weighted([['AAA', 17], ['AA', 25], ['A', 28], [null, 30]] as const) : rng.weighted([['A', 20], [null, 80]] as const);
  return {
    word: coverage === 'none' ? rng.pick(['商务咨询', '企业管理咨询']) : rng.pick(AGENCY_WORDS.slice(0, 4)),
    services,
    scope,
    certification,
    recommended: clean && (certification === 'AAA' || certification === 'AA'),
    status: rng.weighted([['active', 97], ['cancelled', 2], ['revoked', 1]] as const),
    rates: clean ? CLEAN : TROUBLED,
  };
}
