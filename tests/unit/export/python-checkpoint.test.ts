import { describe, expect, it } from 'vitest';
import { PY_CHECKPOINT } from '../../../src/export/python-checkpoint';
import { PY_MAIN } from '../../../src/export/python-main';
import { PY_TRAIN } from '../../../src/export/python-train';
import { pytorchScript } from '../../../src/export/pytorch-script';
import { specFromRun } from '../../../src/export/pytorch-spec';
import type { RunRuntime } from '../../../src/record/run-record';
import { runRecord } from './fixtures';

/** Every key of RunRuntime, so a field added to the type and not to the script (or back) fails here. */
const RUNTIME_KEYS: Record<keyof RunRuntime, true> = { worldSize: true, device: true, torchVersion: true, syncBatchNorm: true };

describe('PY_CHECKPOINT', () => {
  it('writes atomically: a temporary file in the same folder, flushed to disk, then renamed over the old one', () => {
    const body = PY_CHECKPOINT.slice(PY_CHECKPOINT.indexOf('def write_atomic('), PY_CHECKPOINT.indexOf('def default_checkpoint('));
    const order = [
      'os.path.dirname(os.path.abspath(path))',
      'write(f)',
      'f.flush()',
      'os.fsync(f.fileno())',
      'os.replace(tmp, path)',
      'os.remove(tmp)',
    ].map((s) => body.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("saves the model, optimiser, epoch, every process's random state and the metrics so far; only rank 0 writes", () => {
    expect(PY_TRAIN).toMatch(
      /save_checkpoint\(torch, procs, checkpoint, \{"key": run_key\(classes, split, args\.limit\), "epoch": epoch \+ 1, "model": net\.state_dict\(\),\s+"optimiser": optimiser\.state_dict\(\), "progress": progress\}, dev\)/,
    );
    const save = PY_CHECKPOINT.slice(PY_CHECKPOINT.indexOf('def save_checkpoint('), PY_CHECKPOINT.indexOf('def load_checkpoint('));
    expect(save.indexOf('states = procs.gather(random_state(torch, device))')).toBeLessThan(save.indexOf('if procs.rank == 0:'));
    expect(save).toContain('write_atomic(path,');
  });

  it('resumes only a checkpoint of the same run, read by rank 0 and shared; --fresh starts over', () => {
    const load = PY_CHECKPOINT.slice(PY_CHECKPOINT.indexOf('def load_checkpoint('));
    expect(load).toContain('found.get("key") != key');
    expect(load).toContain('if fresh and os.path.exists(path):');
    expect(load).toContain('found = procs.broadcast(found)');
    expect(PY_TRAIN).toContain('for epoch in range(len(record_epochs), epochs):');
    expect(PY_TRAIN).toContain('resuming from %s: %d of %d epochs done');
  });
});

describe('PY_MAIN', () => {
  it('writes run.json atomically and removes the checkpoint once the run has ended (kept after Ctrl-C, to resume)', () => {
    expect(PY_MAIN).toContain('write_atomic(args.out, lambda f: f.write(text.encode("utf-8")))');
    expect(PY_MAIN).toContain('if record["stopped"] != "stopped" and os.path.exists(checkpoint):');
    expect(PY_MAIN).not.toMatch(/open\(args\.out/);
  });

  it('documents torchrun, 2 nodes x 4 GPUs, checkpoints and --fresh in the help', () => {
    const src = pytorchScript(specFromRun(runRecord()));
    for (const rank of [0, 1])
      expect(src).toContain(
        `torchrun --nnodes=2 --nproc_per_node=4 --node_rank=${rank} --master_addr=NODE0 --master_port=29500 train.py --data DIR --out run.json`,
      );
    expect(src).toContain('torchrun --standalone --nproc_per_node=N train.py');
    expect(src).toContain('ap.add_argument("--fresh", action="store_true"');
    expect(src).toContain('epilog=MULTI_PROCESS_HELP');
  });

  it('records backend pytorch and how it ran, with the fields RunRuntime names', () => {
    const dict = /runtime = \{([^}]*)\}/.exec(PY_TRAIN)?.[1] ?? '';
    const keys = [...dict.matchAll(/"(\w+)":/g)].map((m) => m[1]);
    expect(keys.sort()).toEqual(Object.keys(RUNTIME_KEYS).sort());
    expect(PY_MAIN).toContain('"backend": "pytorch"');
    expect(PY_MAIN).toContain('"runtime": runtime,');
  });
});
