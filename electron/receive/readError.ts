// The one error every reader throws: which segment, where in the file, and what is wrong with it.
// A reader throws on the first problem and returns nothing, so a file is never half-read.

export class X12ReadError extends Error {
  constructor(
    /** segment id as read (ISA, CLP …), or '' when there is none to name (the file ends, or the text is no segment id) */
    readonly segmentId: string,
    /** 1-based segment number in the file, ISA = 1 */
    readonly position: number,
    readonly problem: string,
  ) {
    super(`${segmentId || 'segment'} at segment ${position}: ${problem}`);
    this.name = 'X12ReadError';
  }
}
