// What a reader found, by segment position. Every pass reports through one Issues so errors and
// warnings come out in the order the passes ran, which the tests and the user both rely on.

export interface X12Issue {
  severity: 'error' | 'warning';
  /** 1-based position in the file, ISA = 1 */
  segment: number;
  id: string;
  loop: string;
  message: string;
}

export class Issues {
  readonly errors: X12Issue[] = [];
  readonly warnings: X12Issue[] = [];

  /** `segments` may still be empty when the text has no ISA; an issue then names no segment id. */
  constructor(private readonly segments: readonly (readonly string[])[]) {}

  /**
   * `i` is the 0-based segment index; -1 for the text as a whole (reported as segment 0). `id`
   * names the segment when there are no segments to read it from (a file without an ISA).
   */
  error(i: number, loop: string, message: string, id?: string): void {
    this.errors.push(this.issue('error', i, loop, message, id));
  }

  warning(i: number, loop: string, message: string): void {
    this.warnings.push(this.issue('warning', i, loop, message));
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  private issue(severity: X12Issue['severity'], i: number, loop: string, message: string, id?: string): X12Issue {
    return { severity, segment: i + 1, id: id ?? this.segments[i]?.[0] ?? '', loop, message };
  }
}
