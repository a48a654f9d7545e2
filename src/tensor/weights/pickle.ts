/**
 * A minimal, safe pickle reader for PyTorch state_dicts: it only builds data (numbers, strings,
 * tuples, lists, dicts) and calls a caller-supplied allowlist of globals; anything else is rejected.
 */

/** A reference to a Python global, resolved by name through the allowlist. */
export interface PyGlobal {
  kind: 'global';
  module: string;
  name: string;
}

/** Values the VM produces: plain data, globals, and objects returned by allowlisted callables. */
export type PyValue = null | boolean | number | bigint | string | Uint8Array | PyValue[] | Map<PyValue, PyValue> | PyGlobal | PyObject;

/** An opaque object built by an allowlisted callable. */
export interface PyObject {
  kind: string;
}

/** Hooks for the few non-data operations a state_dict needs. */
export interface PickleHooks {
  /** Calls global `fn` with `args` (REDUCE); must throw for anything not allowlisted. */
  call(fn: PyGlobal, args: PyValue[]): PyValue;
  /** Resolves a persistent id (BINPERSID), e.g. a tensor storage. */
  persistentLoad(pid: PyValue): PyValue;
}

const MARK = Symbol('mark');
type Slot = PyValue | typeof MARK;
const MAX_OPS = 10_000_000;

function fail(msg: string): never {
  throw new Error(`pickle: ${msg}`);
}

