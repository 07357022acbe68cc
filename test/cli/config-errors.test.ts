import { strict as assert } from 'assert';
import * as path from 'path';
import { guarded } from '../../server/src/cli/main';
import { runLint } from '../../server/src/cli/lint-command';
import { memoryIo } from '../helpers/cli-io';
import { cleanupTemp, letter, makeTemp, write } from './helpers';

/**
 * Every config problem ends an imr-lint run with exit 2 and one line naming the config file and the
 * line — never "internal error" (issue 12: a billion-laughs or bad-regex config used to print one).
 */

const BILLION_LAUGHS = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat('bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`))
  .join('\n') + '\n';

const CASES: { name: string; config: string; line: number; message: RegExp }[] = [
  { name: 'YAML aliases that expand too much (billion laughs)', config: BILLION_LAUGHS, line: 2, message: /aliases expand too much/ },
  { name: 'placeholders that do not compile together', config: 'placeholders: ["(?<v>x)", "(?<v>y)"]\n', line: 1, message: /placeholders: the patterns do not compile together/ },
  { name: "the placeholder rule's patterns that do not compile together", config: 'rules:\n  placeholder: {severity: error, options: {patterns: ["(?<v>x)", "(?<v>x)"]}}\n', line: 2, message: /rules\.placeholder\.patterns: the patterns do not compile together/ },
  { name: 'a pattern that does not compile', config: 'placeholders: ["(a"]\n', line: 1, message: /placeholders\[0\]: invalid regular expression/ },
  { name: 'an unknown key', config: 'redact: true\nplacholders: ["x"]\n', line: 2, message: /unknown key "placholders" \(did you mean "placeholders"\?\)/ },
  { name: 'an invalid value', config: 'rules:\n  placeholder: loud\n', line: 2, message: /rules\.placeholder/ },
];

describe('imr-lint: a config problem is one line naming the file (never "internal error")', () => {
  after(cleanupTemp);

  for (const c of CASES) {
    it(c.name, () => {
      const dir = makeTemp();
      const config = write(dir, '.imrlintrc.yaml', c.config);
      write(dir, 'case.imr', letter('clean-2016.imr'));
      const io = memoryIo(dir);
      const code = guarded(() => runLint(['case.imr'], io), io, 'imr-lint');
      const shown = `exit ${String(code)}\n${io.err}`;
      assert.equal(code, 2, shown);
      assert.equal(io.out, '', shown);
      const lines = io.err.split('\n').filter((l) => l !== '');
      assert.equal(lines.length, 1, shown);
      const line = lines[0]!;
      assert.ok(line.startsWith(`imr-lint: ${config}:${c.line}: invalid config: `), shown);
      assert.match(line, c.message);
      assert.doesNotMatch(io.err, /internal error/);
      assert.equal(path.isAbsolute(config), true);
    });
  }
});
