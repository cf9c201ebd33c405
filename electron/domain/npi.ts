// NPI check digit: Luhn over the 9 identifier digits prefixed with the card issuer 80840.

function luhnSum(digits: string): number {
  // Doubles every second digit from the right of the payload (the check digit is not in it).
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

/** The check digit for the first 9 digits of an NPI. */
export function npiCheckDigit(first9: string): number {
  if (!/^\d{9}$/.test(first9)) throw new Error(`npiCheckDigit needs 9 digits, got '${first9}'`);
  return (10 - (luhnSum(`80840${first9}`) % 10)) % 10;
}

export function isValidNpi(npi: string): boolean {
  return /^\d{10}$/.test(npi) && npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}
