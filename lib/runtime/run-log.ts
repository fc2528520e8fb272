// The run log: every request and response of a module run (or of a connection's lifecycle), with
// `log.sanitize` applied when the entry is recorded and every known secret redacted whenever the
// log is read (a token learned later in the run, say a refreshed one, is redacted in earlier
// entries too). Bodies over a size bound are summarised so streaming a million items keeps memory
// flat.
import type { SanitizedRequest } from './sanitized-request';
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
}

const DEFAULT_MAX_LOGGED_BODY_BYTES = 65_536;

export class RunLog {
  readonly maxBodyBytes: number;
  private readonly raw: LogEntry[] = [];

  constructor(
    readonly redactor: Redactor = new Redactor(),
    options: RunLogOptions = {},
  ) {
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_LOGGED_BODY_BYTES;
  }

  record(entry: LogEntry): void {
    this.raw.push(entry);
  }

  warn(code: string, message: string): void {
    this.raw.push({ kind: 'warning', code, message });
  }

  info(code: string, message: string): void {
    this.raw.push({ kind: 'info', code, message });
  }

  /** Entries in order, secrets redacted. */
  get entries(): LogEntry[] {
    return this.raw.map((entry) => this.redactor.redact(entry));
  }

  get requests(): HttpLogEntry[] {
    return this.entries.filter((entry): entry is HttpLogEntry => entry.kind === 'http');
  }

  get warnings(): NoticeLogEntry[] {
    return this.entries.filter((entry): entry is NoticeLogEntry => entry.kind === 'warning');
  }

  /** Number of HTTP exchanges recorded so far (cheap: no redaction). */
  get requestCount(): number {
    let count = 0;
    for (const entry of this.raw) if (entry.kind === 'http') count += 1;
    return count;
  }

  toJSON(): { entries: LogEntry[] } {
    return { entries: this.entries };
  }
}
