/** Wording of the split widget's comparison of a stratified split with a label-blind random one. */

/** A share as the widget prints it ("10.0 %"). */
export const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

/** The sentence on the validation shares per class: a range, or one share when every class sends the same (as printed). */
export function valShareSentence(stratified: { min: number; max: number }, random: { min: number; max: number }): string {
  const [a, b, c, d] = [pct(stratified.min), pct(stratified.max), pct(random.min), pct(random.max)];
  const ours =
    a === b
      ? `With this split every class sends ${a} of its images to validation.`
      : `With this split every class sends between ${a} and ${b} of its images to validation.`;
  const theirs =
    c === d
      ? `A label-blind random_split with the same seed would also send ${c} of every class's images.`
      : `A label-blind random_split with the same seed would send between ${c} and ${d}, depending on the class.`;
  return `${ours} ${theirs}`;
}
