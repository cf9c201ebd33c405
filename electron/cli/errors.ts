/** A problem with the user's input or data: exit 1, message on stderr, nothing written. */
export class UserError extends Error {
  constructor(message: string, readonly details: string[] = []) {
    super(message);
    this.name = 'UserError';
  }
}

/** Wrong command-line usage: exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
