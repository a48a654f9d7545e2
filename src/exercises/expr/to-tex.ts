/** Writes an expression tree back as LaTeX (for KaTeX) and as plain text (for screen readers and tests). */
import type { Expr } from './ast';
import { COMBINING_HAT, GREEK } from './latex-tables';

/** How variables are shown, as TeX (`{ d: '\\delta_{kj}' }`); a variable not listed is shown by its name. */
export type Display = Readonly<Record<string, string>>;

const GREEK_TEX = new Map([...GREEK].map(([name, letter]) => [letter, `\\${name}`] as const));

const FUNCTION_TEX: Readonly<Record<string, string>> = {
  log: '\\ln',
  ln: '\\ln',
  log2: '\\log_2',
  log10: '\\log_{10}',
  exp: '\\exp',
  sin: '\\sin',
  cos: '\\cos',
  tan: '\\tan',
  min: '\\min',
  max: '\\max',
};

/** Binding strength: sums 1, products 2, signs 3, powers 4, atoms 5. */
function strength(e: Expr): number {
  switch (e.type) {
    case 'bin':
      return e.op === '+' || e.op === '-' ? 1 : e.op === '^' ? 4 : 2;
    case 'neg':
      return 3;
    case 'num':
      return e.value < 0 ? 3 : 5;
    default:
      return 5;
  }
}

/** A name as TeX: `y_k` → `y_{k}`, `δ_kj` → `\delta_{kj}`, `ŷ` → `\hat{y}`. */
export function nameToTex(name: string): string {
  const cut = name.indexOf('_');
  const base = cut < 0 ? name : name.slice(0, cut);
  const sub = cut < 0 ? '' : name.slice(cut + 1);
  const letters = [...base.normalize('NFD')];
  let tex = '';
  for (const ch of letters) {
    if (ch === COMBINING_HAT) {
      tex = `\\hat{${tex}}`;
      continue;
    }
    tex += GREEK_TEX.get(ch) ?? ch;
  }
  if (letters.length > 1 && !base.normalize('NFD').includes(COMBINING_HAT) && /^[A-Za-z]+$/.test(base)) tex = `\\mathrm{${base}}`;
  return sub === '' ? tex : `${tex}_{${sub.split('_').join('')}}`;
}

function numberTex(e: Expr & { type: 'num' }): string {
  if (e.name === 'π' || e.name?.toLowerCase() === 'pi') return '\\pi';
  if (e.name === 'e') return 'e';
  const text = numberText(e.value);
  const cut = text.indexOf('e');
  return cut < 0 ? text : `${text.slice(0, cut)} \\times 10^{${text.slice(cut + 1)}}`;
}

function numberText(value: number): string {
  const short = String(value);
  return short.length <= 12 ? short : Number(value.toPrecision(8)).toString();
}

/** `expr` as LaTeX, variables shown as `display` says. */
export function toTex(expr: Expr, display: Display = {}): string {
  const wrap = (e: Expr, min: number): string => (strength(e) < min ? `\\left(${toTex(e, display)}\\right)` : toTex(e, display));
  switch (expr.type) {
    case 'num':
      return numberTex(expr);
    case 'var':
      return Object.hasOwn(display, expr.name) ? display[expr.name] : nameToTex(expr.name);
    case 'neg':
      return `-${wrap(expr.arg, 3)}`;
    case 'call': {
      const args = expr.args.map((a) => toTex(a, display));
      if (expr.fn === 'sqrt') return `\\sqrt{${args[0]}}`;
      if (expr.fn === 'abs') return `\\left|${args[0]}\\right|`;
      return `${FUNCTION_TEX[expr.fn] ?? `\\operatorname{${expr.fn}}`}\\left(${args.join(', ')}\\right)`;
    }
    case 'bin':
      switch (expr.op) {
        case '+':
          return `${toTex(expr.left, display)} + ${wrap(expr.right, expr.right.type === 'neg' ? 4 : 2)}`;
        case '-':
          return `${toTex(expr.left, display)} - ${wrap(expr.right, expr.right.type === 'neg' ? 4 : 2)}`;
        case '*':
          return `${wrap(expr.left, 2)} \\cdot ${wrap(expr.right, 4)}`;
        case '/':
          return `\\frac{${toTex(expr.left, display)}}{${toTex(expr.right, display)}}`;
        case '^':
          return `{${wrap(expr.left, 5)}}^{${toTex(expr.right, display)}}`;
      }
  }
}

/** `expr` as plain text: `y_k · (d − y_j)`, `log2(10)`, `(a)/(b)` written `a / b` with brackets where needed. */
export function toText(expr: Expr): string {
  const wrap = (e: Expr, min: number): string => (strength(e) < min ? `(${toText(e)})` : toText(e));
  switch (expr.type) {
    case 'num':
      return expr.name ?? numberText(expr.value);
    case 'var':
      return expr.name;
    case 'neg':
      return `−${wrap(expr.arg, 3)}`;
    case 'call':
      return `${expr.fn === 'log' ? 'ln' : expr.fn}(${expr.args.map(toText).join(', ')})`;
    case 'bin':
      switch (expr.op) {
        case '+':
          return `${toText(expr.left)} + ${wrap(expr.right, expr.right.type === 'neg' ? 4 : 2)}`;
        case '-':
          return `${toText(expr.left)} − ${wrap(expr.right, expr.right.type === 'neg' ? 4 : 2)}`;
        case '*':
          return `${wrap(expr.left, 2)} · ${wrap(expr.right, 4)}`;
        case '/':
          return `${wrap(expr.left, 2)} / ${wrap(expr.right, 4)}`;
        case '^':
          return `${wrap(expr.left, 5)}^${wrap(expr.right, 5)}`;
      }
  }
}
