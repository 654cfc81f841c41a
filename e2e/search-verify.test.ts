/**
 * In a real browser (Debian Chromium via playwright-core): search "jds", open 金鼎盛, see the
 * three verification steps and the grade; then a red agency; then the credit-code checker.
 * Screenshots go to e2e/artifacts/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, CHROMIUM, startHarness, type Harness } from './harness.js';

describe.skipIf(!CHROMIUM)('browser: search → agency page → verification', () => {
  let h: Harness;
  let base: string;

  beforeAll(async () => {
    h = await startHarness();
    base = h.base;
  });
  afterAll(async () => h?.close());

  async function newPage(width = 1280): Promise<Page> {
    const context = await h.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('close', () => expect(errors).toEqual([]));
    return page;
  }

  it('finds 金鼎盛 from "jds" and shows its green verification', async () => {
    const page = await newPage();
    await page.goto(base);
    await expect.poll(() => page.getByTestId('stats').textContent()).toContain('1,500');
    await page.getByTestId('search-input').locator('input').fill('jds');
    await page.keyboard.press('Enter');
    const link = page.getByRole('link', { name: '连云港金鼎盛商账管理有限公司' });
    await link.waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-jds.png') });
    await link.click();
    await page.getByTestId('verification').waitFor();
    const badge = page.getByTestId('grade-badge');
    await badge.waitFor();
    expect(await badge.getAttribute('data-grade')).toBe('green');
    for (const step of [1, 2, 3]) expect(await page.getByTestId(`step-${step}`).getAttribute('data-verdict')).toBe('pass');
    expect(await page.getByTestId('freshness').textContent()).toContain('demo:generator');
    await page.screenshot({ path: path.join(ARTIFACTS, 'agency-green.png'), fullPage: true });
    await page.close();
  });

  it('shows a red agency with the failing step, in English after switching language', async () => {
    const page = await newPage();
    await page.goto(`${base}/?q=${encodeURIComponent('蘇州鑫隆')}`);
    await page.getByRole('link', { name: '苏州鑫隆商账管理有限公司' }).click();
    await page.getByTestId('grade-badge').waitFor();
    expect(await page.getByTestId('grade-badge').getAttribute('data-grade')).toBe('red');
    expect(await page.getByTestId('step-3').getAttribute('data-verdict')).toBe('fail');
    expect(await page.getByTestId('verification').textContent()).toContain('失信被执行人');
    await page.getByTestId('language-switch').click();
    await page.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByTestId('verification').textContent()).toContain('dishonest judgment debtor');
    await page.screenshot({ path: path.join(ARTIFACTS, 'agency-red-en.png'), fullPage: true });
    await page.close();
  });

  it('explains a mistyped credit code, on a phone-sized screen', async () => {
    const page = await newPage(375);
    await page.goto(`${base}/credit-code`);
    await page.getByTestId('code-input').locator('input').fill('914403001922038217');
    await page.keyboard.press('Enter');
    const result = page.getByTestId('code-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('应为“6”');
    // Evaluated in the page, where DOM globals exist (the test itself is type-checked without the DOM lib).
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'credit-code-375.png'), fullPage: true });
    await page.close();
  });
});
