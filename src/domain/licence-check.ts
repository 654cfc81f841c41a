/**
 * Checks the content of an electronic business licence against the registry: the credit code,
 * the name and the legal representative must all match, the licence must be current and be the
 * account's own enterprise's. (Signature checking is the verifier's job; this is the comparison.)
 */
import { foldText } from './search-text.js';

/** The signed fields of a licence. */
export interface LicenceContent {
  issuer: string;
  creditCode: string;
  name: string;
  legalRepresentative: string;
  issuedAt: string;
  expiresAt: string | null;
}

/** What the registry says about the enterprise. */
export interface RegistryEnterprise {
  creditCode: string;
  name: string;
  legalRepresentative: string;
  status: string;
}

/** Compares a licence with the account and the registry; returns the reasons it fails (empty = matches). */
export function compareLicence(licence: LicenceContent, accountCreditCode: string | null, registry: RegistryEnterprise | null, now: Date): string[] {
  const reasons: string[] = [];
  const code = licence.creditCode.trim().toUpperCase();
  if (accountCreditCode && code !== accountCreditCode) reasons.push(`The licence is for credit code ${code}, but this account registered ${accountCreditCode}.`);
  if (!registry) {
    reasons.push(`No enterprise with credit code ${code} is in the registry.`);
    return reasons;
  }
  if (foldText(licence.name) !== foldText(registry.name)) reasons.push(`The licence names “${licence.name}”, the registry “${registry.name}”.`);
  if (foldText(licence.legalRepresentative) !== foldText(registry.legalRepresentative)) reasons.push(`The licence's legal representative (${licence.legalRepresentative}) differs from the registry's.`);
  if (registry.status !== 'active') reasons.push(`The enterprise's registration status is ${registry.status}.`);
  if (Date.parse(licence.issuedAt) > now.getTime()) reasons.push('The licence is dated in the future.');
  if (licence.expiresAt && Date.parse(licence.expiresAt) <= now.getTime()) reasons.push(`The licence expired on ${licence.expiresAt}.`);
  return reasons;
}
