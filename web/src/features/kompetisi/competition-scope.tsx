/**
 * Where the competition pages act: the region's own competitions (the default), or the national
 * admin's competitions across regions. The same pages serve both; only the API scope and the page
 * links change, so a national competition is set up, judged and ranked with the region's tools.
 */
import { createContext, type ReactNode, useContext } from 'react';
import { NATIONAL_SCOPE } from '../../api/kompetisi.api.ts';
import { useRegion } from '../../session/region.tsx';

const NationalContext = createContext(false);

/** Wraps the national admin's competition routes. */
export function NationalCompetitions({ children }: { children: ReactNode }) {
  return <NationalContext.Provider value={true}>{children}</NationalContext.Provider>;
}

export function useCompetitionScope(): { scope: string; basePath: string; national: boolean } {
  const { regionCode } = useRegion();
  const national = useContext(NationalContext);
  return national ? { scope: NATIONAL_SCOPE, basePath: '/kompetisi-nasional', national } : { scope: regionCode, basePath: '/kompetisi', national };
}
