/**
 * `npm run bench:load [-- --enterprises N --duration S --levels 100,1000,5000,10000 --workers W]`: HTTP load on a
 * generated registry (default 1,000,000 enterprises, the database of `bench:search`, generated once), driven by
 * wrk over loopback for a bounded time per run. At each number of concurrent connections it measures the server's
 * own health route (the ceiling of this machine and runtime), lookup by credit code, name search, agency
 * verification and a page of the public web app; prints req/s, p50/p99/max and errors, the server's peak memory,
 * and writes bench/results/load-*.json and an SVG chart. Each level also runs lookups as people who read each
 * answer before asking again (think time, `--think` ms, default 1000): a closed loop with no pause measures
 * saturation, where mean latency is connections ÷ throughput whatever the server does (Little's law). A benchmark, not a test: it reports, it does not pass or fail.
 *
 * wrk (Debian package `wrk`) instead of autocannon: on a 2-core machine the load generator shares the CPU with the
 * server, and wrk's C event loop takes a fraction of what a Node load generator needs (docs/decisions.md).
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as echarts from 'echarts';
import { benchRegistryDir, openBenchRegistry } from './bench-registry.js';
import { Rng } from '../src/domain/prng.js';
import { packageRoot } from '../src/shared/paths.js';
import { numberOption, option } from './bench-args.js';

const execFileAsync = promisify(execFile);
const enterprises = numberOption('enterprises', 1_000_000);
// 20 s by default: wrk opens every connection at once, and a busy Node event loop accepts one new connection per
// turn (libuv), so the first request on thousands of fresh connections waits seconds in the accept queue. In a
// short run those few thousand first requests are more than 1 % of all and set p99 (docs/performance.md).
const duration = numberOption('duration', 20);
const levels = option('levels', '100,1000,5000,10000').split(',').map(Number);
const workers = option('workers', process.env.XINQIAO_WORKERS ?? '1');
const thinkMs = numberOption('think', 1000);
const root = packageRoot();
const dataDir = benchRegistryDir(enterprises);
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;

interface Run { scenario: string; connections: number; requestsPerSec: number; p50Ms: number; p99Ms: number; maxMs: number; requests: number; errors: number; non2xx: number; socketErrors: string }

/** wrk's "1.23ms" / "456.78us" / "1.20s" in milliseconds. */
function ms(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) return Number.NaN;
  const v = Number(m[1]);
  return m[2] === 'us' ? v / 1000 : m[2] === 'ms' ? v : m[2] === 's' ? v * 1000 : v * 60_000;
}

function parseWrk(out: string, scenario: string, connections: number): Run {
  const latency = /Latency\s+(\S+)\s+(\S+)\s+(\S+)/.exec(out);
  const pct = (p: string) => ms(new RegExp(`\\s${p}%\\s+(\\S+)`).exec(out)?.[1] ?? 'NaNms');
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socketErrors = socket ? socket.slice(1).map(Number).reduce((a, b) => a + b, 0) : 0;
  return {
    scenario, connections,
    requestsPerSec: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50Ms: pct('50'), p99Ms: pct('99'), maxMs: latency ? ms(latency[3]!) : Number.NaN,
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
    errors: socketErrors + non2xx, non2xx,
    socketErrors: socket ? `connect ${socket[1]}, read ${socket[2]}, write ${socket[3]}, timeout ${socket[4]}` : 'none',
  };
}

/** A wrk script cycling through the given paths, so every request asks for something different. */
function script(paths: string[], thinkMs = 0): string {
  const file = path.join(os.tmpdir(), `xq-wrk-${process.pid}-${Math.random().toString(36).slice(2)}.lua`);
  // With think time each connection is a person who reads the answer for 0–2×thinkMs before asking again.
  const think = thinkMs > 0 ? `delay = function()\n  return math.random(0, ${2 * thinkMs})\nend\n` : '';
  fs.writeFileSync(file, `local paths = {${paths.map((p) => JSON.stringify(p)).join(',')}}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format("GET", paths[(i % #paths) + 1])\nend\n${think}`);
  return file;
}

