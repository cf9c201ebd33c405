// "Leave this office server" (settings): the way back from joinServer.ts. This computer's
// sessions on the server end and its requests stop reaching it (the forwarder, when the app runs
// joined), then the kept address and pinned fingerprint are forgotten, so the next start opens
// this computer's own office file, and joining again asks for the fingerprint again. Nothing on
// the server is deleted or changed. No Electron import.
import { UserError } from '../domain/errors.ts';
import type { JoinedForwarder } from './joinedChannels.ts';
import { forgetJoinedServer, readJoinedServer, type JoinedServer } from './joinedServer.ts';

/** Leaves the server kept in `file`; `forward` is the running app's forwarder to it (null: the app is not running joined). Answers the server left. */
export async function leaveServer(file: string, forward: Pick<JoinedForwarder, 'leave'> | null, o: { timeoutMs?: number } = {}): Promise<JoinedServer> {
  const joined = readJoinedServer(file);
  if (!joined) throw new UserError('This computer has not joined an office server: its office is the file on this computer.');
  await forward?.leave(o);
  forgetJoinedServer(file);
  return joined;
}
