/** In a real browser: the creditor proposes instalments on an active case, the debtor accepts, the settlement documents appear. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createVerifiedUser, sessionFor } from '../test/accounts.js';
import { ARTIFACTS, CHROMIUM, contextFor, startHarness, type Harness } from './harness.js';

describe.skipIf(!CHROMIUM)('browser: mediation', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(600);
  });
  afterAll(async () => h?.close());

  /** An active case of `principalFen` between a new creditor and a new verified debtor. */
  async function activeCase(principalFen: number) {
    const agency = await h.database.db.selectFrom('agencies').innerJoin('enterprises', 'enterprises.id', 'agencies.enterprise_id').select(['agencies.id', 'enterprises.credit_code']).where('enterprises.name', '=', '连云港金鼎盛商账管理有限公司').executeTakeFirstOrThrow();
    const debtorCode = (await h.database.db.selectFrom('enterprises').select('credit_code').where('credit_code', '!=', agency.credit_code).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()).credit_code;
    const creditor = await createUser(h.database, 'creditor');
    const debtor = await createVerifiedUser(h.database, 'debtor', debtorCode);
    const s = await sessionFor(h.database, creditor.id);
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const debt = (await h.app.inject({ method: 'POST', url: '/api/v1/debts', headers, payload: { debtor: { kind: 'enterprise', creditCode: debtorCode }, principalFen, dueOn: '2026-06-30', description: '货款' } })).json();
    const caseId = (await h.app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload: { debtId: debt.id, agencyId: agency.id } })).json().id;
    await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/sign`, headers, payload: { acceptAgreement: true, authorisePersonalInformation: true } });
    // The harness clock stands still: end the cooling-off period in the data instead.
    await h.database.db.updateTable('cases').set({ status: 'active', activated_at: '2026-11-22T00:00:00.000Z', cooling_off_ends_at: '2026-11-22T00:00:00.000Z' }).where('id', '=', caseId).execute();
    return { caseId: caseId as number, creditor, debtor };
  }

  it('takes an offer from proposal to accepted settlement with its documents', async () => {
    const { caseId, creditor, debtor } = await activeCase(3_000_000);
    const page = await (await contextFor(h, creditor.id)).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${h.base}/cases/${caseId}`);
    await page.getByTestId('mediation-panel').waitFor();
    await expect.poll(() => page.getByTestId('mediation-panel').textContent()).toContain('先行调解');
    await page.getByTestId('propose-offer').click();
    await expect.poll(() => page.getByTestId('mediation-panel').textContent()).toContain('分 6 期');

    const debtorPage = await (await contextFor(h, debtor.id)).newPage();
    debtorPage.setDefaultTimeout(10_000);
    await debtorPage.goto(`${h.base}/cases/${caseId}`);
    await debtorPage.getByTestId('accept-offer').click();
    await debtorPage.getByText('调解协议（PDF）').waitFor();
    await debtorPage.screenshot({ path: path.join(ARTIFACTS, 'mediation-accepted.png'), fullPage: true });
    const kinds = await debtorPage.getByTestId('timeline-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['mediation_opened', 'mediation_settled']));
  });

  it('lets a mediator take a case from the desk and propose a plan both sides accept', async () => {
    const { caseId, creditor, debtor } = await activeCase(2_000_000);
    const mediator = await createUser(h.database, 'mediator');
    const page = await (await contextFor(h, mediator.id)).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${h.base}/mediator`);
    await page.getByTestId(`take-${caseId}`).click();
    await page.getByText('已受理案件').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'mediator-desk.png'), fullPage: true });
    await page.getByRole('link', { name: '查看' }).first().click();
    await page.getByTestId('mediation-panel').waitFor();
    await page.getByTestId('propose-offer').click();
    await expect.poll(() => page.getByTestId('mediation-panel').textContent()).toContain('调解员提出');
    for (const party of [creditor, debtor]) {
      const p = await (await contextFor(h, party.id)).newPage();
      p.setDefaultTimeout(10_000);
      await p.goto(`${h.base}/cases/${caseId}`);
      await p.getByTestId('accept-offer').click();
      await expect.poll(() => p.getByTestId('mediation-panel').textContent()).toMatch(/已同意|调解协议（PDF）/);
    }
    await page.reload();
    await page.getByText('调解协议（PDF）').waitFor();

    // The outcome shows on the public statistics page, as a chart, as a table and as CSV.
    const pub = await (await h.browser.newContext({ locale: 'zh-CN' })).newPage();
    pub.setDefaultTimeout(10_000);
    await pub.goto(`${h.base}/dashboard`);
    const card = pub.getByTestId('chart-mediation-outcomes');
    await card.locator('svg').first().waitFor();
    await card.getByText('表格').click();
    await expect.poll(() => card.locator('tbody').textContent()).toContain('协议履行中');
    const [download] = await Promise.all([pub.waitForEvent('download'), pub.getByTestId('csv-mediation-outcomes').click()]);
    const csv = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((s) => { let t = ''; s.on('data', (c: Buffer) => (t += c.toString('utf8'))); s.on('end', () => resolve(t)); s.on('error', reject); });
    });
    expect(csv).toMatch(/^\uFEFF结果,案件数\r\n/);
    expect(csv).toMatch(/协议履行中,[1-9]/);
    await pub.screenshot({ path: path.join(ARTIFACTS, 'dashboard.png'), fullPage: true });
  });

  it('lets a law firm register its profile and see its queue', async () => {
    const firm = await createUser(h.database, 'law_firm');
    const page = await (await contextFor(h, firm.id)).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${h.base}/law-firm`);
    await page.getByLabel('律所名称').fill('苏州明理律师事务所');
    await page.getByLabel('服务地区（行政区划代码）').fill('320500 320700');
    await page.getByRole('button', { name: /保\s?存/ }).click();
    await page.getByText('已保存。').waitFor();
    await page.getByText('暂无案件').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'law-firm-desk.png'), fullPage: true });
  });
});
