// Element lengths of the 837P map (pyx12 map/dataele.xml, data element numbers in comments).
export const LEN = Object.freeze({
  /** 1035 Name Last or Organization Name (NM103) */
  lastOrOrg: 60,
  /** 1036 Name First (NM104) */
  first: 35,
  /** 1037 Name Middle (NM105) */
  middle: 25,
  /** 67 Identification Code (NM109), min 2 */
  idCode: 80,
  /** 166 Address Information (N301, N302) */
  address: 55,
  /** 19 City Name (N401), min 2 */
  city: 30,
  /** 1028 Claim Submitter's Identifier (CLM01) */
  claimId: 38,
  /** 127 Reference Identification (REF02, SBR03, BHT03, PRV03, MOA03–07) */
  reference: 50,
  /** 93 Name (PER02, SBR04) */
  contactName: 60,
  /** 142 / 124 Application Sender's / Receiver's Code (GS02, GS03), min 2 */
  application: 15,
  /** I06 / I07 Interchange Sender / Receiver ID (ISA06, ISA08), padded to 15 */
  interchangeId: 15,
  /** 352 Description (SV101-7) and 352 Description (NTE02, line note) */
  lineText: 80,
  /** 234 Product/Service ID (SV101-2, LIN03) */
  productId: 48,
  /** 1271 Industry Code (HI0n-2) */
  industryCode: 30,
});

/** 837P limits: 2400 repeats 50 per claim, 2300 repeats 100 per 2000B / 2000C, HI holds 12. */
export const MAX_LINES_PER_CLAIM = 50;
export const MAX_CLAIMS_PER_SUBSCRIBER = 100;
export const MAX_DIAGNOSES = 12;
export const MAX_POINTERS = 4;
export const MAX_MODIFIERS = 4;
