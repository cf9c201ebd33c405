import type { Measure, NdcUnit, Product, Quantity } from '../../electron/domain/types.ts';
import { all, bit, boolOrNull, numOrNull, one, run, str, strOrNull } from './sql.ts';
import type { Db, Row } from './sql.ts';

function quantityOf(amount: unknown, unit: unknown): Quantity | null {
  return amount === null || unit === null ? null : { amount: amount as number, unit: unit as Measure };
}

const productOf = (r: Row): Product => ({
  ndc: str(r.ndc),
  name: str(r.name),
  kind: str(r.kind) as Product['kind'],
  hcpcs: str(r.hcpcs),
  hcpcsUnit: quantityOf(r.hcpcs_unit_amount, r.hcpcs_unit),
  ndcUnit: strOrNull(r.ndc_unit) as NdcUnit | null,
  drugPerNdcUnit: quantityOf(r.drug_per_ndc_amount, r.drug_per_ndc_unit),
  containerSize: numOrNull(r.container_size),
  singleDose: boolOrNull(r.single_dose),
  tpnIncluded: boolOrNull(r.tpn_included),
});

export function listProducts(db: Db): Product[] {
  return all(db, 'SELECT * FROM products ORDER BY rowid').map(productOf);
}

/** `ndc` is the stored 11-digit form (normalize with electron/import/ndc.ts first). */
export function getProduct(db: Db, ndc: string): Product | null {
  const r = one(db, 'SELECT * FROM products WHERE ndc = ?', ndc);
  return r ? productOf(r) : null;
}

/** Name, HCPCS code or NDC digits, for pickers. */
export function searchProducts(db: Db, text: string, limit = 50): Product[] {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return all(
    db,
    `SELECT * FROM products WHERE name LIKE ? ESCAPE '\\' OR hcpcs LIKE ? ESCAPE '\\' OR ndc LIKE ? ESCAPE '\\'
     ORDER BY name COLLATE NOCASE LIMIT ?`,
    like, like, like, limit,
  ).map(productOf);
}

export function saveProduct(db: Db, p: Product): void {
  run(
    db,
    `INSERT INTO products (ndc, name, kind, hcpcs, hcpcs_unit_amount, hcpcs_unit, ndc_unit, drug_per_ndc_amount,
       drug_per_ndc_unit, container_size, single_dose, tpn_included)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (ndc) DO UPDATE SET name = excluded.name, kind = excluded.kind, hcpcs = excluded.hcpcs,
       hcpcs_unit_amount = excluded.hcpcs_unit_amount, hcpcs_unit = excluded.hcpcs_unit, ndc_unit = excluded.ndc_unit,
       drug_per_ndc_amount = excluded.drug_per_ndc_amount, drug_per_ndc_unit = excluded.drug_per_ndc_unit,
       container_size = excluded.container_size, single_dose = excluded.single_dose, tpn_included = excluded.tpn_included`,
    p.ndc, p.name, p.kind, p.hcpcs, p.hcpcsUnit?.amount ?? null, p.hcpcsUnit?.unit ?? null, p.ndcUnit ?? null,
    p.drugPerNdcUnit?.amount ?? null, p.drugPerNdcUnit?.unit ?? null, p.containerSize ?? null, bit(p.singleDose), bit(p.tpnIncluded),
  );
}
