"""Generates tests/fixtures/augment/: torchvision.transforms.functional on small float images.

Run once with Debian's torchvision (apt-get install -y python3-torch python3-torchvision):
    /usr/bin/python3 tests/fixtures-gen/augment.py
Writes cases.json (each case: input name, the ops in the `npm run augment` OPS.json format, the
output tensor name) and tensors.safetensors (inputs and outputs, float32, [N, 3, H, W]).
"""
import json
import os
import struct

import torch
import torchvision
import torchvision.transforms.functional as F
from torchvision.transforms import InterpolationMode

OUT = os.path.join(os.path.dirname(__file__), '..', 'fixtures', 'augment')
MODES = {'nearest': InterpolationMode.NEAREST, 'bilinear': InterpolationMode.BILINEAR}


def apply(img, op):
    """One op of OPS.json through torchvision's functional API."""
    name, p = op['op'], {k: v for k, v in op.items() if k != 'op'}
    if name == 'hflip':
        return F.hflip(img)
    if name == 'adjust_brightness':
        return F.adjust_brightness(img, p['brightness_factor'])
    if name == 'adjust_contrast':
        return F.adjust_contrast(img, p['contrast_factor'])
    if name == 'adjust_saturation':
        return F.adjust_saturation(img, p['saturation_factor'])
    if name == 'adjust_hue':
        return F.adjust_hue(img, p['hue_factor'])
    if name == 'perspective':
        return F.perspective(img, p['startpoints'], p['endpoints'], MODES[p.get('interpolation', 'bilinear')], p.get('fill'))
    if name == 'rotate':
        return F.rotate(img, p['angle'], MODES[p.get('interpolation', 'nearest')], False, None, p.get('fill'))
    if name == 'resized_crop':
        return F.resized_crop(img, p['top'], p['left'], p['height'], p['width'], p['size'],
                              InterpolationMode.BILINEAR, antialias=p.get('antialias', True))
    if name == 'erase':
        v = p['v']
        v = torch.tensor(v, dtype=torch.float32).view(-1, 1, 1) if isinstance(v, list) else torch.tensor(float(v))
        return F.erase(img, p['i'], p['j'], p['h'], p['w'], v)
    if name == 'gaussian_blur':
        return F.gaussian_blur(img, p['kernel_size'], p.get('sigma'))
    if name == 'pad':
        return F.pad(img, p['padding'], p.get('fill', 0), p.get('padding_mode', 'constant'))
    if name == 'crop':
        return F.crop(img, p['top'], p['left'], p['height'], p['width'])
    raise ValueError(name)


