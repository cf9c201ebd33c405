// A believable demo office as an import file (interfaces.md format): it goes through the same
// validation as any import, so the demo can never store what an import would refuse.
// Deterministic for a given "today" and patient count: a seeded PRNG, never Math.random.
import { npiCheckDigit } from '../import/npi.ts';
import { addDays, daysBetween } from '../import/dates.ts';
import { convert } from '../import/measures.ts';
import type { Measure } from '../domain/types.ts';
import { CHARGE_MASTER, CLEARINGHOUSE, FIRST_NAMES, LAST_NAMES, ORGANIZATION_BASE, PAYERS, PLACES, PRODUCTS, STREETS } from './catalog.ts';
import type { DemoProduct, PayerId } from './catalog.ts';
import { RECIPES } from './recipes.ts';
import type { Recipe } from './recipes.ts';
import { Rng } from './rng.ts';

export interface DemoOptions {
  /** the office's today, YYYY-MM-DD: therapies run over the six months before it */
  today: string;
  /** number of patients (default 300) */
  patients?: number;
}

type Json = Record<string, unknown>;

const WINDOW_DAYS = 182;
const PAYER_WEIGHTS: [PayerId, number][] = [['bcbstx', 35], ['medicare', 25], ['allways', 15], ['ncmedicaid', 15], ['humana', 10]];
const HOLD_REASONS = ['hospital admission', 'patient traveling', 'line infection, catheter replaced', 'labs pending', 'ER visit'];

function npi(rng: Rng): string {
  const first9 = `1${rng.digits(8)}`;
  return `${first9}${npiCheckDigit(first9)}`;
}

/** The schedule's dose dates in [from, to] (holds and overrides aside; billing-rules §1). */
function scheduleDates(schedule: Recipe['schedule'], start: string, from: string, to: string): string[] {
  const out: string[] = [];
  const step = 'everyDays' in schedule ? schedule.everyDays : 'weekly' in schedule ? 7 : 1;
  let offset = Math.max(0, Math.ceil(daysBetween(start, from) / step) * step);
  for (let d = addDays(start, offset); d <= to; offset += step, d = addDays(start, offset)) out.push(d);
  return out;
}

function dosesPerDay(schedule: Recipe['schedule']): number {
  return 'everyHours' in schedule ? 24 / schedule.everyHours : 1;
}

/** NDC units to send for `doses` doses of `dose` (single-dose containers are opened per dose). */
function quantityFor(p: DemoProduct, dose: [number, string], doses: number): number {
  const per = p.drugPerNdcUnit!;
  const container = p.containerSize!;
  const ndcUnitsPerDose = convert(dose[0], dose[1] as Measure, per.unit as Measure) / per.amount;
  if (p.singleDose) return Math.ceil(ndcUnitsPerDose / container - 1e-9) * container * doses;
  return Math.ceil((ndcUnitsPerDose * doses) / container - 1e-9) * container;
}

