/**
 * In a real browser: a creditor commissions an agency (debt → agency with grade and fees → read,
 * download and sign the agreement) and revokes within the cooling-off period; the public fee
 * calculator explains a quote and names a malformed schedule's fault.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../test/accounts.js';
import { ARTIFACTS, CHROMIUM, startHarness, type Harness } from './harness.js';

describe.skipIf(!CHROMIUM)('browser: commission and cooling-off, fee calculator', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(600);
  });
  afterAll(async () => h?.close());

  async function newPage(width = 1280): Promise<Page> {
    const context = await h.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  }

  it('commissions an agency and revokes within cooling-off', async () => {
    await createUser(h.database, 'creditor', 'smallfirm@example.cn', 'warehouse ledger 2026');
    const debtor = await h.database.db.selectFrom('enterprises').leftJoin('agencies', 'agencies.enterprise_id', 'enterprises.id').select('enterprises.credit_code').where('agencies.id', 'is', null).where('enterprises.status', '=', 'active').orderBy('enterprises.id').limit(1).executeTakeFirstOrThrow();
    const page = await newPage();
    await page.goto(`${h.base}/login`);
    await page.getByTestId('login-email').fill('smallfirm@example.cn');
    await page.getByTestId('login-password').fill('warehouse ledger 2026');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('account-overview').waitFor();
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('new-case').click();
    await page.getByTestId('debtor-code').fill(debtor.credit_code);
    await page.getByLabel('本金').fill('86000');
    await page.getByTestId('due-on').click();
    await page.keyboard.type('2026-06-30');
    await page.keyboard.press('Enter');
    await page.getByTestId('description').fill('2026 年 3 月供货货款，对方确认收货后未付款');
    await page.getByTestId('save-debt').click();
    // Agencies are shown with their grade and fees; pick the first one that may be commissioned.
    await page.getByTestId('grade-badge').first().waitFor();
    await page.locator('[data-testid="pick-agency"]:not([disabled])').first().click();
    await page.screenshot({ path: path.join(ARTIFACTS, 'case-choose-agency.png'), fullPage: true });
    await page.getByTestId('open-case').click();
    await expect.poll(() => page.getByTestId('agreement-text').textContent()).toContain('不得采取跟踪、骚扰、恐吓');
    const download = page.waitForEvent('download');
    await page.getByTestId('download-pdf').click();
    expect((await download).suggestedFilename()).toMatch(/^agreement-[0-9a-f]{12}\.pdf$/);
    await page.getByTestId('accept-agreement').click();
    await page.getByTestId('accept-pi').click();
    await page.screenshot({ path: path.join(ARTIFACTS, 'case-agreement.png'), fullPage: true });
    await page.getByTestId('sign').click();
    await page.getByTestId('cooling-off').waitFor();
    expect(await page.getByTestId('case-status').getAttribute('data-status')).toBe('cooling_off');
    await page.screenshot({ path: path.join(ARTIFACTS, 'case-cooling-off.png'), fullPage: true });
    await page.getByTestId('revoke').click();
    await page.getByRole('button', { name: '撤销委托' }).last().click();
    await expect.poll(() => page.getByTestId('case-status').getAttribute('data-status')).toBe('revoked');
    const kinds = await page.getByTestId('timeline-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(['agreement_signed', 'commission_revoked']);
    expect(await page.getByTestId('revoke').count()).toBe(0);
    await page.close();
  });

  it('explains a fee quote bracket by bracket and names a malformed schedule’s fault', async () => {
    const page = await newPage(375);
    await page.goto(`${h.base}/fees`);
    await page.getByTestId('fee-result').waitFor();
    // Default schedule, ¥80,000: 49,999.99 × 30 % + 30,000.01 × 25 % = 22,499.9995 → ¥22,500.00.
    await expect.poll(() => page.getByTestId('fee-result').textContent()).toContain('22,500.00');
    expect(await page.getByTestId('fee-result').textContent()).toContain('57,500.00');
    // Usable at 375 px: nothing wider than the screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(ARTIFACTS, 'fee-calculator-mobile.png'), fullPage: true });
    await page.getByLabel('第 2 档上限').fill('10');
    await page.getByLabel('第 2 档上限').blur();
    await expect.poll(() => page.getByTestId('fee-error').textContent()).toMatch(/increasing order|unsorted/);
    await page.close();
  });
});
