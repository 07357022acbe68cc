import Ajv, { ValidateFunction } from 'ajv';
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expandTemplate, findTemplate } from '../../server/src/templates/templates';
import { nth } from '../cli/helpers';
import { imrLint as runImrLint } from '../helpers/cli-io';

/**
 * `imr-lint --format sarif` output (imr-lint run in-process) validated against the SARIF 2.1.0 JSON schema. The schema comes from
 * the npm package @microsoft/jest-sarif (MIT; lib/schemas/sarif-2.1.0-rtm.5.json, the SARIF 2.1.0 schema
 * as published on SchemaStore). It is a draft-04 schema: ajv 8 reads it once `$schema`/`id` are
 * dropped (it uses no keyword whose meaning changed after draft-04), its three formats are defined, and
 * patterns are compiled without the u flag (one of them, for `language`, is invalid with it).
 */

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCHEMA_MODULE = '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';

function schemaFile(): string | undefined {
  try {
    return require.resolve(SCHEMA_MODULE);
  } catch {
    return undefined;
  }
}

function sarifValidator(file: string): ValidateFunction {
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  assert.match(String(schema.title), /SARIF\) Version 2\.1\.0/);
  delete schema.$schema;
  delete schema.id;
  // unicodeRegExp: false — the pattern of `language` in this schema is not valid with the u flag
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/);
  ajv.addFormat('uri-reference', /^\S*$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i);
  return ajv.compile(schema);
}

/** imr-lint in-process (test/helpers/cli-io.ts). */
function imrLint(args: string[], cwd: string): { status: number; stdout: string; stderr: string } {
  return runImrLint(args, { cwd });
}

describe('imr-lint --format sarif', function () {
  this.timeout(30_000);
  let validate: ValidateFunction;
  let dir: string;
  before(function () {
    const file = schemaFile();
    if (!file) {
      console.log(`      (skipped: ${SCHEMA_MODULE} is not installed; npm install --save-dev --save-exact @microsoft/jest-sarif@1.0.0-beta.0)`);
      this.skip();
    }
    validate = sarifValidator(file);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-sarif-'));
    fs.writeFileSync(path.join(dir, 'from-template.imr'), expandTemplate(findTemplate('letter')!));
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const check = (args: string[], cwd: string) => {
    const r = imrLint(['--format', 'sarif', ...args], cwd);
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const log = JSON.parse(r.stdout) as { runs: { results: unknown[] }[] };
    const ok = validate(log);
    assert.ok(ok, `not valid SARIF 2.1.0:\n${JSON.stringify(validate.errors, null, 2)}`);
    return log;
  };

  it('is valid for letters with findings, fixes and none (paths relative to the working directory)', () => {
    const log = check(['test/fixtures/precommit/wrong-page.imr', 'test/fixtures/base-letter.imr.txt'], ROOT);
    assert.strictEqual(nth(log.runs, 0, 'a SARIF run').results.length, 1);
    assert.ok(JSON.stringify(log).includes('"fixes"'), 'the page fix is in the log');
  });

  it('is valid for files outside the working directory (absolute file URIs) and many findings', () => {
    const log = check([path.join(dir, 'from-template.imr')], os.homedir());
    assert.ok(nth(log.runs, 0, 'a SARIF run').results.length > 10);
  });

  it('the validator rejects what is not SARIF (the schema is in force)', () => {
    assert.strictEqual(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false);
    assert.strictEqual(validate({ version: '2.0.0', runs: [] }), false);
  });
});
