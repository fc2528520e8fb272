// Hotmart's cursor pagination (reference §3.3): `max_results` with a default and a silent clamp,
// `page_token` cursors, and the `items` + `page_info` envelope. `next_page_token` is absent on the
// last page, `prev_page_token` on the first.
import { invalidValueParameter } from './errors';
import type { PageTokenCodec } from './page-token';

const MAX_PAGE_SIZE = 500;

interface PageInfo {
  total_results?: number;
  next_page_token?: string;
  prev_page_token?: string;
  results_per_page: number;
}

export interface Page<T> {
  items: T[];
  page_info: PageInfo;
}

export interface PageSpec {
  /** Endpoint path; part of the cursor's fingerprint. */
  path: string;
  query: URLSearchParams;
  /** The filters that define the result set (a cursor is only valid for the same filters). */
  filterNames: readonly string[];
  defaultSize: number;
  /** Only some endpoints return `total_results` (reference §3.3); follow each one's example. */
  includeTotal: boolean;
}

function pageSize(query: URLSearchParams, defaultSize: number): number {
  const raw = query.get('max_results');
  if (raw === null || raw.trim() === '') return defaultSize;
  if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < 1) {
    throw invalidValueParameter('max_results', 'a whole number of at least 1');
  }
  return Math.min(Number(raw), MAX_PAGE_SIZE);
}

/** Filters, sorted, so `status=A&status=B` and `status=B&status=A` share their cursors. */
function fingerprint(spec: PageSpec): string {
  const parts: string[] = [spec.path];
  for (const name of [...spec.filterNames].sort()) {
    const values = spec.query
      .getAll(name)
      .map((value) => value.trim())
      .filter((value) => value !== '')
      .sort();
    if (values.length > 0) parts.push(`${name}=${values.join(',')}`);
  }
  return parts.join('&');
}

export function paginate<T>(items: readonly T[], spec: PageSpec, codec: PageTokenCodec): Page<T> {
  const size = pageSize(spec.query, spec.defaultSize);
  const key = fingerprint(spec);
  const token = spec.query.get('page_token');
  const offset = token === null || token.trim() === '' ? 0 : codec.decode(key, token.trim());
  const hasNext = offset + size < items.length;
  const pageInfo: PageInfo = {
    ...(spec.includeTotal ? { total_results: items.length } : {}),
    ...(hasNext ? { next_page_token: codec.encode(key, offset + size, size) } : {}),
    ...(offset > 0 ? { prev_page_token: codec.encode(key, Math.max(0, offset - size), size) } : {}),
    results_per_page: size,
  };
  return { items: items.slice(offset, offset + size), page_info: pageInfo };
}
