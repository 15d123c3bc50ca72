// Registry (IIS) ids. Issued since migration 20261207111500: the state code, 15 random digits and a Luhn check
// digit (CT4830192750316427), generated in the database (nutmeg_new_iis_id) on every insert path. Older ids
// (CT + 10-digit sequence number) stay valid and carry no check digit.

const CHECKED_ID = /^[A-Z]{2}\d{16}$/;

/** Luhn over all the digits, the last one being the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Why an id typed into a search cannot be right (a check digit that does not match), or undefined. */
export function iisIdProblem(raw: string): string | undefined {
  const id = raw.trim().toUpperCase();
  if (CHECKED_ID.test(id) && !luhnValid(id.slice(2))) return 'The check digit does not match: a digit was mistyped or swapped';
  return undefined;
}
