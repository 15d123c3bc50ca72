// The National Provider Identifier's check digit (CMS): Luhn over the 9 leading digits prefixed with 80840,
// the health industry's issuer prefix. Pure.

/** True for ten digits whose last is the Luhn check digit of "80840" + the first nine. */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const digits = `80840${npi.slice(0, 9)}`;
  let sum = 0;
  // From the right, every second digit (starting with the rightmost of the payload) is doubled.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9]);
}
