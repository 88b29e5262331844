import { join } from 'node:path';
import { PACKAGE_ROOT } from './packageRoot.js';

/** The default codebook shipped with the package, found relative to the package, not the working directory. */
export const DEFAULT_CODEBOOK = join(PACKAGE_ROOT, 'codebooks', 'rothwell-zegveld.zh.yaml');
