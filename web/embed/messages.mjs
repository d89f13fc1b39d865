// The embed's postMessage protocol, checked strictly: a message is a plain object whose `type` is
// one of the commands below and which has exactly the keys that command takes. Anything else
// (a string, null, an unknown type, extra keys, a config that is not an object) is not a command:
// parseCommand returns null, or an { error } to report when a set-config carries a bad config.
const COMMANDS = { 'gradscape:set-config': ['type', 'config'], 'gradscape:play': ['type'], 'gradscape:pause': ['type'], 'gradscape:reset': ['type'] };
const MAX_CONFIG_CHARS = 100000;

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v)
  && Object.getPrototypeOf(v) === Object.prototype;

/** The command in `data`, null to ignore it, or { error } to answer with a gradscape:error. */
export function parseCommand(data) {
  if (!isPlainObject(data) || typeof data.type !== 'string' || !Object.hasOwn(COMMANDS, data.type)) return null;
  const keys = Object.keys(data);
  const allowed = COMMANDS[data.type];
  if (keys.length !== allowed.length || !keys.every((k) => allowed.includes(k))) return null;
  if (data.type !== 'gradscape:set-config') return { type: data.type };
  if (!isPlainObject(data.config)) return { error: `set-config: config must be a run config object, got ${describe(data.config)}` };
  let size;
  try {
    size = JSON.stringify(data.config).length;
  } catch {
    return { error: 'set-config: config must be plain JSON data' };
  }
  if (size > MAX_CONFIG_CHARS) return { error: `set-config: config is too large (${size} characters, at most ${MAX_CONFIG_CHARS})` };
  return { type: data.type, config: data.config };
}

function describe(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.slice(0, 40))}`;
  return `a ${typeof v}`;
}
