/**
 * The language server's custom protocol (server/src/lsp/protocol.ts has no imports, so the client
 * bundle takes only these names and types from it, no server code).
 */
export {
  DOCUMENT_STATS_REQUEST,
  DocumentStats,
  DocumentStatsParams,
  INDEX_TOPICS_REQUEST,
  IndexTopicEntry,
  IndexTopicsParams,
  InitializationOptions,
  SOURCE_FIX_ALL_IMR,
  TRUST_CHANGED_NOTIFICATION,
  TrustChangedParams,
  VERIFY_INDEX_REQUEST,
  VerifyIndexParams,
  VerifyIndexResult,
} from '../../server/src/lsp/protocol';
