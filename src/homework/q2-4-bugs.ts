/** q2.4.bugs: find the bugs in the homework's augmentation pipeline (shown in chapter 2.4): a misspelt RandomCrop, and Resize written twice. */
import type { ExerciseDef } from '../exercises/exercise';
import type { ChoiceMistake } from '../exercises/types';

/** The statements of the homework's training transform, as options of the bug hunt; `line` is the listing's text, verbatim. */
export const TRANSFORM_LINES = [
  { id: 'resize-first', line: 'Resize((224, 224)),', label: 'Resize((224, 224)), the first one' },
  { id: 'perspective', line: 'RandomPerspective(distortion_scale=0.5, p=0.5),', label: 'RandomPerspective(distortion_scale=0.5, p=0.5),' },
  {
    id: 'jitter',
    line: 'ColorJitter(brightness=0.3, contrast=0.2, saturation=0.2),',
    label: 'ColorJitter(brightness=0.3, contrast=0.2, saturation=0.2),',
  },
  { id: 'crop', line: 'RondomCrop(224, padding=4),', label: 'RondomCrop(224, padding=4),' },
  { id: 'resize-second', line: 'Resize((224, 224)),', label: 'Resize((224, 224)), the second one' },
  { id: 'to-tensor', line: 'ToTensor(),', label: 'ToTensor(),' },
  {
    id: 'normalize',
    line: 'Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),',
    label: 'Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),',
  },
];

const OPTIONS = TRANSFORM_LINES.map(({ id, label }) => ({ id, label }));
const CORRECT = ['crop', 'resize-second'];
const with_ = (id: string) => [...CORRECT, id];

const MISTAKES: ChoiceMistake[] = [
  {
    id: 'wrong-resize',
    chosen: ['crop', 'resize-first'],
    message:
      'One Resize is redundant, but not the first: it gives every photo the same size before the random transforms. Which one resizes an image that already has that size?',
  },
  {
    id: 'resize-first',
    chosen: with_('resize-first'),
    message: 'The first Resize is needed: the photos come in many sizes and a batch needs one.',
  },
  {
    id: 'perspective',
    chosen: with_('perspective'),
    message: "A mild perspective change keeps the label; it is one of the homework's three augmentations, and a sound one.",
  },
  {
    id: 'jitter',
    chosen: with_('jitter'),
    message: 'Colour jitter of brightness, contrast and saturation keeps the label of a wildlife photo: dawn, noon and dusk.',
  },
  { id: 'to-tensor', chosen: with_('to-tensor'), message: 'ToTensor turns the PIL image into a tensor in [0, 1], which Normalize needs.' },
  {
    id: 'normalize',
    chosen: with_('normalize'),
    message: "ImageNet's mean and standard deviation are right for an ImageNet-pretrained ResNet-18.",
  },
  { id: 'only-crop', chosen: ['crop'], message: 'That is one. Now look for a line that does nothing at all.' },
  { id: 'only-resize', chosen: ['resize-second'], message: 'That is one. Now read every name as Python will: would this cell even run?' },
];

/** q2.4.bugs: a multiple choice over the transform's statements; both bugs, no other statement. */
export const q24bugs: ExerciseDef = {
  id: 'q2.4.bugs',
  marks: 1,
  title: 'Find the bugs in the augmentation pipeline',
  inputs: [{ key: 'q2.4.bugs', kind: 'choice', label: 'Select every statement that is a bug', multiple: true, options: OPTIONS }],
  params: () => ({}),
  parts: async () => [
    { kind: 'choice', key: 'q2.4.bugs', marks: 1, multiple: true, options: OPTIONS, correct: CORRECT, mistakes: MISTAKES },
  ],
  hints: [
    'Two statements are bugs: one stops the cell with an error, one does nothing but cost time.',
    'What size is the image after RandomCrop(224, padding=4)?',
  ],
};
