/**
 * CPU time of citation-unknown-topic's suggestions (suggestTopics) per unknown name, for every guideline
 * of the bundled index. Run: `npx tsc -p . && node out/test/bench/bench-suggest.js`.
 */
import { suggestTopics } from '../../server/src/engine/mtus/similarity';
import { bundledIndex } from '../helpers/engine';

const NAMES = [
  'Physical therapy treatment',
  'Inital Care',
  '326',
  'Lateral Epicondylagia',
  'Opioids for chronic pain: Use of urine drug testing for monitoring patients on chronic opioid therapy with long text',
  'Special Studys',
  'Acupunture',
  'Non-existent section about something else entirely',
  'Work hardening and conditioning programs for the lumbar spine',
  'Diagnositc Criteria',
  'Chronic pain programs (functional restoration programs) for the patient',
  'TENS, chronic pain (transcutaneous electrical nerve stimulation) unit',
];
const ROUNDS = 200;

const index = bundledIndex();
for (const g of index.guidelines) suggestTopics(g, 'warm up', 3);
let worst = { ms: 0, what: '' };
let total = 0;
let calls = 0;
for (const g of index.guidelines) {
  for (const n of NAMES) {
    const start = process.cpuUsage();
    // a new name each round, so no cache answers it
    for (let r = 0; r < ROUNDS; r++) suggestTopics(g, `${n} ${r}`, 3);
    const used = process.cpuUsage(start);
    const ms = (used.user + used.system) / 1000 / ROUNDS;
    total += ms;
    calls++;
    if (ms > worst.ms) worst = { ms, what: `${g.id} / ${n.slice(0, 50)}` };
  }
}
console.log(`suggestTopics: mean ${(total / calls).toFixed(3)} ms CPU per unknown name, worst ${worst.ms.toFixed(3)} ms (${worst.what})`);
