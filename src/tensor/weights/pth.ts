/** Reads a PyTorch `torch.save` zip file (a state_dict of tensors) without executing any code. */
import { unzipSync } from 'fflate';
import { type PickleHooks, type PyGlobal, type PyValue, unpickle } from './pickle';
import { type HostDtype, type HostTensor, type TensorMap, DTYPE_SIZE, decodeStrided, numel } from './tensor-map';

const STORAGE_DTYPES: Record<string, HostDtype> = {
  FloatStorage: 'F32',
  DoubleStorage: 'F64',
  HalfStorage: 'F16',
  BFloat16Storage: 'BF16',
  LongStorage: 'I64',
  IntStorage: 'I32',
  ShortStorage: 'I16',
  CharStorage: 'I8',
  ByteStorage: 'U8',
  BoolStorage: 'BOOL',
};

interface StorageRef {
  kind: 'storage';
  dtype: HostDtype;
  key: string;
  numel: number;
}
interface TensorRef {
  kind: 'tensor';
  tensor: HostTensor;
}

function fail(msg: string): never {
  throw new Error(`pth: ${msg}`);
}

function isIntList(v: PyValue): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isSafeInteger(x));
}

/** Reads a zip-format `.pth` file holding a (possibly nested under "state_dict") dict of tensors. */
export function readPth(bytes: Uint8Array): TensorMap {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    fail(`not a zip archive (${(e as Error).message}); only the zip format of torch.save (PyTorch ≥ 1.6) is supported`);
  }
  const pkl = Object.keys(files).find((n) => /^[^/]+\/data\.pkl$/.test(n));
  if (!pkl) fail('archive has no <name>/data.pkl');
  const prefix = pkl.slice(0, -'data.pkl'.length);
  const storageBytes = (key: string): Uint8Array => {
    const f = files[`${prefix}data/${key}`];
    if (!f) fail(`storage file data/${key} is missing from the archive`);
    return f;
  };
  const hooks: PickleHooks = {
    persistentLoad(pid) {
      if (!Array.isArray(pid) || pid.length !== 5 || pid[0] !== 'storage') fail('unsupported persistent id');
      const [, cls, key, , count] = pid;
      const g = cls as PyGlobal;
      if (typeof key !== 'string' || typeof count !== 'number' || g?.kind !== 'global' || g.module !== 'torch') {
        fail('malformed storage reference');
      }
      const dtype = STORAGE_DTYPES[g.name];
      if (!dtype) fail(`unsupported storage type torch.${g.name}`);
      const ref: StorageRef = { kind: 'storage', dtype, key, numel: count };
      return ref;
    },
    call(fn, args) {
      const name = `${fn.module}.${fn.name}`;
      if (name === 'collections.OrderedDict') {
        if (args.length !== 0) fail('OrderedDict with arguments is not supported');
        return new Map();
      }
      if (name === 'torch._utils._rebuild_tensor_v2') return rebuildTensor(args, storageBytes);
      if (name === 'torch._utils._rebuild_parameter') {
        const t = args[0];
        if (!isTensorRef(t)) fail('_rebuild_parameter without a tensor');
        return t;
      }
      return fail(`refusing to call ${name}: only tensors and OrderedDicts are allowed`);
    },
  };
  let root = unpickle(files[pkl], hooks);
  if (root instanceof Map && !hasTensors(root) && root.get('state_dict') instanceof Map) root = root.get('state_dict') as PyValue;
  if (!(root instanceof Map)) fail('the pickled object is not a dict');
  const out: TensorMap = new Map();
  for (const [k, v] of root) {
    if (typeof k !== 'string') fail('a state_dict key is not a string');
    const t = v;
    if (!isTensorRef(t)) fail(`entry "${k}" is not a tensor`);
    out.set(k, t.tensor);
  }
  return out;
}

function isTensorRef(v: PyValue): v is TensorRef {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'tensor';
}

function isStorageRef(v: PyValue): v is StorageRef {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'storage';
}

function hasTensors(m: Map<PyValue, PyValue>): boolean {
  for (const v of m.values()) if (isTensorRef(v)) return true;
  return false;
}

function rebuildTensor(args: PyValue[], storageBytes: (key: string) => Uint8Array): TensorRef {
  const [storage, offset, size, stride] = args;
  if (!isStorageRef(storage)) fail('_rebuild_tensor_v2 without a storage');
  const s = storage;
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) fail('bad storage offset');
  if (!isIntList(size) || !isIntList(stride) || size.length !== stride.length || size.some((d) => d < 0)) {
    fail('bad tensor size or stride');
  }
  const bytes = storageBytes(s.key);
  if (bytes.byteLength < s.numel * DTYPE_SIZE[s.dtype]) fail(`storage ${s.key} is shorter than its ${s.numel} elements`);
  const used = bytes.subarray(0, s.numel * DTYPE_SIZE[s.dtype]);
  try {
    return {
      kind: 'tensor',
      tensor:
        numel(size) === 0 ? { dtype: s.dtype, shape: size, data: new Float32Array(0) } : decodeStrided(used, s.dtype, size, offset, stride),
    };
  } catch (e) {
    return fail((e as Error).message);
  }
}
