/**
 * Crash safety: `xinqiao sync` is killed with SIGKILL at random points while it imports from a local HTTP feed,
 * restarted each time, and its final database equals that of an uninterrupted run — no loss, no duplicates.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../domain/prng.js';
import { startFeedServer } from './test-feed-server.js';

const BIN = path.resolve('bin/xinqiao.js');
const LEASE_MS = 300;

describe('sync killed at random points', () => {
  let feed: Awaited<ReturnType<typeof startFeedServer>>;
  const dirs: string[] = [];

  beforeAll(async () => {
    if (!fs.existsSync(path.resolve('dist/src/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build:server` (npm install and npm test do it).');
    feed = await startFeedServer({ enterprises: 900, seed: 3, delayMs: 8, failEvery: 13 });
  });
  afterAll(async () => {
    await feed?.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  function dataDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xq-crash-'));
    dirs.push(dir);
    const source = (name: string, kind: string, pageSize: number) => ({ name, kind, type: 'http', url: `${feed.url}/feeds/${name}`, pageSize, ratePerSecond: 1000, backoffMs: 5 });
    fs.writeFileSync(path.join(dir, 'sources.json'), JSON.stringify({ sources: [source('enterprises', 'enterprises', 30), source('dishonest', 'dishonest', 10)] }));
    return dir;
  }
  const env = (dir: string) => ({ ...process.env, XINQIAO_DATA_DIR: dir, DATABASE_URL: '', XINQIAO_SYNC_LEASE_MS: String(LEASE_MS), LOG_LEVEL: 'silent' });

  /** Pages committed by every run so far (0 before the database exists). */
  function committedPages(dir: string): number {
    if (!fs.existsSync(path.join(dir, 'xinqiao.db'))) return 0;
    try {
      const db = new Database(path.join(dir, 'xinqiao.db'), { readonly: true, fileMustExist: true });
      try {
        return (db.prepare('SELECT COALESCE(SUM(pages), 0) AS n FROM sync_runs').get() as { n: number }).n;
      } finally {
        db.close();
      }
    } catch {
      return 0; // not migrated yet
    }
  }

  /** What a run leaves behind, without times (fetch times differ between runs by nature). */
  function state(dir: string) {
    const db = new Database(path.join(dir, 'xinqiao.db'), { readonly: true });
    try {
      return {
        enterprises: db.prepare('SELECT credit_code, name, status, legal_representative, source FROM enterprises ORDER BY credit_code').all(),
        formerNames: db.prepare('SELECT e.credit_code, f.name FROM enterprise_former_names f JOIN enterprises e ON e.id = f.enterprise_id ORDER BY 1, 2').all(),
        dishonest: db.prepare('SELECT case_number, performance, obligation, withdrawn_at IS NOT NULL AS withdrawn, source FROM dishonest_entries ORDER BY case_number').all(),
        quarantine: db.prepare('SELECT source, position, reason FROM sync_quarantine ORDER BY source, position').all(),
        cursors: db.prepare('SELECT name, cursor FROM sync_sources ORDER BY name').all(),
      };
    } finally {
      db.close();
    }
  }

  it('ends in the same state as an uninterrupted run', async () => {
    const calm = dataDir();
    // Asynchronous: the feed answers from this process, so a blocking spawnSync would starve it.
    const calmRun = spawn(process.execPath, [BIN, 'sync'], { env: env(calm), stdio: ['ignore', 'ignore', 'pipe'] });
    let calmErr = '';
    calmRun.stderr.on('data', (d: Buffer) => (calmErr += d.toString()));
    expect(await new Promise<number | null>((resolve) => calmRun.once('exit', resolve)), calmErr).toBe(0);

    const crashed = dataDir();
    const rng = new Rng(20_261_123);
    let kills = 0;
    for (let attempt = 0; attempt < 60; attempt++) {
      const child = spawn(process.execPath, [BIN, 'sync'], { env: env(crashed), stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      let done = false;
      void exited.then(() => (done = true));
      // Kill mid-sync, not during start-up: wait until a run has committed pages (however slow the machine), then
      // let it go on for a random moment. After eight kills, the next run is left to finish.
      let timer: NodeJS.Timeout | undefined;
      if (kills < 8) {
        const waitStarted = Date.now();
        const before = committedPages(crashed);
        while (!done && Date.now() - waitStarted < 20_000 && committedPages(crashed) <= before) await new Promise((r) => setTimeout(r, 40));
        timer = setTimeout(() => child.kill('SIGKILL'), rng.int(0, 600));
      }
      const code = await exited;
      if (timer) clearTimeout(timer);
      if (code === null) {
        kills++;
        await new Promise((r) => setTimeout(r, LEASE_MS + 50)); // the dead run's lease runs out
        continue;
      }
      if (code === 0) break;
      // A lease still held by the run just killed: wait and start again.
      expect(stderr).toMatch(/already being synced/);
      await new Promise((r) => setTimeout(r, LEASE_MS));
    }
    expect(kills).toBeGreaterThanOrEqual(3);
    const a = state(calm);
    const b = state(crashed);
    expect(b.enterprises.length).toBeGreaterThan(800);
    expect(b.dishonest.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
    const db = new Database(path.join(crashed, 'xinqiao.db'), { readonly: true });
    const interrupted = (db.prepare("SELECT COUNT(*) AS n FROM sync_runs WHERE status = 'interrupted'").get() as { n: number }).n;
    db.close();
    expect(interrupted).toBeGreaterThanOrEqual(1);
  }, 180_000);
});
