import type { Clearinghouse, Nurse, Organization, Payer, Prescriber, PriceTable, Product } from '../domain/types.ts';
import type { FilePayload } from './result.ts';

/** Where the printer puts the data on pre-printed forms, in points (1/72 inch); +x right, +y up. */
export interface PrinterOffset {
  x: number;
  y: number;
}

export interface OfficeSettings {
  organization: Organization | null;
  clearinghouse: Clearinghouse | null;
  /** micro-dollars per unit */
  chargeMaster: PriceTable;
  printerOffset: PrinterOffset;
}

/** Prices as the office types them: dollars per unit (the import format). */
export type DollarTable = Record<string, number>;

/** Saves use the import format (prices in dollars, NDCs hyphenated or not) and its validation. */
export type PayerInput = Omit<Payer, 'fees'> & { fees: DollarTable };

export type SettingsHandlers = {
  'settings.get': (args: void) => OfficeSettings;
  'settings.saveOrganization': (args: Organization) => Organization;
  'settings.saveClearinghouse': (args: Clearinghouse) => Clearinghouse;
  /** replaces the whole charge master */
  'settings.saveChargeMaster': (args: { prices: DollarTable }) => PriceTable;
  'settings.listPayers': (args: void) => Payer[];
  'settings.savePayer': (args: PayerInput) => Payer;
  'settings.listProducts': (args: void) => Product[];
  'settings.saveProduct': (args: Product) => Product;
  'settings.listPrescribers': (args: void) => Prescriber[];
  'settings.savePrescriber': (args: Prescriber) => Prescriber;
  'settings.listNurses': (args: void) => Nurse[];
  'settings.saveNurse': (args: Nurse) => Nurse;
  'settings.savePrinterOffset': (args: PrinterOffset) => PrinterOffset;
  'settings.testPage': (args: PrinterOffset) => FilePayload;
};
