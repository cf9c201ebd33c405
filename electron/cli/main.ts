// `perdiem` command line: global options, dispatch, exit codes (interfaces.md):
// 0 success, 1 user error (message on stderr, nothing written), 2 usage error.
import path from 'node:path';
import { defaultBackupDir } from '../../db/backups.ts';
import { pendingJournal, sweepLeftovers } from '../../db/files/leftovers.ts';
import { defaultDbPath } from '../paths.ts';
import type { CliCommand, CliContext } from './context.ts';
import { UsageError } from './errors.ts';
import { UserError } from '../domain/errors.ts';
import { ClockError, parseNow } from '../domain/clock.ts';
import { openCaller, type Caller } from './caller.ts';

type Loader = () => Promise<{ default: CliCommand }>;

// Each command lives in its own file so the domains stay apart; loaded only when used.
const COMMANDS: Record<string, Loader> = {
  import: () => import('./commands/import.ts'),
  demo: () => import('./commands/demo.ts'),
  build: () => import('./commands/build.ts'),
  export: () => import('./commands/export.ts'),
  audit: () => import('./commands/audit.ts'),
  backup: () => import('./commands/backup.ts'),
  token: () => import('./commands/token.ts'),
  receive: () => import('./commands/receive.ts'),
  claims: () => import('./commands/claims.ts'),
  ar: () => import('./commands/ar.ts'),
  followups: () => import('./commands/followups.ts'),
  statements: () => import('./commands/statements.ts'),
  serve: () => import('./commands/serve.ts'),
  setup: () => import('./commands/setup.ts'),
  user: () => import('./commands/user.ts'),
};

/** every command of the command line, for the permission matrix */
export const COMMAND_NAMES: readonly string[] = Object.freeze(Object.keys(COMMANDS));

const HELP = `usage: perdiem <command> [options]      (perdiem <command> --help for one command)

commands:
  import FILE.json                     import a dataset (all or nothing)
  demo [--scale PATIENTS]              fill an empty database with a demo office
  build --from DATE --to DATE [--payer ID] [--json]
  export 837 --out FILE [--from DATE --to DATE] [--payer ID] [--accept-warnings]
  export pdf --out FILE [--form full|data] [--from DATE --to DATE] [--payer ID] [--batch ID]
             [--preview] [--accept-warnings] [--offset-x PT] [--offset-y PT] [--test-page]
  receive FILE… [--json]               read TA1/999/277CA/835 files back; each applied all or nothing
  claims [--status S] [--payer ID] [--patient ID] [--from DATE --to DATE] [--json]
  ar [--as-of DATE] [--basis sent|service] [--json]
  followups [--as-of DATE] [--json]    sent claims whose 999/TA1, 277CA or 835 is overdue
  statements --month YYYY-MM --out FILE [--patient ID]   the month's patient statements as one PDF
  audit [--actor USER] [--action ACTION|PREFIX*] [--entity TABLE] [--id ID] [--from DATE] [--to DATE]
        [--text TEXT] [--limit N] [--format table|csv|json] [--out FILE]
  audit verify [--against-backups]     check the audit trail's hash chain; names the first broken entry
  audit access PATIENT [--format table|json]   who read one patient's data
  backup [now|list] [--dir DIR] [--keep N]
  backup restore FILE [--dir DIR]      (close the app first)
  token create --label TEXT --role admin|biller|nurse | token list | token revoke ID
  serve [--host ADDR] [--port N]       serve this office to the office network (HTTPS; prints the fingerprint)
  setup --admin USER [--name NAME]     create the office's encrypted database and its administrator
                                       (password from PERDIEM_NEW_PASSWORD); prints the recovery key once
  user add USER --role admin|biller|nurse [--nurse ID] [--name NAME] | user list | user disable USER
  help                                 this text

credentials (docs/security.md): an encrypted database, or one with users, needs
  PERDIEM_USER + PERDIEM_PASSWORD, or PERDIEM_TOKEN, or PERDIEM_DB_KEY (the recovery key)
an office server (docs/office-server.md): PERDIEM_SERVER=https://HOST:PORT and
  PERDIEM_SERVER_FINGERPRINT=AA:BB:… run every command against it instead of --db

options for every command:
  --db PATH          database file (default: the app's own, in the user data folder)
  --now DATETIME     the clock, ISO 8601 (default: now)
  --plain            tests only: a new database is created NOT encrypted, with a warning (the test
                     runner sets PERDIEM_PLAIN=1 instead); without either, import and demo need an
                     office made by \`perdiem setup\` first
`;

/** --now is a usage error when it is not a date-time (exit 2), like any other option. */
function readClock(now: string | undefined) {
  try {
    return parseNow(now);
  } catch (e) {
    if (e instanceof ClockError) throw new UsageError(e.message);
    throw e;
  }
}

/** Pulls --db and --now out of argv wherever they stand; the rest goes to the command. */
function splitGlobal(argv: string[]): { db?: string; now?: string; plain: boolean; rest: string[] } {
  const rest: string[] = [];
  let plain = false;
  let db: string | undefined;
  let now: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (a === '--plain') plain = true;
    else if (name === '--db' || name === '--now') {
      const value = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      if (name === '--db') db = value;
      else now = value;
    } else rest.push(a);
  }
  return { db, now, plain, rest };
}

export async function runCli(
  argv: string[],
  io: { out: (t: string) => void; err: (t: string) => void } = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  },
  /** credentials (PERDIEM_USER/PERDIEM_PASSWORD, PERDIEM_TOKEN, PERDIEM_DB_KEY): docs/security.md */
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  try {
    const { db, now, plain, rest } = splitGlobal(argv);
    const [name, ...args] = rest;
    if (!name || name === 'help' || name === '--help' || name === '-h') {
      io.out(HELP);
      return name ? 0 : 2;
    }
    const load = COMMANDS[name];
    if (!load) throw new UsageError(`unknown command '${name}'`);
    const command = (await load()).default;
    const clock = readClock(now);
    const dbPath = db ?? defaultDbPath();
    const journal = pendingJournal(dbPath);
    // what a killed command or app left half-written (exports, backups) goes first
    sweepLeftovers(journal, [path.dirname(path.resolve(dbPath)), defaultBackupDir(dbPath)]);
    // opened on the command's first request, closed after it (an object, so the closure's assignment is seen below)
    const opened: { caller: Caller | null } = { caller: null };
    const ctx: CliContext = {
      dbPath,
      journal,
      env,
      now: clock.now,
      today: clock.today,
      ...(now !== undefined ? { fixedNow: now } : {}),
      out: io.out,
      err: io.err,
      open: (o = {}) => (opened.caller ??= openCaller({ dbPath, env, now: clock.now, today: clock.today, plain: plain || env.PERDIEM_PLAIN === '1', ...(plain ? { warn: io.err } : {}), ...o })),
    };
    if (args.includes('--help') || args.includes('-h')) {
      io.out(`usage: ${command.usage}\n${command.summary}\n`);
      return 0;
    }
    try {
      return (await command.run(ctx, args)) ?? 0;
    } finally {
      opened.caller?.close();
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`perdiem: ${e.message}\n\n${HELP}`);
      return 2;
    }
    if (e instanceof UserError) {
      io.err(`perdiem: ${e.message}\n`);
      for (const d of e.details) io.err(`${d}\n`);
      return 1;
    }
    throw e;
  }
}
