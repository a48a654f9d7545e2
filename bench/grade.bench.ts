/**
 * Benchmark of the grading CLI: generates 1,000 submissions (per-student variants, some with run records)
 * in a temp folder and times `cli/grade.ts` on them. Target: under 10 s. `npx tsx bench/grade.bench.ts [count]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { CourseSettings } from '../src/course/course';
import { fileBytes, makeRun, makeSubmission } from '../tests/helpers/submissions';

tf.enableProdMode();
const count = Number(process.argv[2] ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'grade-bench-'));

async function bench(course: CourseSettings, label: string): Promise<void> {
  const subs = join(dir, label);
  mkdirSync(subs, { recursive: true });
  writeFileSync(join(dir, `${label}.course.json`), JSON.stringify(course));
  const g0 = performance.now();
  for (let i = 0; i < count; i++) {
    const runs = i % 4 === 0 ? [makeRun(i, 'q2.2'), makeRun(i + 1, 'q2.3')] : [];
    const sub = await makeSubmission({ id: `student${i}`, course, skill: (i % 10) / 10, seed: i, runs });
    writeFileSync(join(subs, `s${i}.json`), fileBytes(sub));
  }
  const genSeconds = (performance.now() - g0) / 1000;
  const out = join(dir, `${label}.csv`);
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'cli/grade.ts', subs, '--out', out, '--course', join(dir, `${label}.course.json`)],
    { encoding: 'utf8' },
  );
  const seconds = (performance.now() - t0) / 1000;
  const rows = readFileSync(out, 'utf8').trim().split('\r\n').length - 1;
  console.log(
    `${label}: generated ${count} in ${genSeconds.toFixed(1)} s; CLI exit ${r.status}, ${rows} rows, ${seconds.toFixed(2)} s wall (target < 10 s)`,
  );
  if (r.status !== 0) console.log(r.stderr.slice(0, 2000));
}

try {
  await bench({ name: 'Bench', perStudentVariants: true, salt: 'bench-salt' }, 'per-student');
  await bench({ name: 'Bench', perStudentVariants: false, salt: '' }, 'homework');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
