// Writes the test payer's responses: an interchange around one transaction set, with the
// project's segment serializer, SE/GE/IEA counts and a line break after each terminator.
import { stamp } from '../../electron/export/x12/format.ts';
import { serialize, seg, type Element, type Segment } from '../../electron/export/x12/segment.ts';

export { seg };
export type { Element, Segment };

export interface Envelope {
  sender: string;
  receiver: string;
  /** GS01: HP 835, FA 999, HN 277 */
  functionalId: string;
  version: string;
  control: number;
  now: string;
}

const pad = (s: string, n: number): string => s.slice(0, n).padEnd(n, ' ');

export function interchange(env: Envelope, stType: string, body: Segment[], st03: string | null): string {
  const t = stamp(env.now);
  const ctl = String(env.control).padStart(9, '0');
  const st = String(env.control).padStart(4, '0');
  const set = [seg('ST', stType, st, ...(st03 ? [st03] : [])), ...body];
  const segs: Segment[] = [
    seg('ISA', '00', pad('', 10), '00', pad('', 10), 'ZZ', pad(env.sender, 15), 'ZZ', pad(env.receiver, 15), t.date6, t.time4, '^', '00501', ctl, '0', 'T', ':'),
    seg('GS', env.functionalId, env.sender, env.receiver, t.date8, t.time4, String(env.control), 'X', env.version),
    ...set,
    seg('SE', String(set.length + 1), st),
    seg('GE', '1', String(env.control)),
    seg('IEA', '1', ctl),
  ];
  return segs.map((s) => serialize(s)).join('~\n') + '~\n';
}
