import { VerdictValue } from '../../../server/src/engine/verdict/reader';

/** One labelled rationale (or its concluding part): what a careful reader concludes about `item`. */
export interface BankEntry {
  v: VerdictValue;
  text: string;
  item?: string;
}
