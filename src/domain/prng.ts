/** A seeded pseudo-random generator (xoroshiro128+ from pure-rand) with the helpers the demo data needs. */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** Deterministic random source: the same seed gives the same sequence on every platform. */
export class Rng {
  private readonly gen;
  constructor(seed: number) {
    this.gen = xoroshiro128plus(seed);
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return uniformInt(this.gen, min, max);
  }
  /** Float in [0, 1). */
  float(): number {
    return uniformFloat64(this.gen);
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  /** One element chosen by weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let x = this.float() * total;
    for (const [item, w] of items) {
      x -= w;
      if (x < 0) return item;
    }
    return items[items.length - 1]![0];
  }
  /** A date 'YYYY-MM-DD' uniformly between two dates. */
  dateBetween(from: Date, to: Date): string {
    const t = this.int(Math.floor(from.getTime() / 86_400_000), Math.floor(to.getTime() / 86_400_000));
    return new Date(t * 86_400_000).toISOString().slice(0, 10);
  }
}
