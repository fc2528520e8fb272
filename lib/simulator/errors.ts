// Hotmart's error body (reference §3.6): `error` is the machine code, `error_description` the
// human text, `error_uri` the documentation page. Route code throws HotmartError; the simulator
// turns it into a response, so no bad input can escape as an exception.

import { ToolError } from '../shared';

/** createSimulator or an adapter was called with an unusable option. */
export class SimulatorOptionError extends ToolError<'SIMULATOR_OPTION_INVALID'> {
  constructor(message: string) {
    super('SIMULATOR_OPTION_INVALID', message);
  }
}

const ERROR_URI = 'https://developers.hotmart.com/docs/en/start/http-response-codes/';

export interface HotmartErrorBody {
  error: string;
  error_description: string;
  error_uri: string;
}

export class HotmartError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(`[${status}] ${description} (${code})`);
    this.name = 'HotmartError';
  }

  /** The JSON body of the answer: Hotmart's OAuth-style error (a subclass may answer otherwise). */
  toBody(): HotmartErrorBody | { message: string } {
    return { error: this.code, error_description: this.description, error_uri: ERROR_URI };
  }
}

/** 400 `invalid_parameter`: a body or enum value Hotmart does not accept. */
export function invalidParameter(description: string): HotmartError {
  return new HotmartError(400, 'invalid_parameter', description);
}

/** 400 `invalid_value_parameter`: a query-string value of the wrong type. */
export function invalidValueParameter(name: string, expected: string): HotmartError {
  return new HotmartError(
    400,
    'invalid_value_parameter',
    `The query parameter '${name}' must be ${expected}.`,
  );
}

export function notFound(description = 'The requested URL was not found.'): HotmartError {
  return new HotmartError(404, 'not_found', description);
}

export function subscriptionNotFound(subscriberCode: string): HotmartError {
  return notFound(`The subscription '${subscriberCode}' was not found.`);
}
