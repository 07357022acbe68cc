/**
 * Every rule has its own RuleTester file (test/engine/rules/<id>.test.ts) with at least five valid
 * and five invalid letters. The files are loaded here by rule id, so a rule without one fails.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../../server/src/engine';
import { REGISTERED } from '../../helpers/rule-tester';

const MIN_CASES = 5;

describe('rule tests', () => {
  for (const rule of RULES) {
    it(`${rule.meta.id} has a RuleTester file with ≥${MIN_CASES} valid and ≥${MIN_CASES} invalid cases`, () => {
      const file = path.join(__dirname, `${rule.meta.id}.test.js`);
      assert.ok(fs.existsSync(file), `no test/engine/rules/${rule.meta.id}.test.ts`);
      require(file);
      const counts = REGISTERED.get(rule.meta.id);
      assert.ok(counts, `${rule.meta.id}.test.ts does not call testRule('${rule.meta.id}', …)`);
      assert.ok(counts.valid >= MIN_CASES, `${counts.valid} valid cases`);
      assert.ok(counts.invalid >= MIN_CASES, `${counts.invalid} invalid cases`);
    });
  }
});