/** Resident memory of the server and its workers now, in MB: total, anonymous (heap, buffers) and file-backed (SQLite's memory-mapped pages). */
function memoryNow(pid: number): { rss: number; anon: number; file: number } {
  const pids = [pid, ...spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number)];
  const sum = { rss: 0, anon: 0, file: 0 };
  for (const p of pids) {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
      sum.rss += kb('VmRSS');
      sum.anon += kb('RssAnon');
      sum.file += kb('RssFile') + kb('RssShmem');
    } catch {
      // a worker that just exited
    }
  }
  return sum;
}

async function main(): Promise<void> {
  if (spawnSync('wrk', ['--version']).error) throw new Error('wrk is not installed: apt-get install -y wrk');
  const database = await openBenchRegistry(enterprises);
  const rng = new Rng(7);
  const sample = await database.db.selectFrom('enterprises').select(['credit_code', 'name']).where('id', 'in', Array.from({ length: 2000 }, () => rng.int(1, enterprises))).execute();
  const agencies = await database.db.selectFrom('agencies').select('id').limit(300).execute();
  await database.close();
  const brand = (name: string) => name.replace(/^(苏州|连云港|南京|无锡|徐州|常州|南通|淮安|盐城|扬州|镇江|泰州|宿迁|昆山|常熟|张家港|太仓|[\p{Script=Han}]{2})/u, '').slice(0, 3);
  const scenarios: Record<string, string[]> = {
    'health (ceiling)': ['/healthz'],
    'lookup by credit code': sample.map((s) => `/api/v1/search?q=${s.credit_code}`),
    'name search': sample.map((s) => `/api/v1/search?q=${encodeURIComponent(brand(s.name))}`),
    'agency verification': agencies.map((a) => `/api/v1/agencies/${a.id}/verification`),
    'web page': ['/', '/agencies', '/credit-code', '/fees'],
  };

  console.log(`Starting the server on ${base} (${workers} worker${workers === '1' ? '' : 's'}, ${enterprises.toLocaleString('en')} enterprises)…`);
  const server = spawn(process.execPath, [path.join(root, 'dist/src/server/main.js')], {
    env: { ...process.env, PORT: String(port), XINQIAO_DATA_DIR: dataDir, XINQIAO_AUTO_SEED: '0', LOG_LEVEL: 'error', XINQIAO_WORKERS: workers, XINQIAO_RATE_ANON: '100000000', XINQIAO_RATE_ANON_SEARCH: '100000000', XINQIAO_RATE_USER: '100000000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    for (let i = 0; i < 240; i++) {
      if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break;
      await sleep(500);
    }
    const runs: Run[] = [];
    // Sample memory every 200 ms during the runs and keep the peaks.
    const peak = { rss: 0, anon: 0, file: 0 };
    // The peak resident memory while each number of connections ran.
    const peakAt = new Map<number, { anon: number; rss: number }>();
    let current = 0;
    const sampler = setInterval(() => {
      const m = memoryNow(server.pid!);
      peak.rss = Math.max(peak.rss, m.rss);
      peak.anon = Math.max(peak.anon, m.anon);
      peak.file = Math.max(peak.file, m.file);
      const at = peakAt.get(current) ?? { anon: 0, rss: 0 };
      peakAt.set(current, { anon: Math.max(at.anon, m.anon), rss: Math.max(at.rss, m.rss) });
    }, 200);
    const line = (r: Run) => console.log(`${String(r.connections).padStart(6)}  ${r.scenario.padEnd(22)} ${r.requestsPerSec.toFixed(0).padStart(8)} req/s  p50 ${r.p50Ms.toFixed(1).padStart(7)} ms  p99 ${r.p99Ms.toFixed(1).padStart(7)} ms  max ${r.maxMs.toFixed(0).padStart(6)} ms  errors ${r.errors}${r.errors ? ` (non-2xx ${r.non2xx}; socket ${r.socketErrors})` : ''}`);
    console.log('  conns  scenario                  req/s        p50            p99            max');
    for (const connections of levels) {
      current = connections;
      const plan: Array<[string, string[], number]> = [...Object.entries(scenarios).map(([k, v]) => [k, v, 0] as [string, string[], number]), [`lookup, users (think ${thinkMs / 1000} s)`, scenarios['lookup by credit code']!, thinkMs]];
      for (const [scenario, paths, think] of plan) {
        const file = script(paths, think);
        // Warm-up (caches, JIT), then the measured run.
        await execFileAsync('wrk', ['-t2', `-c${Math.min(connections, 100)}`, '-d2s', '-s', file, base], { encoding: 'utf8', maxBuffer: 10_000_000 });
        // Asynchronously, so the memory sampler keeps running during the measured run.
        const { stdout: out } = await execFileAsync('wrk', ['-t2', `-c${connections}`, `-d${duration}s`, '--timeout', '10s', '--latency', '-s', file, base], { encoding: 'utf8', maxBuffer: 10_000_000 });
        fs.rmSync(file);
        const run = parseWrk(out, scenario, connections);
        runs.push(run);
        line(run);
      }
    }
    clearInterval(sampler);
    const memoryMb = peak.rss;
    const ceiling = (c: number) => runs.find((r) => r.connections === c && r.scenario.startsWith('health'))!.requestsPerSec;
    // The target applies to the server's own memory (anonymous: heap, buffers, SQLite's page cache); mapped database
    // pages are the kernel's page cache, evicted under pressure, and are shown beside it (docs/performance.md).
    console.log(`\nServer peak memory: ${peak.anon.toFixed(0)} MB of its own (anonymous: heap, buffers, caches; target < 500 MB), plus up to ${peak.file.toFixed(0)} MB of the database file mapped from the page cache; ${peak.rss.toFixed(0)} MB resident in all`);
    for (const c of levels) {
      const lookup = runs.find((r) => r.connections === c && r.scenario === 'lookup by credit code')!;
      const users = runs.find((r) => r.connections === c && r.scenario.startsWith('lookup, users'))!;
      console.log(`${c} connections: saturated lookup ${(100 * lookup.requestsPerSec / ceiling(c)).toFixed(0)}% of the health ceiling (target ≥ 50%), p99 ${lookup.p99Ms.toFixed(0)} ms; as users thinking ${thinkMs / 1000} s: ${users.requestsPerSec.toFixed(0)} req/s, p99 ${users.p99Ms.toFixed(0)} ms (target < 200 ms at 5,000), errors ${users.errors + lookup.errors} (target 0); server memory up to ${(peakAt.get(c)?.anon ?? 0).toFixed(0)} MB own, ${(peakAt.get(c)?.rss ?? 0).toFixed(0)} MB resident`);
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const out = path.join(root, 'bench/results', `load-${enterprises}-w${workers}-${stamp}`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const result = { benchmark: 'load', enterprises, workers: Number(workers), durationSeconds: duration, thinkMs, cpus: os.cpus().length, node: process.version, memoryMb, memoryPeakMb: peak, memoryPeakMbByConnections: Object.fromEntries(peakAt), runs, at: new Date().toISOString() };
    fs.writeFileSync(`${out}.json`, `${JSON.stringify(result, null, 2)}\n`);
    fs.writeFileSync(`${out}.svg`, chart(result.runs, levels));
    console.log(`\nWrote ${path.relative(root, out)}.json and .svg`);
  } finally {
    server.kill('SIGTERM');
  }
}

/** Throughput and p99 per scenario across connection levels, as SVG (ECharts server-side rendering). */
function chart(runs: Run[], conns: number[]): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 960, height: 520 });
  const scenarios = [...new Set(runs.map((r) => r.scenario))];
  chart.setOption({
    animation: false,
    title: [{ text: 'Throughput (req/s)', left: '22%', textAlign: 'center', top: 0 }, { text: 'p99 latency (ms, log scale)', left: '75%', textAlign: 'center', top: 0 }],
    legend: { bottom: 0 },
    grid: [{ left: 60, width: '38%', top: 40, bottom: 70 }, { right: 30, width: '38%', top: 40, bottom: 70 }],
    xAxis: [{ type: 'category', data: conns.map(String), gridIndex: 0, name: 'connections' }, { type: 'category', data: conns.map(String), gridIndex: 1, name: 'connections' }],
    yAxis: [{ type: 'value', gridIndex: 0 }, { type: 'log', gridIndex: 1 }],
    series: scenarios.flatMap((s) => [
      { name: s, type: 'line', xAxisIndex: 0, yAxisIndex: 0, data: conns.map((c) => runs.find((r) => r.scenario === s && r.connections === c)?.requestsPerSec ?? null) },
      { name: s, type: 'line', xAxisIndex: 1, yAxisIndex: 1, data: conns.map((c) => Math.max(0.1, runs.find((r) => r.scenario === s && r.connections === c)?.p99Ms ?? 0.1)) },
    ]),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
