import type {
  Clearinghouse,
  Nurse,
  Organization,
  Payer,
  Prescriber,
  PriceTable,
  Product,
} from '../../domain/types.ts';
import type { FilePayload } from '../result.ts';

/** Where the printer puts the data on pre-printed forms, in points (1/72 inch). */
export interface PrinterOffset {
  x: number;
  y: number;
}

export interface OfficeSettings {
  organization: Organization | null;
  clearinghouse: Clearinghouse | null;
  chargeMaster: PriceTable;
  printerOffset: PrinterOffset;
}

export type SettingsHandlers = {
  'settings.get': (args: void) => OfficeSettings;
  'settings.saveOrganization': (args: Organization) => Organization;
  'settings.saveClearinghouse': (args: Clearinghouse) => Clearinghouse;
  'settings.saveChargeMaster': (args: { prices: PriceTable }) => PriceTable;
  'settings.listPayers': (args: void) => Payer[];
  'settings.savePayer': (args: Payer) => Payer;
  'settings.listProducts': (args: void) => Product[];
  'settings.saveProduct': (args: Product) => Product;
  'settings.listPrescribers': (args: void) => Prescriber[];
  'settings.savePrescriber': (args: Prescriber) => Prescriber;
  'settings.listNurses': (args: void) => Nurse[];
  'settings.saveNurse': (args: Nurse) => Nurse;
  'settings.savePrinterOffset': (args: PrinterOffset) => PrinterOffset;
  'settings.testPage': (args: { form: 'full' | 'data' }) => FilePayload;
};
