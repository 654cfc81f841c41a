import { describe, expect, it } from 'vitest';
import bankFile from './certification-questions.json' with { type: 'json' };
import { certificationLevel, drawQuestions, scoreTest, type QuestionBank } from './certification.js';

const bank = bankFile as QuestionBank;

describe('certification', () => {
  it('has a well-formed bank: unique ids, every answer among its options, bilingual', () => {
    expect(new Set(bank.questions.map((q) => q.id)).size).toBe(bank.questions.length);
    for (const q of bank.questions) {
      expect(q.options.map((o) => o.id)).toContain(q.answer);
      expect(q.zh.length && q.en.length).toBeTruthy();
    }
    expect(bank.questions.length).toBeGreaterThanOrEqual(bank.questionsPerTest);
  });

  it('draws the same questions for the same seed, without answers', () => {
    const a = drawQuestions(bank, 42);
    expect(a).toHaveLength(bank.questionsPerTest);
    expect(drawQuestions(bank, 42)).toEqual(a);
    expect(drawQuestions(bank, 43).map((q) => q.id)).not.toEqual(a.map((q) => q.id));
    expect(JSON.stringify(a)).not.toContain('"answer"');
  });

  it('scores answers and applies the pass mark', () => {
    const drawn = drawQuestions(bank, 7);
    const right = Object.fromEntries(drawn.map((q) => [q.id, bank.questions.find((b) => b.id === q.id)!.answer]));
    expect(scoreTest(bank, drawn, right)).toEqual({ score: 100, passed: true, wrong: [] });
    const twoWrong = { ...right, [drawn[0]!.id]: 'z', [drawn[1]!.id]: 'z' };
    expect(scoreTest(bank, drawn, twoWrong)).toMatchObject({ score: 80, passed: true });
    const threeWrong = { ...twoWrong, [drawn[2]!.id]: 'z' };
    expect(scoreTest(bank, drawn, threeWrong)).toMatchObject({ score: 70, passed: false, wrong: drawn.slice(0, 3).map((q) => q.id) });
  });

  it('grants levels from score, complaint rate and adjusted rating', () => {
    const base = { passMark: 80, complaintsPer100: 0.5, adjustedRating: 4.7 };
    expect(certificationLevel({ ...base, testScore: 100 }).level).toBe('AAA');
    expect(certificationLevel({ ...base, testScore: 90 }).level).toBe('AA');
    expect(certificationLevel({ ...base, testScore: 80 }).level).toBe('A');
    expect(certificationLevel({ ...base, testScore: 100, complaintsPer100: 2 }).level).toBe('AA');
    expect(certificationLevel({ ...base, testScore: 100, complaintsPer100: 4 }).level).toBe('A');
    expect(certificationLevel({ ...base, testScore: 100, complaintsPer100: 6 })).toMatchObject({ level: null });
    expect(certificationLevel({ ...base, testScore: 100, adjustedRating: 3.2 }).level).toBeNull();
    expect(certificationLevel({ ...base, testScore: 70 }).reason).toMatch(/below the pass mark/);
    expect(certificationLevel({ ...base, testScore: 96, complaintsPer100: null }).level).toBe('AAA');
  });
});
