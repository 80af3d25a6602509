/** The shape of one piece of evidence in every API answer. */
import type { evidence } from '#server/db/schema.ts';

export function presentEvidence(e: typeof evidence.$inferSelect) {
  return {
    id: e.id,
    target: e.target,
    kind: e.kind as 'file' | 'link',
    title: e.title,
    fileName: e.fileName,
    mimeType: e.mimeType,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    url: e.url,
    createdAt: e.createdAt.toISOString(),
  };
}
