/** The rule for Question 1 widgets: what a widget shows when it opens must not be an exercise's numbers or answer. */
import type { Variant } from '../exercises/types';
import { bce, bceLosses, bceMean } from '../math/bce';
import { parameterCount } from '../math/shapes';
import { ceGrad, softmax, softmaxJacobian } from '../math/softmax';
import { l2Numbers, onePapaya, threePapayas } from '../homework/q1-1-variants';
import { hugeLogits, jacobianPoint, layerSizes } from '../homework/q1-2-variants';
import type { WidgetOpenings } from './openings';
import { bceGuard, l2Guard, logitGradientGuard, logitsGuard, shapesGuard, type GuardHit } from './exercise-guard';
import { sameNumbers } from './same-numbers';

/** One thing a widget shows at opening, and the exercise numbers it must differ from. */
interface Shown {
  widget: string;
  values: number[];
  against: { exercise: string; values: number[] }[];
}

/** What the widgets show at opening, each paired with the exercise inputs and answers of `v` it must not equal. */
function shownAgainst(o: WidgetOpenings, v: Variant): Shown[] {
  const one = onePapaya(v);
  const three = threePapayas(v);
  const l2 = l2Numbers(v);
  const sizes = layerSizes(v);
  const point = jacobianPoint(v);
  const huge = hugeLogits(v);
  const l2Answer = l2.w - l2.lr * (l2.dLdw + 2 * l2.lambda * l2.w);
  const papayaLosses = [bce(one[0], one[1], 'bits'), ...bceLosses(three, 'bits'), bceMean(three, 'bits')];
  const logitExercises = [
    { exercise: 'q1.2d inputs', values: point.z },
    { exercise: 'q1.2e inputs', values: huge },
    { exercise: 'q1.2d ŷ', values: softmax(point.z) },
    { exercise: 'q1.2d ∂L/∂z', values: ceGrad(point.z, point.target) },
    { exercise: 'q1.2d Jacobian', values: softmaxJacobian(point.z).flat() },
    { exercise: 'q1.2e answer', values: softmax(huge) },
  ];
  const { bce: b, l2: s, shapes, jacobian, ceGradient: ce, softmax: sm } = o;
  const step = s.w - s.lr * (s.g + 2 * s.lambda * s.w);
  return [
    {
      widget: 'BCE explorer (y, ŷ)',
      values: [b.y, b.p],
      against: [one, ...three].map((e, i) => ({ exercise: i === 0 ? 'q1.1c inputs' : `q1.1d papaya ${i}`, values: [...e] })),
    },
    {
      widget: 'BCE explorer loss',
      values: [bce(b.y, b.p, 'bits')],
      against: papayaLosses.map((l) => ({ exercise: 'q1.1c/d answers', values: [l] })),
    },
    {
      widget: 'BCE explorer loss in nats',
      values: [bce(b.y, b.p, 'nats')],
      against: papayaLosses.map((l) => ({ exercise: 'q1.1c/d answers', values: [l] })),
    },
    {
      widget: 'L2 checker inputs',
      values: [s.w, s.g, s.lr, s.lambda],
      against: [{ exercise: 'q1.1e inputs', values: [l2.w, l2.dLdw, l2.lr, l2.lambda] }],
    },
    ...[step, s.w - s.lr * (s.g + s.lambda * s.w), s.w - s.lr * s.g].map((x) => ({
      widget: 'L2 checker step',
      values: [x],
      against: [{ exercise: 'q1.1e answer', values: [l2Answer] }],
    })),
    {
      widget: 'Shape calculator sizes',
      values: [shapes.Dx, shapes.Da, shapes.K],
      against: [{ exercise: 'q1.2b inputs', values: [sizes.Dx, sizes.Da, sizes.K] }],
    },
    {
      widget: 'Shape calculator count',
      values: [parameterCount(shapes)],
      against: [{ exercise: 'q1.2b answer', values: [parameterCount(sizes)] }],
    },
    ...[jacobian.z, softmax(jacobian.z), softmaxJacobian(jacobian.z).flat()].map((values) => ({
      widget: 'Jacobian checker',
      values,
      against: logitExercises,
    })),
    ...[ce.z, softmax(ce.z), ceGrad(ce.z, ce.target)].map((values) => ({ widget: 'CE gradient', values, against: logitExercises })),
    ...[sm.opening, ...sm.presets.map((p) => p.z)]
      .flatMap((z) => [z, softmax(z)])
      .map((values) => ({ widget: 'Softmax stability', values, against: logitExercises })),
  ];
}

/** The exercises the widgets' guards would see in the openings `o`: a widget must not open on a guarded input. */
function guardedOpenings(o: WidgetOpenings, v: Variant): { widget: string; hits: GuardHit[] }[] {
  const { bce: b, l2: s, shapes, jacobian, ceGradient: ce, softmax: sm } = o;
  return [
    { widget: 'Logit gradient', hits: logitGradientGuard(v, o.logitGradient.y, o.logitGradient.z) },
    { widget: 'BCE explorer', hits: bceGuard(v, b.y, b.p) },
    { widget: 'L2 checker', hits: l2Guard(v, { w: s.w, dLdw: s.g, lr: s.lr, lambda: s.lambda }) },
    { widget: 'Shape calculator', hits: shapesGuard(v, shapes) },
    { widget: 'Jacobian checker', hits: logitsGuard(v, jacobian.z) },
    { widget: 'CE gradient', hits: logitsGuard(v, ce.z) },
    ...[sm.opening, ...sm.presets.map((p) => p.z)].map((z) => ({ widget: `Softmax stability ${z.join(', ')}`, hits: logitsGuard(v, z) })),
  ];
}

/** Every way the openings `o` give away a number of an exercise of variant `v` (empty when none does). */
export function openingClashes(o: WidgetOpenings, v: Variant): string[] {
  const shown = shownAgainst(o, v).flatMap((s) =>
    s.against.filter((a) => sameNumbers(s.values, a.values)).map((a) => `${s.widget} shows ${a.exercise} (${a.values.join(', ')})`),
  );
  const guarded = guardedOpenings(o, v).flatMap((g) => g.hits.map((h) => `${g.widget} opens on ${h.exercise}'s numbers`));
  return [...shown, ...guarded];
}
