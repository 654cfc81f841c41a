/** The `xinqiao` command: seed, search, check-code, import, migrate. Every command has --help. */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import cliProgress from 'cli-progress';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../config/env.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEFAULT_SEED, seedDemo } from '../modules/registry/demo/seed.js';
import { IMPORT_KINDS, importRows, type ImportKind } from '../modules/registry/import-records.service.js';
import { deleteRegistry } from '../modules/registry/registry.repository.js';
import * as registry from '../modules/registry/registry.service.js';
import { ROLES, type Role } from '../domain/access-policy.js';
import { generateIssuerKeys, signLicence } from '../modules/accounts/licence-verifier.js';
import { createUserAsAdmin } from '../modules/accounts/register.service.js';
import { rotateTotpSecrets } from '../modules/accounts/mfa.service.js';
import { loadPiiCipher } from '../modules/privacy/pii-cipher.js';
import { rotatePersonKeys } from '../modules/privacy/persons.service.js';
import { AppError } from '../shared/app-error.js';
import type { ServiceContext } from '../shared/context.js';
import { countLines, formatFromPath, readCsv, readNdjson } from '../modules/ingest/read-rows.js';
import { addProofCommands } from './log-commands.js';
import { addCaseCommands } from './case-commands.js';
import { addCalendarCommands } from './calendar-commands.js';
import { addSyncCommands } from './sync-commands.js';
import { addRiskCommands } from './risk-commands.js';
import { addAlertCommands } from './alert-commands.js';
import { verifyLog } from '../modules/evidence/log-verify.js';
import { loadOrCreateLogKey } from '../modules/evidence/signing-key.js';
import { printCheck, printSearch } from './print.js';

const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('must be a whole number ≥ 0');
  return n;
}

async function withDatabase<T>(fn: (database: Database, ctx: ServiceContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath, poolSize: 4 });
  try {
    await migrateToLatest(database);
    return await fn(database, { db: database.db, dialect: database.dialect, actor: { kind: 'system', name: 'cli' }, clock: () => new Date(), log });
  } finally {
    await database.close();
  }
}

const program = new Command('xinqiao')
  .description('Xinqiao 信桥 — debt-dispute credit information platform.\nUses $DATABASE_URL (PostgreSQL) or $XINQIAO_DATA_DIR/xinqiao.db (SQLite, default ./data).')
  .version('0.1.0')
  .showHelpAfterError();

program.command('migrate').description('bring the database schema up to date').action(() =>
  withDatabase(async (database) => console.log(`Database schema is up to date (${database.dialect}: ${database.location}).`)),
);

