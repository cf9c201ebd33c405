// `perdiem serve [--host ADDR] [--port N] [--renderer DIR]`: the office server on this database
// (docs/office-server.md). Started by an administrator (credentials as for every command); prints
// its address and the certificate fingerprint workstations pin, and runs until Ctrl+C.
import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../context.ts';
import { UsageError } from '../errors.ts';
import { parseOptions } from '../options.ts';
import { clockOf } from '../../domain/clock.ts';
import { OFFICE_SERVER_PORT } from '../../domain/fingerprint.ts';
import { serveOffice } from '../../hosting/servedOffice.ts';

const USAGE = 'perdiem serve [--host ADDR] [--port N] [--renderer DIR]';

const command: CliCommand = {
  name: 'serve',
  summary:
    'Serves this office to the office network over HTTPS. --host: the address to listen on (default 127.0.0.1, this computer only; ' +
    "an office uses the server's LAN address, or 0.0.0.0 for all). Workstations join with the address and the fingerprint printed.",
  usage: USAGE,
  async run(ctx, argv) {
    const o = parseOptions('serve', argv, ['host', 'port', 'renderer'], [], { positional: false });
    const port = Number(o.values.port ?? OFFICE_SERVER_PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`serve: --port must be a port number (got ${o.values.port})`);
    const host = o.values.host ?? '127.0.0.1';
    const bundled = path.resolve('dist/renderer');
    const rendererDir = o.values.renderer ?? (fs.existsSync(path.join(bundled, 'index.html')) ? bundled : undefined);
    const served = await serveOffice({ dbPath: ctx.dbPath, env: ctx.env, host, port, clock: clockOf(ctx.fixedNow), ...(rendererDir ? { rendererDir } : {}) });
    const { server } = served;
    ctx.out(`Perdiem office server at ${server.url}\n`);
    ctx.out(`Certificate fingerprint (SHA-256): ${server.fingerprint}${served.certificateCreated ? '  (new certificate, kept beside the database)' : ''}\n`);
    ctx.out(`Opened by ${served.openedBy}. Workstations join with the address and this fingerprint. Ctrl+C stops it.\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await served.close();
    ctx.out('Perdiem office server stopped\n');
  },
};

export default command;
