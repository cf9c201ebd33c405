import type { Clearinghouse, Organization } from '../../electron/domain/types.ts';
import { addressOf, addressParams, one, run, str, strOrNull } from './sql.ts';
import type { Db } from './sql.ts';

export function getOrganization(db: Db): Organization | null {
  const r = one(db, 'SELECT * FROM organization WHERE id = 1');
  if (!r) return null;
  return {
    name: str(r.name),
    npi: str(r.npi),
    taxId: str(r.tax_id),
    taxonomy: strOrNull(r.taxonomy),
    address: addressOf(r),
    phone: strOrNull(r.phone),
    contact: strOrNull(r.contact),
  };
}

export function saveOrganization(db: Db, o: Organization): void {
  run(
    db,
    `INSERT INTO organization (id, name, npi, tax_id, taxonomy, addr_line1, addr_line2, addr_city, addr_state, addr_zip, phone, contact)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, npi = excluded.npi, tax_id = excluded.tax_id,
       taxonomy = excluded.taxonomy, addr_line1 = excluded.addr_line1, addr_line2 = excluded.addr_line2,
       addr_city = excluded.addr_city, addr_state = excluded.addr_state, addr_zip = excluded.addr_zip,
       phone = excluded.phone, contact = excluded.contact`,
    o.name, o.npi, o.taxId, o.taxonomy ?? null, ...addressParams(o.address), o.phone ?? null, o.contact ?? null,
  );
}

export function getClearinghouse(db: Db): Clearinghouse | null {
  const r = one(db, 'SELECT * FROM clearinghouse WHERE id = 1');
  if (!r) return null;
  return {
    name: str(r.name),
    senderId: str(r.sender_id),
    receiverId: str(r.receiver_id),
    submitterId: str(r.submitter_id),
    usage: str(r.usage) as Clearinghouse['usage'],
  };
}

export function saveClearinghouse(db: Db, c: Clearinghouse): void {
  run(
    db,
    `INSERT INTO clearinghouse (id, name, sender_id, receiver_id, submitter_id, usage) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, sender_id = excluded.sender_id,
       receiver_id = excluded.receiver_id, submitter_id = excluded.submitter_id, usage = excluded.usage`,
    c.name, c.senderId, c.receiverId, c.submitterId, c.usage,
  );
}
