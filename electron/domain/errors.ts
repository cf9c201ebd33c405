// The errors every layer may throw for a problem the user must fix (not a bug). Each entry point
// maps them the same way (app/registry.ts toCallError): a screen shows the message beside its
// fields, the command line prints it and exits 1.

/** A problem with the user's input or data: nothing is written, the message says what to fix. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * A user error tied to form fields, so the screen can put each message beside its input.
 * It is a UserError, so the CLI prints it the same way.
 */
export class FieldError extends UserError {
  constructor(
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message, Object.entries(fields).map(([k, v]) => `${k}: ${v}`));
    this.name = 'FieldError';
  }
}
