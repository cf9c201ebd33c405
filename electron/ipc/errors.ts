import { UserError } from '../cli/errors.ts';

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

export { UserError };
