import { defineModule } from '../../lib/define';
import type { Parameter } from '../../lib/types';
import { RELATIVE_PATH_PATTERN, RELATIVE_URL } from './relative-path';
import samples from './make-api-call.samples.json';

const KEY_VALUE: Parameter[] = [
  { name: 'key', type: 'text', label: 'Key', required: true },
  { name: 'value', type: 'text', label: 'Value' },
];

export default defineModule({
  name: 'makeApiCall',
  label: 'Make an API Call',
  description: 'Performs an arbitrary authorized API call.',
  type: 'universal',
  connection: 'hotmart',
  staticParameters: [],
  mappableParameters: [
    {
      name: 'url',
      type: 'text',
      label: 'URL',
      required: true,
      validate: { pattern: RELATIVE_PATH_PATTERN },
      help: 'Enter a path relative to `https://developers.hotmart.com` (or `https://sandbox.hotmart.com` for a Sandbox connection), starting with `/`. For example: `/payments/api/v1/subscriptions`. Put query parameters in **Query string**, not after a `?`. Full URLs, `//`, `\\` and `..` are refused: the call always goes to the Hotmart API of the connection.',
    },
    {
      name: 'method',
      type: 'select',
      label: 'Method',
      required: true,
      default: 'GET',
      options: [
        { label: 'GET', value: 'GET' },
        { label: 'POST', value: 'POST' },
        { label: 'PUT', value: 'PUT' },
        { label: 'PATCH', value: 'PATCH' },
        { label: 'DELETE', value: 'DELETE' },
      ],
    },
    {
      name: 'headers',
      type: 'array',
      label: 'Headers',
      spec: KEY_VALUE,
      default: [{ key: 'Content-Type', value: 'application/json' }],
      help: "You don't have to add authorization headers; we already did that for you.",
    },
    {
      name: 'qs',
      type: 'array',
      label: 'Query String',
      spec: KEY_VALUE,
      help: 'For example `max_results` = `50`. Dates in Hotmart filters are timestamps in milliseconds. Each key is sent once.',
    },
    {
      name: 'body',
      type: 'any',
      label: 'Body',
      help: 'Enter the body content for your API call, for example `{"send_mail": false}`.',
    },
  ],
  interface: [
    { name: 'body', type: 'any', label: 'Body' },
    { name: 'headers', type: 'collection', label: 'Headers' },
    { name: 'statusCode', type: 'number', label: 'Status code' },
  ],
  samples,
  example: {
    url: '/payments/api/v1/subscriptions/summary',
    method: 'GET',
    qs: [{ key: 'max_results', value: '2' }],
  },
  scope: [],
  communication: {
    url: RELATIVE_URL,
    method: '{{parameters.method}}',
    headers: { '{{...}}': "{{toCollection(parameters.headers, 'key', 'value')}}" },
    qs: { '{{...}}': "{{toCollection(parameters.qs, 'key', 'value')}}" },
    body: '{{parameters.body}}',
    // The body is sent as typed (usually JSON text), not re-encoded as a JSON string.
    type: 'text',
    response: {
      output: { body: '{{body}}', headers: '{{headers}}', statusCode: '{{statusCode}}' },
    },
  },
});
