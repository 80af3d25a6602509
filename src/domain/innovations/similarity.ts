/**
 * How alike two innovation names are, for the duplicate warning on submit: the Dice coefficient of
 * character bigrams over normalised words, which tolerates typos, word order and small additions
 * ("SIPANDU Online" vs "Sipandu-online Pangkalpinang").
 */
const STOP_WORDS = new Set(['dan', 'di', 'ke', 'dari', 'yang', 'untuk', 'pada', 'the', 'of', 'kota', 'kabupaten']);

export function normaliseName(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0 && !STOP_WORDS.has(w));
}

function bigrams(words: string[]): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i < padded.length - 1; i++) {
      const g = padded.slice(i, i + 2);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
  }
  return grams;
}

/** 1 for the same name (after normalising), 0 for nothing in common. */
export function nameSimilarity(a: string, b: string): number {
  const ga = bigrams(normaliseName(a));
  const gb = bigrams(normaliseName(b));
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const n of ga.values()) sizeA += n;
  for (const n of gb.values()) sizeB += n;
  if (sizeA + sizeB === 0) return 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}

export const DUPLICATE_THRESHOLD = 0.75;
