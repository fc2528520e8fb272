// The run log: every request and response of a module run (or of a connection's lifecycle), with
// `log.sanitize` applied when the entry is recorded and every known secret redacted whenever the
// log is read (a token learned later in the run, say a refreshed one, is redacted in earlier
// entries too). Memory stays flat however long the run: bodies over a size bound are summarised,
// and only the first and the last requests are kept (25 each by default), with one `LOG_TRUNCATED`
// note where the others were. The count of every request sent is kept apart (`requestCount`).
import type { SanitizedRequest } from './sanitized-request';
import { boundDepth } from './depth';
import { Redactor } from './redact';

export interface LoggedResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: unknown;
}

export interface HttpLogEntry {
  kind: 'http';
  /** What sent it: `module listSubscriptions`, `connection hotmart refresh`, ... */
  component: string;
  /** 1-based page number for paginated requests. */
  page?: number;
  /** Set on a request that follows a redirect: 1 for the first hop, 2 for the next, ... */
  redirect?: number;
  request: SanitizedRequest;
  /** Set when `hostMap` sent the request to another origin than the one the app named. */
  sentTo?: string;
  response?: LoggedResponse;
  /** Set when no response arrived (network failure, timeout, host refused). */
  error?: { type: string; code: string; message: string };
  startedAt: string;
  durationMs: number;
}

/** A notable event that is not an HTTP exchange: a platform cap cut the result, a refresh ran. */
export interface NoticeLogEntry {
  kind: 'warning' | 'info';
  code: string;
  message: string;
}

export type LogEntry = HttpLogEntry | NoticeLogEntry;

export interface RunLogOptions {
  /** Bodies whose text is longer are logged as a `[N bytes not logged]` marker. Default 65,536. */
  maxBodyBytes?: number;
  /** HTTP entries kept from the start of the run. Default 25. */
  keepFirst?: number;
  /** HTTP entries kept from the end of the run (the latest ones). Default 25. */
  keepLast?: number;
}

const DEFAULT_MAX_LOGGED_BODY_BYTES = 65_536;
const DEFAULT_KEEP = 25;

/**
 * An entry as people read it: a response body nested deeper than the log keeps is cut there
 * (depth.ts). Done when the log is read, not per request: only kept entries are ever read, and
 * walking every page of a long run to check its depth cost a pass over each body.
 */
function readable(entry: LogEntry): LogEntry {
  if (entry.kind !== 'http' || entry.response?.body === undefined) return entry;
  const body = boundDepth(entry.response.body);
  return body === entry.response.body ? entry : { ...entry, response: { ...entry.response, body } };
}

export class RunLog {
  readonly maxBodyBytes: number;
  private readonly keepFirst: number;
  private readonly keepLast: number;
  /** Everything up to and including the `keepFirst`-th request. */
  private readonly head: LogEntry[] = [];
  /** What came after, holding at most `keepLast` requests (notices are never dropped). */
  private readonly tail: LogEntry[] = [];
  private tailRequests = 0;
  private sent = 0;
  private dropped = 0;

  constructor(
    readonly redactor: Redactor = new Redactor(),
    options: RunLogOptions = {},
  ) {
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_LOGGED_BODY_BYTES;
    this.keepFirst = options.keepFirst ?? DEFAULT_KEEP;
    this.keepLast = options.keepLast ?? DEFAULT_KEEP;
  }

  record(entry: LogEntry): void {
    if (entry.kind !== 'http') {
      (this.sent <= this.keepFirst && this.tail.length === 0 ? this.head : this.tail).push(entry);
      return;
    }
    this.sent += 1;
    if (this.sent <= this.keepFirst) {
      this.head.push(entry);
      return;
    }
    this.tail.push(entry);
    this.tailRequests += 1;
    if (this.tailRequests > this.keepLast) {
      this.tail.splice(
        this.tail.findIndex((kept) => kept.kind === 'http'),
        1,
      );
      this.tailRequests -= 1;
      this.dropped += 1;
    }
  }

  warn(code: string, message: string): void {
    this.record({ kind: 'warning', code, message });
  }

  info(code: string, message: string): void {
    this.record({ kind: 'info', code, message });
  }

  /** Number of HTTP exchanges recorded, kept or not (cheap: no redaction). */
  get requestCount(): number {
    return this.sent;
  }

  /** Entries in order, secrets redacted; a `LOG_TRUNCATED` note stands for the requests dropped. */
  get entries(): LogEntry[] {
    const kept = [...this.head];
    if (this.dropped > 0) {
      kept.push({
        kind: 'info',
        code: 'LOG_TRUNCATED',
        message: `${this.dropped} request(s) after the first ${this.keepFirst} are not kept in the log; the last ${this.keepLast} follow.`,
      });
    }
    kept.push(...this.tail);
    return kept.map((entry) => this.redactor.redact(readable(entry)));
  }

  get requests(): HttpLogEntry[] {
    return this.entries.filter((entry): entry is HttpLogEntry => entry.kind === 'http');
  }

  get warnings(): NoticeLogEntry[] {
    return this.entries.filter((entry): entry is NoticeLogEntry => entry.kind === 'warning');
  }

  toJSON(): { entries: LogEntry[] } {
    return { entries: this.entries };
  }
}