/** Runs the pickle program in `bytes` and returns the value left by STOP. */
export function unpickle(bytes: Uint8Array, hooks: PickleHooks): PyValue {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dec = new TextDecoder('utf-8', { fatal: true });
  const stack: Slot[] = [];
  const marks: number[] = [];
  const memo = new Map<number, PyValue>();
  let pos = 0;
  const need = (n: number) => {
    if (pos + n > bytes.byteLength) fail(`truncated data at byte ${pos}`);
  };
  const u8 = () => {
    need(1);
    return bytes[pos++];
  };
  const u16 = () => {
    need(2);
    const v = view.getUint16(pos, true);
    pos += 2;
    return v;
  };
  const u32 = () => {
    need(4);
    const v = view.getUint32(pos, true);
    pos += 4;
    return v;
  };
  const i32 = () => {
    need(4);
    const v = view.getInt32(pos, true);
    pos += 4;
    return v;
  };
  const take = (n: number) => {
    need(n);
    const b = bytes.subarray(pos, pos + n);
    pos += n;
    return b;
  };
  const line = () => {
    const end = bytes.indexOf(0x0a, pos);
    if (end < 0) fail('unterminated text line');
    const s = dec.decode(bytes.subarray(pos, end));
    pos = end + 1;
    return s;
  };
  const str = (n: number) => {
    try {
      return dec.decode(take(n));
    } catch {
      return fail('invalid UTF-8 string');
    }
  };
  const pop = (): PyValue => {
    const v = stack.pop();
    if (v === undefined || v === MARK) fail('stack underflow');
    return v as PyValue;
  };
  const top = (): PyValue => {
    const v = stack[stack.length - 1];
    if (v === undefined || v === MARK) fail('stack underflow');
    return v as PyValue;
  };
  const popMark = (): PyValue[] => {
    const m = marks.pop();
    if (m === undefined) fail('no MARK on the stack');
    const items = stack.splice(m);
    items.shift();
    return items as PyValue[];
  };
  const setItems = (d: PyValue, items: PyValue[]) => {
    if (!(d instanceof Map)) fail('SETITEM(S) on a non-dict');
    if (items.length % 2) fail('odd number of items for SETITEMS');
    for (let i = 0; i < items.length; i += 2) d.set(items[i], items[i + 1]);
  };
  const append = (l: PyValue, items: PyValue[]) => {
    if (!Array.isArray(l)) fail('APPEND(S) on a non-list');
    l.push(...items);
  };
  const getMemo = (k: number) => {
    if (!memo.has(k)) fail(`memo key ${k} not defined`);
    return memo.get(k) as PyValue;
  };
  const global = (module: string, name: string): PyGlobal => ({ kind: 'global', module, name });

  for (let ops = 0; ops < MAX_OPS; ops++) {
    const op = u8();
    switch (op) {
      case 0x80:
        u8();
        break; // PROTO
      case 0x95:
        take(8);
        break; // FRAME
      case 0x2e:
        return pop(); // STOP
      case 0x28:
        marks.push(stack.length);
        stack.push(MARK);
        break; // MARK
      case 0x30:
        pop();
        break; // POP
      case 0x31:
        popMark();
        break; // POP_MARK
      case 0x32:
        stack.push(top());
        break; // DUP
      case 0x4e:
        stack.push(null);
        break; // NONE
      case 0x88:
        stack.push(true);
        break; // NEWTRUE
      case 0x89:
        stack.push(false);
        break; // NEWFALSE
      case 0x4b:
        stack.push(u8());
        break; // BININT1
      case 0x4d:
        stack.push(u16());
        break; // BININT2
      case 0x4a:
        stack.push(i32());
        break; // BININT
      case 0x8a: {
        // LONG1
        const n = u8();
        const b = take(n);
        let v = 0n;
        for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
        if (n > 0 && b[n - 1] & 0x80) v -= 1n << BigInt(8 * n);
        stack.push(v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v);
        break;
      }
      case 0x47: {
        need(8);
        stack.push(view.getFloat64(pos, false));
        pos += 8;
        break;
      } // BINFLOAT
      case 0x58:
        stack.push(str(u32()));
        break; // BINUNICODE
      case 0x8c:
        stack.push(str(u8()));
        break; // SHORT_BINUNICODE
      case 0x8d: {
        need(8);
        const n = Number(view.getBigUint64(pos, true));
        pos += 8;
        stack.push(str(n));
        break;
      } // BINUNICODE8
      case 0x55:
        stack.push(str(u8()));
        break; // SHORT_BINSTRING
      case 0x54:
        stack.push(str(u32()));
        break; // BINSTRING
      case 0x43:
        stack.push(take(u8()).slice());
        break; // SHORT_BINBYTES
      case 0x42:
        stack.push(take(u32()).slice());
        break; // BINBYTES
      case 0x29:
        stack.push([]);
        break; // EMPTY_TUPLE
      case 0x85:
        stack.push([pop()]);
        break; // TUPLE1
      case 0x86: {
        const b = pop();
        const a = pop();
        stack.push([a, b]);
        break;
      } // TUPLE2
      case 0x87: {
        const c = pop();
        const b = pop();
        const a = pop();
        stack.push([a, b, c]);
        break;
      } // TUPLE3
      case 0x74:
        stack.push(popMark());
        break; // TUPLE
      case 0x5d:
        stack.push([]);
        break; // EMPTY_LIST
      case 0x6c:
        stack.push(popMark());
        break; // LIST
      case 0x61: {
        const v = pop();
        append(top(), [v]);
        break;
      } // APPEND
      case 0x65: {
        const items = popMark();
        append(top(), items);
        break;
      } // APPENDS
      case 0x7d:
        stack.push(new Map());
        break; // EMPTY_DICT
      case 0x64: {
        const d = new Map<PyValue, PyValue>();
        setItems(d, popMark());
        stack.push(d);
        break;
      } // DICT
      case 0x73: {
        const v = pop();
        const k = pop();
        setItems(top(), [k, v]);
        break;
      } // SETITEM
      case 0x75: {
        const items = popMark();
        setItems(top(), items);
        break;
      } // SETITEMS
      case 0x71:
        memo.set(u8(), top());
        break; // BINPUT
      case 0x72:
        memo.set(u32(), top());
        break; // LONG_BINPUT
      case 0x94:
        memo.set(memo.size, top());
        break; // MEMOIZE
      case 0x68:
        stack.push(getMemo(u8()));
        break; // BINGET
      case 0x6a:
        stack.push(getMemo(u32()));
        break; // LONG_BINGET
      case 0x63: {
        const m = line();
        const n = line();
        stack.push(global(m, n));
        break;
      } // GLOBAL
      case 0x93: {
        // STACK_GLOBAL
        const n = pop();
        const m = pop();
        if (typeof m !== 'string' || typeof n !== 'string') fail('STACK_GLOBAL needs two strings');
        stack.push(global(m, n));
        break;
      }
      case 0x51:
        stack.push(hooks.persistentLoad(pop()));
        break; // BINPERSID
      case 0x52: {
        // REDUCE
        const args = pop();
        const fn = pop();
        if (!Array.isArray(args)) fail('REDUCE arguments are not a tuple');
        if (!isGlobal(fn)) fail('REDUCE on something that is not a global');
        stack.push(hooks.call(fn, args));
        break;
      }
      case 0x62: {
        // BUILD: attribute state of a dict (an OrderedDict's _metadata) is discarded
        pop();
        if (!(top() instanceof Map)) fail('BUILD on an unsupported object');
        break;
      }
      default:
        fail(`unsupported opcode 0x${op.toString(16).padStart(2, '0')} at byte ${pos - 1}`);
    }
  }
  return fail('too many operations');
}

/** True when `v` is a global reference. */
export function isGlobal(v: unknown): v is PyGlobal {
  return typeof v === 'object' && v !== null && (v as PyGlobal).kind === 'global' && 'module' in v;
}
