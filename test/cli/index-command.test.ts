import { strict as assert } from 'assert';
import { imr } from '../helpers/cli-io';
import { cleanupTemp, describeRun, makeTemp, write } from './helpers';

/** `imr index check|search` (cli/index-command.ts), in-process; verify and harvest have their own specs in test/mtus/. */

describe('imr index (cli/index-command.ts), in-process', function () {
  this.timeout(60_000);
  after(cleanupTemp);

  it('check: a valid correction file is OK, an invalid one is exit 1 naming file:line', async () => {
    const dir = makeTemp();
    write(dir, 'ok.yaml', 'version: 1\nguidelines:\n  - id: cpmtg-2009\n    topics:\n      - name: Physical medicine\n        pages: ["97-99"]\n');
    write(dir, 'bad.yaml', 'version: 1\nguidelines:\n  - id: cpmtg-2009\n    topics:\n      - name: Physical medicine\n        pages: "ninety"\n');
    const ok = await imr(['index', 'check', 'ok.yaml'], { cwd: dir });
    assert.equal(ok.status, 0, describeRun(ok));
    assert.equal(ok.stdout, '1 index file(s) OK\n');
    const bad = await imr(['index', 'check', 'bad.yaml'], { cwd: dir });
    assert.equal(bad.status, 1, describeRun(bad));
    assert.match(bad.stdout, /bad\.yaml:6\b/);
  });

  it('check: a missing index file is exit 2, one line naming it', async () => {
    const dir = makeTemp();
    const r = await imr(['index', 'check', 'missing.yaml'], { cwd: dir });
    assert.equal(r.status, 2, describeRun(r));
    assert.match(r.stderr, /^imr: \S*missing\.yaml: cannot read \(ENOENT\)\n$/);
    assert.equal(r.stdout, '');
  });

  it('search: topics by name with their pages, --json, --max', async () => {
    const dir = makeTemp();
    const r = await imr(['index', 'search', 'physical', 'medicine'], { cwd: dir });
    assert.equal(r.status, 0, describeRun(r));
    assert.match(r.stdout, /^Chronic Pain Medical Treatment Guidelines 2009: .*Physical medicine {2}Page\(s\): 98-99/m);
    const json = await imr(['index', 'search', 'physical medicine', '--json', '--max', '1'], { cwd: dir });
    const hits = JSON.parse(json.stdout) as { guideline: string; topic: string; pages: string }[];
    assert.equal(hits.length, 1);
  });
});
