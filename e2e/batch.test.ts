/** In a real browser: a supplier list is uploaded, checked row by row, and the result downloaded as Excel. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, sessionFor } from '../test/accounts.js';
import { testContext } from '../test/factories.js';
import { ensureModel } from '../src/modules/risk/risk.service.js';
import { ARTIFACTS, CHROMIUM, startHarness, type Harness } from './harness.js';

describe.skipIf(!CHROMIUM)('browser: batch check', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(600);
    await ensureModel(testContext(h.database));
  });
  afterAll(async () => h?.close());

  it('uploads a CSV, shows matches and bad rows, and downloads the result', async () => {
    const user = await createUser(h.database, 'enterprise');
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    const s = await sessionFor(h.database, user.id);
    const [name, value] = s.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: h.base }]);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const rows = await h.database.db.selectFrom('enterprises').select(['credit_code', 'name']).orderBy('id').limit(3).execute();
    const csv = ['企业名称', rows[0]!.name, rows[1]!.credit_code, '91320500MA1XXXXXX0', '并不存在的某某公司'].join('\n');
    await page.goto(`${h.base}/batch-check`);
    await page.locator('input[type=file]').setInputFiles({ name: 'suppliers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('batch-summary').waitFor();
    const summary = await page.getByTestId('batch-summary').textContent();
    expect(summary).toContain('已匹配 2');
    expect(summary).toContain('无效 1');
    expect(summary).toContain('未找到 1');
    await page.screenshot({ path: path.join(ARTIFACTS, 'batch-check.png'), fullPage: true });
    const download = page.waitForEvent('download');
    await page.getByTestId('download-xlsx').click();
    expect((await download).suggestedFilename()).toBe('batch-check.xlsx');
    await context.close();
  });
});
