/** The choices of chapter 2.6's run questions: the latest handed-in run of each homework question. */
import { QUESTION_MODELS } from '../comparison/run-labels';
import { HOMEWORK_QUESTIONS } from '../comparison/run-sources';

/** One option per homework question, "Your q2.3 run: the ResNet-18 fine-tuned". */
export const RUN_OPTIONS = HOMEWORK_QUESTIONS.map((q) => ({ id: q, label: `Your ${q} run: the ${QUESTION_MODELS[q]}` }));
