/**
 * The evidence of one innovation under one target (a slot of its profile, or an IID indicator's
 * `sid.<n>`), as an EvidenceSlot reads and changes it: the innovation page and the IID sheet both
 * show it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { addEvidenceLink, deleteEvidence, evidenceContentUrl, uploadEvidence } from '../api/evidence.api.ts';
import { iidKey } from '../api/iid.api.ts';
import { innovationKey } from '../api/innovations.api.ts';
import type { EvidenceSource } from './evidence-slot.tsx';

/** Evidence of one innovation under one target, through the innovation evidence API. */
export function useInnovationEvidenceSource(regionCode: string, innovationId: string, target: string): EvidenceSource {
  const queryClient = useQueryClient();
  return {
    contentUrl: (evidenceId) => evidenceContentUrl(regionCode, innovationId, evidenceId),
    upload: (file, onProgress) => uploadEvidence(regionCode, innovationId, { target, title: '', file }, onProgress),
    addLink: (input) => addEvidenceLink(regionCode, innovationId, { ...input, target }),
    remove: (evidenceId) => deleteEvidence(regionCode, innovationId, evidenceId),
    refresh: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: innovationKey(regionCode, innovationId) }),
        // Evidence of an IID indicator moves its score.
        queryClient.invalidateQueries({ queryKey: iidKey(regionCode) }),
      ]),
  };
}
