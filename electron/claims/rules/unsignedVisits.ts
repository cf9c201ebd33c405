// R-NV-7 An unsigned visit is not billed; each one dated in the period built is a warning so the
// office gets the note signed before the claim goes out.
import type { Visit } from '../../domain/types.ts';

export function unsignedVisitMessage(visit: Visit): string {
  return `Visit ${visit.id} on ${visit.date} is not signed, so it is not billed; get the visit note signed`;
}
