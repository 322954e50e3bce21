/**
 * Every scheme family, in registry order (earlier wins ranking ties). One line per family file.
 */
import type { Scheme } from '../types.js';
import { argon2Schemes } from './argon2.js';
import { bcryptSchemes } from './bcrypt.js';
import { digestSchemes } from './digest.js';
import { magentoSchemes } from './magento.js';
import { phpassSchemes } from './phpass.js';
import { wordpressSchemes } from './wordpress.js';

export const ALL_SCHEMES: readonly Scheme[] = [
  ...wordpressSchemes,
  ...bcryptSchemes,
  ...phpassSchemes,
  ...argon2Schemes,
  ...magentoSchemes,
  ...digestSchemes,
];
