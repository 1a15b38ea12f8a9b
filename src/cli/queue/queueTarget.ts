import { CoordsimError } from '../../scenario/CoordsimError.js';

/** A Redis server named by `--queue`. */
export interface QueueTarget {
  /** The URL as shown in messages (password masked). */
  shown: string;
  host: string;
  port: number;
  db: number;
  username?: string;
  password?: string;
  tls: boolean;
}

/**
 * Reads `--queue redis://[user:password@]HOST[:PORT][/DB]` (`rediss://` for TLS; port 6379 and
 * database 0 by default). E_USAGE naming the flag and what is wrong otherwise.
 */
export function parseQueueTarget(raw: unknown): QueueTarget {
  const s = typeof raw === 'string' ? raw.trim() : '';
  const bad = (what: string) => new CoordsimError('E_USAGE', `--queue ${JSON.stringify(raw)}: ${what}; expected redis://HOST:PORT (e.g. redis://127.0.0.1:6379)`);
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw bad('not a URL');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw bad(`the scheme ${u.protocol.replace(/:$/, '')} is not redis or rediss`);
  if (u.hostname === '') throw bad('no host');
  if (u.search !== '' || u.hash !== '') throw bad('a query or fragment is not understood');
  const port = u.port === '' ? 6379 : Number(u.port);
  const path = u.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d{1,2}$/.test(path)) throw bad(`the path /${path} is not a database number`);
  const db = path === '' ? 0 : Number(path);
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  const username = u.username === '' ? undefined : decodeURIComponent(u.username);
  const password = u.password === '' ? undefined : decodeURIComponent(u.password);
  const auth = username !== undefined || password !== undefined ? `${username ?? ''}${password !== undefined ? ':***' : ''}@` : '';
  return { shown: `${u.protocol}//${auth}${u.host}${db !== 0 ? `/${db}` : ''}`, host, port, db, username, password, tls: u.protocol === 'rediss:' };
}
