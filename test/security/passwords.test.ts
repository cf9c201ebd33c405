import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, TEST_SCRYPT, verifyPassword, OWASP_SCRYPT } from '../../electron/security/passwords.ts';

describe('password hashing with scrypt', () => {
  it('accepts the right password and rejects a wrong one', () => {
    const h = hashPassword('correct horse battery', TEST_SCRYPT);
    expect(verifyPassword('correct horse battery', h)).toBe(true);
    expect(verifyPassword('correct horse batterY', h)).toBe(false);
    expect(verifyPassword('', h)).toBe(false);
  });

  it('salts every hash, so the same password hashes differently twice', () => {
    const a = hashPassword('same password 1', TEST_SCRYPT);
    const b = hashPassword('same password 1', TEST_SCRYPT);
    expect(a.salt.equals(b.salt)).toBe(false);
    expect(a.hash.equals(b.hash)).toBe(false);
    expect(a.salt).toHaveLength(16);
    expect(a.hash).toHaveLength(32);
  });

  it('keeps the cost parameters with the hash so old hashes verify after the default is raised', () => {
    const h = hashPassword('parameters kept', TEST_SCRYPT);
    expect(h.params).toEqual({ N: 1024, r: 8, p: 1, keylen: 32 });
    expect(verifyPassword('parameters kept', { ...h, params: { ...TEST_SCRYPT } })).toBe(true);
    expect(verifyPassword('parameters kept', { ...h, params: { ...OWASP_SCRYPT } })).toBe(false);
  });

  it('treats the composed and decomposed forms of an accented password as the same password', () => {
    const h = hashPassword('Jos\u00e9-infusion-1', TEST_SCRYPT);
    expect(verifyPassword('Jose\u0301-infusion-1', h)).toBe(true);
  });

  it('asks for at least ten characters and no surrounding spaces', () => {
    expect(passwordProblem('short')).toBe('must be at least 10 characters');
    expect(passwordProblem(' padded password ')).toBe('must not start or end with spaces');
    expect(passwordProblem('long enough pass')).toBeNull();
  });
});
