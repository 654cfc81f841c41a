/**
 * "Sunshine collection" (阳光催收) certification: the scenario test and the level an agency earns. The test
 * draws questions deterministically from the bank for each application (so a retake of the same application
 * shows the same questions and nothing depends on the server's randomness); the level weighs the test score,
 * the complaint rate per 100 cases and the caseload-adjusted rating.
 */
import { Rng } from './prng.js';

/** One scenario. */
export interface Question {
  id: string;
  zh: string;
  en: string;
  options: Array<{ id: string; zh: string; en: string }>;
  answer: string;
}

/** The question bank. */
export interface QuestionBank {
  version: string;
  passMark: number;
  questionsPerTest: number;
  questions: Question[];
}

/** The questions of one application's test, without answers. */
export function drawQuestions(bank: QuestionBank, seed: number): Array<Omit<Question, 'answer'>> {
  const rng = new Rng(seed);
  const pool = [...bank.questions];
  // Fisher–Yates with the seeded generator, then the first N.
  for (let i = pool.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, Math.min(bank.questionsPerTest, pool.length)).map(({ answer: _answer, ...q }) => q);
}

/** Scores answers to the drawn questions: percentage correct, rounded down, and which were wrong. */
export function scoreTest(bank: QuestionBank, drawn: ReadonlyArray<{ id: string }>, answers: Record<string, string>): { score: number; passed: boolean; wrong: string[] } {
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const wrong = drawn.filter((q) => byId.get(q.id)?.answer !== answers[q.id]).map((q) => q.id);
  const score = drawn.length === 0 ? 0 : Math.floor(((drawn.length - wrong.length) * 100) / drawn.length);
  return { score, passed: score >= bank.passMark, wrong };
}

/** A certification level. */
export type CertificationLevel = 'A' | 'AA' | 'AAA';

/** What the level depends on. */
export interface LevelInputs {
  testScore: number;
  passMark: number;
  /** Complaints per 100 cases, or null with no cases yet. */
  complaintsPer100: number | null;
  /** Caseload-adjusted rating (1–5). */
  adjustedRating: number;
}

const LEVELS: Array<{ level: CertificationLevel; minScore: number; maxComplaints: number; minRating: number }> = [
  { level: 'AAA', minScore: 95, maxComplaints: 1, minRating: 4.5 },
  { level: 'AA', minScore: 90, maxComplaints: 3, minRating: 4.0 },
  { level: 'A', minScore: 0, maxComplaints: 5, minRating: 3.5 },
];

/** The level earned, or null with the reason it is not. No case history counts as no complaints. */
export function certificationLevel(x: LevelInputs): { level: CertificationLevel | null; reason: string } {
  if (x.testScore < x.passMark) return { level: null, reason: `test score ${x.testScore} is below the pass mark ${x.passMark}` };
  const complaints = x.complaintsPer100 ?? 0;
  for (const l of LEVELS) {
    if (x.testScore >= Math.max(l.minScore, x.passMark) && complaints <= l.maxComplaints && x.adjustedRating >= l.minRating) {
      return { level: l.level, reason: `score ${x.testScore} ≥ ${Math.max(l.minScore, x.passMark)}, ${complaints.toFixed(1)} complaints per 100 cases ≤ ${l.maxComplaints}, adjusted rating ${x.adjustedRating.toFixed(2)} ≥ ${l.minRating}` };
    }
  }
  return { level: null, reason: `${complaints.toFixed(1)} complaints per 100 cases or adjusted rating ${x.adjustedRating.toFixed(2)} falls short of level A (≤ 5 and ≥ 3.5)` };
}
