// Every channel the preload may forward. Kept as an object typed by the contract so the compiler
// refuses a channel missing from it or one that is not in the contract; test/shell checks it
// against the registry at run time too.
import type { ChannelName } from './contract.ts';

const CHANNEL_SET: { [K in ChannelName]: true } = {
  'app.state': true,
  'app.loadDemo': true,
  'app.importFile': true,
  'billing.build': true,
  'billing.listClaims': true,
  'billing.getClaim': true,
  'billing.acknowledge': true,
  'billing.export837': true,
  'billing.exportPdf': true,
  'billing.batches': true,
  'billing.downloadBatch': true,
  'billing.correct': true,
  'settings.get': true,
  'settings.saveOrganization': true,
  'settings.saveClearinghouse': true,
  'settings.saveChargeMaster': true,
  'settings.listPayers': true,
  'settings.savePayer': true,
  'settings.listProducts': true,
  'settings.saveProduct': true,
  'settings.listPrescribers': true,
  'settings.savePrescriber': true,
  'settings.listNurses': true,
  'settings.saveNurse': true,
  'settings.savePrinterOffset': true,
  'settings.testPage': true,
  'shell.openFile': true,
  'shell.saveFile': true,
};

export const CHANNELS: readonly ChannelName[] = Object.freeze(Object.keys(CHANNEL_SET) as ChannelName[]);

export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CHANNEL_SET, name);
}
