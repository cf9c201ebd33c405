import type { IsoDate, IsoDateTime } from './types.ts';
import { UserError } from './errors.ts';

/** A --now (or PERDIEM_NOW) that is not an ISO date-time: the command line answers it as a usage error. */
export class ClockError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'ClockError';
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * --now as given (a date, or a date-time with or without zone). The office's "today" is the
 * date as written, not shifted through UTC, so `--now 2026-11-01` builds as of Nov 1 everywhere.
 */
export function parseNow(value: string | undefined, clock: () => Date = () => new Date()): { now: IsoDateTime; today: IsoDate } {
  if (value === undefined) {
    const d = clock();
    const pad = (n: number) => String(n).padStart(2, '0');
    const today = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
    return { now: `${today}T${time}`, today };
  }
  const m = ISO.exec(value);
  if (!m) throw new ClockError(`--now '${value}' is not an ISO date or date-time (e.g. 2026-11-01T09:00:00)`);
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw new ClockError(`--now '${value}' is not a real date-time`);
  }
  return { now: `${y}-${mo}-${d}T${h}:${mi}:${s}`, today: `${y}-${mo}-${d}` };
}

/** A handler's clock: pinned to `fixed` (--now, PERDIEM_NOW, a test) or the wall clock read at each call. */
export function clockOf(fixed: string | undefined): { now(): IsoDateTime; today(): IsoDate } {
  if (fixed !== undefined) {
    const pinned = parseNow(fixed);
    return { now: () => pinned.now, today: () => pinned.today };
  }
  return { now: () => parseNow(undefined).now, today: () => parseNow(undefined).today };
}
