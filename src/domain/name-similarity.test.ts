import { describe, expect, it } from 'vitest';
import { nameSimilarity } from './name-similarity.js';

describe('name similarity', () => {
  it('is 1 for the same name in traditional characters or with spaces, lower for different names', () => {
    expect(nameSimilarity('蘇州恒信商務諮詢有限公司', '苏州恒信商务咨询有限公司')).toBe(1);
    expect(nameSimilarity('苏州 恒信', '苏州恒信')).toBe(1);
    const near = nameSimilarity('苏州恒信商务咨询公司', '苏州恒信商务咨询有限公司');
    const far = nameSimilarity('苏州恒信商务咨询有限公司', '连云港金鼎盛商账管理有限公司');
    expect(near).toBeGreaterThanOrEqual(0.8);
    expect(far).toBeLessThan(0.4);
    expect(nameSimilarity('', '苏州')).toBe(0);
  });
});
