/** What recourse services need. */
import type { RatingPolicy } from '../../domain/reputation.js';
import type { CaseDeps } from '../cases/cases.deps.js';

/** Dependencies of the recourse module (case timeline writes need the case dependencies). */
export interface RecourseDeps extends CaseDeps {
  ratingPolicy: RatingPolicy;
}
