/// <reference lib="dom" />
/**
 * In a real browser: elderly mode (remembered per browser and per account), read-aloud and voice search through the
 * Web Speech API, Traditional Chinese, keyboard access and role-aware navigation.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../test/accounts.js';
import { ARTIFACTS, CHROMIUM, contextFor, startHarness, type Harness } from './harness.js';

/** Records what the page asks the speech engine to say (headless Chromium has no voices to hear). */
function recordSpeech() {
  const spoken: Array<{ text: string; lang: string }> = [];
  (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
  window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => { spoken.push({ text: u.text, lang: u.lang }); };
}

/** A stand-in for the browser's speech recogniser that hears "金鼎盛" (the real one needs a microphone and a network service). */
function fakeRecognition() {
  class FakeRecognition {
    lang = '';
    onresult: ((e: unknown) => void) | null = null;
    onend: (() => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    start() {
      (window as unknown as { __recognitionLang: string }).__recognitionLang = this.lang;
      setTimeout(() => { this.onresult?.({ results: [[{ transcript: '金鼎盛。' }]] }); this.onend?.(); }, 50);
    }
    abort() { this.onend?.(); }
  }
  (window as unknown as { SpeechRecognition: unknown }).SpeechRecognition = FakeRecognition;
}

describe.skipIf(!CHROMIUM)('browser: experience for everyone', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(800);
  });
  afterAll(async () => h?.close());

  it('turns on elderly mode: 1.5× type, remembered in this browser', async () => {
    const context = await contextFor(h, null);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${h.base}/?q=jds`);
    await page.getByTestId('results').waitFor();
    const size = () => page.locator('h1').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    const normal = await size();
    await page.getByTestId('elderly-toggle').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-elderly'))).toBe(true);
    expect(await size()).toBeCloseTo(normal * 1.5, 0);
    expect(await page.locator('body').evaluate((el) => getComputedStyle(el).fontSize)).toBe('21px');
    const button = await page.getByRole('button', { name: /查\s?询/ }).boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(48);
    await page.mouse.move(0, 600); // no tooltip in the picture
    await page.screenshot({ path: path.join(ARTIFACTS, 'elderly-search.png') });
    await page.reload();
    await page.getByTestId('results').waitFor();
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-elderly'))).toBe(true);
    await context.close();
  });

  it('remembers elderly mode and language with the account, on another device', async () => {
    const user = await createUser(h.database, 'creditor');
    const first = await contextFor(h, user.id);
    const page = await first.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${h.base}/`);
    await page.getByTestId('account-menu').waitFor();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/account/preferences') && r.request().method() === 'PUT' && r.request().postData()!.includes('elderlyMode'));
    await page.getByTestId('elderly-toggle').click();
    expect((await saved).status()).toBe(200);
    await first.close();

    const second = await contextFor(h, user.id, { locale: 'en-US' });
    const other = await second.newPage();
    other.setDefaultTimeout(10_000);
    await other.goto(`${h.base}/`);
    await other.getByTestId('account-menu').waitFor();
    await expect.poll(() => other.evaluate(() => document.documentElement.hasAttribute('data-elderly'))).toBe(true);
    await second.close();
  });

  it('reads the page and its search results aloud in the interface language', async () => {
    const context = await contextFor(h, null, { init: recordSpeech });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${h.base}/?q=jds`);
    await page.getByTestId('results').waitFor();
    await page.getByTestId('read-aloud').click();
    const spoken = await page.evaluate(() => (window as unknown as { __spoken: Array<{ text: string; lang: string }> }).__spoken);
    expect(spoken.length).toBeGreaterThan(2);
    expect(spoken.every((s) => s.lang === 'zh-CN')).toBe(true);
    expect(spoken.map((s) => s.text).join(' ')).toContain('连云港金鼎盛商账管理有限公司');
    expect(Math.max(...spoken.map((s) => s.text.length))).toBeLessThanOrEqual(160);
    await page.getByTestId('language-switch').click();
    await page.getByTitle('English').click();
    await page.getByTestId('read-aloud').click();
    const english = await page.evaluate(() => (window as unknown as { __spoken: Array<{ lang: string }> }).__spoken.at(-1)!.lang);
    expect(english).toBe('en-US');
    await context.close();
  });

  it('searches by voice where the browser recognises speech', async () => {
    const context = await contextFor(h, null, { init: fakeRecognition });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${h.base}/`);
    await page.getByTestId('voice-search').click();
    await page.getByTestId('results').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('金鼎盛');
    expect(await page.evaluate(() => (window as unknown as { __recognitionLang: string }).__recognitionLang)).toBe('zh-CN');
    expect(await page.getByTestId('results').textContent()).toContain('金鼎盛');
    // A browser without a recogniser shows no microphone at all.
    const plain = await (await contextFor(h, null, { init: () => { for (const k of ['SpeechRecognition', 'webkitSpeechRecognition']) delete (window as unknown as Record<string, unknown>)[k]; } })).newPage();
    await plain.goto(`${h.base}/`);
    await plain.getByTestId('search-input').waitFor();
    expect(await plain.getByTestId('voice-search').count()).toBe(0);
    await context.close();
  });

  it('speaks Traditional Chinese, including texts the server sends', async () => {
    const context = await contextFor(h, null, { locale: 'zh-TW' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${h.base}/credit-code?code=91350100M000100Y43`);
    await page.getByTestId('code-result').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-TW');
    expect(await page.locator('header').textContent()).toContain('查詢');
    const result = (await page.getByTestId('code-result').textContent())!;
    expect(result).toMatch(/[碼驗]/u);
    expect(result).not.toMatch(/[码验]/u);
    await page.screenshot({ path: path.join(ARTIFACTS, 'zh-tw-credit-code.png') });
    await context.close();
  });

  it('is usable by keyboard: the skip link leads to the main content', async () => {
    const page = await (await contextFor(h, null)).newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${h.base}/agencies`);
    await page.locator('main, #main').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.getElementById('main')!.contains(document.activeElement))).toBe(true);
  });

  it('shows each role its dashboards, every chart with a table view', async () => {
    const sections = async (userId: number | null) => {
      const page = await (await contextFor(h, userId)).newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${h.base}/dashboard`);
      await page.getByTestId('chart-enterprises-by-city').locator('svg').first().waitFor();
      if (userId !== null) await page.getByTestId('account-menu').waitFor();
      await page.waitForLoadState('networkidle');
      return { page, charts: await page.locator('[data-testid^="chart-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid'))) };
    };
    const pub = await sections(null);
    expect(pub.charts).toEqual(expect.arrayContaining(['chart-enterprises-by-city', 'chart-enterprises-by-status', 'chart-agencies-by-certification', 'chart-adverse-records-by-month', 'chart-mediation-outcomes']));
    expect(pub.charts).not.toContain('chart-complaints-per-agency');
    const card = pub.page.getByTestId('chart-enterprises-by-city');
    await card.getByText('表格').click();
    expect(await card.locator('tbody tr').count()).toBeGreaterThan(1);
    await pub.page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-public.png'), fullPage: true });
    const regulator = await sections((await createUser(h.database, 'regulator')).id);
    expect(regulator.charts).toEqual(expect.arrayContaining(['chart-complaints-per-agency', 'chart-deadlines-met', 'chart-recovery-cycle']));
    await regulator.page.screenshot({ path: path.join(ARTIFACTS, 'dashboard-regulator.png'), fullPage: true });
    const creditor = await sections((await createUser(h.database, 'creditor')).id);
    expect(creditor.charts).toEqual(expect.arrayContaining(['chart-my-cases-by-status', 'chart-my-recoveries-by-month']));
    expect(creditor.charts).not.toContain('chart-deadlines-met');
  });

  it('fits every main page into a 375 px phone screen without sideways scrolling', async () => {
    const creditor = (await createUser(h.database, 'creditor')).id;
    const overflowing: string[] = [];
    for (const [userId, paths] of [[null, ['/', '/?q=jds', '/agencies', '/credit-code?code=91350100M000100Y43', '/fees', '/evidence', '/dashboard', '/login', '/register']], [creditor, ['/cases', '/cases/new', '/recourse', '/batch-check', '/watch', '/account', '/notifications', '/dashboard']]] as const) {
      for (const elderly of [false, true]) {
        const context = await contextFor(h, userId, { width: 375, init: elderly ? () => localStorage.setItem('xinqiao.elderly', '1') : undefined });
        const page = await context.newPage();
        page.setDefaultTimeout(15_000);
        for (const p of paths) {
          await page.goto(`${h.base}${p}`);
          await page.locator('h1').first().waitFor();
          await page.waitForLoadState('networkidle');
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          if (width > 375) overflowing.push(`${p}${elderly ? ' (elderly)' : ''}: ${width}px`);
        }
        await context.close();
      }
    }
    expect(overflowing).toEqual([]);
  }, 180_000);

  it('shows each role what it may do', async () => {
    const navOf = async (userId: number | null) => {
      const page = await (await contextFor(h, userId)).newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${h.base}/dashboard`);
      await page.getByTestId('nav-dashboard').waitFor();
      if (userId !== null) await page.getByTestId('account-menu').waitFor();
      return page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    };
    expect(await navOf(null)).not.toContain('nav-cases');
    const mediatorNav = await navOf((await createUser(h.database, 'mediator')).id);
    expect(mediatorNav).toContain('nav-mediator');
    expect(mediatorNav).not.toContain('nav-cases');
    const regulatorNav = await navOf((await createUser(h.database, 'regulator')).id);
    expect(regulatorNav).toEqual(expect.arrayContaining(['nav-cases', 'nav-admin']));
    expect(regulatorNav).not.toContain('nav-law-firm');
  });
});
