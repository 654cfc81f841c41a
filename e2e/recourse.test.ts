/**
 * In a real browser: a debtor objects to a penalty on its own enterprise page, the record shows "under
 * objection" at once, the regulator corrects it from the review queue, and the page shows the correction.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../test/accounts.js';
import { updateUser } from '../src/modules/accounts/accounts.repository.js';
import { ARTIFACTS, CHROMIUM, contextFor, startHarness, type Harness } from './harness.js';

describe.skipIf(!CHROMIUM)('browser: debtor objection and regulator review', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(600);
  });
  afterAll(async () => h?.close());

  it('objects to a penalty, shows it under objection, and shows the regulator’s correction', async () => {
    const row = await h.database.db.selectFrom('penalties').innerJoin('enterprises', 'enterprises.id', 'penalties.enterprise_id').select(['enterprises.id', 'enterprises.credit_code']).where('penalties.withdrawn_at', 'is', null).orderBy('penalties.id').limit(1).executeTakeFirstOrThrow();
    const debtor = await createUser(h.database, 'debtor');
    await updateUser(h.database.db, debtor.id, { enterprise_credit_code: row.credit_code, verification_status: 'verified' });
    const regulator = await createUser(h.database, 'regulator');

    const page = await (await contextFor(h, debtor.id)).newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${h.base}/enterprises/${row.id}`);
    await page.getByTestId('records-penalties').getByTestId('object-record').first().click();
    await page.getByTestId('reason-text').fill('该处罚已经行政复议撤销，复议决定书附后');
    // Wait for the server's answer first: on a loaded CI machine the POST and the page's reload can take seconds, and
    // a refused objection should fail here with its status, not later as a missing tag.
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/objections'), { timeout: 30_000 }),
      page.getByTestId('reason-submit').click(),
    ]);
    expect(answer.status(), await answer.text()).toBe(201);
    await page.getByTestId('records-penalties').getByTestId('record-objection').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('records-penalties').getByTestId('record-objection').first().getAttribute('data-status')).toBe('open');
    await page.screenshot({ path: path.join(ARTIFACTS, 'objection-under-review.png'), fullPage: true });

    const reg = await (await contextFor(h, regulator.id)).newPage();
    reg.setDefaultTimeout(20_000);
    await reg.goto(`${h.base}/recourse`);
    await reg.getByTestId('decide-objection').first().click();
    await reg.getByRole('radio', { name: '已更正' }).check();
    await reg.getByLabel('理由').fill('复议决定书核实无误');
    await reg.getByLabel('更正内容').fill('该处罚已于 2026-03-01 经行政复议撤销');
    await reg.getByRole('button', { name: /提\s?交/ }).click();
    await expect.poll(() => reg.getByText('复议决定书核实无误').count()).toBe(0);
    await reg.screenshot({ path: path.join(ARTIFACTS, 'regulator-objection-queue.png'), fullPage: true });

    await page.reload();
    await expect.poll(() => page.getByTestId('records-penalties').getByTestId('record-objection').first().getAttribute('data-status')).toBe('corrected');
    expect(await page.getByTestId('records-penalties').textContent()).toContain('该处罚已于 2026-03-01 经行政复议撤销');
  }, 90_000);
});
