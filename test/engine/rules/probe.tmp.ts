import { defaultConfig, lintText } from '../../../server/src/engine';
import { bundledIndex, fixture, REPO_ROOT } from '../../helpers/engine';
const which = process.env.BASE === '2009' ? fixture('letters/clean-2009-pages.imr') : fixture('letters/clean-2016.imr');
const muts: Array<[string,string]> = JSON.parse(process.env.MUTS ?? '[]');
for (const [a,b] of muts) {
  if (!which.includes(a)) { console.log('MISSING', a); continue; }
  const t = which.replace(a,b);
  const f = lintText({ text: t, config: defaultConfig(REPO_ROOT), index: bundledIndex() }).findings;
  console.log('==', JSON.stringify(a).slice(0,60), '->', JSON.stringify(b).slice(0,80));
  for (const x of f) console.log('  ', x.range.start.line+1, x.range.start.character+1, x.ruleId, x.messageId, x.severity, x.message, x.fix ? 'FIX:'+x.fix.title : '', (x.suggestions??[]).map(s=>'SUG:'+s.title).join(' '));
}