program
  .command('seed')
  .description('generate the deterministic demo registry (Suzhou 217 and Lianyungang 37 filed agencies among N enterprises)')
  .option('--enterprises <n>', 'number of enterprises', positiveInt, 100_000)
  .option('--seed <n>', 'PRNG seed; the same seed gives the same data', positiveInt, DEFAULT_SEED)
  .option('--reset', 'delete the existing registry first (otherwise a non-empty database is refused)')
  .action((opts: { enterprises: number; seed: number; reset?: boolean }) =>
    withDatabase(async (database, ctx) => {
      const existing = (await registry.stats(ctx)).enterprises;
      if (existing > 0 && !opts.reset) throw new AppError('conflict', `The database already holds ${existing} enterprises. Run with --reset to replace them with demo data.`);
      if (opts.reset) await database.db.transaction().execute((trx) => deleteRegistry(trx));
      const bar = new cliProgress.SingleBar({ format: 'seeding [{bar}] {value}/{total} enterprises', stream: process.stderr }, cliProgress.Presets.shades_classic);
      bar.start(opts.enterprises, 0);
      const started = Date.now();
      const result = await seedDemo(database, { enterprises: opts.enterprises, seed: opts.seed, asOf: new Date(), onProgress: (n) => bar.update(n) });
      bar.stop();
      console.log(`Seeded ${result.enterprises} enterprises and ${result.records} records in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }),
  );

program
  .command('search')
  .description('search by credit code, name fragment, pinyin or initials (e.g. jds, 蘇州, 金鼎盛)')
  .argument('<query>', 'what to look for')
  .option('--city <code>', 'city division code, e.g. 320500 for Suzhou')
  .addOption(new Option('--status <status>', 'registration status').choices(['active', 'revoked', 'cancelled', 'moved_out']))
  .option('--agency-only', 'only filed agencies')
  .option('--page <n>', 'page number', positiveInt, 1)
  .option('--json', 'print JSON')
  .action((query: string, opts: { city?: string; status?: 'active'; agencyOnly?: boolean; page: number; json?: boolean }) =>
    withDatabase(async (_db, ctx) => {
      const result = await registry.search(ctx, { q: query, page: Math.max(1, opts.page), pageSize: 20, cityCode: opts.city, status: opts.status, agencyOnly: opts.agencyOnly });
      if (opts.json) console.log(JSON.stringify(result, null, 2));
      else printSearch(result);
    }),
  );

program
  .command('check-code')
  .description('check a unified social credit code (GB 32100) character by character; exit status 1 when invalid')
  .argument('<code>', '18-character code')
  .option('--json', 'print JSON')
  .action((code: string, opts: { json?: boolean }) =>
    withDatabase(async (_db, ctx) => {
      const result = await registry.checkCode(ctx, code);
      if (opts.json) console.log(JSON.stringify(result, null, 2));
      else printCheck(result);
      if (!result.valid) process.exitCode = 1;
    }),
  );

program
  .command('import')
  .description(`import registry rows from CSV (header row) or NDJSON; bad rows are reported with their line and reason, good rows are committed in batches, and re-running a file changes nothing`)
  .addArgument(new Argument('<kind>', 'what the file holds').choices([...IMPORT_KINDS]))
  .argument('<file>', 'path to a .csv, .ndjson or .jsonl file')
  .addOption(new Option('--format <format>', 'file format (default: from the extension)').choices(['csv', 'ndjson']))
  .option('--batch-size <n>', 'rows per transaction', positiveInt, 500)
  .option('--json', 'print the summary as JSON')
  .action((kind: ImportKind, file: string, opts: { format?: 'csv' | 'ndjson'; batchSize: number; json?: boolean }) =>
    withDatabase(async (_db, ctx) => {
      if (!fs.existsSync(file)) throw new AppError('invalid_input', `File not found: ${file}`);
      const format = opts.format ?? formatFromPath(file);
      if (!format) throw new AppError('invalid_input', `Cannot tell the format of ${file}; use --format csv or --format ndjson.`);
      const total = await countLines(file);
      const bar = new cliProgress.SingleBar({ format: `importing ${kind} [{bar}] {value}/{total} rows`, stream: process.stderr, noTTYOutput: false }, cliProgress.Presets.shades_classic);
      if (!opts.json) bar.start(total, 0);
      const summary = await importRows(ctx, kind, format === 'csv' ? readCsv(file) : readNdjson(file), { batchSize: Math.max(1, opts.batchSize), onProgress: (n) => bar.update(n) });
      if (!opts.json) bar.stop();
      if (opts.json) console.log(JSON.stringify(summary, null, 2));
      else {
        console.log(`${summary.read} rows read: ${summary.inserted} inserted, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.rejected.length} rejected.`);
        for (const r of summary.rejected.slice(0, 50)) console.log(`  line ${r.line}: ${r.reason}`);
        if (summary.rejected.length > 50) console.log(`  … and ${summary.rejected.length - 50} more (use --json for all)`);
      }
      if (summary.rejected.length) process.exitCode = 2;
    }),
  );

const user = program.command('user').description('manage accounts (bootstrap the first regulator/administrator here)');
user
  .command('create')
  .description('create an account of any role; prints a generated password once when none is given')
  .requiredOption('--email <email>', 'sign-in email')
  .addOption(new Option('--role <role>', 'account role').choices([...ROLES].filter((r) => r !== 'public' && r !== 'enterprise_verified')).makeOptionMandatory())
  .option('--name <name>', 'display name', 'Administrator')
  .option('--password <password>', 'password (at least 10 characters); generated when omitted')
  .option('--credit-code <code>', 'unified social credit code (enterprise and agency accounts)')
  .action((opts: { email: string; role: Role; name: string; password?: string; creditCode?: string }) =>
    withDatabase(async (_db, ctx) => {
      const password = opts.password ?? randomBytes(12).toString('base64url');
      if (password.length < 10) throw new AppError('invalid_input', 'The password needs at least 10 characters.');
      const { id } = await createUserAsAdmin(ctx, { email: opts.email, password, displayName: opts.name, role: opts.role, enterpriseCreditCode: opts.creditCode });
      console.log(`Created ${opts.role} account ${opts.email.trim().toLowerCase()} (id ${id}).`);
      if (!opts.password) console.log(`Password (shown once): ${password}`);
      if (opts.role === 'regulator' || opts.role === 'agency') console.log('This role must set up two-factor authentication (TOTP) after first sign-in.');
    }),
  );

const licence = program.command('licence').description('electronic business-licence issuers: keys and signed test licences');
licence
  .command('keygen')
  .description('create an Ed25519 issuer key pair and trust it (adds the public key to licence-issuers.json in the data directory)')
  .requiredOption('--issuer <id>', 'issuer id written into licences, e.g. samr-demo')
  .action((opts: { issuer: string }) => {
    const config = loadConfig();
    const keys = generateIssuerKeys();
    fs.mkdirSync(config.dataDir, { recursive: true });
    const file = config.licenceIssuersPath;
    const current = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { issuers?: Record<string, string> }) : {};
    fs.writeFileSync(file, JSON.stringify({ issuers: { ...(current.issuers ?? {}), [opts.issuer]: keys.publicKey } }, null, 2));
    const keyFile = path.join(config.dataDir, `licence-issuer-${opts.issuer}.key`);
    fs.writeFileSync(keyFile, keys.privateKey, { mode: 0o600 });
    console.log(`Issuer "${opts.issuer}" trusted in ${file}; private key in ${keyFile} (keep it secret). Restart the server to load it.`);
  });
licence
  .command('issue')
  .description('sign a licence for a registered enterprise (name and legal representative from the registry unless given)')
  .requiredOption('--issuer <id>', 'issuer id (its key file must exist, see keygen)')
  .requiredOption('--credit-code <code>', 'unified social credit code')
  .option('--name <name>', 'enterprise name to sign (default: the registry name)')
  .option('--legal-representative <name>', 'legal representative to sign (default: the registry value)')
  .action((opts: { issuer: string; creditCode: string; name?: string; legalRepresentative?: string }) =>
    withDatabase(async (_db, ctx) => {
      const config = loadConfig();
      const keyFile = path.join(config.dataDir, `licence-issuer-${opts.issuer}.key`);
      if (!fs.existsSync(keyFile)) throw new AppError('invalid_input', `No key for issuer "${opts.issuer}" (${keyFile}); run \`xinqiao licence keygen --issuer ${opts.issuer}\` first.`);
      const e = await registry.findEnterpriseSummary(ctx, opts.creditCode.trim().toUpperCase());
      if (!e && (!opts.name || !opts.legalRepresentative)) throw new AppError('not_found', `No enterprise with code ${opts.creditCode} in the registry; give --name and --legal-representative.`);
      const signed = signLicence({ issuer: opts.issuer, creditCode: opts.creditCode.trim().toUpperCase(), name: opts.name ?? e!.name, legalRepresentative: opts.legalRepresentative ?? e!.legalRepresentative, issuedAt: new Date().toISOString(), expiresAt: null }, fs.readFileSync(keyFile, 'utf8'));
      console.log(JSON.stringify(signed, null, 2));
    }),
  );

