/** `imr/verifyIndex`: the engine's index verification for the editor command (same code as `imr index verify`). */
import { FileReadError, MtusIndex, READ_LIMITS, readFileChecked } from '../engine';
import { defaultPdfReader, PdfInputError, verifyPdf } from '../engine/mtus/verify';
import { VerifyIndexParams, VerifyIndexResult } from '../../../shared/protocol';

export async function verifyIndexRequest(params: VerifyIndexParams, index: MtusIndex): Promise<VerifyIndexResult> {
  const guideline = index.guidelines.find((g) => g.id === params.guidelineId);
  if (!guideline) return { error: `unknown guideline "${params.guidelineId}"` };
  let bytes: Uint8Array;
  try {
    bytes = readFileChecked(params.pdf, READ_LIMITS.pdf).bytes;
  } catch (e) {
    return { error: e instanceof FileReadError ? e.message : `${params.pdf}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  try {
    const { report, corrections } = await verifyPdf(bytes, params.pdf, guideline, defaultPdfReader());
    const count = (s: string): number => report.topics.filter((v) => v.status === s).length;
    return { corrections, confirmed: count('confirmed'), moved: count('moved'), notFound: count('not-found'), tocNotInIndex: report.tocMissing.length, numbering: report.numbering.note };
  } catch (e) {
    if (e instanceof PdfInputError) return { error: e.message };
    return { error: `could not verify: ${e instanceof Error ? e.message : String(e)}` };
  }
}
