/**
 * The mediation script library: reviewed base templates by dispute type and stage, a paragraph per debtor
 * situation and stage, and a sentence per amount band — combined and filled from the case. Every combination
 * renders (a test walks them all), so a script never shows a raw placeholder.
 */
import library from './script-library.json' with { type: 'json' };

/** A stage of a mediation conversation. */
export const STAGES = ['opening', 'hearing', 'proposal', 'counter', 'closing'] as const;
/** A stage. */
export type Stage = (typeof STAGES)[number];
/** A dispute type. */
export type DisputeType = keyof typeof library.base;
/** A debtor situation. */
export type Situation = keyof typeof library.situations;

/** Every dispute type, situation and amount band in the library. */
export const DISPUTE_TYPES = Object.keys(library.base) as DisputeType[];
export const SITUATIONS = Object.keys(library.situations) as Situation[];
const BANDS = Object.entries(library.amountBands) as Array<[string, { below: number | null; text: string }]>;

/** How many distinct scripts the library yields. */
export const LIBRARY_SIZE = DISPUTE_TYPES.length * STAGES.length * SITUATIONS.length * BANDS.length;

/** The facts a script is filled with. */
export interface ScriptFacts {
  debtorName: string;
  creditorName: string;
  amountFen: number;
  dueOn: string;
  plan?: string;
  deadline?: string;
}

/** The script for a case at a stage. */
export function script(type: DisputeType, stage: Stage, situation: Situation, f: ScriptFacts): string {
  const band = BANDS.find(([, b]) => b.below === null || f.amountFen < b.below)![1];
  const values: Record<string, string> = {
    debtorName: f.debtorName, creditorName: f.creditorName, amount: `人民币 ${(f.amountFen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`, dueOn: f.dueOn,
    plan: f.plan ?? '（待定方案）', deadline: f.deadline ?? '（期限）',
  };
  const text = [library.base[type][stage], library.situations[situation][stage], stage === 'opening' || stage === 'proposal' ? band.text : ''].filter(Boolean).join('');
  return text.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => values[k] ?? `{{${k}}}`);
}
