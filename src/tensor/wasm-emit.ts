/**
 * A small WebAssembly binary writer: enough to build the book's SIMD kernels as bytes at run time
 * (no compiler, no build step, no binary in the repository). Functions take i32 parameters and
 * return nothing (type index = parameter count); the module imports one memory ("env"."memory"),
 * exports its functions by name and may put some of them in a table for call_indirect.
 */

/** Value types. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof F32 | typeof F64 | typeof V128;

/** SIMD instructions used by the kernels (the 0xfd-prefixed opcode of each). */
export const SIMD = {
  load: 0x00,
  load32Splat: 0x09,
  store: 0x0b,
  i32x4Splat: 0x11,
  f32x4Splat: 0x13,
  i32x4ExtractLane: 0x1b,
  f32x4ExtractLane: 0x1f,
  f32x4ReplaceLane: 0x20,
  i32x4Eq: 0x37,
  i32x4GtS: 0x3b,
  f32x4Gt: 0x44,
  and: 0x4e,
  bitselect: 0x52,
  f32x4DemoteF64x2Zero: 0x5e,
  f64x2PromoteLowF32x4: 0x5f,
  i32x4Add: 0xae,
  f32x4Add: 0xe4,
  f32x4Sub: 0xe5,
  f32x4Mul: 0xe6,
  f32x4Div: 0xe7,
  f64x2Add: 0xf0,
} as const;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (i32 constants). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const utf8 = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];

/** The body of one function: i32 parameters first, then declared locals, in index order. */
export class Body {
  readonly code: number[] = [];
  private readonly locals: ValType[] = [];
  constructor(readonly params: number) {}

  /** Declares a local of type `t` and returns its index. */
  local(t: ValType): number {
    this.locals.push(t);
    return this.params + this.locals.length - 1;
  }
  get(i: number): this {
    this.code.push(0x20, ...uleb(i));
    return this;
  }
  set(i: number): this {
    this.code.push(0x21, ...uleb(i));
    return this;
  }
  tee(i: number): this {
    this.code.push(0x22, ...uleb(i));
    return this;
  }
  i32(n: number): this {
    this.code.push(0x41, ...sleb(n));
    return this;
  }
  op(...bytes: number[]): this {
    this.code.push(...bytes);
    return this;
  }
  add(): this {
    return this.op(0x6a);
  }
  sub(): this {
    return this.op(0x6b);
  }
  mul(): this {
    return this.op(0x6c);
  }
  shl(): this {
    return this.op(0x74);
  }
  ltU(): this {
    return this.op(0x49);
  }
  geU(): this {
    return this.op(0x4f);
  }
  eqz(): this {
    return this.op(0x45);
  }
  /** select: [a, b, cond] → cond ? a : b. */
  select(): this {
    return this.op(0x1b);
  }
  /** call_indirect through table 0, the callee taking `params` i32s; its table index on top of the arguments. */
  callIndirect(params: number): this {
    return this.op(0x11, ...uleb(params), 0x00);
  }
  /** f32.const x. */
  f32(x: number): this {
    const bytes = new Uint8Array(new Float32Array([x]).buffer);
    return this.op(0x43, ...bytes);
  }
  /** v128.const of four i32 lanes. */
  i32x4(lanes: [number, number, number, number]): this {
    return this.op(0xfd, 0x0c, ...new Uint8Array(new Int32Array(lanes).buffer));
  }
  /** i32.load at the address on the stack plus offset. */
  i32Load(offset = 0): this {
    return this.op(0x28, 2, ...uleb(offset));
  }
  f32Load(offset = 0): this {
    return this.op(0x2a, 2, ...uleb(offset));
  }
  f32Store(offset = 0): this {
    return this.op(0x38, 2, ...uleb(offset));
  }
  simd(opcode: number, memOffset?: number): this {
    this.code.push(0xfd, ...uleb(opcode));
    if (memOffset !== undefined) this.code.push(opcode === SIMD.load32Splat ? 2 : 4, ...uleb(memOffset));
    return this;
  }
  ltS(): this {
    return this.op(0x48);
  }
  gtS(): this {
    return this.op(0x4a);
  }
  /** if … else … end around two bodies (the condition on the stack). */
  ifElse(then: () => void, otherwise: () => void): this {
    this.op(0x04, 0x40);
    then();
    this.op(0x05);
    otherwise();
    return this.op(0x0b);
  }
  /** memory.copy (bulk memory): [dest, src, bytes] on the stack. */
  memoryCopy(): this {
    return this.op(0xfc, ...uleb(10), 0x00, 0x00);
  }
  /** memory.fill (bulk memory): [dest, value, bytes] on the stack. */
  memoryFill(): this {
    return this.op(0xfc, ...uleb(11), 0x00);
  }
  /** local[i] += delta (i32). */
  bump(i: number, delta: number | (() => void)): this {
    this.get(i);
    if (typeof delta === 'number') this.i32(delta);
    else delta();
    return this.add().set(i);
  }
  /** `for (i = from; i < to; i += step) body()`, from/to as locals or constants; the loop does not run when from ≥ to. */
  forRange(i: number, from: () => void, to: () => void, step: number | (() => void), body: () => void): this {
    from();
    this.set(i);
    this.op(0x02, 0x40); // block
    this.get(i);
    to();
    this.geU().op(0x0d, 0); // br_if 0 when i >= to
    this.op(0x03, 0x40); // loop
    body();
    this.bump(i, step);
    this.get(i);
    to();
    this.ltU().op(0x0d, 0); // br_if 0 (the loop) when i < to
    this.op(0x0b, 0x0b); // end loop, end block
    return this;
  }

