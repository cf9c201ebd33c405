// `perdiem setup --admin USER [--name NAME]`: the office's first run without the app. Creates the
// database key and its keyring, the encrypted database (a plain one without users is encrypted
// in place, its plain backups with it) and the administrator, whose password comes from
// PERDIEM_NEW_PASSWORD, never the command line. The recovery key is printed once, as the app
// shows it. There is no OS-held key here: the app asks for the recovery key once per computer.
import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { UserError } from '../../domain/errors.ts';
import { initializeOffice } from '../../security/office.ts';
import { parseOptions } from '../options.ts';

const USAGE = 'perdiem setup --admin USER [--name NAME]   (the password from PERDIEM_NEW_PASSWORD)';

const command: CliCommand = {
  name: 'setup',
  summary: "Creates the office's encrypted database and its administrator; prints the recovery key once.",
  usage: USAGE,
  async run(ctx, argv) {
    const o = parseOptions('setup', argv, ['admin', 'name'], [], { positional: false });
    const admin = o.values.admin;
    if (!admin) throw new UsageError(`setup needs --admin USER\nusage: ${USAGE}`);
    const password = ctx.env.PERDIEM_NEW_PASSWORD;
    if (!password) throw new UserError("set the administrator's password in PERDIEM_NEW_PASSWORD (never on the command line)");
    fs.mkdirSync(path.dirname(path.resolve(ctx.dbPath)), { recursive: true });
    // a refused name or password is a FieldError: its fields are printed below the message
    const office = initializeOffice({ dataDir: path.dirname(path.resolve(ctx.dbPath)), dbPath: ctx.dbPath, adminUser: admin, adminDisplayName: o.values.name ?? admin, adminPassword: password, protector: null, now: new Date().toISOString() });
    office.store.close();
    ctx.out(`office created in ${ctx.dbPath} (encrypted), administrator ${office.admin.username}\n`);
    ctx.out(`recovery key: ${office.recoveryKey}\n`);
    ctx.err('the recovery key is shown only now: write it down and keep it apart from this computer; it opens the office and every backup\n');
    return 0;
  },
};

export default command;
