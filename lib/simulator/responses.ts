// Response builders. Hotmart answers JSON with a UTF-8 content type; the due-day endpoint answers
// 200 with an empty body (reference §4.7).
import type { HotmartError } from './errors';
import type { SimulatorResponse } from './types';

const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

export function jsonResponse(status: number, value: unknown): SimulatorResponse {
  return { status, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body: JSON.stringify(value) };
}

export function emptyResponse(status: number): SimulatorResponse {
  return { status, headers: {}, body: '' };
}

export function errorResponse(error: HotmartError): SimulatorResponse {
  return jsonResponse(error.status, error.toBody());
}
