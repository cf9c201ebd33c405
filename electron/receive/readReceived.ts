// The entry point for a received file: tokenized, envelopes checked, each part recognized by
// content (TA1 segment, ST*999, ST*277 with 005010X214, ST*835) and read by its typed reader.
// All or nothing: the first problem throws an X12ReadError and nothing of the file is returned.
import { createHash } from 'node:crypto';
import { readEnvelopes, type TransactionSet } from './envelope.ts';
import { read277ca, type Ack277 } from './read277ca.ts';
import { read835 } from './read835.ts';
import { read999, type Ack999 } from './read999.ts';
import { X12ReadError } from './readError.ts';
import { readTa1, type Ta1 } from './readTa1.ts';
import type { Remittance } from '../domain/remittance.ts';
import { elements, tokenize, type Delimiters, type RawSegment } from './tokens.ts';

export type ReceivedKind = 'TA1' | '999' | '277CA' | '835';

interface DocumentIdentity {
  /** ISA13 of the interchange that carried it */
  interchange: string;
  /**
   * SHA-256 of the transaction set's segments (ST…SE, or the TA1) written with standard
   * delimiters: the same content re-enveloped by a clearinghouse keeps its hash (835.md §13)
   */
  contentSha256: string;
}

export type ReceivedDocument = DocumentIdentity & (
  | { kind: 'TA1'; ta1: Ta1 }
  | { kind: '999'; ack: Ack999 }
  | { kind: '277CA'; ack: Ack277 }
  | { kind: '835'; remittance: Remittance }
);

export interface ReceivedFile {
  /** SHA-256 of the bytes as received: the same file received twice has the same identity */
  sha256: string;
  /** the kinds found, in file order, without repeats (a TA1 may travel beside a 999) */
  kinds: ReceivedKind[];
  documents: ReceivedDocument[];
  /** ISA06 of the first interchange: who sent it */
  sender: string;
  segments: number;
}

/** R-RA-4: the file's identity is the hash of its exact bytes. */
export function fileIdentity(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Which reader a transaction set needs, judged by ST01 and the convention (ST03, else GS08). */
export function kindOf(set: TransactionSet): Exclude<ReceivedKind, 'TA1'> {
  if (set.type === '835') return '835';
  if (set.type === '999') return '999';
  if (set.type === '277' && set.convention.includes('X214')) return '277CA';
  throw new X12ReadError('ST', set.st.position, `ST*${set.type} (${set.convention || 'no version'}) is not a TA1, 999, 277CA (005010X214) or 835 this product reads`);
}

/** Standard delimiters: a segment written with them is already in the form that is hashed. */
function standard(d: Delimiters): boolean {
  return d.element === '*' && d.component === ':' && d.repetition === '^';
}

/** One segment with standard delimiters (* : ^), without its terminator, whatever the file used. */
function standardText(s: RawSegment): string {
  const d = s.delimiters;
  if (standard(d)) return s.text;
  return elements(s).reduce((out, e) => `${out}*${e.split(d.component).join(':').split(d.repetition).join('^')}`, s.id);
}

/**
 * The segments with standard delimiters (* : ^ ~), whatever the file used, and nothing between
 * them (no CR/LF), hashed. The segments' texts are joined into one string and hashed once: a file
 * with a line break after each terminator would otherwise be hashed in 168,000 small pieces.
 */
export function contentHash(segs: readonly RawSegment[]): string {
  return createHash('sha256').update(`${segs.map(standardText).join('~')}~`, 'utf8').digest('hex');
}

function readSet(set: TransactionSet, interchange: string): ReceivedDocument {
  const kind = kindOf(set);
  const id = { interchange, contentSha256: contentHash([set.st, ...set.body, set.se]) };
  if (kind === '835') return { kind, ...id, remittance: read835(set) };
  if (kind === '999') return { kind, ...id, ack: read999(set) };
  return { kind, ...id, ack: read277ca(set) };
}

/**
 * R-RA-4: the key of one remittance (one ST) for "received twice changes nothing": payer (TRN03,
 * else the payer's id or name) + trace number + payment date + amount (835.md §13). The same key
 * with another contentSha256 is a reissue or a payer error: hold it for a person.
 */
export function remittanceKey(r: Remittance): string {
  return [r.traceOriginator ?? r.payer.id ?? r.payer.name, r.traceNumber, r.paymentDate, String(r.paymentCents)].join('|');
}

/** `sha256` may be passed when the caller hashed the bytes already (a large file is hashed once). */
export function readReceived(bytes: Uint8Array | string, sha256: string = fileIdentity(bytes)): ReceivedFile {
  const text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const segs = tokenize(text);
  const interchanges = readEnvelopes(segs);
  const documents: ReceivedDocument[] = [];
  for (const ix of interchanges) {
    for (const s of ix.ta1) documents.push({ kind: 'TA1', interchange: ix.control, contentSha256: contentHash([s]), ta1: readTa1(s) });
    for (const g of ix.groups) for (const set of g.sets) documents.push(readSet(set, ix.control));
  }
  if (documents.length === 0) throw new X12ReadError('IEA', segs[segs.length - 1]!.position, 'the file holds no TA1 and no transaction set');
  return {
    sha256,
    kinds: [...new Set(documents.map((d) => d.kind))],
    documents,
    sender: interchanges[0]!.sender,
    segments: segs.length,
  };
}
