/**
 * `node --require out/test/helpers/slow-rule-preload.js …`: adds the test-only never-ending rule to the
 * engine's RULES in a whole process (the CLI, or the language server and its lint workers, which
 * inherit the --require), so protocol and process tests can make one letter's lint run away.
 */
import { RULES, Rule } from '../../server/src/engine';
import { slowRule } from './slow-rule';

if (!RULES.includes(slowRule)) (RULES as Rule[]).push(slowRule);
