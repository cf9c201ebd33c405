// Identifiers the import format accepts (billing-rules §8), beside the domain's own lists.

export const THERAPY_CATEGORIES = [
  'antiInfective', 'hydration', 'tpn', 'pain', 'chemotherapy', 'enteral', 'anticoagulant', 'immunotherapy',
  'hemodialysis', 'peritonealDialysis', 'antihemophilic', 'alpha1Proteinase', 'longTermControlledRate',
  'inotropic', 'tocolytic', 'antiemeticInfusion', 'insulin', 'chelation', 'enzymeReplacement', 'antiTnf',
  'diuretic', 'antispasmodic', 'corticosteroid', 'hematopoieticHormone', 'transfusion', 'injectableNoc',
  'growthHormone', 'interferon', 'hormonal', 'palivizumab', 'immunotherapyInjection', 'irrigation',
  'antiemeticInjection', 'anticoagulantInjection', 'infusionNoc', 'catheterCare',
] as const;

/** everyHours values that give whole doses per day (billing-rules §1). */
export const EVERY_HOURS = [1, 2, 3, 4, 6, 8, 12, 24] as const;
