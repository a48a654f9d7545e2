/** q2.3.bugs: find the bugs in the homework's fine-tuning code (shown in chapter 2.3): model.eval() before training, and fc never replaced. */
import type { ExerciseDef } from '../exercises/exercise';
import type { ChoiceMistake } from '../exercises/types';

/** The statements of the homework's fine-tuning listing, as options of the bug hunt (line options are the listing's lines, verbatim). */
export const FINE_TUNE_LINES = [
  { id: 'load', label: 'model = models.resnet18(pretrained=True)' },
  { id: 'no-fc', label: "The model keeps torchvision's fc layer as it is (no line changes model.fc)." },
  { id: 'optimizer', label: 'optimizer = optim.Adam(model.parameters(), lr=0.001)' },
  { id: 'eval', label: 'model.eval()' },
  { id: 'loss', label: 'loss = criterion(model(images), labels)' },
  { id: 'evaluate', label: 'val_loss, val_acc = evaluate(model, val_loader)' },
];

const CORRECT = ['eval', 'no-fc'];

const with_ = (id: string) => [...CORRECT, id];

const MISTAKES: ChoiceMistake[] = [
  {
    id: 'only-eval',
    chosen: ['eval'],
    message:
      "That is one. Now look at the model's output layer: how many outputs does torchvision's ResNet-18 have, and how many classes does the data set have?",
  },
  { id: 'only-fc', chosen: ['no-fc'], message: 'That is one. Now look at the mode the model is in while the training loop runs.' },
  {
    id: 'load',
    chosen: with_('load'),
    message:
      "Loading ImageNet's weights is the point of fine-tuning (newer torchvision spells it weights=ResNet18_Weights.IMAGENET1K_V1); what is missing comes after that line.",
  },
  {
    id: 'optimizer',
    chosen: with_('optimizer'),
    message: 'Adam at 0.001 on every layer is a choice, not a bug: a smaller learning rate (1e-4) often fine-tunes better.',
  },
  {
    id: 'loss',
    chosen: with_('loss'),
    message:
      'CrossEntropyLoss takes the logits and the class numbers, so that line is right; with 1,000 outputs it even runs without an error, which is why the other bug goes unnoticed.',
  },
  {
    id: 'evaluate',
    chosen: with_('evaluate'),
    message: 'Measuring on the validation loader once per epoch is right; the bug is the mode the model trains in.',
  },
];

/** q2.3.bugs: a multiple choice over the listing's statements; both bugs must be found, no other statement chosen. */
export const q23bugs: ExerciseDef = {
  id: 'q2.3.bugs',
  marks: 1,
  title: 'Find the bugs in the fine-tuning code',
  inputs: [{ key: 'q2.3.bugs', kind: 'choice', label: 'Select every statement that is a bug', multiple: true, options: FINE_TUNE_LINES }],
  params: () => ({}),
  parts: async () => [
    { kind: 'choice', key: 'q2.3.bugs', marks: 1, multiple: true, options: FINE_TUNE_LINES, correct: CORRECT, mistakes: MISTAKES },
  ],
  hints: [
    'Two statements are bugs: one concerns what the network outputs, one the mode it trains in.',
    'What does model.eval() change in a network with BatchNorm layers, and does anything switch it back before the optimizer steps?',
  ],
};
