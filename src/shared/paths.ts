/** Locates files of the checkout, whether running from src/ (tests) or dist/src/ (built). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The directory holding Xinqiao's package.json. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.readFileSync(path.join(dir, 'package.json'), 'utf8').includes('"name": "xinqiao"')) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the xinqiao package root');
    dir = parent;
  }
  cached = dir;
  return dir;
}
