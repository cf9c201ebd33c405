// Envelope (ISA/GS/ST … SE/GE/IEA), header (BHT, 1000A submitter, 1000B receiver) and the
// billing provider (2000A / 2010AA).
import type { Clearinghouse, Organization } from '../../domain/types.ts';
import type { Problems } from './context.ts';
import type { Stamp } from './format.ts';
import type { X12Control } from './input.ts';
import { LEN } from './limits.ts';
import { DELIMITERS, seg, type Segment } from './segment.ts';

const VERSION = '005010X222A1';
/** NUCC taxonomy shape (e.g. 3336H0001X, home infusion therapy pharmacy). */
const TAXONOMY = /^[0-9A-Z]{9}X$/;

export interface Envelope {
  isa: string;
  gs: Segment;
  st: Segment;
  /** trailers from counts the caller takes from the segments it built */
  se(segmentsFromStToSe: number): Segment;
  ge(transactions: number): Segment;
  iea(groups: number): Segment;
  interchange: string;
  group: string;
  transaction: string;
}

function controlNumber(n: number, field: string, p: Problems): number {
  if (!Number.isSafeInteger(n) || n < 1 || n > 999_999_999) {
    p.add(field, `${n} is not a control number (1 … 999999999)`);
    return 1;
  }
  return n;
}

/** ISA is fixed width (106 characters): ids padded to 15, control number zero-padded to 9. */
export function envelope(ch: Clearinghouse, control: X12Control, at: Stamp, p: Problems): Envelope {
  const sender = p.id(ch.senderId, LEN.application, 'clearinghouse.senderId', 2);
  const receiver = p.id(ch.receiverId, LEN.application, 'clearinghouse.receiverId', 2);
  if (ch.usage !== 'T' && ch.usage !== 'P') p.add('clearinghouse.usage', `'${String(ch.usage)}' is not T (test) or P (production)`);
  const isa13 = String(controlNumber(control.interchange, 'control.interchange', p)).padStart(9, '0');
  const gs06 = String(controlNumber(control.group, 'control.group', p));
  const st02 = String(controlNumber(control.transaction, 'control.transaction', p)).padStart(4, '0');
  const d = DELIMITERS;
  const isa = [
    'ISA', '00', ' '.repeat(10), '00', ' '.repeat(10),
    'ZZ', sender.padEnd(LEN.interchangeId), 'ZZ', receiver.padEnd(LEN.interchangeId),
    at.date6, at.time4, d.repetition, '00501', isa13, '0', ch.usage, d.component,
  ].join(d.element);
  return {
    isa,
    gs: seg('GS', 'HC', sender, receiver, at.date8, at.time4, gs06, 'X', VERSION),
    st: seg('ST', '837', st02, VERSION),
    se: (n) => seg('SE', String(n), st02),
    ge: (n) => seg('GE', String(n), gs06),
    iea: (n) => seg('IEA', String(n), isa13),
    interchange: isa13,
    group: gs06,
    transaction: st02,
  };
}

/** BHT, 1000A submitter (with its contact: PER is required, with a phone), 1000B receiver. */
export function header(org: Organization, ch: Clearinghouse, reference: string, at: Stamp, p: Problems): Segment[] {
  const bht03 = p.id(reference, LEN.reference, 'control.reference');
  const orgName = p.text(org.name, LEN.lastOrOrg, 'organization.name');
  const phone = p.digits(org.phone, [10], 'organization.phone', 'a 10-digit phone number (1000A PER needs one)');
  if (/^\d{10}$/.test(phone) && (phone[0] === '0' || phone[0] === '1' || phone[3] === '0' || phone[3] === '1')) {
    p.add('organization.phone', `'${org.phone}' has an area or exchange code starting with 0 or 1`);
  }
  return [
    seg('BHT', '0019', '00', bht03, at.date8, at.time4, 'CH'),
    seg('NM1', '41', '2', orgName, '', '', '', '', '46', p.id(ch.submitterId, LEN.idCode, 'clearinghouse.submitterId', 2)),
    seg('PER', 'IC', p.text(org.contact, LEN.contactName, 'organization.contact', false), 'TE', phone),
    seg('NM1', '40', '2', p.text(ch.name, LEN.lastOrOrg, 'clearinghouse.name'), '', '', '', '', '46', p.id(ch.receiverId, LEN.idCode, 'clearinghouse.receiverId', 2)),
  ];
}

/** A street address, not a PO box: a PO box or lockbox belongs in 2010AB pay-to. */
export function poBox(line: string): boolean {
  return /\b(P\.?\s*O\.?\s*BOX|POST\s+OFFICE\s+BOX|LOCK\s*BOX)\b/i.test(line);
}

/** 2000A HL*1 (always has children) and 2010AA: NPI, street address with ZIP+4, EIN. */
export function loop2000A(org: Organization, p: Problems): Segment[] {
  const out: Segment[] = [seg('HL', '1', '', '20', '1')];
  if (org.taxonomy) {
    const t = org.taxonomy.trim().toUpperCase();
    if (!TAXONOMY.test(t)) p.add('organization.taxonomy', `'${org.taxonomy}' is not a 10-character NUCC taxonomy code`);
    out.push(seg('PRV', 'BI', 'PXC', t));
  }
  const addr = p.address(org.address, 'organization.address', true);
  for (const line of addr.n3) if (poBox(line)) p.add('organization.address', `'${line}' is a PO box; the billing provider needs a street address`);
  out.push(
    seg('NM1', '85', '2', p.text(org.name, LEN.lastOrOrg, 'organization.name'), '', '', '', '', 'XX', p.npi(org.npi, 'organization.npi')),
    seg('N3', ...addr.n3),
    seg('N4', ...addr.n4),
    seg('REF', 'EI', p.digits(org.taxId, [9], 'organization.taxId', 'a 9-digit EIN')),
  );
  return out;
}
