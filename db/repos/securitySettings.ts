// Security settings kept in the database (0004_security.sql): idle lock, backup retention.
import type Database from 'better-sqlite3-multiple-ciphers';

export interface SecuritySettings {
  idleLockMinutes: number;
  backupKeep: number;
  backupIntervalHours: number;
}

export const DEFAULT_SECURITY_SETTINGS: Readonly<SecuritySettings> = Object.freeze({
  idleLockMinutes: 15,
  backupKeep: 14,
  backupIntervalHours: 24,
});

const LIMITS: Record<keyof SecuritySettings, [number, number]> = {
  idleLockMinutes: [1, 240],
  backupKeep: [1, 365],
  backupIntervalHours: [1, 24 * 7],
};

export function getSecuritySettings(db: Database.Database): SecuritySettings {
  const rows = db.prepare('SELECT key, value FROM security_settings').all() as { key: string; value: string }[];
  const out: SecuritySettings = { ...DEFAULT_SECURITY_SETTINGS };
  for (const r of rows) {
    if (r.key in LIMITS) {
      const n = Number(r.value);
      if (Number.isInteger(n)) out[r.key as keyof SecuritySettings] = n;
    }
  }
  return out;
}

/** Returns `field: message` problems; writes nothing unless every value is valid. */
export function setSecuritySettings(db: Database.Database, patch: Partial<SecuritySettings>): string[] {
  const problems: string[] = [];
  for (const [k, v] of Object.entries(patch)) {
    const lim = LIMITS[k as keyof SecuritySettings];
    if (!lim) problems.push(`${k}: not a security setting`);
    else if (!Number.isInteger(v) || (v as number) < lim[0] || (v as number) > lim[1])
      problems.push(`${k}: must be a whole number from ${lim[0]} to ${lim[1]}`);
  }
  if (problems.length) return problems;
  const up = db.prepare(
    'INSERT INTO security_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [k, v] of Object.entries(patch)) up.run(k, String(v));
  })();
  return [];
}
