/** The live preview under an input: how the book reads what is typed (KaTeX), or why it cannot; never the expected answer. */
import type { KatexOptions } from 'katex';
import type { AnswerPreview } from '../../src/exercises/preview';
import type { PartSpec, RawAnswer } from '../../src/exercises/types';

/** Milliseconds after the last keystroke before a part's preview is redrawn. */
export const PREVIEW_DELAY_MS = 150;

/** Longest TeX drawn with KaTeX; longer text is shown as plain text. */
const MAX_TEX = 2000;

/** KaTeX's options for text a student typed: no links or HTML commands, bounded macro expansion and sizes, errors drawn in place. */
const KATEX_OPTIONS: KatexOptions = {
  trust: false,
  maxExpand: 100,
  maxSize: 10,
  throwOnError: false,
  strict: 'ignore',
  output: 'html',
  displayMode: false,
};

type Katex = typeof import('katex').default;

let katex: Promise<Katex | null> | null = null;

/** KaTeX, loaded on the first readable preview (pages without exercises never fetch it; its CSS is on every page already); null when it fails to load. */
function loadKatex(): Promise<Katex | null> {
  katex ??= import('katex')
    .then((m) => m.default)
    .catch(() => {
      katex = null;
      return null;
    });
  return katex;
}

/** Draws `preview` into the live region `slot`: nothing, the reason it cannot be read, or "Read as" the formula (KaTeX when given) and its text. */
export function drawPreview(slot: HTMLElement, preview: AnswerPreview, tex: Katex | null): void {
  if (preview === null) {
    slot.replaceChildren();
    slot.dataset.state = '';
    return;
  }
  if (!preview.ok) {
    slot.textContent = preview.error;
    slot.dataset.state = 'unreadable';
    return;
  }
  const math = document.createElement('span');
  math.className = 'ex-preview-math';
  math.setAttribute('aria-hidden', 'true');
  try {
    if (!tex || preview.tex.length > MAX_TEX) math.textContent = preview.text;
    else tex.render(preview.tex, math, KATEX_OPTIONS);
  } catch {
    math.textContent = preview.text;
  }
  const spoken = document.createElement('span');
  spoken.className = 'visually-hidden';
  spoken.textContent = preview.text;
  slot.replaceChildren('Read as ', math, spoken);
  slot.dataset.state = 'ok';
}

/** The previews of one exercise's parts, each redrawn a moment after the student stops typing in it. */
export class PartPreviews {
  private readonly timers = new Map<HTMLElement, number>();
  private readonly drawn = new Map<HTMLElement, number>();

  /** `specs()`: the exercise's parts for this student; `read(part)`: what is typed in a part. */
  constructor(
    private readonly specs: () => Promise<PartSpec[]>,
    private readonly read: (part: HTMLElement) => RawAnswer,
  ) {}

  /** Redraws `part`'s preview once typing in it pauses. */
  schedule(part: HTMLElement): void {
    if (!part.querySelector('[data-preview]')) return;
    window.clearTimeout(this.timers.get(part));
    this.timers.set(
      part,
      window.setTimeout(() => void this.update(part), PREVIEW_DELAY_MS),
    );
  }

  /** Empties `part`'s preview (its answer was replaced); a later `update` draws it again. */
  clear(part: HTMLElement): void {
    window.clearTimeout(this.timers.get(part));
    this.drawn.set(part, (this.drawn.get(part) ?? 0) + 1);
    const slot = part.querySelector<HTMLElement>('[data-preview]');
    if (slot) drawPreview(slot, null, null);
  }

  /** Redraws `part`'s preview now. */
  async update(part: HTMLElement): Promise<void> {
    const slot = part.querySelector<HTMLElement>('[data-preview]');
    if (!slot) return;
    const ticket = (this.drawn.get(part) ?? 0) + 1;
    this.drawn.set(part, ticket);
    const raw = this.read(part);
    let preview: AnswerPreview = null;
    try {
      const [{ previewAnswer }, specs] = await Promise.all([import('../../src/exercises/preview'), this.specs()]);
      const spec = specs.find((s) => s.key === part.dataset.key);
      preview = spec ? previewAnswer(spec, raw) : null;
    } catch {
      preview = null;
    }
    const tex = preview?.ok ? await loadKatex() : null;
    if (this.drawn.get(part) !== ticket) return;
    drawPreview(slot, preview, tex);
  }
}
