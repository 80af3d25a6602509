/** Small SQL helpers shared by the query modules. */

/** Escapes `%`, `_` and `\` so user text matches literally inside a LIKE pattern. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}
