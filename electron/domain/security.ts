// The security vocabulary the store keeps (roles, password hashes), shared by db/ and
// electron/security without db/ importing the security code.

export const ROLES = ['admin', 'biller', 'nurse'] as const;
export type Role = (typeof ROLES)[number];

export interface ScryptParams {
  /** CPU/memory cost, a power of two */
  N: number;
  r: number;
  p: number;
  /** derived length in bytes */
  keylen: number;
}

export interface PasswordHash {
  hash: Buffer;
  salt: Buffer;
  params: ScryptParams;
}