def cases():
    sq = [[0, 0], [22, 0], [22, 16], [0, 16]]
    warp = [[2, 1], [20, 3], [21, 15], [1, 13]]
    sq_b = [[0, 0], [15, 0], [15, 19], [0, 19]]
    warp_b = [[3, 0], [14, 2], [12, 19], [0, 17]]
    c = []
    add = lambda name, inp, *ops: c.append({'name': name, 'input': inp, 'ops': list(ops)})
    add('hflip', 'a', {'op': 'hflip'})
    for f in (0.0, 1.0, 0.4, 1.7):
        add(f'brightness {f}', 'a', {'op': 'adjust_brightness', 'brightness_factor': f})
    for f in (1.0, 0.0, 0.3, 1.8):
        add(f'contrast {f}', 'a', {'op': 'adjust_contrast', 'contrast_factor': f})
    for f in (1.0, 0.0, 0.5, 1.9):
        add(f'saturation {f}', 'a', {'op': 'adjust_saturation', 'saturation_factor': f})
    for f in (0.0, 0.23, -0.41, 0.5, -0.5):
        add(f'hue {f}', 'a', {'op': 'adjust_hue', 'hue_factor': f})
    add('hue of a gray image', 'gray', {'op': 'adjust_hue', 'hue_factor': 0.3})
    add('perspective identity', 'a', {'op': 'perspective', 'startpoints': sq, 'endpoints': sq, 'interpolation': 'bilinear', 'fill': None})
    add('perspective bilinear no fill', 'a', {'op': 'perspective', 'startpoints': sq, 'endpoints': warp, 'interpolation': 'bilinear', 'fill': None})
    add('perspective bilinear fill 0', 'a', {'op': 'perspective', 'startpoints': sq, 'endpoints': warp, 'interpolation': 'bilinear', 'fill': 0})
    add('perspective bilinear fill rgb', 'a', {'op': 'perspective', 'startpoints': warp, 'endpoints': sq, 'interpolation': 'bilinear', 'fill': [0.2, 0.5, 0.9]})
    add('perspective nearest fill 0.5', 'a', {'op': 'perspective', 'startpoints': sq, 'endpoints': warp, 'interpolation': 'nearest', 'fill': 0.5})
    add('perspective tall bilinear', 'b', {'op': 'perspective', 'startpoints': sq_b, 'endpoints': warp_b, 'interpolation': 'bilinear', 'fill': [0.0, 0.0, 0.0]})
    add('rotate 0', 'a', {'op': 'rotate', 'angle': 0.0, 'interpolation': 'bilinear', 'fill': None})
    add('rotate 30 bilinear', 'a', {'op': 'rotate', 'angle': 30.0, 'interpolation': 'bilinear', 'fill': None})
    add('rotate -47 bilinear fill rgb', 'a', {'op': 'rotate', 'angle': -47.0, 'interpolation': 'bilinear', 'fill': [0.1, 0.2, 0.3]})
    add('rotate 33 nearest', 'a', {'op': 'rotate', 'angle': 33.0, 'interpolation': 'nearest', 'fill': None})
    add('rotate 12.5 nearest fill 1', 'b', {'op': 'rotate', 'angle': 12.5, 'interpolation': 'nearest', 'fill': [1.0, 1.0, 1.0]})
    add('rotate 200 tall bilinear fill 0', 'b', {'op': 'rotate', 'angle': 200.0, 'interpolation': 'bilinear', 'fill': 0})
    add('resized_crop identity', 'a', {'op': 'resized_crop', 'top': 0, 'left': 0, 'height': 17, 'width': 23, 'size': [17, 23], 'antialias': True})
    add('resized_crop up antialias', 'a', {'op': 'resized_crop', 'top': 2, 'left': 3, 'height': 12, 'width': 15, 'size': [17, 23], 'antialias': True})
    add('resized_crop up plain', 'a', {'op': 'resized_crop', 'top': 2, 'left': 3, 'height': 12, 'width': 15, 'size': [17, 23], 'antialias': False})
    add('resized_crop down antialias', 'a', {'op': 'resized_crop', 'top': 1, 'left': 2, 'height': 15, 'width': 20, 'size': [7, 9], 'antialias': True})
    add('resized_crop down plain', 'a', {'op': 'resized_crop', 'top': 1, 'left': 2, 'height': 15, 'width': 20, 'size': [7, 9], 'antialias': False})
    add('resized_crop mixed', 'b', {'op': 'resized_crop', 'top': 3, 'left': 1, 'height': 9, 'width': 14, 'size': [13, 5], 'antialias': True})
    add('erase 0', 'a', {'op': 'erase', 'i': 2, 'j': 3, 'h': 5, 'w': 7, 'v': 0})
    add('erase rgb', 'a', {'op': 'erase', 'i': 10, 'j': 0, 'h': 7, 'w': 23, 'v': [0.1, 0.5, 0.9]})
    add('blur 3', 'a', {'op': 'gaussian_blur', 'kernel_size': [3, 3], 'sigma': [0.8, 0.8]})
    add('blur 5x3', 'a', {'op': 'gaussian_blur', 'kernel_size': [5, 3], 'sigma': [1.2, 0.7]})
    add('blur 7 default sigma', 'b', {'op': 'gaussian_blur', 'kernel_size': [7, 7], 'sigma': None})
    add('blur 1', 'a', {'op': 'gaussian_blur', 'kernel_size': [1, 1], 'sigma': [1.0, 1.0]})
    add('pad constant', 'a', {'op': 'pad', 'padding': [2], 'fill': 0.3, 'padding_mode': 'constant'})
    add('pad reflect', 'a', {'op': 'pad', 'padding': [1, 2], 'fill': 0, 'padding_mode': 'reflect'})
    add('pad edge', 'a', {'op': 'pad', 'padding': [1, 2, 3, 4], 'fill': 0, 'padding_mode': 'edge'})
    add('pad symmetric', 'b', {'op': 'pad', 'padding': [3, 1, 2, 0], 'fill': 0, 'padding_mode': 'symmetric'})
    add('crop inside', 'a', {'op': 'crop', 'top': 3, 'left': 4, 'height': 10, 'width': 12})
    add('crop outside', 'a', {'op': 'crop', 'top': -2, 'left': -3, 'height': 10, 'width': 30})
    add('random crop with padding, fixed draw', 'a', {'op': 'pad', 'padding': [4], 'fill': 0, 'padding_mode': 'constant'},
        {'op': 'crop', 'top': 6, 'left': 1, 'height': 17, 'width': 23})
    add('pipeline', 'a', {'op': 'perspective', 'startpoints': sq, 'endpoints': warp, 'interpolation': 'bilinear', 'fill': 0},
        {'op': 'resized_crop', 'top': 1, 'left': 2, 'height': 14, 'width': 18, 'size': [16, 16], 'antialias': True},
        {'op': 'adjust_hue', 'hue_factor': 0.1}, {'op': 'adjust_contrast', 'contrast_factor': 1.3}, {'op': 'hflip'})
    return c


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        b = t.contiguous().to(torch.float32).numpy().tobytes()
        header[name] = {'dtype': 'F32', 'shape': list(t.shape), 'data_offsets': [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    h = json.dumps(header).encode()
    h += b' ' * ((8 - (8 + len(h)) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(h)) + h + b''.join(blobs))


def main():
    g = torch.Generator().manual_seed(12)
    a = torch.rand(4, 3, 17, 23, generator=g)
    b = torch.rand(2, 3, 20, 16, generator=g)
    gray = torch.rand(2, 1, 9, 11, generator=g).expand(2, 3, 9, 11).contiguous()
    inputs = {'a': a, 'b': b, 'gray': gray}
    tensors = {f'input_{k}': v for k, v in inputs.items()}
    listed = []
    for i, case in enumerate(cases()):
        img = inputs[case['input']]
        for op in case['ops']:
            img = apply(img, op)
        tensors[f'case_{i}'] = img
        listed.append({**case, 'output': f'case_{i}'})
    os.makedirs(OUT, exist_ok=True)
    write_safetensors(os.path.join(OUT, 'tensors.safetensors'), tensors)
    meta = {'torch': torch.__version__, 'torchvision': torchvision.__version__, 'cases': listed}
    with open(os.path.join(OUT, 'cases.json'), 'w') as f:
        json.dump(meta, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
