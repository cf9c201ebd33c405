// The hint under a new password: the rule the server enforces (at least 10 characters) and a
// rough strength, so people reach for a phrase instead of a short word with symbols.
export const MIN_PASSWORD = 10;

export function passwordHint(pw: string): { ok: boolean; level: 'short' | 'fair' | 'good' | 'strong'; text: string } {
  if (pw.length < MIN_PASSWORD) {
    const left = MIN_PASSWORD - pw.length;
    return { ok: false, level: 'short', text: `At least ${MIN_PASSWORD} characters: ${left} more. A phrase of a few words is easy to remember.` };
  }
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(pw)).length;
  const words = pw.trim().split(/\s+/).length;
  if (pw.length >= 20 || (words >= 4 && pw.length >= 16)) return { ok: true, level: 'strong', text: 'Strong.' };
  if (pw.length >= 14 || kinds >= 3) return { ok: true, level: 'good', text: 'Good. Longer is stronger still.' };
  return { ok: true, level: 'fair', text: 'Fair: a longer phrase would be stronger.' };
}
