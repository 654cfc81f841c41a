/// <reference lib="dom" />
/**
 * axe-core on every main page, signed out and as each role, in normal and in elderly mode: no serious or critical
 * WCAG 2.1 A/AA violation. Failures list each rule with the elements it found, so a regression is easy to locate.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createVerifiedUser } from '../test/accounts.js';
import { CHROMIUM, contextFor, startHarness, type Harness } from './harness.js';

describe.skipIf(!CHROMIUM)('browser: accessibility (axe-core)', () => {
  let h: Harness;
  const pages: Array<{ who: string; userId: number | null; path: string; ready: string }> = [];

  beforeAll(async () => {
    h = await startHarness(800);
    const agency = await h.database.db.selectFrom('agencies').innerJoin('enterprises', 'enterprises.id', 'agencies.enterprise_id').select(['agencies.id', 'enterprises.id as enterpriseId', 'enterprises.credit_code']).where('enterprises.name', '=', '连云港金鼎盛商账管理有限公司').executeTakeFirstOrThrow();
    const debtorCode = (await h.database.db.selectFrom('enterprises').select('credit_code').where('credit_code', '!=', agency.credit_code).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow()).credit_code;
    const creditor = await createUser(h.database, 'creditor');
    const debtor = await createVerifiedUser(h.database, 'debtor', debtorCode);
    const regulator = await createUser(h.database, 'regulator');
    const mediator = await createUser(h.database, 'mediator');
    const firm = await createUser(h.database, 'law_firm');
    const { sessionFor } = await import('../test/accounts.js');
    const s = await sessionFor(h.database, creditor.id);
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const debt = (await h.app.inject({ method: 'POST', url: '/api/v1/debts', headers, payload: { debtor: { kind: 'enterprise', creditCode: debtorCode }, principalFen: 3_000_000, dueOn: '2026-06-30', description: '货款' } })).json();
    const caseId = (await h.app.inject({ method: 'POST', url: '/api/v1/cases', headers, payload: { debtId: debt.id, agencyId: agency.id } })).json().id;
    await h.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/sign`, headers, payload: { acceptAgreement: true, authorisePersonalInformation: true } });
    const anon = (path: string, ready = 'h1') => pages.push({ who: 'public', userId: null, path, ready });
    anon('/');
    anon('/?q=jds', '[data-testid="results"]');
    anon('/agencies');
    anon(`/enterprises/${agency.enterpriseId}`, '[data-testid="verification"]');
    anon(`/credit-code?code=${agency.credit_code}`, '[data-testid="code-result"]');
    anon('/fees');
    anon('/evidence');
    anon('/dashboard');
    anon('/login');
    anon('/register');
    anon('/no-such-page', '.ant-result');
    for (const path of ['/cases', '/cases/new', `/cases/${caseId}`, '/recourse', '/batch-check', '/watch', '/account', '/notifications']) pages.push({ who: 'creditor', userId: creditor.id, path, ready: 'h1' });
    pages.push({ who: 'debtor', userId: debtor.id, path: `/cases/${caseId}`, ready: 'h1' });
    pages.push({ who: 'regulator', userId: regulator.id, path: '/admin', ready: 'h1' });
    pages.push({ who: 'mediator', userId: mediator.id, path: '/mediator', ready: 'h1' });
    pages.push({ who: 'law firm', userId: firm.id, path: '/law-firm', ready: 'h1' });
  }, 120_000);
  afterAll(async () => h?.close());

  for (const mode of ['normal', 'elderly'] as const) {
    it(`has no serious or critical violation on any main page (${mode} mode)`, async () => {
      const found: string[] = [];
      for (const p of pages) {
        const context = await contextFor(h, p.userId, { init: mode === 'elderly' ? () => localStorage.setItem('xinqiao.elderly', '1') : undefined });
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        await page.goto(`${h.base}${p.path}`);
        await page.locator(p.ready).first().waitFor();
        await page.waitForLoadState('networkidle');
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
          found.push(`${p.who} ${p.path}: ${v.id} (${v.impact}) — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        }
        await context.close();
      }
      expect(found).toEqual([]);
    }, 300_000);
  }
});
