/**
 * Input the user can fix (a folder without the PetShop layout, a malformed row, a target
 * that names no column). The CLI prints the message in one line and exits 2.
 */
export class RcaInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RcaInputError';
  }
}
