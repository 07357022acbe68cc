/**
 * The MTUS index lookups the language service uses. The engine's public entry point does not export
 * its lookup module (yet), so this is the one place that reaches into it; switch it to `../engine`
 * when the engine re-exports these.
 */
export { allTopics, findGuidelineByChapter, findTopic, findTopicByNumber, formatPages, matchGuidelinePrefix, resolveGuideline } from '../engine/mtus/lookup';
