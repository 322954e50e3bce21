/**
 * Every command, in the order the global help lists them. Adding a command = one file under
 * src/cli/commands/ exporting a `Command`, plus one line here.
 */
import type { Command } from '../command.js';
import { audit } from './audit.js';
import { benchCommand } from './bench.js';
import { identifyCommand } from './identify.js';
import { planCommand } from './plan.js';
import { schemesCommand } from './schemes.js';
import { verifyCommand } from './verify.js';

export const COMMANDS: readonly Command[] = [audit, planCommand, verifyCommand, identifyCommand, benchCommand, schemesCommand];
