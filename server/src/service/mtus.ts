/** The MTUS index lookups the language service uses, from the engine's public entry point. */
export { allTopics, findGuidelineByChapter, findTopic, findTopicByNumber, formatPages, matchGuidelinePrefix, readCitationHead, resolveGuideline } from '../engine';
