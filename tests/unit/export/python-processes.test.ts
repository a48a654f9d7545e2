import { describe, expect, it } from 'vitest';
import { PY_CHECKPOINT } from '../../../src/export/python-checkpoint';
import { PY_IMAGES } from '../../../src/export/python-images';
import { PY_MAIN } from '../../../src/export/python-main';
import { PY_PROCESSES } from '../../../src/export/python-processes';
import { PY_TRAIN } from '../../../src/export/python-train';

/** The body of the top-level Python function `name` in `src` (up to the next top-level statement). */
function pyFunction(src: string, name: string): string {
  const start = src.indexOf(`\ndef ${name}(`);
  expect(start, `def ${name}`).toBeGreaterThanOrEqual(0);
  const rest = src.slice(start + 1);
  const end = rest.slice(1).search(/\n(?=\S)/);
  return end < 0 ? rest : rest.slice(0, end + 1);
}

describe('PY_PROCESSES', () => {
  it('starts the process group torchrun describes: NCCL on GPUs, gloo on CPU, each process on its LOCAL_RANK device', () => {
    expect(PY_PROCESSES).toContain('dist.init_process_group("nccl" if device_kind == "cuda" else "gloo")');
    expect(PY_PROCESSES).toContain('torch.cuda.set_device(self.local_rank)');
    expect(PY_PROCESSES).toMatch(/self\.world = world_size\(\)\n\s+self\.per_batch = per_process_batch\(batch_size, self\.world\)/);
    expect(pyFunction(PY_PROCESSES, 'world_size')).toContain('os.environ.get("WORLD_SIZE", "1")');
  });

  it('keeps the global batch: per-process batch = batch / N, with a clear error when N does not divide it', () => {
    const f = pyFunction(PY_PROCESSES, 'per_process_batch');
    expect(f).toContain('if batch_size % world:');
    expect(f).toContain('cannot be shared by %d processes');
    expect(f).toContain('return batch_size // world');
  });

  it("shards each of the book's epoch-seeded global batches into one contiguous slice per process", () => {
    expect(PY_PROCESSES).toContain('order = epoch_order(self.indices, self.seed, self.epoch)');
    expect(PY_PROCESSES).toContain('start = b * self.batch_size + self.rank * self.per');
    expect(PY_PROCESSES).toContain('return len(self.indices) // self.batch_size');
  });

  it('evaluates on every process and combines the parts in split order; stop signals are caught, not fatal', () => {
    const f = pyFunction(PY_PROCESSES, 'evaluate_all');
    expect(f).toContain('mine = indices[procs.rank::procs.world]');
    expect(f).toContain('merged[r::procs.world] = p');
    expect(f.indexOf('procs.sync_buffers(net)')).toBeLessThan(f.indexOf('evaluate_sums('));
    expect(pyFunction(PY_PROCESSES, 'catch_stop_signals')).toContain('signal.signal(signal.SIGTERM, on_stop_signal)');
  });
});

describe('only rank 0 prints', () => {
  it('the images, processes, checkpoint and training parts print through log(), never print()', () => {
    const withoutLog = PY_PROCESSES.replace(pyFunction(PY_PROCESSES, 'log'), '');
    for (const [name, src] of Object.entries({ PY_IMAGES, PY_PROCESSES: withoutLog, PY_CHECKPOINT, PY_TRAIN })) {
      expect(src.match(/(^|[^\w.])print\(/gm), name).toBeNull();
    }
    expect(pyFunction(PY_PROCESSES, 'log')).toContain('if RANK == 0:');
  });

  it('processes other than rank 0 return no record, so main() writes nothing', () => {
    expect(PY_TRAIN).toMatch(/if procs\.rank > 0:\n\s+return None/);
    const main = pyFunction(PY_MAIN, 'main');
    expect(main.indexOf('if record is None:\n        return 0')).toBeGreaterThan(0);
    expect(main.indexOf('if record is None:')).toBeLessThan(main.indexOf('write_atomic(args.out'));
  });
});