  bytes(): number[] {
    const groups: [number, ValType][] = [];
    for (const t of this.locals) {
      const last = groups.at(-1);
      if (last && last[1] === t) last[0]++;
      else groups.push([1, t]);
    }
    const body = [...vec(groups.map(([n, t]) => [...uleb(n), t])), ...this.code, 0x0b];
    return [...uleb(body.length), ...body];
  }
}

/** A function to export: its name and body. */
export interface Func {
  name: string;
  body: Body;
}

/** Memory to import: shared (a threaded backend's) or not, with its current size in 64 KiB pages. */
export interface MemoryImport {
  shared: boolean;
  minPages: number;
}

/** The most parameters a function may take. */
const MAX_PARAMS = 12;

/** Encodes a module importing env.memory, exporting `funcs`, with the functions named in `table` at table slots 0, 1, … */
export function encodeModule(funcs: Func[], memory: MemoryImport, table: string[] = []): Uint8Array {
  const types = section(1, vec(Array.from({ length: MAX_PARAMS + 1 }, (_, n) => [0x60, ...uleb(n), ...Array(n).fill(I32), 0])));
  const limits = memory.shared ? [0x03, ...uleb(memory.minPages), ...uleb(65536)] : [0x00, ...uleb(memory.minPages)];
  const imports = section(2, vec([[...utf8('env'), ...utf8('memory'), 0x02, ...limits]]));
  for (const f of funcs) if (f.body.params > MAX_PARAMS) throw new Error(`${f.name}: more than ${MAX_PARAMS} parameters`);
  const fns = section(3, vec(funcs.map((f) => uleb(f.body.params))));
  const slots = table.map((name) => {
    const i = funcs.findIndex((f) => f.name === name);
    if (i < 0) throw new Error(`table entry ${name} is not a function of the module`);
    return uleb(i);
  });
  const tables = table.length ? section(4, vec([[0x70, 0x00, ...uleb(table.length)]])) : [];
  const exports = section(7, vec(funcs.map((f, i) => [...utf8(f.name), 0x00, ...uleb(i)])));
  const elems = table.length ? section(9, vec([[0x00, 0x41, 0x00, 0x0b, ...vec(slots)]])) : [];
  const code = section(10, vec(funcs.map((f) => f.body.bytes())));
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...types,
    ...imports,
    ...fns,
    ...tables,
    ...exports,
    ...elems,
    ...code,
  ]);
}
