/** Command-line options of the benchmarks: `--name value`, with a fallback when absent or given without a value. */
const args = process.argv.slice(2);

export function option(name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}

export function numberOption(name: string, fallback: number): number {
  return Number(option(name, String(fallback)));
}
