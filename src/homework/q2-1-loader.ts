/** Chapter 2.1's exercises on the homework's loader code: the bug hunt over its lines, and the labels ImageFolder gives when class_mapping is never used. */
import type { ExerciseDef } from '../exercises/exercise';
import type { Variant } from '../exercises/types';
import { mulberry32, pickOne } from '../exercises/variant';
import { RUSSIAN_WILDLIFE_CLASSES } from '../data/class-mapping';
import { distinctMistakes, WHOLE } from './answer-tolerance';

/**
 * The statements of the homework's loader code shown in the chapter, as options of the bug hunt. A label is a line of the
 * listing; `…` stands for a part of the line left out, and a trailing `  (in …)` says where the line is.
 */
export const LOADER_LINES = [
  { id: 'class-mapping', label: "class_mapping = {'amur_leopard': 0, …, 'people': 9}" },
  { id: 'open-image', label: "image = self.transform(Image.open(self.paths[i]).convert('RGB'))  (in __getitem__)" },
  { id: 'getitem-label', label: 'label = self.labels[i]  (in __getitem__)' },
  { id: 'getitem-gpu', label: "return image.to('cuda'), label  (in __getitem__)" },
  { id: 'imagefolder', label: 'dataset = ImageFolder(root, transform=transform)' },
  { id: 'random-split', label: 'train_set, val_set, test_set = random_split(dataset, [0.7, 0.1, 0.2])' },
  { id: 'train-loader', label: 'train_loader = DataLoader(train_set, batch_size=32, shuffle=False, num_workers=4)' },
  { id: 'val-loader', label: 'val_loader = move_to_gpu(train_loader)' },
  { id: 'test-loader', label: 'test_loader = move_to_gpu(train_loader)' },
];

/** The lines that are bugs: the labels ignore class_mapping, the split ignores the labels, CUDA in the workers, a training order that never changes, and validation and test run on training images. */
export const LOADER_BUGS = ['getitem-gpu', 'imagefolder', 'random-split', 'train-loader', 'val-loader', 'test-loader'];

const without = (id: string) => LOADER_BUGS.filter((b) => b !== id);

export const q21bug: ExerciseDef = {
  id: 'q2.1.bugs',
  marks: 1,
  title: 'Find the bugs in the loader',
  inputs: [{ key: 'q2.1.bugs', kind: 'choice', label: 'Select every line that is a bug', multiple: true, options: LOADER_LINES }],
  params: () => ({}),
  parts: async () => [
    {
      kind: 'choice',
      key: 'q2.1.bugs',
      marks: 1,
      multiple: true,
      options: LOADER_LINES,
      correct: LOADER_BUGS,
      mistakes: [
        {
          id: 'mapping',
          chosen: without('imagefolder'),
          message:
            "Almost: with this code, are the labels the model learns the homework's labels? Look for where class_mapping should have been used.",
        },
        {
          id: 'train-order',
          chosen: without('train-loader'),
          message: 'Almost: in which order do the training images arrive, epoch after epoch?',
        },
        { id: 'test-data', chosen: without('test-loader'), message: 'Almost: which images does each of the three loaders iterate over?' },
        {
          id: 'getitem-gpu',
          chosen: without('getitem-gpu'),
          message: 'Almost: where does __getitem__ run when num_workers=4, and what does that process know about CUDA?',
        },
        {
          id: 'dict-itself',
          chosen: [...LOADER_BUGS, 'class-mapping'],
          message:
            "One line you marked is right as written: a dictionary with the homework's mapping is what the code needs. The bug is elsewhere.",
        },
      ],
    },
  ],
  hints: [
    'Six lines are wrong. Ask of each loader which images it iterates over, in which order, and with which labels.',
    'DataLoader runs __getitem__ in its worker processes (num_workers=4).',
  ],
};

/** The class asked about in q2.1.imagefolder: people (the homework variant) or any class of the data set. */
export function imageFolderClass(v: Variant): string {
  if (v.kind === 'homework') return 'people';
  return pickOne(mulberry32(v.seed ^ 0x21f), RUSSIAN_WILDLIFE_CLASSES);
}

/** ImageFolder's labels for the homework's folders: the folder names sorted by code unit, as Python's sorted() orders them. */
export function imageFolderOrder(): string[] {
  return [...RUSSIAN_WILDLIFE_CLASSES].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** How many classes get a different label from ImageFolder than from the homework's mapping. */
export function movedClasses(): number {
  const sorted = imageFolderOrder();
  return RUSSIAN_WILDLIFE_CLASSES.filter((c, i) => sorted[i] !== c).length;
}

export const q21imagefolder: ExerciseDef = {
  id: 'q2.1.imagefolder',
  marks: 0.5,
  title: 'The labels ImageFolder gives',
  inputs: [
    { key: 'q2.1.imagefolder.label', kind: 'number', label: 'The label ImageFolder gives that class', example: '12' },
    {
      key: 'q2.1.imagefolder.moved',
      kind: 'number',
      label: "How many of the ten classes get a label other than the homework's",
      example: '12',
    },
  ],
  params: (v) => ({ cls: imageFolderClass(v) }),
  parts: async (v) => {
    const cls = imageFolderClass(v);
    const label = imageFolderOrder().indexOf(cls);
    const homework = (RUSSIAN_WILDLIFE_CLASSES as readonly string[]).indexOf(cls);
    const moved = movedClasses();
    return [
      {
        kind: 'number',
        key: 'q2.1.imagefolder.label',
        marks: 0.25,
        answer: label,
        tol: WHOLE,
        mistakes: distinctMistakes(
          [
            {
              id: 'homework',
              value: homework,
              message:
                'That is the label class_mapping gives it, but nothing passes class_mapping to ImageFolder: it numbers the folders in sorted order.',
            },
            { id: 'from-one', value: label + 1, message: 'ImageFolder counts from 0, like every index in Python.' },
          ],
          label,
          WHOLE.abs,
        ),
      },
      {
        kind: 'number',
        key: 'q2.1.imagefolder.moved',
        marks: 0.25,
        answer: moved,
        tol: WHOLE,
        mistakes: distinctMistakes(
          [
            { id: 'one', value: 1, message: 'When one class takes another place in the order, the classes it passes move as well.' },
            {
              id: 'all',
              value: RUSSIAN_WILDLIFE_CLASSES.length,
              message: "A class whose place in the sorted order is its place in the homework's list keeps its label.",
            },
            { id: 'none', value: 0, message: "The homework's list is not in sorted order, and ImageFolder never sees class_mapping." },
          ],
          moved,
          WHOLE.abs,
        ),
      },
    ];
  },
  hints: ["Sort the ten folder names as Python's sorted() does (character by character) and number them from 0."],
};
