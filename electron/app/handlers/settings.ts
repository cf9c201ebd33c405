// The office's settings: organization, clearinghouse, payers (rules and fees), charge master,
// products, prescribers, nurses, printer offset. Saves go through the import validation.
import { z } from 'zod';
import { getChargeMaster, saveChargeMaster } from '../../../db/repos/chargeMaster.ts';
import { listNurses } from '../../../db/repos/nurses.ts';
import { getClearinghouse, getOrganization } from '../../../db/repos/organization.ts';
import { getPayer, listPayers } from '../../../db/repos/payers.ts';
import { listPrescribers } from '../../../db/repos/prescribers.ts';
import { getProduct, listProducts } from '../../../db/repos/products.ts';
import type { Db } from '../../../db/repos/sql.ts';
import { renderTestPage } from '../../export/cms1500/index.ts';
import type { Clearinghouse, Dataset, Nurse, Organization, Prescriber, Product } from '../../domain/types.ts';
import type { PayerInput, PrinterOffset, SettingsHandlers } from '../../contract/settings.ts';
import { defineHandlers } from '../define.ts';
import { FieldError } from '../../domain/errors.ts';
import { saveThroughImport } from '../views/saveRecords.ts';
import { getPrinterOffset, savePrinterOffset } from '../views/printerOffset.ts';
import { printerOffset, record } from '../args.ts';


function one<T>(found: T | undefined | null, what: string): T {
  if (found === undefined || found === null) throw new Error(`${what} was saved but cannot be read back`);
  return found;
}

type ListSection = 'payers' | 'products' | 'prescribers' | 'nurses';

/** One list record through the import: labelled `Payer P1` in its problems, returned as the import normalized it. */
function saveListed<S extends ListSection>(db: Db, section: S, what: string, key: unknown, rec: unknown): Dataset[S][number] {
  const ds = saveThroughImport(db, section, rec, `${what} ${String(key ?? '')}`.trim());
  return one(ds[section][0], `the ${what.toLowerCase()}`);
}

export default defineHandlers<SettingsHandlers>({
  'settings.get': {
    run: (ctx) => ({
      organization: getOrganization(ctx.db),
      clearinghouse: getClearinghouse(ctx.db),
      chargeMaster: getChargeMaster(ctx.db),
      printerOffset: getPrinterOffset(ctx.db),
    }),
  },
  'settings.saveOrganization': {
    args: record<Organization>(),
    run: (ctx, org) => {
      saveThroughImport(ctx.db, 'organization', org, 'The organization');
      return one(getOrganization(ctx.db), 'the organization');
    },
  },
  'settings.saveClearinghouse': {
    args: record<Clearinghouse>(),
    run: (ctx, ch) => {
      saveThroughImport(ctx.db, 'clearinghouse', ch, 'The clearinghouse');
      return one(getClearinghouse(ctx.db), 'the clearinghouse');
    },
  },
  'settings.saveChargeMaster': {
    args: z.object({ prices: z.record(z.string(), z.number()) }),
    run: (ctx, { prices }) =>
      ctx.db.transaction(() => {
        const ds = saveThroughImport(ctx.db, 'chargeMaster', prices, 'The charge master');
        saveChargeMaster(ctx.db, ds.chargeMaster, { replace: true });
        return getChargeMaster(ctx.db);
      })(),
  },
  'settings.listPayers': { run: (ctx) => listPayers(ctx.db) },
  'settings.savePayer': {
    args: record<PayerInput>(),
    run: (ctx, p) => one(getPayer(ctx.db, saveListed(ctx.db, 'payers', 'Payer', p.id, p).id), 'the payer'),
  },
  'settings.listProducts': { run: (ctx) => listProducts(ctx.db) },
  'settings.saveProduct': {
    args: record<Product>(),
    run: (ctx, p) => one(getProduct(ctx.db, saveListed(ctx.db, 'products', 'Product', p.ndc, p).ndc), 'the product'),
  },
  'settings.listPrescribers': { run: (ctx) => listPrescribers(ctx.db) },
  'settings.savePrescriber': {
    args: record<Prescriber>(),
    run: (ctx, p) => saveListed(ctx.db, 'prescribers', 'Prescriber', p.id, p),
  },
  'settings.listNurses': { run: (ctx) => listNurses(ctx.db) },
  'settings.saveNurse': {
    args: record<Nurse>(),
    run: (ctx, n) => saveListed(ctx.db, 'nurses', 'Nurse', n.id, n),
  },
  'settings.savePrinterOffset': {
    args: printerOffset,
    run: (ctx, o: PrinterOffset) => savePrinterOffset(ctx.db, o),
  },
  'settings.testPage': {
    args: printerOffset,
    run: async (ctx, o) => {
      try {
        const bytes = await renderTestPage(o, ctx.now());
        return { fileName: 'cms1500-test-page.pdf', mime: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
      } catch (e) {
        throw new FieldError(e instanceof Error ? e.message : String(e), { x: 'check the offset', y: 'check the offset' });
      }
    },
  },
});
