/**
 * Unsaved edits of an innovation, kept in the browser (localStorage) so that nothing typed is lost to a
 * network error, a reload or a second tab. Each copy is keyed by the innovation's id and the version it
 * was typed on: after a save succeeds, the copy of that version is removed; a copy typed on a version
 * someone else has since replaced stays until the user restores or discards it.
 */
import { isProfileValues, type ProfileValues } from './profile-values.ts';

const PREFIX = 'sinergi.innovationDraft.';

export interface StoredDraft {
  innovationId: string;
  version: number;
  values: ProfileValues;
  /** ISO time of the last keystroke kept. */
  savedAt: string;
}

/** The part of `Storage` used here, so tests can pass a Map-backed one. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export function draftKey(innovationId: string, version: number): string {
  return `${PREFIX}${innovationId}@${version}`;
}

export function browserStorage(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Keeps the copy; false when the browser refuses (private mode, storage full). */
export function writeDraft(storage: DraftStorage | null, draft: StoredDraft): boolean {
  if (!storage) return false;
  try {
    storage.setItem(draftKey(draft.innovationId, draft.version), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeDraft(storage: DraftStorage | null, innovationId: string, version: number): void {
  try {
    storage?.removeItem(draftKey(innovationId, version));
  } catch {
    // Nothing to do: the copy stays and is offered again later.
  }
}

/** Every copy kept for the innovation, newest version first; unreadable ones are skipped. */
export function readDrafts(storage: DraftStorage | null, innovationId: string): StoredDraft[] {
  if (!storage) return [];
  const found: StoredDraft[] = [];
  const prefix = `${PREFIX}${innovationId}@`;
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const draft = parseDraft(storage.getItem(key));
      if (draft && draft.innovationId === innovationId) found.push(draft);
    }
  } catch {
    return found;
  }
  return found.sort((a, b) => b.version - a.version);
}

function parseDraft(text: string | null): StoredDraft | null {
  if (!text) return null;
  try {
    const data: unknown = JSON.parse(text);
    if (!data || typeof data !== 'object') return null;
    const d = data as Record<string, unknown>;
    if (typeof d.innovationId !== 'string' || typeof d.version !== 'number' || typeof d.savedAt !== 'string') return null;
    if (!isProfileValues(d.values)) return null;
    return { innovationId: d.innovationId, version: d.version, values: d.values, savedAt: d.savedAt };
  } catch {
    return null;
  }
}
