/** A file a request produces for a person (an export, a print), with the name it goes out under. */
export interface DeliveredFile {
  fileName: string;
  bytes: Uint8Array;
}
