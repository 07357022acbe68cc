/**
 * What a sentence is doing, from cue phrases in normalized text (compiled once): concluding ("Therefore",
 * "As such", "Based on the above"), answering ("Yes," / "No,"), reporting someone else's opinion ("The UR
 * found …", "The treating physician believes …"), restating a guideline ("The MTUS recommends …"),
 * stating a condition ("if", "unless", "would … only if"), a generic qualifier after the phrase ("… is
 * indicated when red flags are present", "… for up to 10 visits"), and clause roles (a subordinate
 * "although …" clause, the main clause after "but"/"however").
 */

export const CONCLUDING = /^(?:\W*)(?:therefore|thus|hence|accordingly|consequently|as such|as a result|in conclusion|in summary|to summarize|in sum|overall|ultimately|in light of|in view of|based on|based upon|given|for (?:these|this|the above|the foregoing|all of these|the reasons)|because of (?:these|this|the above|the lack)|due to|with(?:out)? (?:this|that|these|such|documentation|evidence|objective|clear|any)|after (?:review|careful)|on (?:this|that|the) basis|so,|likewise|similarly|in this case)\b|\b(?:therefore|thus|hence|consequently|accordingly|as such)\b/;

/** "Yes," / "No," answering the question the review asks. */
export const OPENER = /^\W*(yes|no)\s*[,.;:\u2014-]/;

/** Someone else's opinion: the UR, the treating physician, a prior review; followed by what they said. */
export const REPORTED = /\b(?:ur|u\.r|utilization review(?:er)?|(?:prior|previous|initial|original|earlier|first|peer|ur|other|carrier's|insurer's) (?:reviewer|review|determination|decision|physician reviewer|physician advisor|denial|adverse determination)|physician advisor|claims administrator|carrier|insurer|the denial|(?:treating|requesting|primary treating|referring|attending|secondary treating) (?:physician|provider|doctor|surgeon|clinician|practitioner|therapist)|(?:the |his |her |their )(?:physician|provider|doctor|surgeon|attorney|applicant|patient|worker|injured worker|claimant|employee|therapist|pt|ptp)|appeal|applicant's attorney)\b(?:\s+(?:[a-z']+|,)){0,8}?\s+(?:found|finds|determined|determines|concluded|concludes|stated|states|felt|feels|believes|believed|opined|opines|noted|notes|indicated|indicates|argued|argues|contends|contended|asserted|asserts|deemed|deems|considered|considers|judged|reported|reports|wrote|writes|claimed|claims|non certified|noncertified|denied|modified|rejected|requested|requests|suggested|suggests|maintains|maintained|explained|explains|says|said|thought|thinks|recommended|recommends|disagreed|disagrees|appealed|appeals)\b|\b(?:per|according to|in the opinion of)\s+(?:the\s+)?(?:ur|utilization review(?:er)?|treating|requesting|prior|previous|provider|physician|doctor|surgeon|claims administrator|carrier)\b|\b(?:was|were|had been|has been)\s+(?:previously|initially|originally|already)\s+(?:denied|non certified|noncertified|modified|certified|approved|authorized|found|deemed|considered|determined)\b/;

/** The reviewer's own voice: agreement or disagreement with the opinion reported before. */
export const AGREEMENT = /\b(?:i|we|this reviewer|the undersigned|the reviewer)\s+(?:(?:respectfully|fully|therefore|also|would)\s+)?(?:(do not|does not|did not|can not|could not|am unable to|must)\s+)?(agree|agrees|concur|concurs|disagree|disagrees|uphold|overturn|side)\b|\b(?:in agreement|in disagreement)\b|\bin my (?:opinion|judgment|view|clinical opinion)\b|\bi (?:find|conclude|believe|consider|determine|judge)\b/;

