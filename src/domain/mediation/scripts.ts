/**
 * The mediation script library: reviewed base templates by dispute type and stage, a paragraph per debtor
 * situation and stage, and a sentence per amount band — combined and filled from the case. The bundled library is
 * data (script-library.json); administrators may replace it (validated: every type and situation must cover every
 * stage, so a script never shows a raw placeholder or a gap).
 */
import bundled from './script-library.json' with { type: 'json' };

/** A stage of a mediation conversation. */
export const STAGES = ['opening', 'hearing', 'proposal', 'counter', 'closing'] as const;
/** A stage. */
export type Stage = (typeof STAGES)[number];

/** A script library. */
export interface ScriptLibrary {
  version: string;
  disputeTypes: Record<string, string>;
  base: Record<string, Record<Stage, string>>;
  situations: Record<string, Record<Stage, string>>;
  amountBands: Record<string, { below: number | null; text: string }>;
}

/** The library shipped with the platform. */
export const BUNDLED_LIBRARY = bundled as unknown as ScriptLibrary;
/** A dispute type of the bundled library. */
export type DisputeType = keyof typeof bundled.base;
/** A debtor situation of the bundled library. */
export type Situation = keyof typeof bundled.situations;
/** Dispute types and situations of the bundled library. */
export const DISPUTE_TYPES = Object.keys(bundled.base) as DisputeType[];
export const SITUATIONS = Object.keys(bundled.situations) as Situation[];

/** How many distinct scripts a library yields. */
export function librarySize(lib: ScriptLibrary = BUNDLED_LIBRARY): number {
  return Object.keys(lib.base).length * STAGES.length * Object.keys(lib.situations).length * Object.keys(lib.amountBands).length;
}
/** The bundled library's size. */
export const LIBRARY_SIZE = librarySize();

const PLACEHOLDERS = ['debtorName', 'creditorName', 'amount', 'dueOn', 'plan', 'deadline'];

/** What is wrong with a library (empty when usable). */
export function libraryProblems(lib: ScriptLibrary): string[] {
  const problems: string[] = [];
  if (!lib || typeof lib !== 'object' || typeof lib.version !== 'string' || !lib.version) return ['version: a non-empty version is required'];
  for (const [group, entries] of [['base', lib.base], ['situations', lib.situations]] as const) {
    if (!entries || typeof entries !== 'object' || Object.keys(entries).length === 0) {
      problems.push(`${group}: at least one entry is required`);
      continue;
    }
    for (const [name, stages] of Object.entries(entries)) {
      for (const stage of STAGES) {
        const text = stages?.[stage];
        if (typeof text !== 'string' || !text.trim()) problems.push(`${group}.${name}.${stage}: text is required`);
        else for (const m of text.matchAll(/\{\{(\w+)\}\}/g)) if (!PLACEHOLDERS.includes(m[1]!)) problems.push(`${group}.${name}.${stage}: unknown placeholder {{${m[1]}}}`);
      }
    }
  }
  for (const type of Object.keys(lib.base ?? {})) if (!lib.disputeTypes?.[type]) problems.push(`disputeTypes.${type}: a label is required`);
  const bands = Object.entries(lib.amountBands ?? {});
  if (!bands.some(([, b]) => b.below === null)) problems.push('amountBands: one band must be open-ended (below: null)');
  return problems;
}

/** The facts a script is filled with. */
export interface ScriptFacts {
  debtorName: string;
  creditorName: string;
  amountFen: number;
  dueOn: string;
  plan?: string;
  deadline?: string;
}

/** The script for a case at a stage (unknown types or situations fall back to the first of the library). */
export function script(type: string, stage: Stage, situation: string, f: ScriptFacts, lib: ScriptLibrary = BUNDLED_LIBRARY): string {
  const base = lib.base[type] ?? Object.values(lib.base)[0]!;
  const sit = lib.situations[situation] ?? Object.values(lib.situations)[0]!;
  const bands = Object.values(lib.amountBands).sort((a, b) => (a.below ?? Infinity) - (b.below ?? Infinity));
  const band = bands.find((b) => b.below === null || f.amountFen < b.below)!;
  const values: Record<string, string> = {
    debtorName: f.debtorName, creditorName: f.creditorName, amount: `人民币 ${(f.amountFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`, dueOn: f.dueOn,
    plan: f.plan ?? '（待定方案）', deadline: f.deadline ?? '（期限）',
  };
  const text = [base[stage], sit[stage], stage === 'opening' || stage === 'proposal' ? band.text : ''].filter(Boolean).join('');
  return text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => values[k] ?? `{{${k}}}`);
}
