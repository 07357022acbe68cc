/** Guidelines and topics of the bundled index, looked up by id and name (the tests' expectations). */
import { IndexGuideline, IndexTopic } from '../../server/src/engine';
import { index } from './letter';

export function guideline(id: string): IndexGuideline {
  const g = index().guidelines.find((x) => x.id === id);
  if (!g) throw new Error(`no guideline ${id} in the bundled index`);
  return g;
}

export function topic(id: string, name: string): IndexTopic {
  const t = guideline(id).topics.find((x) => x.name === name);
  if (!t) throw new Error(`no topic ${name} in ${id}`);
  return t;
}
