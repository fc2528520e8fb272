// One HTTP request/response pair as the recorder captured it, before any scrubbing.

export interface Exchange {
  method: string;
  /** The URL as the app addressed it (a Hotmart host), never a hostMap target. */
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status: number;
  /** Lower-cased header names. */
  responseHeaders: Record<string, string>;
  responseBody: string;
}