/** A guideline speaking: "The MTUS recommends …", "ACOEM Guidelines state that …", "ODG notes …". */
export const GUIDELINE = /\b(?:guidelines?|mtus|acoem|odg|the literature|literature|evidence|studies|research|criteria|the chapter|the section)\b(?:\s+(?!the\b|this\b)[a-z0-9'/]+){0,2}?\s+(?:generally\s+|specifically\s+|also\s+|further\s+|only\s+|clearly\s+)?(?:do not\s+|does not\s+)?(?:states?|stated|recommends?|recommended|indicates?|indicated|notes?|noted|says?|supports?|suggests?|advises?|allows?|specif(?:y|ies)|requires?|considers?|endorses?|describes?|addresses|address|defines?|reports?|shows?|lists?|limits?|permits?|support|cautions?|warns?)\b/g;
/** "According to ACOEM, …": a guideline framing the rest of the clause (kept only for strong phrases). */
export const GUIDELINE_FRAME =
  /^\W*(?:according to|per|as per|pursuant to|under|in|as stated in|as noted in|as outlined in|as recommended by|the)\s+(?:the\s+)?(?:(?!(?:request|requested|is|are|was|were|falls?|within|with|meets?|exceeds?|outside|beyond|by|to)\b)[a-z0-9/&'-]+\s+){0,8}?(?:guidelines?|mtus|acoem|odg)\b/;

/** A condition or hypothesis before the phrase in the same sentence. */
export const CONDITION_BEFORE = /\b(?:if|unless|whenever|whether|provided that|in the event|in cases? (?:of|where)|in the future|at a later date|should the|should there|had the|had there|were the|were there)\b/g;
/** A condition confined to its own clause: "until X is done, the request is not necessary" is a verdict; "for MRI to be warranted …" is not. */
export const CONDITION_CLAUSE = /\b(?:until|once|in order for|for (?:(?!(?:is|are|was|were|has|have|had|determined|deemed|considered|found|felt|judged|appears|seems) )[a-z0-9'/-]+ ){1,4}?to (?:be|become))\b[^,;:]*/g;
/** Modals that make the phrase a possibility, within the phrase's clause. */
export const MODAL = /\b(?:may|might|could|can(?! not)|will|shall|would|might)\b/g;
/** A generic qualifier right after the phrase ("… only", "… when", "… for up to 10 visits"). */
export const QUALIFIER_LEAD = /^\W*(?:(?:here|now|at this time|at present|presently|currently|for this (?:patient|worker|injured worker|claimant|employee))\W*)?(?:(?:only|generally|usually|typically|routinely)\b|when\b|whenever\b|if\b|unless\b|until\b|once\b|provided\b|as long as\b|where\b|in (?:patients|cases|those|individuals|people|workers|the presence|the setting|the absence|the acute|the first|the early|selected|certain|some|most|acute|chronic|select)\b|for (?:up to|patients|people|individuals|those|workers|persons|mild|moderate|severe|acute|chronic|the (?:treatment|management|first|initial)|treatment of|management of|use|short|long|a (?:maximum|period|trial|limited|short|time)|no more|not more|most|some|many|certain|selected|select|\d)\b|as (?:a|an) (?:stand alone|standalone|primary|first line|second line|third line|option|sole|adjunct|alternative|initial|last resort|treatment option)\b|after (?:a|an|the failure|failure|\d|failed|conservative|initial)\b|prior to\b|in conjunction with\b|following (?:a|an)\b|with (?:documented|evidence|objective|proper|appropriate)\b|to (?:a maximum|treat)\b|up to\b|(?:for )?(?:longer|more|less|fewer) than\b|beyond\b|in excess of\b)/;
/** A condition word: "if", "unless", "when", "whenever", "as long as", "only if" … */
const CONDITION_WORD = /\b(?:only (?:if|when|after|with|for|in)|if|unless|when|whenever|as long as)\b/;
/** Characters of the prefix before a condition word that no word of it holds. */
const NOT_IN_PREFIX = /[A-Z_]/;
/** What separates the words before a condition word (a word is letters and digits, joined by ' / -). */
const WORD_SEPARATOR = /[^a-z0-9'/-]+/;
const ALNUM = /[a-z0-9]/;

/**
 * A generic or conditional qualifier right after the phrase: a guideline's statement, not this item's
 * verdict. Either a qualifier leads ("… when red flags are present", "… for up to 10 visits") or a
 * condition word follows within four words ("… is indicated for patients only if …").
 *
 * The condition was the pattern `^(?:\W*[a-z0-9'/-]+){0,4}?\W*\b(?:if|…)\b`, whose separators and
 * words both match ' / -: after a run of dashes (a rule line under the phrase) it tried every way to
 * cut the run into eight parts, 20 s for 40 dashes. The same test in linear time: the text before the
 * first condition word has no upper-case letter or underscore, and at most four of its runs of
 * [a-z0-9'/-] hold a letter or digit (a later condition word has a longer prefix, never fewer runs).
 */
export function qualifierAfter(after: string): boolean {
  if (QUALIFIER_LEAD.test(after)) return true;
  const m = CONDITION_WORD.exec(after);
  if (!m) return false;
  const prefix = after.slice(0, m.index);
  if (NOT_IN_PREFIX.test(prefix)) return false;
  let words = 0;
  for (const run of prefix.split(WORD_SEPARATOR)) if (ALNUM.test(run)) words++;
  return words <= 4;
}

/** Subordinate clauses that concede or compare: a verdict inside is about something else. */
export const SUBORDINATOR = /\b(?:although|though|even though|even if|while|whereas|unlike|except|despite|in spite of|apart from|other than|instead of|rather than|as opposed to|in contrast to|compared to|compared with|similar to|as was|as were|as with)\b/g;
/** A contrast that introduces the clause that counts. */
export const CONTRAST = /\b(?:but|however|nevertheless|nonetheless|yet|on the other hand|that said|even so|still)\b/g;
/** A clause boundary inside a sentence. */
export const CLAUSE_BREAK = /[;:]|,(?!\s*(?:and|or|nor)\s+(?:medically|clinically)\b)|\b(?:but|however|and|although|though|whereas|while|which|because|since)\b/g;

/** Words that make a clause's subject "the request" itself. */
export const REQUEST_SUBJECT = /\b(?:the|this|that|these|such|said|current|present|above|proposed)\s+(?:[a-z0-9'/#.-]+\s+){0,3}?(?:request|requests|requested|proposed|prescribed|recommended|ordered|item|items|service|services|treatment|procedure|medication|medications|study|test|testing|device|referral|consultation|surgery|evaluation|injection|therapy|visit|visits|sessions|course|trial|program|supply|prescription|order|purchase|rental|dme|appeal)\b|^\W*(?:it|they|both|all|this|these|which|each)\b/;
