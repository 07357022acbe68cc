/**
 * The language server's custom protocol (shared/protocol.ts has no imports, so the client
 * bundle takes only these names and types from it, no server code).
 */
export {
  DOCUMENT_STATS_REQUEST,
  EXPORT_REQUEST,
  ExportFinding,
  ExportFormatName,
  ExportParams,
  ExportResult,
  PREVIEW_REQUEST,
  PreviewParams,
  PreviewResult,
  DocumentStats,
  DocumentStatsParams,
  INDEX_TOPICS_REQUEST,
  IndexTopicEntry,
  IndexTopicsParams,
  InitializationOptions,
  SELECT_RANGE_COMMAND,
  SOURCE_FIX_ALL_IMR,
  TRUST_CHANGED_NOTIFICATION,
  TrustChangedParams,
  VERIFY_INDEX_REQUEST,
  VerifyIndexParams,
  VerifyIndexResult,
} from '../../shared/protocol';
