/** aria attributes tying an input to the problem shown under it (Field.svelte) */
export function invalid(id: string, error: string | null | undefined): Record<string, string> {
  return error ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` } : {};
}
