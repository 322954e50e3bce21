/**
 * Every scheme family, in registry order (earlier wins ranking ties). One line per family file.
 */
import type { Scheme } from '../types.js';
import { argon2Schemes } from './argon2.js';
import { bcryptSchemes } from './bcrypt.js';
import { desCryptSchemes } from './des-crypt.js';
import { digestSchemes } from './digest.js';
import { drupalSchemes } from './drupal.js';
import { forumSchemes } from './forums.js';
import { ldapSchemes } from './ldap.js';
import { magentoSchemes } from './magento.js';
import { md5CryptSchemes } from './md5-crypt.js';
import { phpassSchemes } from './phpass.js';
import { platformSchemes } from './platforms.js';
import { sha1CryptSchemes } from './sha1-crypt.js';
import { shaCryptSchemes } from './sha-crypt.js';
import { wordpressSchemes } from './wordpress.js';
import { aspnetMembershipSchemes } from './aspnet-membership.js';
import { bcryptWrapperSchemes } from './bcrypt-wrappers.js';
import { djangoSchemes } from './django.js';
import { mysqlSchemes } from './mysql.js';
import { pbkdf2Schemes } from './pbkdf2.js';
import { postgresSchemes } from './postgres.js';
import { scryptSchemes } from './scrypt.js';
import { werkzeugSchemes } from './werkzeug.js';
import { mediawikiSchemes } from './mediawiki.js';
import { phpbbSchemes } from './phpbb.js';
import { xenforoSchemes } from './xenforo.js';

export const ALL_SCHEMES: readonly Scheme[] = [
  ...wordpressSchemes,
  ...bcryptSchemes,
  ...phpassSchemes,
  ...drupalSchemes,
  ...argon2Schemes,
  ...md5CryptSchemes,
  ...shaCryptSchemes,
  ...sha1CryptSchemes,
  ...ldapSchemes,
  ...magentoSchemes,
  ...desCryptSchemes,
  ...digestSchemes,
  ...platformSchemes,
  ...forumSchemes,
  ...aspnetMembershipSchemes,
  ...pbkdf2Schemes,
  ...djangoSchemes,
  ...werkzeugSchemes,
  ...scryptSchemes,
  ...bcryptWrapperSchemes,
  ...mysqlSchemes,
  ...postgresSchemes,
  ...xenforoSchemes,
  ...mediawikiSchemes,
  ...phpbbSchemes,
];
