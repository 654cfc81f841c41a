/** How personal information is shown to readers without a lawful purpose (masked by default). */

/** Resident ID: first 4 and last 4 characters (3205**********123X). */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** Mobile number: first 3 and last 4 digits (138****5678). */
export function maskPhone(phone: string): string {
  // Drop the +86 country code so the same number masks the same way however it was written.
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  return digits.length < 7 ? '*'.repeat(digits.length) : `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** Address: up to the county/district, the rest hidden. */
export function maskAddress(address: string): string {
  const m = /^(.*?(?:区|县|市(?!.*[区县])))/.exec(address);
  const kept = m ? m[1]! : address.slice(0, 6);
  return `${kept}****`;
}

/** Name: surname and stars (张**). */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
