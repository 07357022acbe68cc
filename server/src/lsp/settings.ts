import { MAX_TIME_PER_FILE_LIMIT_MS } from '../engine';
import { DEFAULT_SETTINGS, ImrSettings, RuleSeveritySetting } from '../../../shared/protocol';

const SEVERITIES: readonly RuleSeveritySetting[] = ['off', 'info', 'warn', 'error'];

/** Turns whatever the client sent for the `imr` section into valid settings (bad values fall back to defaults). */
export function normalizeSettings(raw: unknown): ImrSettings {
  const s = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const rules: Record<string, RuleSeveritySetting> = {};
  if (s.rules && typeof s.rules === 'object' && !Array.isArray(s.rules)) {
    for (const [id, v] of Object.entries(s.rules as Record<string, unknown>)) {
      const sev = v === 'warning' ? 'warn' : v;
      if (typeof sev === 'string' && (SEVERITIES as readonly string[]).includes(sev)) rules[id] = sev as RuleSeveritySetting;
    }
  }
  const index = Array.isArray(s.index) ? s.index.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : typeof s.index === 'string' && s.index ? [s.index] : [];
  const delay = typeof s.validationDelay === 'number' && Number.isFinite(s.validationDelay) ? Math.min(Math.max(0, Math.round(s.validationDelay)), 10_000) : DEFAULT_SETTINGS.validationDelay;
  const run = s.run === 'onSave' ? 'onSave' : 'onType';
  const budget = s.maxTimePerFile;
  const maxTimePerFile = typeof budget === 'number' && Number.isFinite(budget) && budget >= 0 ? Math.min(Math.round(budget), MAX_TIME_PER_FILE_LIMIT_MS) : undefined;
  return { rules, index, validationDelay: delay, run, ...(maxTimePerFile !== undefined ? { maxTimePerFile } : {}) };
}

export type ConfigurationFetcher = (scopeUri: string) => Promise<unknown>;

/**
 * Settings per resource, pulled with `workspace/configuration` and cached per document until the
 * configuration changes (the lsp-sample pattern). Without pull support, pushed settings apply to all.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<ImrSettings>>();
  private pushed: ImrSettings = DEFAULT_SETTINGS;

  constructor(private fetcher: ConfigurationFetcher | undefined) {}

  get(uri: string): Promise<ImrSettings> {
    if (!this.fetcher) return Promise.resolve(this.pushed);
    let p = this.cache.get(uri);
    if (!p) {
      p = this.fetcher(uri).then(normalizeSettings, () => DEFAULT_SETTINGS);
      this.cache.set(uri, p);
    }
    return p;
  }

  /** Settings pushed with didChangeConfiguration (used when the client cannot be asked). */
  setPushed(raw: unknown): void {
    this.pushed = normalizeSettings(raw);
  }

  setFetcher(fetcher: ConfigurationFetcher | undefined): void {
    this.fetcher = fetcher;
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }
}
