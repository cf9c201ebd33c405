// Code lists of the acknowledgments in plain words (acks.md §3, §4, §5). These are X12 element
// code lists the reference names; the wording is ours.

/** TA105 interchange note codes (acks.md §3). */
export const TA1_NOTES: Readonly<Record<string, string>> = {
  '000': 'no error',
  '001': 'the interchange control number in ISA13 and IEA02 differ',
  '002': 'the interchange has no IEA at its end',
  '003': 'the version in ISA12 is not supported',
  '004': 'the segment terminator is not valid',
  '005': 'the sender ID qualifier (ISA05) is not valid',
  '006': 'the sender ID (ISA06) is not valid',
  '007': 'the receiver ID qualifier (ISA07) is not valid',
  '008': 'the receiver ID (ISA08) is not valid',
  '009': 'the receiver (ISA08) is not known to them',
  '010': 'the authorization information qualifier (ISA01) is not valid',
  '011': 'the authorization information (ISA02) is not valid',
  '012': 'the security information qualifier (ISA03) is not valid',
  '013': 'the security information (ISA04) is not valid',
  '014': 'the interchange date (ISA09) is not valid',
  '015': 'the interchange time (ISA10) is not valid',
  '016': 'the standards identifier (ISA11) is not valid',
  '017': 'the version (ISA12) is not valid',
  '018': 'the interchange control number (ISA13) is not valid',
  '019': 'the acknowledgment request (ISA14) is not valid',
  '020': 'the test/production indicator (ISA15) is not valid',
  '021': 'the number of groups in IEA01 is wrong',
  '022': 'the envelope structure is not valid',
  '023': 'the file ended before the interchange did',
  '024': 'the interchange content is not valid (for example a bad GS)',
  '025': 'this interchange control number was already used: send again with a new ISA13',
  '026': 'the element separator is not valid',
  '027': 'the component separator is not valid',
};

/** IK304 segment syntax errors (acks.md §4). */
export const IK3_ERRORS: Readonly<Record<string, string>> = {
  '1': 'unrecognized segment ID',
  '2': 'unexpected segment',
  '3': 'a required segment is missing',
  '4': 'a loop occurs more often than allowed',
  '5': 'a segment occurs more often than allowed',
  '6': 'segment not in the defined transaction set',
  '7': 'segment out of order',
  '8': 'the segment has element errors',
  I4: 'a segment the guide says is not used was sent',
  I6: 'implementation dependent segment missing',
  I7: 'a loop occurs fewer times than the guide requires',
  I8: 'a segment occurs fewer times than the guide requires',
  I9: 'implementation dependent "not used" segment present',
};

/** IK403 element syntax errors (acks.md §4). */
export const IK4_ERRORS: Readonly<Record<string, string>> = {
  '1': 'a required element is missing',
  '2': 'a conditional required element is missing',
  '3': 'too many elements',
  '4': 'the value is too short',
  '5': 'the value is too long',
  '6': 'invalid character',
  '7': 'invalid code value',
  '8': 'invalid date',
  '9': 'invalid time',
  '10': 'an exclusion condition is violated',
  '12': 'too many repetitions',
  '13': 'too many components',
  I6: 'a code value the guide does not allow',
  I9: 'an element the guide says is not used was sent',
  I10: 'an implementation "not used" element is present',
  I11: 'too few repetitions',
  I12: 'the value does not fit the guide\'s pattern',
  I13: 'an element the guide requires is missing',
};

/** IK501 / AK901 results (acks.md §4). */
export const ACK_RESULTS: Readonly<Record<string, string>> = {
  A: 'accepted',
  E: 'accepted, with errors noted',
  M: 'rejected (message authentication failed)',
  P: 'partially accepted: at least one transaction set was rejected',
  R: 'rejected',
  W: 'rejected (failed validity tests)',
  X: 'rejected (content could not be analyzed after decryption)',
};

/** 277CA STC01-1 claim status categories that can appear in a batch 277CA (acks.md §5). */
export const STATUS_CATEGORIES: Readonly<Record<string, string>> = {
  A0: 'forwarded to another entity',
  A1: 'received, not yet accepted for adjudication',
  A2: 'accepted into the adjudication system',
  A3: 'returned as unprocessable',
  A4: 'not found',
  A5: 'split upon acceptance',
  A6: 'rejected for missing information',
  A7: 'rejected for invalid information',
  A8: 'rejected for an error in related fields',
};

/** 277CA STC01-3 entity codes the reference names. */
export const STATUS_ENTITIES: Readonly<Record<string, string>> = {
  '41': 'submitter',
  '77': 'service location',
  '82': 'rendering provider',
  '85': 'billing provider',
  IL: 'subscriber',
  PR: 'payer',
  QC: 'patient',
  DN: 'referring provider',
};

/** A code in words, or the code itself when the list does not know it. */
export function words(list: Readonly<Record<string, string>>, code: string): string {
  return list[code] ?? code;
}
