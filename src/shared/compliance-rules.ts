/**
 * Loads the compliance rules: an operator's $XINQIAO_DATA_DIR/compliance-rules.json, else the bundled
 * versions. Validated at start-up so a malformed rules file fails fast with the field at fault.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import bundled from '../domain/compliance-rules.json' with { type: 'json' };
import type { RuleSet } from '../domain/compliance.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const ZRuleSet = z.object({
  version: z.string().min(1).max(32),
  effectiveFrom: z.iso.datetime({ offset: true }),
  sources: z.array(z.string()),
  quietHours: z.object({ start: hhmm, end: hhmm }),
  connectedCallsPerDay: z.number().int().min(0),
  callAttemptsPerWindow: z.object({ max: z.number().int().min(0), days: z.number().int().min(1) }),
  retentionYears: z.number().int().min(2, 'collection records are kept at least 2 years'),
  thirdPartyDisclosurePhrases: z.array(z.string().min(1)),
  forbiddenContent: z.record(z.string(), z.array(z.string().min(1))),
});
const ZRules = z.object({ versions: z.array(ZRuleSet).min(1) });

/** Parses a rules document; throws a readable error naming the field. */
export function parseRules(data: unknown, origin: string): RuleSet[] {
  const parsed = ZRules.safeParse(data);
  if (!parsed.success) throw new Error(`Compliance rules in ${origin} are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const versions = parsed.data.versions.map((v) => v.version);
  if (new Set(versions).size !== versions.length) throw new Error(`Compliance rules in ${origin} repeat a version.`);
  return parsed.data.versions;
}

/** The rule versions in force for this deployment. */
export function loadComplianceRules(dataDir: string): RuleSet[] {
  const file = path.join(dataDir, 'compliance-rules.json');
  return fs.existsSync(file) ? parseRules(JSON.parse(fs.readFileSync(file, 'utf8')), file) : parseRules(bundled, 'the bundled rules');
}
