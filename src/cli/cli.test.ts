/** The compiled `xinqiao` command end to end, against a throw-away SQLite data directory. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCreditCode } from '../domain/credit-code.js';

const BIN = path.resolve('bin/xinqiao.js');
let dataDir: string;

function xinqiao(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, XINQIAO_DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('xinqiao CLI', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.resolve('dist/src/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build:server` (npm install and npm test do it).');
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('has --help on every command', () => {
    for (const cmd of [[], ['seed'], ['search'], ['check-code'], ['import'], ['migrate'], ['user', 'create'], ['log', 'verify'], ['log', 'verify-inclusion'], ['log', 'verify-consistency'], ['fees', 'quote'], ['cases', 'run-jobs'], ['calendar', 'add-working-days']]) {
      const r = xinqiao(...cmd, '--help');
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.out).toContain('Usage: xinqiao');
    }
  });

  it('adds working days across the 2025 National Day and 2026 Spring Festival holidays', () => {
    // Tue 2025-09-30 + 3: 1–8 Oct are holidays, Sat 11 Oct is a make-up working day → Thu 9, Fri 10, Sat 11.
    expect(xinqiao('calendar', 'add-working-days', '2025-09-30', '3').out.trim()).toBe('2025-10-11');
    // 18:00 on Fri 2026-02-13 in Shanghai; Sat 14 Feb is a make-up day; 15–23 Feb holidays → Sat 14, Tue 24, Wed 25.
    const r = xinqiao('calendar', 'add-working-days', '2026-02-13T10:00:00Z', '3', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ due: '2026-02-25', deadline: '2026-02-25T23:59:59+08:00' });
    // 23:30 UTC on 12 Feb is already 13 Feb in Shanghai.
    expect(xinqiao('calendar', 'add-working-days', '2026-02-12T23:30:00Z', '1').out.trim()).toBe('2026-02-14');
    expect(xinqiao('calendar', 'add-working-days', '2026-02-13', '0').out.trim()).toBe('2026-02-13');
    const bad = xinqiao('calendar', 'add-working-days', '2026-02-30', '3');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/not an ISO date/);
    expect(xinqiao('calendar', 'add-working-days', '2026-02-13T10:00:00', '3').err).toMatch(/offset/);
    expect(xinqiao('calendar', 'add-working-days', '2026-02-13', '-1').err).toMatch(/whole number/);
    expect(xinqiao('calendar', 'add-working-days', '2026-12-30', '5').err).toMatch(/no data for 2027/);
  });

  it('quotes a fee exactly and names a malformed schedule’s fault', () => {
    const good = path.join(dataDir, 'schedule.json');
    fs.writeFileSync(good, JSON.stringify({ mode: 'progressive', brackets: [{ upToFen: 4_999_999, rateBps: 3000 }, { upToFen: 10_000_000, rateBps: 2500 }, { upToFen: null, rateBps: 2000 }] }));
    const q = xinqiao('fees', 'quote', '80000', '--schedule', good, '--json');
    expect(q.code).toBe(0);
    expect(JSON.parse(q.out)).toMatchObject({ amountFen: 8_000_000, feeFen: 2_250_000, netFen: 5_750_000 });
    const bad = path.join(dataDir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ mode: 'flat', brackets: [{ upToFen: 100, rateBps: 12_000 }] }));
    const r = xinqiao('fees', 'quote', '10', '--schedule', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/outside 0–10000.*open-ended/s);
    expect(xinqiao('fees', 'quote', '1.234', '--schedule', good).err).toMatch(/at most two decimals/);
  });

  it('seeds, refuses to seed over data without --reset, and searches', () => {
    const seeded = xinqiao('seed', '--enterprises', '400');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/Seeded 400 enterprises/);
    const again = xinqiao('seed', '--enterprises', '400');
    expect(again.code).toBe(1);
    expect(again.err).toContain('--reset');
    const found = xinqiao('search', 'jds', '--json');
    expect(found.code).toBe(0);
    expect(JSON.parse(found.out).items[0].name).toBe('连云港金鼎盛商账管理有限公司');
    expect(xinqiao('search', '蘇州', '--agency-only').out).toContain('苏州');
  });

  it('bootstraps a regulator account with a generated password shown once', () => {
    const r = xinqiao('user', 'create', '--email', 'Admin@Example.cn', '--role', 'regulator');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Created regulator account admin@example.cn/);
    expect(r.out).toMatch(/Password \(shown once\): \S{16}/);
    const dup = xinqiao('user', 'create', '--email', 'admin@example.cn', '--role', 'regulator');
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('already exists');
    expect(xinqiao('user', 'create', '--email', 'x@example.cn', '--role', 'wizard').err).toContain('choices');
  });

  it('creates a licence issuer and signs a licence for a registered enterprise', () => {
    expect(xinqiao('licence', 'keygen', '--issuer', 'samr-demo').code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'licence-issuers.json'), 'utf8')).issuers['samr-demo']).toContain('BEGIN PUBLIC KEY');
    const code = JSON.parse(xinqiao('search', '金鼎盛', '--json').out).items[0].creditCode;
    const issued = xinqiao('licence', 'issue', '--issuer', 'samr-demo', '--credit-code', code);
    expect(issued.code).toBe(0);
    const doc = JSON.parse(issued.out);
    expect(doc.licence).toMatchObject({ issuer: 'samr-demo', creditCode: code, name: '连云港金鼎盛商账管理有限公司' });
    expect(Buffer.from(doc.signature, 'base64')).toHaveLength(64);
    expect(xinqiao('licence', 'issue', '--issuer', 'nobody', '--credit-code', code).err).toContain('keygen');
  });

  it('verifies the log and proof files offline with exit statuses', () => {
    const verified = xinqiao('log', 'verify', '--json');
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ ok: true, problems: [] });
    const good = path.join(dataDir, 'proof.json');
    const leaf = '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d'; // RFC 6962 leaf of the empty entry
    fs.writeFileSync(good, JSON.stringify({ leafIndex: 0, treeSize: 1, leafHash: leaf, path: [], rootHash: leaf }));
    expect(xinqiao('log', 'verify-inclusion', good).code).toBe(0);
    fs.writeFileSync(good, JSON.stringify({ leafIndex: 0, treeSize: 1, leafHash: leaf, path: [], rootHash: '0'.repeat(64) }));
    const bad = xinqiao('log', 'verify-inclusion', good);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('does NOT hold');
  });

  it('checks credit codes with an exit status', () => {
    const ok = xinqiao('check-code', '91350100m000100y43');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('VALID');
    const bad = xinqiao('check-code', '91350100M000100Y44', '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ valid: false, reason: 'check_character_mismatch', expectedCheckCharacter: '3' });
  });

  it('imports a CSV, reports bad rows with line numbers, and a re-run changes nothing', () => {
    const code = buildCreditCode('9', '1', '320583', '2B3C4D5E');
    const file = path.join(dataDir, 'enterprises.csv');
    fs.writeFileSync(file, `credit_code,name,legal_representative,established_on\n${code},昆山命令行测试有限公司,钱七,2020-05-05\nBAD,坏行,x,2020-01-01\n`);
    const first = xinqiao('import', 'enterprises', file);
    expect(first.code).toBe(2);
    expect(first.out).toContain('1 inserted');
    expect(first.out).toMatch(/line 3: creditCode/);
    const second = xinqiao('import', 'enterprises', file, '--json');
    expect(JSON.parse(second.out)).toMatchObject({ read: 2, inserted: 0, updated: 0, unchanged: 1 });
    const missing = xinqiao('import', 'penalties', path.join(dataDir, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('File not found');
    const wrongKind = xinqiao('import', 'cats', file);
    expect(wrongKind.code).not.toBe(0);
    expect(wrongKind.err).toContain('choices');
  });
});
