/** Pure-JS image decoders for the Node CLI: JPEG (jpeg-js), PNG (pngjs), GIF (omggif), WebP (@cwasm/webp, WebAssembly). */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { GifReader } from 'omggif';
import { decode as decodeWebp } from '@cwasm/webp';
import type { ImageHeader } from '../src/data/image-header';
import type { DecodedImage } from '../src/data/pack-folder';

/** Decodes one image file to RGB or RGBA; throws on corrupt input. */
export function decodeNode(bytes: Uint8Array, header: ImageHeader): DecodedImage {
  switch (header.format) {
    case 'jpeg': {
      // tolerantDecoding false: a truncated JPEG is an error, not a half-grey picture.
      const img = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: false,
        tolerantDecoding: false,
        maxResolutionInMP: 100,
        maxMemoryUsageInMB: 2048,
      });
      return { width: img.width, height: img.height, channels: 3, data: img.data };
    }
    case 'png': {
      let img: PNG;
      try {
        img = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      } catch (e) {
        // pngjs reports a cut-off file as a stream error; say what it means.
        throw /finished stream|unexpected end/i.test((e as Error).message) ? new Error('the file is truncated') : e;
      }
      return {
        width: img.width,
        height: img.height,
        channels: 4,
        data: new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.byteLength),
      };
    }
    case 'gif': {
      const reader = new GifReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      const data = new Uint8Array(reader.width * reader.height * 4);
      reader.decodeAndBlitFrameRGBA(0, data);
      const notes = reader.numFrames() > 1 ? [`animated GIF (${reader.numFrames()} frames): only the first frame is used`] : [];
      return { width: reader.width, height: reader.height, channels: 4, data, notes };
    }
    case 'webp': {
      const img = decodeWebp(bytes);
      return {
        width: img.width,
        height: img.height,
        channels: 4,
        data: new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.byteLength),
      };
    }
  }
}
