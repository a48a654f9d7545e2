/** What the reader knows of LaTeX and of typographic Unicode: commands and characters mapped to plain expression text. */

/** Greek letters by LaTeX name (`\delta` → δ). */
export const GREEK: ReadonlyMap<string, string> = new Map([
  ['alpha', 'α'],
  ['beta', 'β'],
  ['gamma', 'γ'],
  ['delta', 'δ'],
  ['epsilon', 'ε'],
  ['varepsilon', 'ε'],
  ['zeta', 'ζ'],
  ['eta', 'η'],
  ['theta', 'θ'],
  ['vartheta', 'θ'],
  ['iota', 'ι'],
  ['kappa', 'κ'],
  ['lambda', 'λ'],
  ['mu', 'μ'],
  ['nu', 'ν'],
  ['xi', 'ξ'],
  ['pi', 'π'],
  ['rho', 'ρ'],
  ['sigma', 'σ'],
  ['tau', 'τ'],
  ['phi', 'φ'],
  ['varphi', 'φ'],
  ['chi', 'χ'],
  ['psi', 'ψ'],
  ['omega', 'ω'],
  ['Delta', 'Δ'],
  ['Gamma', 'Γ'],
  ['Lambda', 'Λ'],
  ['Phi', 'Φ'],
  ['Psi', 'Ψ'],
  ['Omega', 'Ω'],
  ['Theta', 'Θ'],
]);

/** Commands that print an operator or a symbol the expression reader knows. */
export const SYMBOL_COMMANDS: ReadonlyMap<string, string> = new Map([
  ['times', '*'],
  ['cdot', '*'],
  ['ast', '*'],
  ['bullet', '*'],
  ['star', '*'],
  ['div', '/'],
  ['partial', '∂'],
  ['nabla', '∇'],
  ['infty', '∞'],
  ['%', '%'],
  ['_', '_'],
  ['{', '{'],
  ['}', '}'],
  ['lbrace', '{'],
  ['rbrace', '}'],
  ['lbrack', '['],
  ['rbrack', ']'],
  ['lparen', '('],
  ['rparen', ')'],
  ['minus', '-'],
]);

/** Function names written as commands (`\log x`, `\exp(z)`); `\lg` is the base-10 log. */
export const FUNCTION_COMMANDS: ReadonlyMap<string, string> = new Map([
  ['log', 'log'],
  ['ln', 'ln'],
  ['lg', 'log10'],
  ['exp', 'exp'],
  ['sin', 'sin'],
  ['cos', 'cos'],
  ['tan', 'tan'],
  ['min', 'min'],
  ['max', 'max'],
]);

/** Commands that only space, size or style what follows: dropped (`\left(` reads as `(`). */
export const IGNORED_COMMANDS: ReadonlySet<string> = new Set([
  'left',
  'right',
  'middle',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'biggl',
  'biggr',
  'Biggl',
  'Biggr',
  'displaystyle',
  'textstyle',
  'scriptstyle',
  'limits',
  'nolimits',
  'mathstrut',
  '(',
  ')',
  '[',
  ']',
]);

/** Commands that read as a space. */
export const SPACE_COMMANDS: ReadonlySet<string> = new Set([
  ',',
  ';',
  ':',
  '!',
  ' ',
  '\\',
  'quad',
  'qquad',
  'enspace',
  'thinspace',
  'medspace',
  'thickspace',
  'negthinspace',
]);

/** Commands whose one argument is read as written (`\mathrm{d}`, `\text{bits}`, `\operatorname{log}`). */
export const STYLE_COMMANDS: ReadonlySet<string> = new Set([
  'mathrm',
  'mathit',
  'mathbf',
  'mathsf',
  'mathtt',
  'mathcal',
  'mathbb',
  'boldsymbol',
  'bm',
  'text',
  'textrm',
  'textit',
  'textbf',
  'mbox',
  'operatorname',
  'mathop',
  'mathnormal',
]);

/** Accents that mark an estimate: `\hat{y}` reads as ŷ (combining circumflex). */
export const HAT_COMMANDS: ReadonlySet<string> = new Set(['hat', 'widehat']);

/** The combining circumflex that `\hat` puts on a letter. */
export const COMBINING_HAT = '\u0302';

/** Fractions of the `\frac` family. */
export const FRACTION_COMMANDS: ReadonlySet<string> = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);

/** Typographic characters read as ASCII operators and brackets. */
export const UNICODE_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['×', '*'],
  ['·', '*'],
  ['⋅', '*'],
  ['∗', '*'],
  ['✕', '*'],
  ['∙', '*'],
  ['•', '*'],
  ['−', '-'],
  ['–', '-'],
  ['—', '-'],
  ['‐', '-'],
  ['‑', '-'],
  ['﹣', '-'],
  ['－', '-'],
  ['＋', '+'],
  ['÷', '/'],
  ['∕', '/'],
  ['⁄', '/'],
  ['（', '('],
  ['）', ')'],
  ['［', '['],
  ['］', ']'],
  ['｛', '{'],
  ['｝', '}'],
  ['\u00a0', ' '],
  ['\u2009', ' '],
  ['\u202f', ' '],
  ['\u200b', ''],
  ['＝', '='],
]);

/** Unicode subscript characters (`Dₐ` = `D_a`, `log₂` = `log_2`). */
export const SUBSCRIPTS: ReadonlyMap<string, string> = new Map([
  ['₀', '0'],
  ['₁', '1'],
  ['₂', '2'],
  ['₃', '3'],
  ['₄', '4'],
  ['₅', '5'],
  ['₆', '6'],
  ['₇', '7'],
  ['₈', '8'],
  ['₉', '9'],
  ['ₐ', 'a'],
  ['ₑ', 'e'],
  ['ₒ', 'o'],
  ['ₓ', 'x'],
  ['ₕ', 'h'],
  ['ₖ', 'k'],
  ['ₗ', 'l'],
  ['ₘ', 'm'],
  ['ₙ', 'n'],
  ['ₚ', 'p'],
  ['ₛ', 's'],
  ['ₜ', 't'],
  ['ⱼ', 'j'],
  ['ᵢ', 'i'],
  ['ᵣ', 'r'],
  ['ᵤ', 'u'],
  ['ᵥ', 'v'],
]);

/** Vulgar fractions (`½`). */
export const VULGAR_FRACTIONS: ReadonlyMap<string, string> = new Map([
  ['½', '(1/2)'],
  ['⅓', '(1/3)'],
  ['⅔', '(2/3)'],
  ['¼', '(1/4)'],
  ['¾', '(3/4)'],
  ['⅕', '(1/5)'],
  ['⅛', '(1/8)'],
]);

/** True for a code point in Unicode's Mathematical Alphanumeric Symbols (𝑦, 𝐱), read as the plain letter. */
export function isMathAlphanumeric(codePoint: number): boolean {
  return codePoint >= 0x1d400 && codePoint <= 0x1d7ff;
}