const pii = program.command('pii').description('personal-information encryption keys');
pii
  .command('rotate')
  .description('re-encrypt every sealed field with the current (first) key — run after putting a new key first in XINQIAO_PII_KEYS or pii-keys.json')
  .action(() =>
    withDatabase(async (_db, ctx) => {
      const config = loadConfig();
      const cipher = loadPiiCipher({ keys: config.piiKeys, indexKey: config.piiIndexKey }, config.dataDir);
      const persons = await rotatePersonKeys(ctx, cipher);
      const users = await rotateTotpSecrets(ctx, cipher);
      console.log(`Re-encrypted ${persons} person record(s) and ${users} two-factor secret(s) with key "${cipher.currentKeyId}".`);
    }),
  );

const logCommand = program.command('log').description('the evidence transparency log');
logCommand
  .command('verify')
  .description('recompute the whole log from storage, check every signed tree head, and name the first altered, removed or reordered entry; exit 1 when anything is wrong')
  .option('--json', 'print the report as JSON')
  .action((opts: { json?: boolean }) =>
    withDatabase(async (database) => {
      const config = loadConfig();
      const key = loadOrCreateLogKey(config.dataDir, config.logOrigin);
      // SQLite: leaves are hashed by worker threads over their own read-only connections.
      const report = await verifyLog(database.db, key.publicKey, key.origin, { sqlitePath: database.dialect === 'sqlite' ? database.location : undefined });
      if (opts.json) console.log(JSON.stringify(report, null, 2));
      else {
        console.log(`${report.entries} entries, ${report.treeHeads} signed tree heads: ${report.ok ? 'the log is intact.' : 'PROBLEMS FOUND'}`);
        for (const p of report.problems) console.log(`  - ${p}`);
        if (report.firstBadEntry !== null) console.log(`First bad entry: ${report.firstBadEntry}`);
      }
      if (!report.ok) process.exitCode = 1;
    }),
  );
addProofCommands(logCommand);
addCaseCommands(program, withDatabase);
addCalendarCommands(program);
addSyncCommands(program, withDatabase);
addRiskCommands(program, withDatabase);
addAlertCommands(program, withDatabase);

program.parseAsync().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof AppError) console.error(`Error: ${err.detail}`);
  else console.error(err instanceof Error ? `Error: ${err.message}` : err);
  process.exitCode = 1;
});
