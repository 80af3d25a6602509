/**
 * Drafts save as they go. Every change is first kept in the browser (draft-storage.ts), then sent 1.5 s
 * after typing stops, one save at a time, each with the version it was typed on. A save that finds
 * someone else's newer version (409 STALE_VERSION), or a status that no longer allows editing (409
 * CONFLICT), stops autosaving: the server's copy is never overwritten silently, and the local copy stays
 * for the user to restore or copy from after reloading.
 *
 * When `isAutomatic` is false (editing a verified innovation, which sends it back for review) changes
 * are only kept locally until the user saves explicitly with `flush()`.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, isApiError } from '../../api/http.ts';
import { type Innovation, updateInnovation } from '../../api/innovations.api.ts';
import { browserStorage, removeDraft, writeDraft } from './draft-storage.ts';
import { isSameProfile, type ProfileValues, toUpdateInput, valuesOf } from './profile-values.ts';
import type { SaveState } from '../../components/save-indicator.tsx';

export const AUTOSAVE_DELAY_MS = 1500;

export type { SaveState };

export interface Autosave {
  state: SaveState;
  error: unknown;
  /** When the server last confirmed a save in this session (ISO), for the indicator. */
  savedAt: string | null;
  /** Call with the form's values after every change. */
  notifyChange: (values: ProfileValues) => void;
  /** Saves now if anything is unsaved; resolves with the version to act on (e.g. to submit). */
  flush: () => Promise<number>;
  retry: () => void;
  /** The version the form's values are based on. */
  version: () => number;
}

function isStoppedState(state: SaveState): boolean {
  return state === 'stale' || state === 'conflict';
}

function clearTimer(timer: { current: number | undefined }) {
  if (timer.current !== undefined) window.clearTimeout(timer.current);
  timer.current = undefined;
}

export function useAutosave(options: {
  regionCode: string;
  innovation: Innovation;
  isAutomatic: boolean;
  getValues: () => ProfileValues;
  onSaved: (saved: Innovation) => void;
  onFailed: (error: unknown) => void;
}): Autosave {
  const { regionCode, innovation } = options;
  const innovationId = innovation.id;
  const [state, setStateValue] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  const stateRef = useRef<SaveState>('saved');
  const versionRef = useRef(innovation.version);
  const savedValuesRef = useRef<ProfileValues>(valuesOf(innovation));
  const inFlightRef = useRef<Promise<number> | null>(null);
  const timerRef = useRef<number | undefined>(undefined);
  // The latest callbacks, so the timer and the unmount flush never call stale ones.
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const setState = useCallback((next: SaveState) => {
    stateRef.current = next;
    setStateValue(next);
  }, []);

  const keepLocally = useCallback(
    (values: ProfileValues) => {
      writeDraft(browserStorage(), { innovationId, version: versionRef.current, values, savedAt: new Date().toISOString() });
    },
    [innovationId],
  );

  const save = useCallback(async (): Promise<number> => {
    if (isStoppedState(stateRef.current)) throw new ApiError({ status: 409, code: stateRef.current === 'stale' ? 'STALE_VERSION' : 'CONFLICT' });
    // One save at a time: wait for the one under way, then see what is left.
    while (inFlightRef.current) await inFlightRef.current.catch(() => undefined);
    const values = optionsRef.current.getValues();
    if (isSameProfile(values, savedValuesRef.current)) {
      if (!isStoppedState(stateRef.current)) setState('saved');
      return versionRef.current;
    }
    const baseVersion = versionRef.current;
    setState('saving');
    const attempt = updateInnovation(regionCode, innovationId, toUpdateInput(values, baseVersion)).then(
      (saved) => {
        versionRef.current = saved.version;
        savedValuesRef.current = values;
        removeDraft(browserStorage(), innovationId, baseVersion);
        setError(null);
        setSavedAt(new Date().toISOString());
        optionsRef.current.onSaved(saved);
        const now = optionsRef.current.getValues();
        if (isSameProfile(now, values)) {
          setState('saved');
        } else {
          // Typed while saving: keep it under the new version and save it next.
          keepLocally(now);
          setState('pending');
          if (optionsRef.current.isAutomatic) timerRef.current = window.setTimeout(() => void save().catch(() => undefined), AUTOSAVE_DELAY_MS);
        }
        return saved.version;
      },
      (failure: unknown) => {
        setError(failure);
        if (isApiError(failure, 'STALE_VERSION')) setState('stale');
        else if (isApiError(failure, 'CONFLICT') || isApiError(failure, 'FORBIDDEN')) setState('conflict');
        else if (isApiError(failure, 'VALIDATION_FAILED')) setState('invalid');
        else setState('error');
        optionsRef.current.onFailed(failure);
        throw failure;
      },
    );
    inFlightRef.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlightRef.current = null;
    }
  }, [regionCode, innovationId, keepLocally, setState]);

  const notifyChange = useCallback(
    (values: ProfileValues) => {
      clearTimer(timerRef);
      if (isSameProfile(values, savedValuesRef.current)) {
        removeDraft(browserStorage(), innovationId, versionRef.current);
        if (!isStoppedState(stateRef.current) && !inFlightRef.current) setState('saved');
        return;
      }
      keepLocally(values);
      if (isStoppedState(stateRef.current)) return;
      if (!inFlightRef.current) setState('pending');
      if (optionsRef.current.isAutomatic) timerRef.current = window.setTimeout(() => void save().catch(() => undefined), AUTOSAVE_DELAY_MS);
    },
    [innovationId, keepLocally, save, setState],
  );

  const flush = useCallback(() => {
    clearTimer(timerRef);
    return save();
  }, [save]);

  const retry = useCallback(() => {
    clearTimer(timerRef);
    void save().catch(() => undefined);
  }, [save]);

  // Back online after a dropped connection: try again at once.
  useEffect(() => {
    const onOnline = () => {
      if (stateRef.current === 'error' && optionsRef.current.isAutomatic) retry();
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, [retry]);

  // Leaving the page with unsaved changes: the browser asks first (the local copy is kept anyway).
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (['pending', 'saving', 'error', 'invalid'].includes(stateRef.current)) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  // Leaving the editor inside the app (another page): send what waits for the timer now.
  useEffect(
    () => () => {
      if (timerRef.current !== undefined && optionsRef.current.isAutomatic) {
        clearTimer(timerRef);
        void save().catch(() => undefined);
      }
    },
    [save],
  );

  const version = useCallback(() => versionRef.current, []);

  return { state, error, savedAt, notifyChange, flush, retry, version };
}
