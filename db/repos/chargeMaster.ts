import type { PriceTable } from '../../electron/domain/types.ts';
import { all, num, run, str } from './sql.ts';
import type { Db } from './sql.ts';

/** The organization's prices, micro-dollars per unit, keyed by CODE or CODE:NDC. */
export function getChargeMaster(db: Db): PriceTable {
  const out: PriceTable = {};
  for (const r of all(db, 'SELECT code, price_micros FROM charge_master ORDER BY rowid')) out[str(r.code)] = num(r.price_micros);
  return out;
}

/** Upserts the given prices; with `replace`, prices not given are removed (the settings screen's save). */
export function saveChargeMaster(db: Db, prices: PriceTable, opts: { replace?: boolean } = {}): void {
  db.transaction(() => {
    if (opts.replace) run(db, 'DELETE FROM charge_master');
    for (const [code, micros] of Object.entries(prices)) {
      run(db, 'INSERT INTO charge_master (code, price_micros) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET price_micros = excluded.price_micros', code, micros);
    }
  })();
}
