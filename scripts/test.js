#!/usr/bin/env node
// `npm test`: type-check, then every Vitest suite. PostgreSQL and browser suites run when their
// service is present and are skipped with a notice otherwise — unless XINQIAO_REQUIRE_PG=1 /
// XINQIAO_REQUIRE_BROWSER=1 (set by .ci/run), in which case their absence fails the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const skipped = [];
const env = { ...process.env };

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status ?? 1;
}

function fail(message) {
  console.error(`\n✗ ${message}`);
  process.exit(1);
}

async function postgresUrl() {
  const url = process.env.XINQIAO_TEST_PG_URL || 'postgres://127.0.0.1:5432/test';
  const u = new URL(url);
  if (!u.username) u.username = os.userInfo().username;
  const client = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { url };
  } catch (err) {
    return { error: `${url}: ${err.message}` };
  } finally {
    await client.end().catch(() => {});
  }
}

function chromiumPath() {
  const candidates = [process.env.XINQIAO_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

console.log('▶ type-check');
if (run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0) fail('type-check failed (server)');
if (run('npx', ['tsc', '-p', 'web/tsconfig.json', '--noEmit']) !== 0) fail('type-check failed (web)');

// The CLI tests run the compiled command, as a user would after `npm install`.
if (run('npm', ['run', 'build:server', '--silent']) !== 0) fail('server build failed');

const pgCheck = await postgresUrl();
if (pgCheck.url) env.XINQIAO_TEST_PG_URL = pgCheck.url;
else if (process.env.XINQIAO_REQUIRE_PG === '1') fail(`PostgreSQL is required (XINQIAO_REQUIRE_PG=1) but not reachable — ${pgCheck.error}`);
else {
  delete env.XINQIAO_TEST_PG_URL;
  skipped.push(`PostgreSQL API suites — no server reachable (${pgCheck.error}); set XINQIAO_TEST_PG_URL to run them`);
}

const redisUrl = process.env.XINQIAO_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const redisOk = await new Promise((resolve) => {
  const u = new URL(redisUrl);
  const socket = net.connect({ host: u.hostname, port: Number(u.port || 6379), timeout: 1500 }, () => socket.write('PING\r\n'));
  socket.on('data', (d) => { resolve(d.toString().startsWith('+PONG')); socket.destroy(); });
  socket.on('error', () => resolve(false));
  socket.on('timeout', () => { resolve(false); socket.destroy(); });
});
if (redisOk) env.XINQIAO_TEST_REDIS_URL = redisUrl;
else if (process.env.XINQIAO_REQUIRE_REDIS === '1') fail(`Redis is required (XINQIAO_REQUIRE_REDIS=1) but ${redisUrl} does not answer`);
else {
  delete env.XINQIAO_TEST_REDIS_URL;
  skipped.push(`Redis-shared rate-limit test — no Redis at ${redisUrl}; set XINQIAO_TEST_REDIS_URL to run it`);
}

const chromium = chromiumPath();
if (chromium) {
  env.XINQIAO_CHROMIUM = chromium;
  const index = path.join(root, 'web/dist/index.html');
  const stale = !fs.existsSync(index) || fs.statSync(index).mtimeMs < newestMtime(path.join(root, 'web/src'));
  if (stale) {
    console.log('▶ building the web app for the browser tests');
    if (run('npm', ['run', 'build:web', '--silent']) !== 0) fail('web build failed');
  }
} else if (process.env.XINQIAO_REQUIRE_BROWSER === '1') fail('Chromium is required (XINQIAO_REQUIRE_BROWSER=1) but not found; install Debian\'s chromium or set XINQIAO_CHROMIUM');
else skipped.push('browser (Playwright) suite — no Chromium found; apt-get install chromium fonts-noto-cjk, or set XINQIAO_CHROMIUM');

console.log(`▶ vitest (SQLite${env.XINQIAO_TEST_PG_URL ? ' + PostgreSQL' : ''}${env.XINQIAO_TEST_REDIS_URL ? ' + Redis' : ''}${chromium ? ' + browser' : ''})`);
const status = run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
if (skipped.length) {
  console.log('\nSkipped on this machine:');
  for (const s of skipped) console.log(`  - ${s}`);
}
process.exit(status);
