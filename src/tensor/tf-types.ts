/** The TensorFlow.js namespace the training code is given (tfjs or tfjs-core with backends registered). */
export type TF = typeof import('@tensorflow/tfjs-core');
/** A tfjs tensor. */
export type Tensor = import('@tensorflow/tfjs-core').Tensor;
/** A tfjs variable. */
export type Variable = import('@tensorflow/tfjs-core').Variable;
