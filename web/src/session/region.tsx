/**
 * The region the app is showing. A regional user always works in their own region; the national
 * admin (who has none) picks one with the switcher, remembered in localStorage. What the user may do
 * there comes from the server (`abilities` of the region detail): the UI never re-derives role rules.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';
import type { Permission } from '#domain/access/roles.ts';
import { type RegionDetail, regionDetailQuery } from '../api/regions.api.ts';
import { useSignedInUser } from './session.tsx';

const STORAGE_KEY = 'sinergi.region';
const DEFAULT_REGION = '19.71';
const REGION_CODE = /^\d{2}(\.\d{2})?$/;

export interface RegionContextValue {
  regionCode: string;
  /** Only the national admin (who has no home region) may switch. */
  canSwitch: boolean;
  switchRegion: (code: string) => void;
  region: RegionDetail | undefined;
  regionQuery: ReturnType<typeof useRegionDetail>;
  can: (permission: Permission) => boolean;
}

function readStoredRegion(): string {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored && REGION_CODE.test(stored) ? stored : DEFAULT_REGION;
  } catch {
    return DEFAULT_REGION;
  }
}

function useRegionDetail(regionCode: string) {
  return useQuery(regionDetailQuery(regionCode));
}

const RegionContext = createContext<RegionContextValue | null>(null);

export function RegionProvider({ children }: { children: ReactNode }) {
  const me = useSignedInUser();
  const homeRegion = me.user.region?.code ?? null;
  const [chosen, setChosen] = useState(readStoredRegion);
  const regionCode = homeRegion ?? chosen;
  const regionQuery = useRegionDetail(regionCode);
  const region = regionQuery.data;

  const switchRegion = useCallback((code: string) => {
    if (!REGION_CODE.test(code)) return;
    setChosen(code);
    try {
      window.localStorage.setItem(STORAGE_KEY, code);
    } catch {
      // The choice lasts for this visit only.
    }
  }, []);

  const abilities = region?.abilities ?? [];
  const value: RegionContextValue = {
    regionCode,
    canSwitch: homeRegion === null,
    switchRegion,
    region,
    regionQuery,
    can: (permission) => abilities.includes(permission),
  };

  return <RegionContext value={value}>{children}</RegionContext>;
}

export function useRegion(): RegionContextValue {
  const value = useContext(RegionContext);
  if (!value) throw new Error('useRegion must be used inside <RegionProvider>');
  return value;
}
