/** Bad usage (unknown option, no files): exit 2 with one line. */
export class UsageError extends Error {}

/** The run could not be done (unreadable file, invalid config or index): exit 2 with one line naming the file. */
export class ToolError extends Error {}