export function generateDemo(opts: DemoOptions): Json {
  const today = opts.today;
  const count = opts.patients ?? 300;
  const rng = new Rng(`${today}:${count}`);
  const windowStart = addDays(today, -WINDOW_DAYS);

  const prescribers = Array.from({ length: Math.max(6, Math.ceil(count / 25)) }, (_, i) => {
    const sex = rng.pick(['F', 'M'] as const);
    return { id: `dr-${i + 1}`, firstName: rng.pick(FIRST_NAMES[sex]), lastName: rng.pick(LAST_NAMES), npi: npi(rng) };
  });
  const nurses = Array.from({ length: Math.max(5, Math.ceil(count / 30)) }, (_, i) => {
    const lpn = i % 5 === 4;
    return {
      id: `${lpn ? 'lpn' : 'rn'}-${i + 1}`, firstName: rng.pick(FIRST_NAMES.F), lastName: rng.pick(LAST_NAMES),
      credential: lpn ? 'LPN' : 'RN', ...(lpn ? {} : { npi: npi(rng) }),
    };
  });
  const rns = nurses.filter((n) => n.credential === 'RN');

  const patients: Json[] = [];
  const therapies: Json[] = [];
  const dispenses: Json[] = [];
  const visits: Json[] = [];
  let therapySeq = 0;
  let dispenseSeq = 0;
  let visitSeq = 0;

  for (let i = 0; i < count; i++) {
    const payer = rng.weighted(PAYER_WEIGHTS);
    const sex = rng.pick(['F', 'M'] as const);
    const lastName = rng.pick(LAST_NAMES);
    const child = payer !== 'medicare' && rng.chance(0.08);
    const age = payer === 'medicare' ? rng.int(65, 92) : child ? rng.int(2, 17) : rng.int(19, 64);
    const dob = addDays(today, -(age * 365 + rng.int(0, 364)));
    const [city, state, zip] = rng.pick(PLACES[payer]);
    const address = { line1: `${rng.int(100, 9899)} ${rng.pick(STREETS)}`, city, state, zip };
    const coverage: Json = { payer, priority: 1, memberId: memberId(rng, payer), relationship: child ? 'child' : 'self' };
    if (payer !== 'medicare' && payer !== 'ncmedicaid') coverage.groupNumber = `G${rng.digits(5)}`;
    if (child) {
      const parentSex = rng.pick(['F', 'M'] as const);
      coverage.subscriber = {
        firstName: rng.pick(FIRST_NAMES[parentSex]), lastName, sex: parentSex,
        dob: addDays(today, -(rng.int(28, 50) * 365 + rng.int(0, 364))), address,
      };
    }
    const coverages = [coverage];
    if (payer === 'medicare' && rng.chance(0.2)) {
      coverages.push({ payer: 'bcbstx', priority: 2, memberId: memberId(rng, 'bcbstx'), groupNumber: `MS${rng.digits(4)}`, relationship: 'self' });
    }
    const patientId = `P${10001 + i}`;
    patients.push({
      id: patientId, firstName: rng.pick(FIRST_NAMES[sex]), lastName, ...(rng.chance(0.3) ? { middle: rng.pick('ABCDEJKLMRST'.split('')) } : {}),
      dob, sex, address, phone: `512555${rng.digits(4)}`, coverages,
    });

    const recipes = RECIPES.filter((r) => r.payers.includes(payer));
    const n = rng.weighted([[1, 70], [2, 25], [3, 5]]);
    let lastStart: string | null = null;
    for (let k = 0; k < n; k++) {
      const recipe = rng.weighted(recipes.map((r) => [r, r.weight] as [Recipe, number]));
      const length = rng.int(recipe.days[0], recipe.days[1]);
      // A second therapy often runs beside the first (concurrent per diems, R-PD-5).
      const start: string = lastStart && rng.chance(0.6)
        ? addDays(lastStart, rng.int(0, 5))
        : addDays(windowStart, rng.int(0, Math.max(0, WINDOW_DAYS - Math.min(length, 60))));
      lastStart = start;
      let stop: string | null = addDays(start, length - 1);
      if (stop > addDays(today, 21)) stop = recipe.chronic && rng.chance(0.5) ? null : addDays(today, rng.int(0, 21));
      if (stop !== null && stop < start) stop = start;
      const id = `T${++therapySeq}`;
      const lastDay = stop === null || stop > today ? today : stop;
      const doseDates = scheduleDates(recipe.schedule, start, start, lastDay);

      const holds: Json[] = [];
      const span = daysBetween(start, lastDay);
      if (span >= 14 && rng.chance(0.2)) {
        const from = addDays(start, rng.int(4, span - 6));
        holds.push({ from, to: addDays(from, rng.int(1, 4)), reason: rng.pick(HOLD_REASONS) });
      }
      const onHold = (d: string) => holds.some((h) => d >= (h.from as string) && d <= (h.to as string));
      const doses: Json[] = [];
      const given = doseDates.filter((d) => !onHold(d));
      if (given.length > 3 && rng.chance(0.12)) doses.push({ date: given[rng.int(1, given.length - 2)], given: false });
      if (given.length > 3 && 'everyDays' in recipe.schedule && rng.chance(0.08)) {
        doses.push({ date: addDays(given[1]!, 1), given: true });
      }

      const drugs = recipe.drugs.map((d) => ({ ndc: PRODUCTS[d.product].ndc, dose: { amount: d.dose[0], unit: d.dose[1] } }));
      const priorAuths: Json[] = [];
      const needsAuth = payer !== 'medicare' && rng.chance(0.93);
      if (needsAuth) {
        const authLength = 90;
        for (let from = addDays(start, -rng.int(0, 3)), j = 0; from <= lastDay && j < 3; from = addDays(from, authLength), j++) {
          const to = addDays(from, authLength - 1);
          const auth: Json = { number: `${payer === 'ncmedicaid' ? 'NC' : 'PA'}${rng.digits(7)}`, from, to };
          const expensive = recipe.drugs.find((d) => d.product === 'ig10' || d.product === 'infliximab100');
          if (expensive) {
            const p: DemoProduct = PRODUCTS[expensive.product];
            const unit = p.hcpcsUnit!;
            const perDose = Math.ceil(convert(expensive.dose[0], expensive.dose[1] as Measure, unit.unit as Measure) / unit.amount);
            const dosesIn = scheduleDates(recipe.schedule, start, from, to).length;
            // Mostly generous; now and then too tight, as real authorizations are.
            auth.units = { [p.hcpcs]: Math.max(1, Math.ceil(perDose * dosesIn * (rng.chance(0.9) ? 1.25 : 0.6))) };
          }
          priorAuths.push(auth);
        }
      }
      therapies.push({
        id, patient: patientId, payer, category: recipe.category, route: recipe.route,
        ...(recipe.qualifier ? { qualifier: recipe.qualifier } : {}),
        ...(recipe.selfAdministered && rng.chance(recipe.selfAdministered) ? { selfAdministered: true } : {}),
        schedule: recipe.schedule, start, ...(stop ? { stop } : {}), holds, doses,
        diagnoses: rng.pick(recipe.diagnoses), prescriber: rng.pick(prescribers).id, priorAuths, drugs,
      });

      // Dispenses: weekly for daily schedules, per dose for long intervals; now and then one is forgotten.
      const cadence = 'everyDays' in recipe.schedule && recipe.schedule.everyDays >= 7 ? recipe.schedule.everyDays : 7;
      const forget = rng.chance(0.04) ? rng.int(1, 3) : -1;
      let w = 0;
      for (let from = start; from <= lastDay; from = addDays(from, cadence), w++) {
        const to = addDays(from, cadence - 1);
        const inRange = scheduleDates(recipe.schedule, start, from, stop && stop < to ? stop : to).length;
        if (inRange === 0 || w === forget) continue;
        for (const d of recipe.drugs) {
          const p: DemoProduct = PRODUCTS[d.product];
          dispenses.push({
            id: `D${++dispenseSeq}`, therapy: id, date: from, ndc: p.ndc,
            quantity: quantityFor(p, d.dose, inRange * dosesPerDay(recipe.schedule)), daysSupply: cadence,
            lot: `${p.hcpcs.slice(0, 1)}${rng.digits(2)}${rng.pick(['A', 'B', 'K', 'X'])}${rng.digits(3)}`, expiry: addDays(from, rng.int(120, 540)),
          });
        }
        for (const s of recipe.supplies) {
          const equipment = s === 'ivPole';
          if (equipment && w > 0) continue;
          dispenses.push({
            id: `D${++dispenseSeq}`, therapy: id, date: from, ndc: PRODUCTS[s].ndc,
            quantity: s === 'heparinFlush' ? inRange * dosesPerDay(recipe.schedule) * 2 : 1,
            daysSupply: equipment ? Math.max(1, daysBetween(start, lastDay) + 1) : cadence,
          });
        }
      }

      // Nursing: a teaching visit on the first dose, then every few days (or at every dose).
      const visitDates: string[] = [];
      let next = '';
      for (const d of given) {
        if (d >= next) {
          visitDates.push(d);
          next = recipe.visitEvery === 0 ? d : addDays(d, recipe.visitEvery);
        }
      }
      visitDates.forEach((date, idx) => {
        const nurse = rng.chance(0.1) ? rng.pick(nurses) : rng.pick(rns);
        const minutes = rng.int(recipe.visitMinutes[0], recipe.visitMinutes[1]) + (idx === 0 ? 45 : 0);
        const overnight = rng.chance(0.01);
        const arrivalMin = overnight ? rng.int(86, 90) * 15 : rng.int(32, 64) * 15;
        const departAbs = arrivalMin + minutes;
        const recent = daysBetween(date, today) <= 6;
        visits.push({
          id: `V${++visitSeq}`, patient: patientId, therapy: id, nurse: nurse.id, date,
          arrival: hhmm(arrivalMin), departure: hhmm(departAbs % 1440),
          ...(departAbs >= 1440 ? { departureDate: addDays(date, 1) } : {}),
          signed: recent ? rng.chance(0.4) : rng.chance(0.97),
          ...(idx === 0 ? { notes: 'Start of care: teaching, line assessment, first dose observed.' } : {}),
        });
      });
    }
  }

  return {
    organization: { ...ORGANIZATION_BASE, npi: npi(rng) },
    clearinghouse: CLEARINGHOUSE,
    chargeMaster: CHARGE_MASTER,
    payers: PAYERS,
    prescribers,
    nurses,
    products: Object.values(PRODUCTS),
    patients,
    therapies,
    dispenses,
    visits,
  };
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function memberId(rng: Rng, payer: PayerId): string {
  switch (payer) {
    case 'bcbstx':
      return `XOB${rng.digits(9)}`;
    case 'allways':
      return `AW${rng.digits(7)}`;
    case 'medicare':
      // MBI shape: digit, letter, alnum, digit, letter, alnum, digit, letter, letter, digit, digit
      return `${rng.int(1, 9)}${rng.pick(['E', 'G', 'K', 'T'])}${rng.pick(['G', '4'])}${rng.int(0, 9)}${rng.pick(['T', 'M', 'P'])}${rng.pick(['E', '5'])}${rng.int(0, 9)}${rng.pick(['M', 'K'])}${rng.pick(['K', 'Y'])}${rng.digits(2)}`;
    case 'ncmedicaid':
      return `${rng.digits(9)}${rng.pick(['K', 'L', 'M', 'N'])}`;
    case 'humana':
      return `H${rng.digits(8)}`;
  }
}
