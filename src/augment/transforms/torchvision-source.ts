/** Python literals of a transform's parameters in torchvision.transforms constructor calls. */
import { type PyValue, pyLiteral } from '../../python/py-literal';

/** A Python tuple. */
export const tuple = (xs: readonly PyValue[]): string => `(${xs.map(pyLiteral).join(', ')}${xs.length === 1 ? ',' : ''})`;

/** An InterpolationMode member. */
export const mode = (m: string): string => `InterpolationMode.${m.toUpperCase()}`;
