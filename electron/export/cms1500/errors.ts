import { UserError } from '../../domain/errors.ts';

/** A claim that cannot be printed as it stands (missing record, a value that must not be cut): the biller's to fix. */
export class Cms1500Error extends UserError {
  /**
   * @param reason plain words for a biller, without the claim id
   * @param claim the claim it is about, if any (the message then starts with it)
   */
  constructor(
    readonly reason: string,
    readonly claim: string | null = null,
  ) {
    super(claim ? `claim ${claim}: ${reason}` : reason);
    this.name = 'Cms1500Error';
  }
}
