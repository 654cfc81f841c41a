/**
 * Outbox durability: `xinqiao alerts deliver` is killed with SIGKILL at random points while it sends; after restarts
 * every alert event has reached the receiver, no delivery was lost, and a repeat — possible only for a request in
 * flight when the process died — carries the same delivery id, so a receiver that ignores seen ids gets each once.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { Rng } from '../../domain/prng.js';
import { createUserAsAdmin } from '../accounts/register.service.js';
import { loadPiiCipher } from '../privacy/pii-cipher.js';
import { seedDemo } from '../registry/demo/seed.js';
import { evaluateAlerts, watch } from './alerts.service.js';
import { addEndpoint } from './webhooks.service.js';

const BIN = path.resolve('bin/xinqiao.js');
const CLAIM_MS = 300;
const ALERTS = 40;

describe('webhook outbox under SIGKILL', () => {
  let dir: string;
  let receiver: http.Server;
  const seen: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.resolve('dist/src/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build:server` (npm install and npm test do it).');
    receiver = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => setTimeout(() => {
        seen.push(String(req.headers['x-xinqiao-delivery']));
        res.writeHead(204).end();
      }, 25));
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-webhook-crash-'));
    const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'xinqiao.db') });
    await migrateToLatest(database);
    await seedDemo(database, { enterprises: 200, seed: 9, asOf: new Date('2026-11-01T00:00:00Z') });
    const ctx = { db: database.db, dialect: database.dialect, actor: { kind: 'system' as const, name: 'test' }, clock: () => new Date(), log: { debug() {}, info() {}, warn() {}, error() {} } };
    const user = await createUserAsAdmin(ctx, { email: 'bank@example.cn', password: 'partner passphrase 1', displayName: 'bank', role: 'partner' });
    const asUser = { ...ctx, actor: { kind: 'user' as const, userId: user.id, role: 'partner' as const, sessionHash: null, token: null, mfaSatisfied: true, enterpriseCreditCode: null, enterpriseVerified: false } };
    await addEndpoint(asUser, loadPiiCipher({ keys: null, indexKey: null }, dir), `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
    const ents = await database.db.selectFrom('enterprises').select(['id', 'credit_code']).orderBy('id').limit(ALERTS).execute();
    await watch(asUser, ents.map((e) => ({ creditCode: e.credit_code })));
    const now = new Date().toISOString();
    await database.db.insertInto('dishonest_entries').values(ents.map((e, i) => ({ enterprise_id: e.id, case_number: `（2026）测执${i}号`, court: '测试法院', obligation: '付款', performance: 'unperformed' as const, listed_on: '2026-11-20', removed_on: null, source: 'test', fetched_at: now }))).execute();
    const r = await evaluateAlerts(ctx);
    expect(r.raised).toBeGreaterThanOrEqual(ALERTS);
    await database.close();
  });
  afterAll(async () => {
    await new Promise((r) => receiver?.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('delivers every event at least once, each repeat under the same id, none lost', async () => {
    const env = { ...process.env, XINQIAO_DATA_DIR: dir, DATABASE_URL: '', XINQIAO_WEBHOOK_CLAIM_MS: String(CLAIM_MS), LOG_LEVEL: 'silent' };
    const rng = new Rng(77);
    let kills = 0;
    for (let attempt = 0; attempt < 40; attempt++) {
      const child = spawn(process.execPath, [BIN, 'alerts', 'deliver'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const timer = setTimeout(() => child.kill('SIGKILL'), kills < 6 ? rng.int(350, 1200) : 60_000);
      const code = await exited;
      clearTimeout(timer);
      if (code === null) {
        kills++;
        await new Promise((r) => setTimeout(r, CLAIM_MS + 50)); // a claim held by the dead process runs out
        continue;
      }
      expect(code, stderr).toBe(0);
      const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'xinqiao.db') });
      const pending = await database.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '!=', 'delivered').executeTakeFirstOrThrow();
      await database.close();
      if (Number(pending.n) === 0) break;
      await new Promise((r) => setTimeout(r, CLAIM_MS + 50));
    }
    expect(kills).toBeGreaterThanOrEqual(2);
    const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'xinqiao.db') });
    const rows = await database.db.selectFrom('webhook_deliveries').select(['id', 'status']).execute();
    await database.close();
    expect(rows.length).toBeGreaterThanOrEqual(ALERTS);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    // Nothing lost: every outbox row reached the receiver; repeats only for requests in flight at a kill.
    expect(new Set(seen)).toEqual(new Set(rows.map((r) => String(r.id))));
    expect(seen.length - new Set(seen).size).toBeLessThanOrEqual(kills);
  }, 120_000);
});
