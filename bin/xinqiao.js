#!/usr/bin/env node
// Runs the compiled CLI; `npm install` builds it (the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('xinqiao is not built yet: run `npm run build:server` in the checkout.');
  process.exit(1);
}
await import(entry.href);
