// Everything at once: loadDataset for the claim engine (one query per table), saveDataset for
// import (upsert by id, one transaction, parents before children so foreign keys hold).
import type { Dataset } from '../../electron/domain/types.ts';
import { getChargeMaster, saveChargeMaster } from './chargeMaster.ts';
import { listDispenses, saveDispense } from './dispenses.ts';
import { listNurses, saveNurse } from './nurses.ts';
import { getClearinghouse, getOrganization, saveClearinghouse, saveOrganization } from './organization.ts';
import { listPatients, savePatient } from './patients.ts';
import { listPayers, savePayer } from './payers.ts';
import { listPrescribers, savePrescriber } from './prescribers.ts';
import { listProducts, saveProduct } from './products.ts';
import { one } from './sql.ts';
import type { Db } from './sql.ts';
import { listTherapies, saveTherapy } from './therapies.ts';
import { listVisits, saveVisit } from './visits.ts';

const OFFICE_TABLES = ['organization', 'payers', 'products', 'patients', 'therapies', 'dispenses', 'visits'] as const;

/** No office records at all (users and settings of other areas do not count). */
export function isOfficeEmpty(db: Db): boolean {
  return OFFICE_TABLES.every((t) => one(db, `SELECT 1 AS x FROM ${t} LIMIT 1`) === undefined);
}

export function loadDataset(db: Db): Dataset {
  // One read transaction so the engine sees one consistent state.
  return db.transaction(() => ({
    organization: getOrganization(db),
    clearinghouse: getClearinghouse(db),
    chargeMaster: getChargeMaster(db),
    payers: listPayers(db),
    prescribers: listPrescribers(db),
    nurses: listNurses(db),
    products: listProducts(db),
    patients: listPatients(db),
    therapies: listTherapies(db),
    dispenses: listDispenses(db),
    visits: listVisits(db),
  }))();
}

/** Upserts every record of `ds` (an organization or clearinghouse of null leaves the stored one). */
export function saveDataset(db: Db, ds: Dataset): void {
  db.transaction(() => {
    if (ds.organization) saveOrganization(db, ds.organization);
    if (ds.clearinghouse) saveClearinghouse(db, ds.clearinghouse);
    saveChargeMaster(db, ds.chargeMaster);
    ds.payers.forEach((r) => savePayer(db, r));
    ds.prescribers.forEach((r) => savePrescriber(db, r));
    ds.nurses.forEach((r) => saveNurse(db, r));
    ds.products.forEach((r) => saveProduct(db, r));
    ds.patients.forEach((r) => savePatient(db, r));
    ds.therapies.forEach((r) => saveTherapy(db, r));
    ds.dispenses.forEach((r) => saveDispense(db, r));
    ds.visits.forEach((r) => saveVisit(db, r));
  })();
}
