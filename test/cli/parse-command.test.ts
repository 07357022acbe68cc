import { strict as assert } from 'assert';
import { imr } from '../helpers/cli-io';
import { cleanupTemp, describeRun, letter, makeTemp, write } from './helpers';

/** `imr parse` (cli/parse-command.ts), in-process. */

describe('imr parse (cli/parse-command.ts), in-process', function () {
  this.timeout(60_000);
  after(cleanupTemp);

  it('--json gives the structured determination of a two-column letter; - reads standard input', async () => {
    const dir = makeTemp();
    write(dir, 'case.imr', letter('clean-2016.imr'));
    const r = await imr(['parse', 'case.imr', '--json'], { cwd: dir });
    assert.equal(r.status, 0, describeRun(r));
    const det = JSON.parse(r.stdout) as { header: Record<string, string> };
    assert.equal(det.header.caseNumber, 'CM17-0100001');
    assert.equal(det.header.dateOfInjury, '03/02/2015');
    assert.equal(det.header.applicationReceived, '01/11/2017');
    const stdin = await imr(['parse', '-'], { cwd: dir, input: letter('clean-2016.imr') });
    assert.equal(stdin.status, 0, describeRun(stdin));
    assert.deepEqual(JSON.parse(stdin.stdout), det);
  });

  it('a missing letter: exit 2, one line naming it', async () => {
    const dir = makeTemp();
    const r = await imr(['parse', 'missing.imr'], { cwd: dir });
    assert.equal(r.status, 2, describeRun(r));
    assert.match(r.stderr, /^imr: \S*missing\.imr: cannot read \(ENOENT\)\n$/);
    assert.equal(r.stdout, '');
  });
});
