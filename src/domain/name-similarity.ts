/** How alike two enterprise names are: the Dice coefficient of their character bigrams after folding (0–1). */
import { bigrams, foldText } from './search-text.js';

/** Dice similarity of folded names; 1 for equal names. */
export function nameSimilarity(a: string, b: string): number {
  const fa = foldText(a);
  const fb = foldText(b);
  if (fa === fb) return 1;
  const ga = bigrams(fa);
  const gb = bigrams(fb);
  if (!ga.length || !gb.length) return 0;
  const counts = new Map<string, number>();
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of gb) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (ga.length + gb.length);
}
