// A believable demo office as an import file (interfaces.md format): it goes through the same
// validation as any import, so the demo can never store what an import would refuse.
// Deterministic for a given "today" and patient count: a seeded PRNG, never Math.random.
import { npiCheckDigit } from '../domain/npi.ts';
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
const PAYER_WEIGHTS: [PayerId, number][] = [['bcbstx', 25], ['bcbsnm', 8], ['bcbsvt', 8], ['medicare', 22], ['allways', 14], ['ncmedicaid', 14], ['humana', 9]];
const HOLD_REASONS = ['hospital admission', 'patient traveling', 'line infection, catheter replaced', 'labs pending', 'ER visit'];
const AUTH_DAYS = 90;

/** One therapy being written: what the dispenses and visits of it need to know. */
interface Course {
  id: string;
  patient: string;
  recipe: Recipe;
  start: string;
  stop: string | null;
  /** the last date with records: the stop, or today for what runs on */
  lastDay: string;
  /** scheduled dates outside holds, up to lastDay */
  given: string[];
}

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

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function memberId(rng: Rng, payer: PayerId): string {
  switch (payer) {
    case 'bcbstx':
      return `XOB${rng.digits(9)}`;
    case 'bcbsnm':
      return `XIM${rng.digits(9)}`;
    case 'bcbsvt':
      return `ZIV${rng.digits(9)}`;
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

class DemoOffice {
  readonly prescribers: Json[];
  readonly nurses: { id: string; credential: string }[];
  readonly patients: Json[] = [];
  readonly therapies: Json[] = [];
  readonly dispenses: Json[] = [];
  readonly visits: Json[] = [];
  private readonly windowStart: string;

  constructor(
    private readonly rng: Rng,
    private readonly today: string,
    count: number,
  ) {
    this.windowStart = addDays(today, -WINDOW_DAYS);
    this.prescribers = Array.from({ length: Math.max(6, Math.ceil(count / 25)) }, (_, i) => {
      const sex = rng.pick(['F', 'M'] as const);
      return { id: `dr-${i + 1}`, firstName: rng.pick(FIRST_NAMES[sex]), lastName: rng.pick(LAST_NAMES), npi: npi(rng) };
    });
    this.nurses = Array.from({ length: Math.max(5, Math.ceil(count / 30)) }, (_, i) => {
      const lpn = i % 5 === 4;
      return {
        id: `${lpn ? 'lpn' : 'rn'}-${i + 1}`, firstName: rng.pick(FIRST_NAMES.F), lastName: rng.pick(LAST_NAMES),
        credential: lpn ? 'LPN' : 'RN', ...(lpn ? {} : { npi: npi(rng) }),
      };
    });
  }

  addPatient(index: number): void {
    const { rng, today } = this;
    const payer = rng.weighted(PAYER_WEIGHTS);
    const sex = rng.pick(['F', 'M'] as const);
    const lastName = rng.pick(LAST_NAMES);
    const child = payer !== 'medicare' && rng.chance(0.08);
    const age = payer === 'medicare' ? rng.int(65, 92) : child ? rng.int(2, 17) : rng.int(19, 64);
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
    const id = `P${10001 + index}`;
    this.patients.push({
      id, firstName: rng.pick(FIRST_NAMES[sex]), lastName, ...(rng.chance(0.3) ? { middle: rng.pick('ABCDEJKLMRST'.split('')) } : {}),
      dob: addDays(today, -(age * 365 + rng.int(0, 364))), sex, address, phone: `512555${rng.digits(4)}`, coverages,
    });

    const recipes = RECIPES.filter((r) => r.payers.includes(payer));
    let lastStart: string | null = null;
    for (let k = rng.weighted([[1, 70], [2, 25], [3, 5]]); k > 0; k--) {
      const course = this.addTherapy(id, payer, rng.weighted(recipes.map((r) => [r, r.weight] as [Recipe, number])), lastStart);
      lastStart = course.start;
      this.addDispenses(course);
      this.addVisits(course);
    }
  }

  private addTherapy(patient: string, payer: PayerId, recipe: Recipe, lastStart: string | null): Course {
    const { rng, today } = this;
    const length = rng.int(recipe.days[0], recipe.days[1]);
    // A second therapy often runs beside the first (concurrent per diems, R-PD-5).
    const start = lastStart && rng.chance(0.6)
      ? addDays(lastStart, rng.int(0, 5))
      : addDays(this.windowStart, rng.int(0, Math.max(0, WINDOW_DAYS - Math.min(length, 60))));
    let stop: string | null = addDays(start, length - 1);
    if (stop > addDays(today, 21)) stop = recipe.chronic && rng.chance(0.5) ? null : addDays(today, rng.int(0, 21));
    if (stop !== null && stop < start) stop = start;
    const lastDay = stop === null || stop > today ? today : stop;

    const holds: { from: string; to: string; reason: string }[] = [];
    const span = daysBetween(start, lastDay);
    if (span >= 14 && rng.chance(0.2)) {
      const from = addDays(start, rng.int(4, span - 6));
      holds.push({ from, to: addDays(from, rng.int(1, 4)), reason: rng.pick(HOLD_REASONS) });
    }
    const given = scheduleDates(recipe.schedule, start, start, lastDay).filter((d) => !holds.some((h) => d >= h.from && d <= h.to));
    const doses: Json[] = [];
    if (given.length > 3 && rng.chance(0.12)) doses.push({ date: given[rng.int(1, given.length - 2)], given: false });
    if (given.length > 3 && 'everyDays' in recipe.schedule && rng.chance(0.08)) doses.push({ date: addDays(given[1]!, 1), given: true });

    const course: Course = { id: `T${this.therapies.length + 1}`, patient, recipe, start, stop, lastDay, given };
    this.therapies.push({
      id: course.id, patient, payer, category: recipe.category, route: recipe.route,
      ...(recipe.qualifier ? { qualifier: recipe.qualifier } : {}),
      // WellCare NC requires self-administration (R-PD-11 [WC2]): most of its orders are
      ...((payer === 'ncmedicaid' ? rng.chance(0.9) : recipe.selfAdministered && rng.chance(recipe.selfAdministered)) ? { selfAdministered: true } : {}),
      schedule: recipe.schedule, start, ...(stop ? { stop } : {}), holds, doses,
      diagnoses: rng.pick(recipe.diagnoses), prescriber: rng.pick(this.prescribers).id as string,
      priorAuths: payer !== 'medicare' && rng.chance(0.93) ? this.priorAuths(course, payer) : [],
      drugs: recipe.drugs.map((d) => ({ ndc: PRODUCTS[d.product].ndc, dose: { amount: d.dose[0], unit: d.dose[1] } })),
    });
    return course;
  }

  /** 90-day authorizations over the course; expensive drugs get authorized units, now and then too few. */
  private priorAuths(course: Course, payer: PayerId): Json[] {
    const { rng } = this;
    const { recipe, start } = course;
    const auths: Json[] = [];
    const expensive = recipe.drugs.find((d) => d.product === 'ig10' || d.product === 'infliximab100');
    for (let from = addDays(start, -rng.int(0, 3)); from <= course.lastDay && auths.length < 3; from = addDays(from, AUTH_DAYS)) {
      const to = addDays(from, AUTH_DAYS - 1);
      const auth: Json = { number: `${payer === 'ncmedicaid' ? 'NC' : 'PA'}${rng.digits(7)}`, from, to };
      if (expensive) {
        const p: DemoProduct = PRODUCTS[expensive.product];
        const unit = p.hcpcsUnit!;
        const perDose = Math.ceil(convert(expensive.dose[0], expensive.dose[1] as Measure, unit.unit as Measure) / unit.amount);
        const doses = scheduleDates(recipe.schedule, start, from, to).length;
        auth.units = { [p.hcpcs]: Math.max(1, Math.ceil(perDose * doses * (rng.chance(0.9) ? 1.25 : 0.6))) };
      }
      auths.push(auth);
    }
    return auths;
  }

  /** Weekly for daily schedules, per dose for long intervals; now and then one is forgotten (R-DR-2). */
  private addDispenses(course: Course): void {
    const { rng } = this;
    const { recipe, start, stop } = course;
    const cadence = 'everyDays' in recipe.schedule && recipe.schedule.everyDays >= 7 ? recipe.schedule.everyDays : 7;
    const forgotten = rng.chance(0.04) ? rng.int(1, 3) : -1;
    for (let from = start, n = 0; from <= course.lastDay; from = addDays(from, cadence), n++) {
      const to = addDays(from, cadence - 1);
      const doseDays = scheduleDates(recipe.schedule, start, from, stop && stop < to ? stop : to).length;
      if (doseDays === 0 || n === forgotten) continue;
      const doses = doseDays * dosesPerDay(recipe.schedule);
      for (const d of recipe.drugs) {
        const p: DemoProduct = PRODUCTS[d.product];
        this.dispenses.push({
          id: `D${this.dispenses.length + 1}`, therapy: course.id, date: from, ndc: p.ndc, quantity: quantityFor(p, d.dose, doses), daysSupply: cadence,
          lot: `${p.hcpcs.slice(0, 1)}${rng.digits(2)}${rng.pick(['A', 'B', 'K', 'X'])}${rng.digits(3)}`, expiry: addDays(from, rng.int(120, 540)),
        });
      }
      for (const s of recipe.supplies) {
        const equipment = s === 'ivPole';
        if (equipment && n > 0) continue;
        this.dispenses.push({
          id: `D${this.dispenses.length + 1}`, therapy: course.id, date: from, ndc: PRODUCTS[s].ndc,
          quantity: s === 'heparinFlush' ? doses * 2 : 1,
          daysSupply: equipment ? daysBetween(start, course.lastDay) + 1 : cadence,
        });
      }
    }
  }

  /** A teaching visit on the first dose, then every few days (or at every dose); recent notes often unsigned (R-NV-7). */
  private addVisits(course: Course): void {
    const { rng, today } = this;
    const { recipe } = course;
    const rns = this.nurses.filter((n) => n.credential === 'RN');
    let next = '';
    for (const date of course.given) {
      if (date < next) continue;
      const first = next === '';
      next = recipe.visitEvery === 0 ? date : addDays(date, recipe.visitEvery);
      const minutes = rng.int(recipe.visitMinutes[0], recipe.visitMinutes[1]) + (first ? 45 : 0);
      const arrival = rng.chance(0.01) ? rng.int(86, 90) * 15 : rng.int(32, 64) * 15;
      const departure = arrival + minutes;
      this.visits.push({
        id: `V${this.visits.length + 1}`, patient: course.patient, therapy: course.id,
        nurse: (rng.chance(0.1) ? rng.pick(this.nurses) : rng.pick(rns)).id, date,
        arrival: hhmm(arrival), departure: hhmm(departure % 1440),
        ...(departure >= 1440 ? { departureDate: addDays(date, 1) } : {}),
        signed: daysBetween(date, today) <= 6 ? rng.chance(0.4) : rng.chance(0.97),
        ...(first ? { notes: 'Start of care: teaching, line assessment, first dose observed.' } : {}),
      });
    }
  }
}

export function generateDemo(opts: DemoOptions): Json {
  const count = opts.patients ?? 300;
  const rng = new Rng(`${opts.today}:${count}`);
  const office = new DemoOffice(rng, opts.today, count);
  for (let i = 0; i < count; i++) office.addPatient(i);
  return {
    organization: { ...ORGANIZATION_BASE, npi: npi(rng) },
    clearinghouse: CLEARINGHOUSE,
    chargeMaster: CHARGE_MASTER,
    payers: PAYERS,
    prescribers: office.prescribers,
    nurses: office.nurses,
    products: Object.values(PRODUCTS),
    patients: office.patients,
    therapies: office.therapies,
    dispenses: office.dispenses,
    visits: office.visits,
  };
}
