/** Plain-language lines about a loaded data set: its size in bytes and the decoding speed. */
import type { PackedManifest } from './packed-format';

/** "1,234 images, 10 classes, 128×128 RGB (57.6 MB)". */
export function describeManifest(m: Pick<PackedManifest, 'count' | 'classes' | 'imageSize' | 'channels'>): string {
  const bytes = m.count * m.imageSize * m.imageSize * m.channels + m.count;
  const mb = bytes / 1e6;
  const colour = m.channels === 1 ? 'grayscale' : 'RGB';
  return `${m.count.toLocaleString('en')} images, ${m.classes.length} classes, ${m.imageSize}×${m.imageSize} ${colour} (${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB)`;
}

/** "Decoded 2,000 files in 3.2 s (625 images/s)". */
export function describeSpeed(files: number, seconds: number): string {
  const rate = seconds > 0 ? Math.round(files / seconds) : 0;
  return `Decoded ${files.toLocaleString('en')} files in ${seconds.toFixed(1)} s (${rate.toLocaleString('en')} images/s)`;
}
