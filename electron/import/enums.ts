// Identifiers the import format accepts, beside the domain's own lists.
import perDiemCommercial from '../../resources/codes/perDiemCommercial.json' with { type: 'json' };

/** billing-rules §8: the categories are those of the commercial per diem table (resources/codes). */
export const THERAPY_CATEGORIES = Object.keys(perDiemCommercial.categories) as [string, ...string[]];

/** everyHours values that give whole doses per day (billing-rules §1). */
export const EVERY_HOURS = [1, 2, 3, 4, 6, 8, 12, 24] as const;
