/** In a real browser: drop a file, see its log entry, and see the proof verified by the page itself (WebCrypto). */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testContext } from '../test/factories.js';
import { submitEvidence } from '../src/modules/evidence/evidence.service.js';
import { ARTIFACTS, CHROMIUM, startHarness, type Harness } from './harness.js';

const LETTER = Buffer.from('%PDF-1.4\n催收函 C-2026-0042\n%%EOF\n');

describe.skipIf(!CHROMIUM)('browser: public evidence check', () => {
  let h: Harness;
  let file: string;

  beforeAll(async () => {
    h = await startHarness(300);
    const ctx = { ...testContext(h.database), actor: { kind: 'system' as const, name: 'test' } };
    await submitEvidence(ctx, h.evidence, Readable.from([LETTER]), { mediaType: 'application/pdf', case: 'C-2026-0042', name: 'letter.pdf' });
    file = path.join(ARTIFACTS, 'letter.pdf');
    fs.writeFileSync(file, LETTER);
  });
  afterAll(async () => h?.close());

  it('finds a dropped file and verifies its inclusion proof and signed tree head in the browser', async () => {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${h.base}/evidence`);
    await page.locator('input[type=file]').setInputFiles(file);
    const checks = page.getByTestId('browser-checks');
    await checks.waitFor();
    expect(await checks.getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('evidence-entry').textContent()).toContain('C-2026-0042');
    await page.screenshot({ path: path.join(ARTIFACTS, 'evidence-check.png'), fullPage: true });
    await page.getByTestId('evidence-hash').locator('input').fill('0'.repeat(64));
    await page.keyboard.press('Enter');
    await page.getByTestId('evidence-not-found').waitFor();
    await context.close();
  });
});
