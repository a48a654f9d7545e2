import type { Parsed } from '../exercises/types';

/** Course settings an instructor puts next to the book (`course.json`) and gives the grader. */
export interface CourseSettings {
  name: string;
  /** When true each student gets their own numbers, seeded from their id and the salt. */
  perStudentVariants: boolean;
  salt: string;
  /**
   * Where the page gets ImageNet-pretrained ResNet-18 weights for q2.3 (a .safetensors or .pth URL, relative to the book
   * or absolute): a URL beside the book is fetched by itself, another site's on the student's click; `false` turns the
   * download off (the student picks a file); absent: `weights/resnet18.safetensors` beside the book, else IMAGENET_WEIGHTS_URL.
   */
  resnetWeights?: string | false;
}

/** torchvision's IMAGENET1K_V1 ResNet-18 weights under torchvision's names, as timm publishes them (public, CORS-enabled). */
export const IMAGENET_WEIGHTS_URL = 'https://huggingface.co/timm/resnet18.tv_in1k/resolve/main/model.safetensors';

export const DEFAULT_COURSE: CourseSettings = { name: 'Deep Learning for Computer Vision', perStudentVariants: false, salt: '' };

/** Reads course settings from JSON text; unknown fields are ignored, bad ones are reported. */
export function readCourse(text: string): Parsed<CourseSettings> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `The course file is not valid JSON (${(e as Error).message}).` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, error: 'The course file must hold a JSON object.' };
  const d = data as Record<string, unknown>;
  const per = d.perStudentVariants ?? false;
  const salt = d.salt ?? '';
  const name = d.name ?? DEFAULT_COURSE.name;
  if (typeof per !== 'boolean') return { ok: false, error: 'perStudentVariants must be true or false.' };
  if (typeof salt !== 'string' || salt.length > 200) return { ok: false, error: 'salt must be a string of at most 200 characters.' };
  if (per && salt.trim() === '') return { ok: false, error: 'Per-student variants need a non-empty salt.' };
  if (typeof name !== 'string') return { ok: false, error: 'name must be a string.' };
  const weights = readWeightsUrl(d.resnetWeights);
  if (weights.error) return { ok: false, error: weights.error };
  return {
    ok: true,
    value: {
      name: name.slice(0, 200),
      perStudentVariants: per,
      salt,
      ...(weights.url !== undefined ? { resnetWeights: weights.url } : {}),
    },
  };
}

/** Checks course.json's `resnetWeights`: absent, `false` (off), or an http(s) or relative URL of a .safetensors or .pth file. */
function readWeightsUrl(x: unknown): { url?: string | false; error?: string } {
  if (x === undefined || x === null) return {};
  if (x === false) return { url: false };
  const bad =
    'resnetWeights must be the URL of a .safetensors or .pth file (for example "weights/resnet18.safetensors" or "https://…/resnet18-f37072fd.pth"), or false to offer no download';
  if (typeof x !== 'string' || x.trim() === '' || x.length > 2000) return { error: `${bad}.` };
  const url = x.trim();
  let parsed: URL;
  try {
    parsed = new URL(url, 'https://book.invalid/');
  } catch {
    return { error: `${bad}, not "${url.slice(0, 80)}".` };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    return { error: `${bad}; "${parsed.protocol}" URLs cannot be fetched by the page.` };
  if (!/\.(safetensors|pth)$/i.test(parsed.pathname)) return { error: `${bad}, not "${url.slice(0, 80)}".` };
  return { url };
}
