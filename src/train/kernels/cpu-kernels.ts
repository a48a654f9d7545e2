/** The book's kernels for tfjs's cpu backend, in one table (registered by selectBackend): the augmentation kernels only. */
import { AUGMENT_KERNELS } from '../../augment/kernels/register';
import type { BookKernelConfig } from '../../tensor/kernel-table';

/** Every kernel the book registers for 'cpu'. */
export const CPU_KERNELS: readonly BookKernelConfig[] = [...AUGMENT_KERNELS.cpu];
