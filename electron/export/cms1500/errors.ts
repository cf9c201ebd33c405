/** A claim that cannot be printed as it stands (missing record, a value that must not be cut). */
export class Cms1500Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Cms1500Error';
  }
}
