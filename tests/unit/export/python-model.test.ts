import { describe, expect, it } from 'vitest';
import { PY_MODEL } from '../../../src/export/python-model';
import { pytorchScript } from '../../../src/export/pytorch-script';
import { specFromRun } from '../../../src/export/pytorch-spec';
import { MODELS, MODEL_KINDS } from '../../../src/train/models';
import { runRecord } from './fixtures';
import { callScript, hasPython, writeScript } from './python';

describe('PY_MODEL', () => {
  it("holds every registered model's Python source once", () => {
    for (const k of MODEL_KINDS) expect(PY_MODEL.split(MODELS[k].python)).toHaveLength(2);
  });

  it('dispatches build_model to each registered model and lists the fine-tuned ones (imported without torch)', () => {
    expect(hasPython, 'python3 is needed').toBe(true);
    const path = writeScript(pytorchScript(specFromRun(runRecord())));
    const got = callScript<{ builders: Record<string, string>; fineTuned: string[] }>(
      path,
      'print(json.dumps({"builders": {k: f.__name__ for k, f in m.MODEL_BUILDERS.items()}, "fineTuned": sorted(m.FINE_TUNED_MODELS)}))',
    );
    expect(got.builders).toEqual(Object.fromEntries(MODEL_KINDS.map((k) => [k, `build_${k}_model`])));
    expect(got.fineTuned).toEqual(MODEL_KINDS.filter((k) => MODELS[k].fineTunes).sort());
  });
});
