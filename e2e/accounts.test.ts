/**
 * In a real browser: register, sign out, a wrong password's message, sign in; then a verified
 * enterprise declares a related party and sees its open lawsuits, which the public cannot.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../test/accounts.js';
import { testContext } from '../test/factories.js';
import * as registry from '../src/modules/registry/registry.service.js';
import { ARTIFACTS, CHROMIUM, startHarness, type Harness } from './harness.js';

describe.skipIf(!CHROMIUM)('browser: accounts and tiered visibility', () => {
  let h: Harness;
  let base: string;
  const database = () => h.database;

  beforeAll(async () => {
    h = await startHarness(600);
    base = h.base;
  });
  afterAll(async () => h?.close());

  async function newPage(): Promise<Page> {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    return page;
  }

  it('registers, signs out, refuses a wrong password with a readable message, signs in', async () => {
    const page = await newPage();
    await page.goto(`${base}/register`);
    await page.getByTestId('register-name').fill('张三');
    await page.getByTestId('register-email').fill('zhangsan@example.cn');
    await page.getByTestId('register-password').fill('a long passphrase');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('account-overview').waitFor();
    expect(await page.getByTestId('account-overview').textContent()).toContain('zhangsan@example.cn');
    await page.getByTestId('account-menu').hover();
    await page.getByText('退出登录').click();
    await page.getByTestId('sign-in-link').click();
    await page.getByTestId('login-email').fill('zhangsan@example.cn');
    await page.getByTestId('login-password').fill('wrong password!');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Email or password is incorrect');
    await page.getByTestId('login-password').fill('a long passphrase');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('account-overview').waitFor();
    expect(await page.getByTestId('account-menu').textContent()).toContain('张三');
    await page.close();
  });

  it('lets a verified enterprise declare a related party and see its open lawsuits', async () => {
    const hengxin = (await registry.search(testContext(database()), { q: '苏州恒信商务咨询有限公司', page: 1, pageSize: 1 })).items[0]!;
    const u = await createUser(database(), 'enterprise_verified', 'buyer@example.cn', 'port city passphrase 1');
    await database().db.updateTable('users').set({ enterprise_credit_code: '91350100M000100Y43' }).where('id', '=', u.id).execute();
    const page = await newPage();
    await page.goto(`${base}/enterprises/${hengxin.id}`);
    await page.getByTestId('records-lawsuits').waitFor();
    expect(await page.getByTestId('records-open-lawsuits').count()).toBe(0);
    await page.goto(`${base}/login`);
    await page.getByTestId('login-email').fill('buyer@example.cn');
    await page.getByTestId('login-password').fill('port city passphrase 1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('account-overview').waitFor();
    await page.getByRole('tab', { name: '关联方' }).click();
    await page.getByLabel('统一社会信用代码').fill(hengxin.creditCode);
    await page.getByLabel('用途').fill('签订服务合同前的尽职调查');
    await page.getByRole('button', { name: /添\s?加/ }).click(); // Ant Design spaces two-character Chinese labels
    await page.getByText('苏州恒信商务咨询有限公司').waitFor();
    await page.goto(`${base}/enterprises/${hengxin.id}`);
    await page.getByTestId('records-open-lawsuits').waitFor();
    expect(await page.getByTestId('records-open-lawsuits').textContent()).toContain('服务合同纠纷');
    expect(await page.getByTestId('access-note').textContent()).toBe('此次查看已记录（用途：签订服务合同前的尽职调查）。');
    await page.screenshot({ path: path.join(ARTIFACTS, 'related-party-open-lawsuits.png'), fullPage: true });
    await page.close();
  });
});
