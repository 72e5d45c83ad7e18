/**
 * Input the user can fix (a missing folder, a malformed row, a windows file that names a
 * file which is not there). The CLI prints the message in one line and exits 2; anything
 * else escaping the eval is a bug and keeps its stack.
 */
export class NabInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NabInputError';
  }
}
