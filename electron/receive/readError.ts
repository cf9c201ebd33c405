// The one error every reader throws: which segment, where in the file, and what is wrong with it.
// A reader throws on the first problem and returns nothing, so a file is never half-read.

export class X12ReadError extends Error {
  constructor(
    /** segment id as read (ISA, CLP …), or '' when the file ends before one */
    readonly segmentId: string,
    /** 1-based segment number in the file, ISA = 1 */
    readonly position: number,
    readonly problem: string,
  ) {
    super(`${segmentId || 'end of file'} at segment ${position}: ${problem}`);
    this.name = 'X12ReadError';
  }
}
