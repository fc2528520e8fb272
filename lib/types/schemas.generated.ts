/**
 * GENERATED FILE, DO NOT EDIT.
 * Generated from schemas/app.schema.json, schemas/base.schema.json, schemas/connection.schema.json, schemas/example.schema.json, schemas/function.schema.json, schemas/groups.schema.json, schemas/iml.schema.json, schemas/manifest.schema.json, schemas/module.schema.json, schemas/oauth-communication.schema.json, schemas/pagination.schema.json, schemas/parameter.schema.json, schemas/request.schema.json, schemas/response.schema.json, schemas/rpc.schema.json, schemas/webhook.schema.json
 * by json-schema-to-typescript. Edit the schemas and regenerate with `npm run gen:types`.
 */

/**
 * A URL (IML allowed), at most 512 characters.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "url".
 */
export type RequestUrl = string;
/**
 * GET, POST, PUT, PATCH or DELETE, or IML.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "method".
 */
export type HttpMethod = ('GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE') | ImlString;
/**
 * A string containing at least one IML expression between double curly braces, e.g. `{{parameters.id}}`. Same pattern as Make's editor schemas (one line from `{{` to `}}`).
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "iml.schema.json".
 */
export type ImlString = `${string}{{${string}}}${string}`;
/**
 * A header or query-string value: a primitive (IML allowed) or an array of primitives (sent as repeated keys). Objects are not allowed.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "flatValue".
 */
export type FlatValue = string | number | boolean | null | (string | number | boolean | null)[];
/**
 * Any JSON value; IML in its strings is evaluated (a lone `{{…}}` keeps its type).
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "body".
 */
export type RequestBody = JsonValue;
/**
 * Any JSON value; strings in it may contain IML expressions.
 */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | unknown[]
  | {
      [k: string]: unknown;
    };
/**
 * Body encoding: `json`, `urlencoded`, `multipart/form-data`, `text`/`string`/`raw` (sent as a string) or `binary`; or IML.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "requestType".
 */
export type RequestBodyType =
  | ('json' | 'urlencoded' | 'multipart/form-data' | 'text' | 'string' | 'raw' | 'binary')
  | ImlString;
/**
 * A boolean or IML condition, or `{condition, default}`.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "condition".
 */
export type RequestCondition = ImlOrBoolean | ConditionWithDefault;
/**
 * A literal boolean, or an IML string evaluated with JavaScript truthiness.
 */
export type ImlOrBoolean = boolean | ImlString;
/**
 * One parse type for every status, or parse types keyed by status.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "responseType".
 */
export type ResponseType = ResponseParseType | ResponseTypeByStatus;
/**
 * How a response body is parsed: `automatic` (by Content-Type), `json`, `urlencoded`, `text`/`string`/`raw`, `binary` or `xml`; or IML.
 *
 * This interface was referenced by `ResponseTypeByStatus`'s JSON-Schema definition
 * via the `patternProperty` "^(\*|[0-9]{3}|[0-9]{3}-[0-9]{3})$".
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "responseParseType".
 */
export type ResponseParseType =
  ('automatic' | 'json' | 'urlencoded' | 'text' | 'string' | 'raw' | 'binary' | 'xml') | ImlString;
/**
 * A boolean or IML condition, or a condition with its own message and error type.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "valid".
 */
export type ResponseValid = ImlOrBoolean | ValidWithMessage;
/**
 * One of Make's nine error types (default `RuntimeError`), or IML.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "errorType".
 */
export type ErrorType =
  | (
      | 'RuntimeError'
      | 'DataError'
      | 'RateLimitError'
      | 'OutOfSpaceError'
      | 'ConnectionError'
      | 'InvalidConfigurationError'
      | 'InvalidAccessTokenError'
      | 'IncompleteDataError'
      | 'DuplicateDataError'
    )
  | ImlString;
/**
 * An error message, or an error object with per-status entries.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "error".
 */
export type ResponseError = string | ResponseErrorObject;
/**
 * The default error (`message`, `type`) plus entries keyed by exact status code (three digits, no ranges).
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "errorObject".
 */
export type ResponseErrorObject = {
  message: string;
  type?: ErrorType;
  [status: `${number}`]: ErrorSpec;
};
/**
 * A module or RPC id: `^[a-zA-Z][0-9a-zA-Z]{2,63}$`.
 */
export type ModuleName = string;
/**
 * The module groups of the scenario editor, in display order. Once a group exists every module must be in one.
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "groups.schema.json".
 */
export type Groups = Group[];
/**
 * A connection, discriminated by `type`: `basic` (one verification request, or a chain) or `oauth` (the OAuth 2 steps). Connection code does not inherit the base.
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "connection.schema.json".
 */
export type ConnectionSpec = BasicConnection | OAuthConnection;
/**
 * A connection id: `^[a-zA-Z][0-9a-zA-Z-]{1,33}[0-9a-zA-Z]$`.
 */
export type ConnectionName = string;
/**
 * A form field: connection, static, mappable and RPC parameters, and the fields of a module interface. Discriminated by `type`; each type accepts only its own keys.
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "parameter.schema.json".
 */
export type Parameter =
  | TextParameter
  | NumericParameter
  | BooleanParameter
  | SelectParameter
  | ArrayParameter
  | CollectionParameter
  | DateParameter
  | FormattedTextParameter
  | SecretParameter
  | FileParameter
  | FilterParameter
  | AnyParameter
  | BannerParameter;
/**
 * A parameter name, 1–128 characters.
 */
export type ParameterName = string;
/**
 * `true`/`false`, or `{help}`: mappable, with a help text shown while mapping.
 */
export type ParameterMappable = boolean | MappableWithHelp;
/**
 * `true`/`false`, or `{enabled, help}`.
 */
export type ParameterEditable = boolean | EditableWithHelp;
/**
 * A reference to an RPC of this app: `rpc://<rpcName>`.
 */
export type RpcReference = string;
/**
 * A parameter list, an RPC returning one (`rpc://name`), or `{store, domain}`.
 */
export type NestedParameters = ParameterList | RpcReference | NestedStore;
/**
 * Static options, grouped options, an RPC (`rpc://name`), or `{store, …}`.
 */
export type SelectOptions =
  SelectOption[] | SelectOptionGroup[] | RpcReference | SelectOptionsStore;
/**
 * An ordered list of parameters (the order of the form). Every item is an object: Make's bare-string items are rejected.
 */
export type ParameterList = Parameter[];
/**
 * The communication of a basic connection: one request or an array of them.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "connectionCommunication".
 */
export type ConnectionCommunication = ConnectionRequestSpec | ConnectionRequestSpec[];
/**
 * Key/value pairs (IML) stored on the connection.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "data".
 */
export type ConnectionData = JsonObject;
/**
 * The remote user id (IML), e.g. `{{body.id}}`.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "uid".
 */
export type ConnectionUid = string;
/**
 * An expiry date (IML), e.g. `{{addDays(now, 30)}}`.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "expires".
 */
export type ConnectionExpiry = string;
/**
 * OAuth scope names.
 */
export type ModuleScope = string[];
/**
 * A module, discriminated by `type`. Type rules: only actions have `crud`; actions, universal and instant-trigger modules return one bundle (no iterate, limit or pagination); a universal module uses a relative URL; a polling trigger needs `response.trigger`, has static parameters only, and is the only type with `epoch`.
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "module.schema.json".
 */
export type ModuleSpec =
  | ActionModule
  | SearchModule
  | UniversalModule
  | TriggerModule
  | InstantTriggerModule
  | ResponderModule;
/**
 * A connection id of this app, or `null` for none.
 */
export type ConnectionReference = string | null;
/**
 * One parameter's example value: JSON, with sample references allowed at any depth.
 *
 * This interface was referenced by `ExampleParameters`'s JSON-Schema
 * via the `definition` "exampleValue".
 */
export type ExampleValue =
  | string
  | number
  | boolean
  | null
  | ExampleValue[]
  | SampleReference
  | {
      [k: string]: ExampleValue;
    };
/**
 * Data the example needs from the simulator, named by its `$sample` kind.
 *
 * This interface was referenced by `ExampleParameters`'s JSON-Schema
 * via the `definition` "sampleReference".
 */
export type SampleReference = SubscriberCodeSample | ProductIdSample | CouponSample;
/**
 * A Hotmart subscription status (the simulator's statuses too).
 *
 * This interface was referenced by `ExampleParameters`'s JSON-Schema
 * via the `definition` "subscriptionStatus".
 */
export type SubscriptionStatus =
  | 'ACTIVE'
  | 'INACTIVE'
  | 'DELAYED'
  | 'OVERDUE'
  | 'STARTED'
  | 'CANCELLED_BY_CUSTOMER'
  | 'CANCELLED_BY_SELLER'
  | 'CANCELLED_BY_ADMIN';
/**
 * The communication of an action: one request or an array of them.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "actionCommunication".
 */
export type ActionCommunication = ActionRequestSpec | ActionRequestSpec[];
/**
 * Any JSON value; IML in its strings is evaluated per output bundle.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "output".
 */
export type ResponseOutput = JsonValue;
/**
 * Any JSON value; IML in its strings sees the collected result as `output`.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "wrapper".
 */
export type ResponseWrapper = JsonValue;
/**
 * The communication of a search module or an RPC: one request or an array of them.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "searchCommunication".
 */
export type SearchCommunication = SearchRequestSpec | SearchRequestSpec[];
/**
 * The array to iterate (IML, at most 512 characters), or `{container, condition}`.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "iterate".
 */
export type ResponseIterate = (ImlString & string) | IterateWithCondition;
/**
 * A positive integer, or IML.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "limit".
 */
export type ResponseLimit = number | ImlString;
/**
 * The communication of a universal module: one request or an array of them.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "universalCommunication".
 */
export type UniversalCommunication = UniversalRequestSpec | UniversalRequestSpec[];
/**
 * The communication of a polling trigger: one trigger request, or an array of requests at least one of which declares `response.trigger`.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "triggerCommunication".
 */
export type TriggerCommunication = TriggerRequestSpec | (SearchRequestSpec | TriggerRequestSpec)[];
/**
 * How new items are recognised: by `id` or by `date`.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "triggerType".
 */
export type TriggerType = ('id' | 'date') | ImlString;
/**
 * The order in which the API returns items (`desc` recommended).
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "triggerOrder".
 */
export type TriggerOrder = ('asc' | 'desc' | 'unordered') | ImlString;
/**
 * A webhook id: `^[a-zA-Z][0-9a-zA-Z-]{1,33}[0-9a-zA-Z]$` (choice: Make documents no rule; webhooks are unversioned like connections, so their rule is used).
 *
 * This interface was referenced by `WebhookSpec`'s JSON-Schema
 * via the `definition` "webhookName".
 */
export type WebhookName = string;
/**
 * One request, or several executed in order (the last executed one gives the output). The superset type the runtime works with.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "communication".
 */
export type Communication = RequestSpec | RequestSpec[];

/**
 * A whole Make custom app, as built with `defineApp` in `app/index.ts`: its sections are exactly Make's sections. Cross-references (groups → modules, modules/RPCs → connections, `rpc://` → RPCs, IML variables) are checked by the validator's functional constraints, not here.
 */
export interface App {
  /**
   * App metadata (→ `makecomapp.json`).
   */
  manifest: Manifest;
  /**
   * The app documentation in Markdown (→ `README.md`).
   */
  readme: string;
  /**
   * Settings inherited by every module and RPC (→ `general/base.iml.json`).
   */
  base: BaseSpec;
  /**
   * App common data exposed to modules and RPCs as `common` (→ `general/common.json`), or `null` for none.
   */
  common: JsonObject | null;
  /**
   * Module groups in display order (→ `modules/groups.json`).
   */
  groups: Groups;
  /**
   * The connections (→ `connections/<id>/`).
   */
  connections: ConnectionSpec[];
  /**
   * The modules (→ `modules/<id>/`).
   */
  modules: ModuleSpec[];
  /**
   * The remote procedures (→ `rpcs/<id>/`).
   */
  rpcs: RpcSpec[];
  /**
   * Custom IML functions, callable from every template of the app (→ `functions/<id>/`); absent when the app has none.
   */
  functions?: FunctionSpec[];
  /**
   * Webhooks that instant triggers listen on (→ `webhooks/<id>/`); absent when the app has none.
   */
  webhooks?: WebhookSpec[];
}
/**
 * App metadata (→ the app itself in Make).
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "manifest.schema.json".
 */
export interface Manifest {
  /**
   * The app id in URLs: 3–30 lower-case letters, digits or dashes, starting with a letter and not ending with a dash.
   */
  name: string;
  /**
   * The app label shown in the scenario editor.
   */
  label: string;
  /**
   * What the app connects to.
   */
  description: string;
  /**
   * The app major version (modules and RPCs are versioned).
   */
  version: number;
  /**
   * The app colour, `#RRGGBB`.
   */
  theme: string;
  /**
   * The app language, an ISO 639-1 code such as `en`.
   */
  language: string;
  /**
   * The app audience; `global` is the only documented value (currently without effect).
   */
  audience: 'global';
}
/**
 * Settings inherited by every module and RPC (not by connections): base URL, authorisation headers, error handling, log sanitisation. A module value overrides the base value. Make's base keys except `pagination` and response `iterate`/`limit`/`output`/`wrapper`/`data`/`metadata`/`uid` (they would also reach actions and are connection-only respectively) and OAuth 1 `oauth`.
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "base.schema.json".
 */
export interface BaseSpec {
  /**
   * The URL that relative module/RPC URLs (starting with `/`) are appended to; IML over `connection` allowed (e.g. a sandbox switch).
   */
  baseUrl?: string;
  /**
   * The request URL: absolute, or starting with `/` to be appended to the base `baseUrl`. Without `url` the request is request-less: only the response directives run.
   */
  url?: RequestUrl;
  /**
   * The HTTP method; default `GET`.
   */
  method?: HttpMethod;
  /**
   * Request headers; names are case-insensitive.
   */
  headers?: RequestHeaders;
  /**
   * The query string; it replaces the URL's own query string (`{}` clears it). Arrays become repeated keys.
   */
  qs?: QueryString;
  /**
   * The request body, encoded according to `type`; ignored for GET.
   */
  body?: RequestBody;
  /**
   * How the body is encoded; default `json`.
   */
  type?: RequestBodyType;
  /**
   * Temporary variables evaluated first (before `condition`, `url`, `qs` and `body`) and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * Whether to execute this request; when falsy the request is skipped (and `default`, if given, becomes the output).
   */
  condition?: RequestCondition;
  /**
   * Whether to encode the URL; default `true`. Set `false` when path segments are already encoded with `encodeURL()`.
   */
  encodeUrl?: boolean;
  /**
   * Whether to follow 3xx redirects of GET requests; default `true`.
   */
  followRedirects?: boolean;
  /**
   * Whether to follow 3xx redirects of non-GET requests; default `true`.
   */
  followAllRedirects?: boolean;
  /**
   * Logging options: the request/response paths to mask in logs.
   */
  log?: LogOptions;
  /**
   * Signs the request for AWS.
   */
  aws?: AwsSigning;
  /**
   * The PEM certificate of a custom (e.g. self-signed) certificate authority.
   */
  ca?: string;
  /**
   * The request timeout in milliseconds (1–300000); only the base accepts it.
   */
  timeout?: number;
  /**
   * Response directives inherited by every module and RPC: parse type, validity, errors.
   */
  response?: BaseResponseSpec;
}
/**
 * Header names mapped to values.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "headers".
 */
export interface RequestHeaders {
  [k: string]: FlatValue;
}
/**
 * Query-string keys mapped to values.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "qs".
 */
export interface QueryString {
  [k: string]: FlatValue;
}
/**
 * A JSON object with arbitrary keys and values (user data such as `temp`, `samples`, `common` or connection `data`); strings in it may contain IML expressions.
 */
export interface JsonObject {
  [k: string]: unknown;
}
/**
 * A condition plus the output used when it is falsy.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "conditionWithDefault".
 */
export interface ConditionWithDefault {
  /**
   * Whether to execute the request.
   */
  condition: ImlOrBoolean;
  /**
   * The output when the request is skipped.
   */
  default?: JsonValue;
}
/**
 * Logging options.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "log".
 */
export interface LogOptions {
  /**
   * Case-insensitive dot paths to mask in logs, e.g. `request.headers.authorization`, `request.qs.client_secret`, `response.body.access_token`.
   */
  sanitize: string[];
}
/**
 * AWS request-signing parameters (IML allowed).
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "aws".
 */
export interface AwsSigning {
  /**
   * The AWS access key id.
   */
  key: string;
  /**
   * The AWS secret access key.
   */
  secret: string;
  /**
   * The AWS session token (services that sign it only).
   */
  session?: string;
  /**
   * The S3 bucket, unless it is part of the path.
   */
  bucket?: string;
  /**
   * The signature version: `2` or `4` (as strings), or IML.
   */
  sign_version?: ('2' | '4') | ImlString;
}
/**
 * Response directives inherited from the base by every module and RPC: parsing, validity and errors only (iterate, limit, output or wrapper there would also reach actions).
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "baseResponse".
 */
export interface BaseResponseSpec {
  /**
   * How to parse the response body: one parse type, or an object keyed by status (`*`, `NNN`, `NNN-NNN`; the narrowest match wins). Default `automatic`.
   */
  type?: ResponseType;
  /**
   * Whether the response is valid. Default: valid when the status is 200–399. A falsy value raises the error described by `valid.message` or `error`.
   */
  valid?: ResponseValid;
  /**
   * The error raised for an invalid response or a 4xx/5xx status: a message, or `{message, type}` with optional per-status entries.
   */
  error?: ResponseError;
  /**
   * Temporary variables evaluated right after the HTTP call, before the other response directives, and merged into `temp`.
   */
  temp?: JsonObject;
}
/**
 * Parse types keyed by status: `*` (any), an exact status `NNN`, or a range `NNN-NNN`.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "responseTypeByStatus".
 */
export interface ResponseTypeByStatus {
  [k: string]: ResponseParseType;
}
/**
 * A validity condition with the error raised when it is falsy.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "validWithMessage".
 */
export interface ValidWithMessage {
  /**
   * The validity condition (IML).
   */
  condition: ImlString;
  /**
   * The error message when the condition is falsy (IML allowed).
   */
  message?: string;
  /**
   * The error type when the condition is falsy.
   */
  type?: ErrorType;
}
/**
 * One group of modules.
 */
export interface Group {
  /**
   * The group label.
   */
  label: string;
  /**
   * Module ids (not labels), in display order.
   *
   * @minItems 1
   */
  modules: ModuleName[];
}
/**
 * A basic connection (API key, Basic auth, JWT…): the communication verifies the credentials and may store `data`.
 */
export interface BasicConnection {
  /**
   * The connection id (Make's local rule: a letter, then letters, digits or dashes, 3–35 characters).
   */
  name: ConnectionName;
  /**
   * The connection label shown to users.
   */
  label: string;
  /**
   * The connection type: `basic`.
   */
  type: 'basic';
  /**
   * The fields the user fills in when creating the connection (→ `<id>.params.iml.json`).
   */
  parameters: ParameterList;
  /**
   * The verification request(s) (→ `<id>.communication.iml.json`).
   */
  communication: ConnectionCommunication;
  /**
   * Connection common data (non-user secrets such as a client id), exposed as `common` in connection code; `null` for none.
   */
  common?: JsonObject | null;
}
/**
 * A single- or multi-line text field.
 */
export interface TextParameter {
  /**
   * The parameter name: the key of its value in `parameters` (any characters; backticks in IML).
   */
  name: ParameterName;
  /**
   * The parameter type: `text`.
   */
  type: 'text';
  /**
   * The label shown in the form.
   */
  label?: string;
  /**
   * Help text shown under the field (Markdown).
   */
  help?: string;
  /**
   * Whether a value is required (fails on a missing, `null` or empty value); default `false`.
   */
  required?: boolean;
  /**
   * Shows the field only with "Show advanced settings"; place advanced fields last.
   */
  advanced?: boolean;
  /**
   * Whether the user may map a value from earlier modules; default `true`.
   */
  mappable?: ParameterMappable;
  /**
   * Whether the user may change the value when editing a connection (connection parameters only).
   */
  editable?: ParameterEditable;
  /**
   * Shows the field read-only.
   */
  disabled?: boolean;
  /**
   * A semantic type, e.g. `file:name` or `file:data`.
   */
  semantic?: string;
  /**
   * A search button that opens an RPC-backed form and fills the field.
   */
  rpc?: RpcButton;
  /**
   * Parameters shown when this field has a value (a boolean: when true).
   */
  nested?: NestedParameters;
  /**
   * The default value.
   */
  default?: string;
  /**
   * Length, pattern and allowed values.
   */
  validate?: TextValidation;
  /**
   * How HTML tags are treated: `strip`, `stripall` or `escape` (or IML).
   */
  tags?: ('strip' | 'stripall' | 'escape') | ImlString;
  /**
   * Shows a text area (new lines allowed).
   */
  multiline?: boolean;
}
export interface MappableWithHelp {
  /**
   * Help shown while mapping is on.
   */
  help: string;
}
export interface EditableWithHelp {
  /**
   * Whether the value may be edited.
   */
  enabled: boolean;
  /**
   * Help shown while editing is on.
   */
  help?: string;
}
/**
 * A search button backed by an RPC.
 */
export interface RpcButton {
  /**
   * The RPC to call.
   */
  url: RpcReference;
  /**
   * The button text.
   */
  label: string;
  /**
   * The fields of the search form (passed to the RPC as `parameters`).
   */
  parameters?: ParameterList;
}
/**
 * Nested parameters given through `store`.
 */
export interface NestedStore {
  /**
   * The nested parameters, or the RPC that returns them.
   */
  store: ParameterList | RpcReference;
  /**
   * The domain the nested parameters are stored under.
   */
  domain?: string;
}
/**
 * Validation of a text value.
 */
export interface TextValidation {
  /**
   * The minimum length.
   */
  min?: number;
  /**
   * The maximum length.
   */
  max?: number;
  /**
   * A regular expression the value must match (anchor it with `^…$`).
   */
  pattern?: string;
  /**
   * The allowed values.
   */
  enum?: string[];
}
/**
 * A number: `number`, `integer`, `uinteger` (≥ 0) or `port` (1–65535).
 */
export interface NumericParameter {
  /**
   * The parameter name: the key of its value in `parameters` (any characters; backticks in IML).
   */
  name: ParameterName;
  /**
   * The parameter type: `number`, `integer`, `uinteger`, `port`.
   */
  type: 'number' | 'integer' | 'uinteger' | 'port';
  /**
   * The label shown in the form.
   */
  label?: string;
  /**
   * Help text shown under the field (Markdown).
   */
  help?: string;
  /**
   * Whether a value is required (fails on a missing, `null` or empty value); default `false`.
   */
  required?: boolean;
  /**
   * Shows the field only with "Show advanced settings"; place advanced fields last.
   */
  advanced?: boolean;
  /**
   * Whether the user may map a value from earlier modules; default `true`.
   */
  mappable?: ParameterMappable;
  /**
   * Whether the user may change the value when editing a connection (connection parameters only).
   */
  editable?: ParameterEditable;
  /**
   * Shows the field read-only.
   */
  disabled?: boolean;
  /**
   * A semantic type, e.g. `file:name` or `file:data`.
   */
  semantic?: string;
  /**
   * A search button that opens an RPC-backed form and fills the field.
   */
  rpc?: RpcButton;
  /**
   * Parameters shown when this field has a value (a boolean: when true).
   */
  nested?: NestedParameters;
  /**
   * The default value (or IML).
   */
  default?: number | ImlString;
  /**
   * The allowed range.
   */
  validate?: NumberValidation;
}
/**
 * Validation of a numeric value.
 */
export interface NumberValidation {
  /**
   * The minimum value.
   */
  min?: number;
  /**
   * The maximum value.
   */
  max?: number;
}
/**
 * A yes/no field; unset is a third state unless `required` (a checkbox). `nested` is shown when true.
 */
export interface BooleanParameter {
  /**
   * The parameter name: the key of its value in `parameters` (any characters; backticks in IML).
   */
  name: ParameterName;
  /**
   * The parameter type: `boolean`.
   */
  type: 'boolean';
  /**
   * The label shown in the form.
   */
  label?: string;
  /**
   * Help text shown under the field (Markdown).
   */
  help?: string;
  /**
   * Whether a value is required (fails on a missing, `null` or empty value); default `false`.
   */
  required?: boolean;
  /**
   * Shows the field only with "Show advanced settings"; place advanced fields last.
   */
  advanced?: boolean;
  /**
   * Whether the user may map a value from earlier modules; default `true`.
   */
  mappable?: ParameterMappable;
  /**
   * Whether the user may change the value when editing a connection (connection parameters only).
   */
  editable?: ParameterEditable;
  /**
   * Shows the field read-only.
   */
  disabled?: boolean;
  /**
   * A semantic type, e.g. `file:name` or `file:data`.
   */
  semantic?: string;
  /**
   * A search button that opens an RPC-backed form and fills the field.
   */
  rpc?: RpcButton;
  /**
   * Parameters shown when this field has a value (a boolean: when true).
   */
  nested?: NestedParameters;
  /**
   * The default value.
   */
  default?: boolean;
}
/**
 * A drop-down of options (static, grouped, or loaded by an RPC).
 */
export interface SelectParameter {
  /**
   * The parameter name: the key of its value in `parameters` (any characters; backticks in IML).
   */
  name: ParameterName;
  /**
   * The parameter type: `select`.
   */
  type: 'select';
  /**
   * The label shown in the form.
   */
  label?: string;
  /**
   * Help text shown under the field (Markdown).
   */
  help?: string;
  /**
   * Whether a value is required (fails on a missing, `null` or empty value); default `false`.
   */
  required?: boolean;
  /**
   * Shows the field only with "Show advanced settings"; place advanced fields last.
   */
  advanced?: boolean;
  /**
   * Whether the user may map a value from earlier modules; default `true`.
   */
  mappable?: ParameterMappable;
  /**
   * Whether the user may change the value when editing a connection (connection parameters only).
   */
  editable?: ParameterEditable;
  /**
   * Shows the field read-only.
   */
  disabled?: boolean;
  /**
   * A semantic type, e.g. `file:name` or `file:data`.
   */
  semantic?: string;
  /**
   * A search button that opens an RPC-backed form and fills the field.
   */
  rpc?: RpcButton;
  /**
   * Parameters shown when this field has a value (a boolean: when true).
   */
  nested?: NestedParameters;
  /**
   * The options.
   */
  options: SelectOptions;
  /**
   * Whether several options may be chosen (the value is then an array).
   */
  multiple?: boolean;
  /**
   * Whether `options` are groups of options.
   */
  grouped?: boolean;
  /**
   * Sorts options by label as text or as numbers; unsorted by default.
   */
  sort?: 'text' | 'number';
  /**
   * The initial mode of an editable select: `edit` or `choose` (or IML).
   */
  mode?: ('edit' | 'choose') | ImlString;
  /**
   * Whether the value may be one that is not among the options.
   */
  dynamic?: boolean;
  /**
   * `{minItems, maxItems}` for multiple selects, or `false` to skip the check that the value is an option.
   */
  validate?: ItemsValidation | false;
  /**
   * The default value; it must be one of the option values.
   */
  default?: JsonValue;
}
/**
 * One option of a select.
 */
export interface SelectOption {
  /**
   * The label shown.
   */
  label: string;
  /**
   * The value stored when chosen.
   */
  value: JsonValue;
  /**
   * A secondary text shown under the label.
   */
  description?: string;
  /**
   * Parameters shown when this option is chosen.
   */
  nested?: NestedParameters;
  /**
   * Whether this option is chosen by default.
   */
  default?: boolean;
}
/**
 * A labelled group of options (with `grouped: true`).
 */
export interface SelectOptionGroup {
  /**
   * The group label.
   */
  label: string;
  /**
   * The options of the group.
   */
  options: SelectOption[];
}
/**
 * Options given through `store` (needed for `nested`, `placeholder`, custom label/value keys).
 */
export interface SelectOptionsStore {
  /**
   * The options: a static list, a grouped list, or an RPC returning `{label, value}` items.
   */
  store: SelectOption[] | SelectOptionGroup[] | RpcReference;
  /**
   * The item property used as label (RPC stores).
   */
  label?: string;
  /**
   * The item property used as value (RPC stores).
   */
  value?: string;
  /**
   * The default value.
   */
  default?: string;
  /**
   * What is shown while no option is chosen: a label, or `{label, nested}`.
   */
  placeholder?: string | SelectPlaceholder;
  /**
   * Parameters shown once an option is chosen.
   */
  nested?: NestedParameters;
}
/**
 * What is shown while no option is chosen.
 */
export interface SelectPlaceholder {
  /**
   * The placeholder label.
   */
  label: string;
  /**
   * Parameters shown while no option is chosen.
   */
  nested?: NestedParameters;
}
/**
 * Validation of the number of chosen items (multiple selects).
 */
export interface ItemsValidation {
  /**
   * The minimum number of items.
   */
  minItems?: number;
  /**
   * The maximum number of items.
   */
  maxItems?: number;
}
/**
 * A list: of primitives (`spec` is a parameter), of collections (`spec` is a parameter list), or of strings (no `spec`).
 */
export interface ArrayParameter {
  /**
   * The parameter name: the key of its value in `parameters` (any characters; backticks in IML).
   */
  name: ParameterName;
  /**
   * The parameter type: `array`.
   */
  type: 'array';
  /**
   * The label shown in the form.
   */
  label?: string;
  /**
   * Help text shown under the field (Markdown).
   */
  help?: string;
  /**
   * Whether a value is required (fails on a missing, `null` or empty value); default `false`.
   */
  required?: boolean;
  /**
   * Shows the field only with "Show advanced settings"; place advanced fields last.
   */
  advanced?: boolean;
  /**
   * Whether the user may map a value from earlier modules; default `true`.
   */
  mappable?: ParameterMappable;
  /**
   * Whether the user may change the value when editing a connection (connection parameters only).
   */
  editable?: ParameterEditable;
  /**
   * Shows the field read-only.
   */
  disabled?: boolean;
  /**
   * A semantic type, e.g. `file:name` or `file:data`.
   */
  semantic?: string;
  /**
   * A search button that opens an RPC-backed form and fills the field.
   */
  rpc?: RpcButton;
  /**
   * The item: one parameter (primitive items) or a parameter list (collection items).
   */
  spec?: Parameter | ParameterList;
  /**
   * Item count and allowed values, or `false`.
   */
  validate?: ArrayValidation | false;
  /**
   * The initial mode: `edit` or `choose` (or IML).
   */
  mode?: ('edit' | 'choose') | ImlString;
  /**
   * Custom button labels.
   */
  labels?: {
    /**
     * The text of the "Add item" button.
     */
    add: string;
  };
  /**
   * The default items.
   */
  default?: unknown[];
}
/**
 * Validation of an array value.
 */
export interface ArrayValidation {
  /**
   * The minimum number of items.
   */
  minItems?: number;
  /**
   * The maximum number of items.
   */
  maxItems?: number;
  /**
   * The allowed item values.
   */
  enum?: JsonValue[];
}
/**
 * An object whose keys are the `spec` parameters.
 */
export interface CollectionParameter {
  /**
   * The parameter name: the key of its value in `parameters` (any characters; backticks in IML).
   */
  name: ParameterName;
  /**
   * The parameter type: `collection`.
   */
  type: 'collection';
  /**
   * The label shown in the form.
   */
  label?: string;
  /**
   * Help text shown under the field (Markdown).
   */
  help?: string;
  /**
   * Whether a value is required (fails on a missing, `null` or empty value); default `false`.
   */
  required?: boolean;
  /**
   * Shows the field only with "Show advanced settings"; place advanced fields last.
   */
  advanced?: boolean;
  /**
   * Whether the user may map a value from earlier modules; default `true`.
   */
  mappable?: ParameterMappable;
  /**
   * Whether the user may change the value when editing a connection (connection parameters only).
   */
  editable?: ParameterEditable;
  /**
   * Shows the field read-only.
   */
  disabled?: boolean;
  /**
   * A semantic type, e.g. `file:name` or `file:data`.
   */
  semantic?: string;
  /**
   * A search button that opens an RPC-backed form and fills the field.
   */
  rpc?: RpcButton;
  /**
   * Parameters shown when this field has a value (a boolean: when true).
   */
  nested?: NestedParameters;
  /**
   * The fields of the collection.
   */
  spec?: ParameterList;
  /**
   * Keeps the key order of `spec` in the value.
   */
  sequence?: boolean;
  /**
   * The default value.
   */
  default?: JsonObject;
}
/**
 * A date (Make passes ISO `YYYY-MM-DDThh:mm:ss.sssZ`; convert it in the communication with `formatDate()`).
 */
export interface DateParameter {
  /**
   * The parameter name: the key of its value in `parameters` (any characters; backticks in IML).
   */
  name: ParameterName;
  /**
   * The parameter type: `date`.
   */
  type: 'date';
  /**
   * The label shown in the form.
   */
  label?: string;
  /**
   * Help text shown under the field (Markdown).
   */
  help?: string;
  /**
   * Whether a value is required (fails on a missing, `null` or empty value); default `false`.
   */
  required?: boolean;
  /**
   * Shows the field only with "Show advanced settings"; place advanced fields last.
   */
  advanced?: boolean;
  /**
   * Whether the user may map a value from earlier modules; default `true`.
   */
  mappable?: ParameterMappable;
  /**
   * Whether the user may change the value when editing a connection (connection parameters only).
   */
  editable?: ParameterEditable;
  /**
   * Shows the field read-only.
   */
  disabled?: boolean;
  /**
   * A semantic type, e.g. `file:name` or `file:data`.
   */
  semantic?: string;
  /**
   * A search button that opens an RPC-backed form and fills the field.
   */
  rpc?: RpcButton;
  /**
   * Parameters shown when this field has a value (a boolean: when true).
   */
  nested?: NestedParameters;
  /**
   * Whether a time can be picked too; default `true`.
   */
  time?: boolean;
  /**
   * The default value (ISO date or IML).
   */
  default?: string;
}
/**
 * A value with a format: `email`, `url`, `uuid`, `color` (hex), `time` (hh:mm), `timezone` (IANA), `timestamp` (Unix seconds), `json` (JSON text).
 */
export interface FormattedTextParameter {
  /**
   * The parameter name: the key of its value in `parameters` (any characters; backticks in IML).
   */
  name: ParameterName;
  /**
   * The parameter type: `email`, `url`, `uuid`, `color`, `time`, `timezone`, `timestamp`, `json`.
   */
  type: 'email' | 'url' | 'uuid' | 'color' | 'time' | 'timezone' | 'timestamp' | 'json';
  /**
   * The label shown in the form.
   */
  label?: string;
  /**
   * Help text shown under the field (Markdown).
   */
  help?: string;
  /**
   * Whether a value is required (fails on a missing, `null` or empty value); default `false`.
   */
  required?: boolean;
  /**
   * Shows the field only with "Show advanced settings"; place advanced fields last.
   */
  advanced?: boolean;
  /**
   * Whether the user may map a value from earlier modules; default `true`.
   */
  mappable?: ParameterMappable;
  /**
   * Whether the user may change the value when editing a connection (connection parameters only).
   */
  editable?: ParameterEditable;
  /**
   * Shows the field read-only.
   */
  disabled?: boolean;
  /**
   * A semantic type, e.g. `file:name` or `file:data`.
   */
  semantic?: string;
  /**
   * A search button that opens an RPC-backed form and fills the field.
   */
  rpc?: RpcButton;
  /**
   * Parameters shown when this field has a value (a boolean: when true).
   */
  nested?: NestedParameters;
  /**
   * The default value.
   */
  default?: string | number;
}
/**
 * A secret, masked in the form: `password`, `cert` (PEM certificate) or `pkey` (PEM private key). No default.
 */
export interface SecretParameter {
  /**
   * The parameter name: the key of its value in `parameters` (any characters; backticks in IML).
   */
  name: ParameterName;
  /**
   * The parameter type: `password`, `cert`, `pkey`.
   */
  type: 'password' | 'cert' | 'pkey';
  /**
   * The label shown in the form.
   */
  label?: string;
  /**
   * Help text shown under the field (Markdown).
   */
  help?: string;
  /**
   * Whether a value is required (fails on a missing, `null` or empty value); default `false`.
   */
  required?: boolean;
  /**
   * Shows the field only with "Show advanced settings"; place advanced fields last.
   */
  advanced?: boolean;
  /**
   * Whether the user may map a value from earlier modules; default `true`.
   */
  mappable?: ParameterMappable;
  /**
   * Whether the user may change the value when editing a connection (connection parameters only).
   */
  editable?: ParameterEditable;
  /**
   * Shows the field read-only.
   */
  disabled?: boolean;
  /**
   * A semantic type, e.g. `file:name` or `file:data`.
   */
  semantic?: string;
  /**
   * A search button that opens an RPC-backed form and fills the field.
   */
  rpc?: RpcButton;
  /**
   * Length and pattern of the secret (e.g. the format of an API key).
   */
  validate?: TextValidation;
}
/**
 * File data and names: `buffer` (binary data), `filename`, and the pickers `file`, `folder` and `path`.
 */
export interface FileParameter {
  /**
   * The parameter name: the key of its value in `parameters` (any characters; backticks in IML).
   */
  name: ParameterName;
  /**
   * The parameter type: `buffer`, `filename`, `file`, `folder`, `path`.
   */
  type: 'buffer' | 'filename' | 'file' | 'folder' | 'path';
  /**
   * The label shown in the form.
   */
  label?: string;
  /**
   * Help text shown under the field (Markdown).
   */
  help?: string;
  /**
   * Whether a value is required (fails on a missing, `null` or empty value); default `false`.
   */
  required?: boolean;
  /**
   * Shows the field only with "Show advanced settings"; place advanced fields last.
   */
  advanced?: boolean;
  /**
   * Whether the user may map a value from earlier modules; default `true`.
   */
  mappable?: ParameterMappable;
  /**
   * Whether the user may change the value when editing a connection (connection parameters only).
   */
  editable?: ParameterEditable;
  /**
   * Shows the field read-only.
   */
  disabled?: boolean;
  /**
   * A semantic type, e.g. `file:name` or `file:data`.
   */
  semantic?: string;
  /**
   * A search button that opens an RPC-backed form and fills the field.
   */
  rpc?: RpcButton;
  /**
   * The code page of a buffer (e.g. `utf8`).
   */
  codepage?: string;
  /**
   * The allowed extension(s) of a file name.
   */
  extension?: string | string[];
  /**
   * Where a picker loads its entries from.
   */
  options?: FileOptions;
}
/**
 * Where a file/folder picker loads its entries from.
 */
export interface FileOptions {
  /**
   * The RPC listing the entries.
   */
  store: RpcReference;
  /**
   * Whether values are ids (the form reloads labels without calling the RPC).
   */
  ids?: boolean;
  /**
   * Whether the root `/` can be chosen; default `true`.
   */
  showRoot?: boolean;
  /**
   * Whether only one level of folders is shown.
   */
  singleLevel?: boolean;
}
/**
 * A filter builder (conditions over fields).
 */
export interface FilterParameter {
  /**
   * The parameter name: the key of its value in `parameters` (any characters; backticks in IML).
   */
  name: ParameterName;
  /**
   * The parameter type: `filter`.
   */
  type: 'filter';
  /**
   * The label shown in the form.
   */
  label?: string;
  /**
   * Help text shown under the field (Markdown).
   */
  help?: string;
  /**
   * Whether a value is required (fails on a missing, `null` or empty value); default `false`.
   */
  required?: boolean;
  /**
   * Shows the field only with "Show advanced settings"; place advanced fields last.
   */
  advanced?: boolean;
  /**
   * Whether the user may map a value from earlier modules; default `true`.
   */
  mappable?: ParameterMappable;
  /**
   * Whether the user may change the value when editing a connection (connection parameters only).
   */
  editable?: ParameterEditable;
  /**
   * Shows the field read-only.
   */
  disabled?: boolean;
  /**
   * A semantic type, e.g. `file:name` or `file:data`.
   */
  semantic?: string;
  /**
   * A search button that opens an RPC-backed form and fills the field.
   */
  rpc?: RpcButton;
  /**
   * The fields and operators.
   */
  options?: FilterOptions;
}
/**
 * The fields and operators of a filter.
 */
export interface FilterOptions {
  /**
   * The fields that can be filtered: static options or an RPC.
   */
  store: SelectOption[] | RpcReference;
  /**
   * Custom operators, grouped like a grouped select.
   */
  operators?: SelectOptionGroup[];
  /**
   * Which logic (and/or) the filter offers.
   */
  logic?: 'and' | 'or' | 'both';
}
/**
 * A value of any type: `any` (e.g. a raw body, or untyped output), `hidden` (never shown; its default is sent) and `udt` (a user-defined data structure).
 */
export interface AnyParameter {
  /**
   * The parameter name: the key of its value in `parameters` (any characters; backticks in IML).
   */
  name: ParameterName;
  /**
   * The parameter type: `any`, `hidden`, `udt`.
   */
  type: 'any' | 'hidden' | 'udt';
  /**
   * The label shown in the form.
   */
  label?: string;
  /**
   * Help text shown under the field (Markdown).
   */
  help?: string;
  /**
   * Whether a value is required (fails on a missing, `null` or empty value); default `false`.
   */
  required?: boolean;
  /**
   * Shows the field only with "Show advanced settings"; place advanced fields last.
   */
  advanced?: boolean;
  /**
   * Whether the user may map a value from earlier modules; default `true`.
   */
  mappable?: ParameterMappable;
  /**
   * Whether the user may change the value when editing a connection (connection parameters only).
   */
  editable?: ParameterEditable;
  /**
   * Shows the field read-only.
   */
  disabled?: boolean;
  /**
   * A semantic type, e.g. `file:name` or `file:data`.
   */
  semantic?: string;
  /**
   * A search button that opens an RPC-backed form and fills the field.
   */
  rpc?: RpcButton;
  /**
   * The default value.
   */
  default?: JsonValue;
}
/**
 * An information box in the form; it has no value.
 */
export interface BannerParameter {
  /**
   * The parameter name: the key of its value in `parameters` (any characters; backticks in IML).
   */
  name: ParameterName;
  /**
   * The parameter type: `banner`.
   */
  type: 'banner';
  /**
   * The banner title.
   */
  title?: string;
  /**
   * The banner text (Markdown).
   */
  text: string;
  /**
   * Whether the banner has a close button.
   */
  closable?: boolean;
  /**
   * The banner theme (e.g. `info`, `warning`, `danger`).
   */
  theme?: string;
  /**
   * The banner badge title.
   */
  badge?: string;
}
/**
 * The verification request of a basic connection: a URL is required; no pagination, iterate, limit, output or AWS signing; `data`, `metadata` and `uid` may be stored.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "connectionRequest".
 */
export interface ConnectionRequestSpec {
  /**
   * The request URL: absolute, or starting with `/` to be appended to the base `baseUrl`. Without `url` the request is request-less: only the response directives run.
   */
  url: RequestUrl;
  /**
   * The HTTP method; default `GET`.
   */
  method?: HttpMethod;
  /**
   * Request headers; names are case-insensitive.
   */
  headers?: RequestHeaders;
  /**
   * The query string; it replaces the URL's own query string (`{}` clears it). Arrays become repeated keys.
   */
  qs?: QueryString;
  /**
   * The request body, encoded according to `type`; ignored for GET.
   */
  body?: RequestBody;
  /**
   * How the body is encoded; default `json`.
   */
  type?: RequestBodyType;
  /**
   * Temporary variables evaluated first (before `condition`, `url`, `qs` and `body`) and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * Whether to execute this request; when falsy the request is skipped (and `default`, if given, becomes the output).
   */
  condition?: RequestCondition;
  /**
   * Whether to encode the URL; default `true`. Set `false` when path segments are already encoded with `encodeURL()`.
   */
  encodeUrl?: boolean;
  /**
   * Whether to follow 3xx redirects of GET requests; default `true`.
   */
  followRedirects?: boolean;
  /**
   * Whether to follow 3xx redirects of non-GET requests; default `true`.
   */
  followAllRedirects?: boolean;
  /**
   * Logging options: the request/response paths to mask in logs.
   */
  log?: LogOptions;
  /**
   * Repeats the request while `condition` is truthy, at most `limit` times.
   */
  repeat?: RepeatSpec;
  /**
   * The PEM certificate of a custom (e.g. self-signed) certificate authority.
   */
  ca?: string;
  /**
   * Whether the requests of this communication share cookies; default `false`.
   */
  shareCookies?: boolean;
  /**
   * How to process the response.
   */
  response?: ConnectionResponseSpec;
}
/**
 * Repetition of a request (e.g. polling an asynchronous job).
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "repeat".
 */
export interface RepeatSpec {
  /**
   * Repeat while truthy; sees `temp` only.
   */
  condition: ImlString;
  /**
   * The delay between repetitions, in milliseconds.
   */
  delay?: number;
  /**
   * The maximum number of repetitions.
   */
  limit: number;
}
/**
 * Response directives of a basic connection's verification request: no iterate, limit or output; `data`, `metadata` and `uid` allowed.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "connectionResponse".
 */
export interface ConnectionResponseSpec {
  /**
   * How to parse the response body: one parse type, or an object keyed by status (`*`, `NNN`, `NNN-NNN`; the narrowest match wins). Default `automatic`.
   */
  type?: ResponseType;
  /**
   * Whether the response is valid. Default: valid when the status is 200–399. A falsy value raises the error described by `valid.message` or `error`.
   */
  valid?: ResponseValid;
  /**
   * The error raised for an invalid response or a 4xx/5xx status: a message, or `{message, type}` with optional per-status entries.
   */
  error?: ResponseError;
  /**
   * Temporary variables evaluated right after the HTTP call, before the other response directives, and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * Data stored on the connection, read later as `connection.<key>` (and `data.<key>` in connection code).
   */
  data?: ConnectionData;
  /**
   * A label stored with the connection so that users can tell connections apart.
   */
  metadata?: ConnectionMetadata;
  /**
   * The remote user id of the connection (needed by shared webhooks).
   */
  uid?: ConnectionUid;
}
/**
 * A value shown next to the connection name, as text or as an e-mail address.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "metadata".
 */
export interface ConnectionMetadata {
  /**
   * How the value is shown: `text` or `email` (or IML).
   */
  type: ('text' | 'email') | ImlString;
  /**
   * The value shown (IML), e.g. `{{body.email}}`.
   */
  value: string;
}
/**
 * An OAuth 2 connection (authorization code, client credentials…).
 */
export interface OAuthConnection {
  /**
   * The connection id (Make's local rule: a letter, then letters, digits or dashes, 3–35 characters).
   */
  name: ConnectionName;
  /**
   * The connection label shown to users.
   */
  label: string;
  /**
   * The connection type: `oauth`.
   */
  type: 'oauth';
  /**
   * The fields the user fills in when creating the connection (→ `<id>.params.iml.json`).
   */
  parameters: ParameterList;
  /**
   * The OAuth steps (→ `<id>.oauth-communication.iml.json`).
   */
  communication: OAuthCommunication;
  /**
   * Connection common data (non-user secrets such as a client id), exposed as `common` in connection code; `null` for none.
   */
  common?: JsonObject | null;
  /**
   * The scopes a user may grant, scope id → label (→ `<id>.scope-list.iml.json`).
   */
  scopeList?: JsonObject;
  /**
   * The scopes every authorisation asks for (→ `<id>.default-scope.iml.json`).
   */
  defaultScope?: ModuleScope;
  /**
   * Make's install specification of the connection (→ `<id>.install-spec.iml.json`), kept as written.
   */
  installSpec?: JsonValue;
  /**
   * Make's install directives of the connection (→ `<id>.install-directives.iml.json`), kept as written.
   */
  installDirectives?: JsonValue;
}
/**
 * The steps of an OAuth 2 connection. Initial flow: preauthorize → authorize → token → info; `refresh` and `invalidate` run later. Without `authorize` (client credentials), `token.condition` must be `true`. OAuth steps do not inherit the base.
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "oauth-communication.schema.json".
 */
export interface OAuthCommunication {
  /**
   * A request run before the user is redirected (e.g. to obtain a request token).
   */
  preauthorize?: OAuthRequestSpec;
  /**
   * Where the user is redirected to grant access; `query` holds the callback query in its response.
   */
  authorize?: OAuthRequestSpec;
  /**
   * Exchanges the grant for tokens; stores them with `response.data` (and `data.expires` for `refresh`).
   */
  token?: OAuthRequestSpec;
  /**
   * Reads account information to validate the token (`metadata`, `uid`).
   */
  info?: OAuthRequestSpec;
  /**
   * Renews the access token when its `condition` holds (e.g. `{{data.expires < addMinutes(now, 15)}}`); reads parameters as `connection.*`.
   */
  refresh?: OAuthRequestSpec;
  /**
   * Revokes the token when the connection is deleted.
   */
  invalidate?: OAuthRequestSpec;
}
/**
 * One step of an OAuth 2 connection (preauthorize, authorize, token, info, refresh, invalidate): a URL is required; no pagination, iterate, limit, output or AWS signing; `data`, `expires`, `metadata` and `uid` may be stored.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "oauthRequest".
 */
export interface OAuthRequestSpec {
  /**
   * The request URL: absolute, or starting with `/` to be appended to the base `baseUrl`. Without `url` the request is request-less: only the response directives run.
   */
  url: RequestUrl;
  /**
   * The HTTP method; default `GET`.
   */
  method?: HttpMethod;
  /**
   * Request headers; names are case-insensitive.
   */
  headers?: RequestHeaders;
  /**
   * The query string; it replaces the URL's own query string (`{}` clears it). Arrays become repeated keys.
   */
  qs?: QueryString;
  /**
   * The request body, encoded according to `type`; ignored for GET.
   */
  body?: RequestBody;
  /**
   * How the body is encoded; default `json`.
   */
  type?: RequestBodyType;
  /**
   * Temporary variables evaluated first (before `condition`, `url`, `qs` and `body`) and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * Whether to execute this request; when falsy the request is skipped (and `default`, if given, becomes the output).
   */
  condition?: RequestCondition;
  /**
   * Whether to encode the URL; default `true`. Set `false` when path segments are already encoded with `encodeURL()`.
   */
  encodeUrl?: boolean;
  /**
   * Whether to follow 3xx redirects of GET requests; default `true`.
   */
  followRedirects?: boolean;
  /**
   * Whether to follow 3xx redirects of non-GET requests; default `true`.
   */
  followAllRedirects?: boolean;
  /**
   * Logging options: the request/response paths to mask in logs.
   */
  log?: LogOptions;
  /**
   * Repeats the request while `condition` is truthy, at most `limit` times.
   */
  repeat?: RepeatSpec;
  /**
   * The PEM certificate of a custom (e.g. self-signed) certificate authority.
   */
  ca?: string;
  /**
   * Whether the requests of this communication share cookies; default `false`.
   */
  shareCookies?: boolean;
  /**
   * How to process the response.
   */
  response?: OAuthResponseSpec;
}
/**
 * Response directives of an OAuth connection step: connection directives plus `expires`.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "oauthResponse".
 */
export interface OAuthResponseSpec {
  /**
   * How to parse the response body: one parse type, or an object keyed by status (`*`, `NNN`, `NNN-NNN`; the narrowest match wins). Default `automatic`.
   */
  type?: ResponseType;
  /**
   * Whether the response is valid. Default: valid when the status is 200–399. A falsy value raises the error described by `valid.message` or `error`.
   */
  valid?: ResponseValid;
  /**
   * The error raised for an invalid response or a 4xx/5xx status: a message, or `{message, type}` with optional per-status entries.
   */
  error?: ResponseError;
  /**
   * Temporary variables evaluated right after the HTTP call, before the other response directives, and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * Data stored on the connection, read later as `connection.<key>` (and `data.<key>` in connection code).
   */
  data?: ConnectionData;
  /**
   * A label stored with the connection so that users can tell connections apart.
   */
  metadata?: ConnectionMetadata;
  /**
   * The remote user id of the connection (needed by shared webhooks).
   */
  uid?: ConnectionUid;
  /**
   * When the current time passes this date, the whole connection expires and must be re-authorised (OAuth refresh-token expiry).
   */
  expires?: ConnectionExpiry;
}
/**
 * An action: one request (or a chain) producing exactly one bundle.
 */
export interface ActionModule {
  /**
   * The module id (Make's rule: a letter, then 2–63 letters or digits; camelCase, no dashes).
   */
  name: ModuleName;
  /**
   * The module label shown in the scenario editor.
   */
  label: string;
  /**
   * What the module does, shown under its label.
   */
  description: string;
  /**
   * The module type: `action`.
   */
  type: 'action';
  /**
   * What the action does to its record (actions only).
   */
  crud?: 'create' | 'read' | 'update' | 'delete';
  /**
   * The id of the connection the module uses, or `null`.
   */
  connection: ConnectionReference;
  /**
   * The id of an alternative connection, or `null`.
   */
  altConnection?: ConnectionReference;
  /**
   * Parameters that cannot be mapped (→ `<id>.static-params.iml.json`).
   */
  staticParameters: ParameterList;
  /**
   * Parameters that can be mapped (→ `<id>.mappable-params.iml.json`).
   */
  mappableParameters: ParameterList;
  /**
   * The fields of the output bundles (→ `<id>.interface.iml.json`).
   */
  interface: ParameterList;
  /**
   * A sample output bundle (→ `<id>.samples.iml.json`).
   */
  samples: JsonObject;
  /**
   * The OAuth scopes the module needs (→ `<id>.scope.iml.json`).
   */
  scope: ModuleScope;
  /**
   * The parameters of the local example run (`npm start`, the docs, the build's interface check); never written to Make's layout.
   */
  example?: ExampleParameters;
  /**
   * The request(s) (→ `<id>.communication.iml.json`).
   */
  communication: ActionCommunication;
}
/**
 * The parameters of a module's or RPC's example run (`npm start`, the generated docs, the build's interface check): parameter name → value. Source only: never written to Make's layout. A value is plain JSON, or a sample reference (`{ "$sample": … }`) that the harness replaces with data the simulator holds, so an example keeps working whatever data set it runs on.
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "example.schema.json".
 */
export interface ExampleParameters {
  [k: string]: ExampleValue;
}
/**
 * The code of the first subscription with one of these statuses (and, when given, in or outside its trial, on a weekly plan or not).
 *
 * This interface was referenced by `ExampleParameters`'s JSON-Schema
 * via the `definition` "subscriberCodeSample".
 */
export interface SubscriberCodeSample {
  /**
   * The kind: `subscriberCode`.
   */
  $sample: 'subscriberCode';
  /**
   * Any of these subscription statuses.
   *
   * @minItems 1
   */
  status: SubscriptionStatus[];
  /**
   * `true`: only a subscription in its trial; `false`: only one outside it.
   */
  trial?: boolean;
  /**
   * `true`: only a weekly plan (7-day period); `false`: any other plan.
   */
  weekly?: boolean;
}
/**
 * The ID of the product of the first subscription.
 *
 * This interface was referenced by `ExampleParameters`'s JSON-Schema
 * via the `definition` "productIdSample".
 */
export interface ProductIdSample {
  /**
   * The kind: `productId`.
   */
  $sample: 'productId';
}
/**
 * A field of the first coupon the simulator holds.
 *
 * This interface was referenced by `ExampleParameters`'s JSON-Schema
 * via the `definition` "couponSample".
 */
export interface CouponSample {
  /**
   * The kind: `coupon`.
   */
  $sample: 'coupon';
  /**
   * The coupon's `id` or the `product_id` it belongs to.
   */
  field: 'id' | 'product_id';
}
/**
 * A request of an action or an instant-trigger module: one bundle, so no pagination, iterate or limit.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "actionRequest".
 */
export interface ActionRequestSpec {
  /**
   * The request URL: absolute, or starting with `/` to be appended to the base `baseUrl`. Without `url` the request is request-less: only the response directives run.
   */
  url?: RequestUrl;
  /**
   * The HTTP method; default `GET`.
   */
  method?: HttpMethod;
  /**
   * Request headers; names are case-insensitive.
   */
  headers?: RequestHeaders;
  /**
   * The query string; it replaces the URL's own query string (`{}` clears it). Arrays become repeated keys.
   */
  qs?: QueryString;
  /**
   * The request body, encoded according to `type`; ignored for GET.
   */
  body?: RequestBody;
  /**
   * How the body is encoded; default `json`.
   */
  type?: RequestBodyType;
  /**
   * Temporary variables evaluated first (before `condition`, `url`, `qs` and `body`) and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * Whether to execute this request; when falsy the request is skipped (and `default`, if given, becomes the output).
   */
  condition?: RequestCondition;
  /**
   * Whether to encode the URL; default `true`. Set `false` when path segments are already encoded with `encodeURL()`.
   */
  encodeUrl?: boolean;
  /**
   * Whether to follow 3xx redirects of GET requests; default `true`.
   */
  followRedirects?: boolean;
  /**
   * Whether to follow 3xx redirects of non-GET requests; default `true`.
   */
  followAllRedirects?: boolean;
  /**
   * Logging options: the request/response paths to mask in logs.
   */
  log?: LogOptions;
  /**
   * Repeats the request while `condition` is truthy, at most `limit` times.
   */
  repeat?: RepeatSpec;
  /**
   * Signs the request for AWS.
   */
  aws?: AwsSigning;
  /**
   * The PEM certificate of a custom (e.g. self-signed) certificate authority.
   */
  ca?: string;
  /**
   * Whether the requests of this communication share cookies; default `false`.
   */
  shareCookies?: boolean;
  /**
   * How to process the response.
   */
  response?: ActionResponseSpec;
}
/**
 * Response directives of an action, a universal or an instant-trigger module: one bundle, so no iterate and no limit.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "actionResponse".
 */
export interface ActionResponseSpec {
  /**
   * How to parse the response body: one parse type, or an object keyed by status (`*`, `NNN`, `NNN-NNN`; the narrowest match wins). Default `automatic`.
   */
  type?: ResponseType;
  /**
   * Whether the response is valid. Default: valid when the status is 200–399. A falsy value raises the error described by `valid.message` or `error`.
   */
  valid?: ResponseValid;
  /**
   * The error raised for an invalid response or a 4xx/5xx status: a message, or `{message, type}` with optional per-status entries.
   */
  error?: ResponseError;
  /**
   * Temporary variables evaluated right after the HTTP call, before the other response directives, and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * The output bundle (per item when iterating). Default: `{{body}}`, or `{{item}}` with `iterate`. Define it in the last request only.
   */
  output?: ResponseOutput;
  /**
   * Post-processes the collected output once, at the very end (variable `output`); its value becomes the module output.
   */
  wrapper?: ResponseWrapper;
}
/**
 * A search: returns many bundles (iterate, limit and pagination allowed).
 */
export interface SearchModule {
  /**
   * The module id (Make's rule: a letter, then 2–63 letters or digits; camelCase, no dashes).
   */
  name: ModuleName;
  /**
   * The module label shown in the scenario editor.
   */
  label: string;
  /**
   * What the module does, shown under its label.
   */
  description: string;
  /**
   * The module type: `search`.
   */
  type: 'search';
  /**
   * The id of the connection the module uses, or `null`.
   */
  connection: ConnectionReference;
  /**
   * The id of an alternative connection, or `null`.
   */
  altConnection?: ConnectionReference;
  /**
   * Parameters that cannot be mapped (→ `<id>.static-params.iml.json`).
   */
  staticParameters: ParameterList;
  /**
   * Parameters that can be mapped (→ `<id>.mappable-params.iml.json`).
   */
  mappableParameters: ParameterList;
  /**
   * The fields of the output bundles (→ `<id>.interface.iml.json`).
   */
  interface: ParameterList;
  /**
   * A sample output bundle (→ `<id>.samples.iml.json`).
   */
  samples: JsonObject;
  /**
   * The OAuth scopes the module needs (→ `<id>.scope.iml.json`).
   */
  scope: ModuleScope;
  /**
   * The parameters of the local example run (`npm start`, the docs, the build's interface check); never written to Make's layout.
   */
  example?: ExampleParameters;
  /**
   * The request(s) (→ `<id>.communication.iml.json`).
   */
  communication: SearchCommunication;
}
/**
 * A request of a search module, an RPC or a step of a polling trigger: every request directive, pagination included.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "searchRequest".
 */
export interface SearchRequestSpec {
  /**
   * The request URL: absolute, or starting with `/` to be appended to the base `baseUrl`. Without `url` the request is request-less: only the response directives run.
   */
  url?: RequestUrl;
  /**
   * The HTTP method; default `GET`.
   */
  method?: HttpMethod;
  /**
   * Request headers; names are case-insensitive.
   */
  headers?: RequestHeaders;
  /**
   * The query string; it replaces the URL's own query string (`{}` clears it). Arrays become repeated keys.
   */
  qs?: QueryString;
  /**
   * The request body, encoded according to `type`; ignored for GET.
   */
  body?: RequestBody;
  /**
   * How the body is encoded; default `json`.
   */
  type?: RequestBodyType;
  /**
   * Temporary variables evaluated first (before `condition`, `url`, `qs` and `body`) and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * Whether to execute this request; when falsy the request is skipped (and `default`, if given, becomes the output).
   */
  condition?: RequestCondition;
  /**
   * Whether to encode the URL; default `true`. Set `false` when path segments are already encoded with `encodeURL()`.
   */
  encodeUrl?: boolean;
  /**
   * Whether to follow 3xx redirects of GET requests; default `true`.
   */
  followRedirects?: boolean;
  /**
   * Whether to follow 3xx redirects of non-GET requests; default `true`.
   */
  followAllRedirects?: boolean;
  /**
   * Logging options: the request/response paths to mask in logs.
   */
  log?: LogOptions;
  /**
   * Repeats the request while `condition` is truthy, at most `limit` times.
   */
  repeat?: RepeatSpec;
  /**
   * Signs the request for AWS.
   */
  aws?: AwsSigning;
  /**
   * The PEM certificate of a custom (e.g. self-signed) certificate authority.
   */
  ca?: string;
  /**
   * Whether the requests of this communication share cookies; default `false`.
   */
  shareCookies?: boolean;
  /**
   * How to request the next pages of the result.
   */
  pagination?: Pagination;
  /**
   * How to process the response.
   */
  response?: SearchResponseSpec;
}
/**
 * How to request the next page: directives merged into (or, with `mergeWithParent: false`, replacing) the original request. `pagination.page` is 2 for the first pagination request. Paging stops on an empty page, when `response.limit` is reached, or when `condition` is falsy. Closed: no other key is accepted.
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "pagination.schema.json".
 */
export interface Pagination {
  /**
   * Whether to merge these directives with the original request (`headers`/`qs` merged, `url`/`method`/`body` overridden); default `true`. With `false` only these directives are used.
   */
  mergeWithParent?: boolean;
  /**
   * The URL of the next page (overrides the original).
   */
  url?: RequestUrl;
  /**
   * The method of the next page (overrides the original).
   */
  method?: HttpMethod;
  /**
   * Headers of the next page (merged with the original when `mergeWithParent`).
   */
  headers?: RequestHeaders;
  /**
   * Query string of the next page (merged with the original when `mergeWithParent`).
   */
  qs?: QueryString;
  /**
   * The body of the next page (overrides the original).
   */
  body?: RequestBody;
  /**
   * Whether to request the next page; sees the previous page as `body`, `headers`, plus `temp`.
   */
  condition?: ImlOrBoolean;
}
/**
 * Response directives of a search module, an RPC or a polling-trigger step: iterate, limit and output allowed.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "searchResponse".
 */
export interface SearchResponseSpec {
  /**
   * How to parse the response body: one parse type, or an object keyed by status (`*`, `NNN`, `NNN-NNN`; the narrowest match wins). Default `automatic`.
   */
  type?: ResponseType;
  /**
   * Whether the response is valid. Default: valid when the status is 200–399. A falsy value raises the error described by `valid.message` or `error`.
   */
  valid?: ResponseValid;
  /**
   * The error raised for an invalid response or a 4xx/5xx status: a message, or `{message, type}` with optional per-status entries.
   */
  error?: ResponseError;
  /**
   * The array whose items become the output bundles (each one is `item` in `output`).
   */
  iterate?: ResponseIterate;
  /**
   * Temporary variables evaluated right after the HTTP call, before the other response directives, and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * The output bundle (per item when iterating). Default: `{{body}}`, or `{{item}}` with `iterate`. Define it in the last request only.
   */
  output?: ResponseOutput;
  /**
   * The maximum number of output items; also stops pagination. Only the last request's limit counts.
   */
  limit?: ResponseLimit;
  /**
   * Post-processes the collected output once, at the very end (variable `output`); its value becomes the module output.
   */
  wrapper?: ResponseWrapper;
}
/**
 * The array to iterate plus a filter evaluated per item (variable `item`).
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "iterateWithCondition".
 */
export interface IterateWithCondition {
  /**
   * The array to iterate (IML).
   */
  container: ImlString;
  /**
   * Keeps the items for which it is truthy (variable `item`).
   */
  condition?: ImlOrBoolean;
}
/**
 * A universal module ("Make an API call"): calls the connected API at a relative URL and returns one bundle.
 */
export interface UniversalModule {
  /**
   * The module id (Make's rule: a letter, then 2–63 letters or digits; camelCase, no dashes).
   */
  name: ModuleName;
  /**
   * The module label shown in the scenario editor.
   */
  label: string;
  /**
   * What the module does, shown under its label.
   */
  description: string;
  /**
   * The module type: `universal`.
   */
  type: 'universal';
  /**
   * The id of the connection the module uses, or `null`.
   */
  connection: ConnectionReference;
  /**
   * The id of an alternative connection, or `null`.
   */
  altConnection?: ConnectionReference;
  /**
   * Parameters that cannot be mapped (→ `<id>.static-params.iml.json`).
   */
  staticParameters: ParameterList;
  /**
   * Parameters that can be mapped (→ `<id>.mappable-params.iml.json`).
   */
  mappableParameters: ParameterList;
  /**
   * The fields of the output bundles (→ `<id>.interface.iml.json`).
   */
  interface: ParameterList;
  /**
   * A sample output bundle (→ `<id>.samples.iml.json`).
   */
  samples: JsonObject;
  /**
   * The OAuth scopes the module needs (→ `<id>.scope.iml.json`).
   */
  scope: ModuleScope;
  /**
   * The parameters of the local example run (`npm start`, the docs, the build's interface check); never written to Make's layout.
   */
  example?: ExampleParameters;
  /**
   * The request(s) (→ `<id>.communication.iml.json`).
   */
  communication: UniversalCommunication;
}
/**
 * The request of a universal ("Make an API call") module: a relative URL, one bundle, no pagination.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "universalRequest".
 */
export interface UniversalRequestSpec {
  /**
   * The request URL, relative to the base `baseUrl` (it must start with `/`): a universal module only calls the connected API.
   */
  url: string;
  /**
   * The HTTP method; default `GET`.
   */
  method?: HttpMethod;
  /**
   * Request headers; names are case-insensitive.
   */
  headers?: RequestHeaders;
  /**
   * The query string; it replaces the URL's own query string (`{}` clears it). Arrays become repeated keys.
   */
  qs?: QueryString;
  /**
   * The request body, encoded according to `type`; ignored for GET.
   */
  body?: RequestBody;
  /**
   * How the body is encoded; default `json`.
   */
  type?: RequestBodyType;
  /**
   * Temporary variables evaluated first (before `condition`, `url`, `qs` and `body`) and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * Whether to execute this request; when falsy the request is skipped (and `default`, if given, becomes the output).
   */
  condition?: RequestCondition;
  /**
   * Whether to encode the URL; default `true`. Set `false` when path segments are already encoded with `encodeURL()`.
   */
  encodeUrl?: boolean;
  /**
   * Whether to follow 3xx redirects of GET requests; default `true`.
   */
  followRedirects?: boolean;
  /**
   * Whether to follow 3xx redirects of non-GET requests; default `true`.
   */
  followAllRedirects?: boolean;
  /**
   * Logging options: the request/response paths to mask in logs.
   */
  log?: LogOptions;
  /**
   * Repeats the request while `condition` is truthy, at most `limit` times.
   */
  repeat?: RepeatSpec;
  /**
   * Signs the request for AWS.
   */
  aws?: AwsSigning;
  /**
   * The PEM certificate of a custom (e.g. self-signed) certificate authority.
   */
  ca?: string;
  /**
   * Whether the requests of this communication share cookies; default `false`.
   */
  shareCookies?: boolean;
  /**
   * How to process the response.
   */
  response?: ActionResponseSpec;
}
/**
 * A polling trigger: returns the items that are new since the last run; static parameters only.
 */
export interface TriggerModule {
  /**
   * The module id (Make's rule: a letter, then 2–63 letters or digits; camelCase, no dashes).
   */
  name: ModuleName;
  /**
   * The module label shown in the scenario editor.
   */
  label: string;
  /**
   * What the module does, shown under its label.
   */
  description: string;
  /**
   * The module type: `trigger`.
   */
  type: 'trigger';
  /**
   * The "Choose where to start" request (→ `<id>.epoch.iml.json`).
   */
  epoch?: EpochRequestSpec;
  /**
   * The id of the connection the module uses, or `null`.
   */
  connection: ConnectionReference;
  /**
   * The id of an alternative connection, or `null`.
   */
  altConnection?: ConnectionReference;
  /**
   * Parameters that cannot be mapped (→ `<id>.static-params.iml.json`).
   */
  staticParameters: ParameterList;
  /**
   * Always empty: a polling trigger has static parameters only.
   *
   * @maxItems 0
   */
  mappableParameters: Parameter[];
  /**
   * The fields of the output bundles (→ `<id>.interface.iml.json`).
   */
  interface: ParameterList;
  /**
   * A sample output bundle (→ `<id>.samples.iml.json`).
   */
  samples: JsonObject;
  /**
   * The OAuth scopes the module needs (→ `<id>.scope.iml.json`).
   */
  scope: ModuleScope;
  /**
   * The parameters of the local example run (`npm start`, the docs, the build's interface check); never written to Make's layout.
   */
  example?: ExampleParameters;
  /**
   * The request(s); one of them declares `response.trigger` (→ `<id>.communication.iml.json`).
   */
  communication: TriggerCommunication;
}
/**
 * The epoch request of a polling trigger ("Choose where to start"): overrides merged into the trigger's request; each output item is `{label, date}`.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "epochRequest".
 */
export interface EpochRequestSpec {
  /**
   * The request URL: absolute, or starting with `/` to be appended to the base `baseUrl`. Without `url` the request is request-less: only the response directives run.
   */
  url?: RequestUrl;
  /**
   * The HTTP method; default `GET`.
   */
  method?: HttpMethod;
  /**
   * Request headers; names are case-insensitive.
   */
  headers?: RequestHeaders;
  /**
   * The query string; it replaces the URL's own query string (`{}` clears it). Arrays become repeated keys.
   */
  qs?: QueryString;
  /**
   * The request body, encoded according to `type`; ignored for GET.
   */
  body?: RequestBody;
  /**
   * How the body is encoded; default `json`.
   */
  type?: RequestBodyType;
  /**
   * Temporary variables evaluated first (before `condition`, `url`, `qs` and `body`) and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * Whether to execute this request; when falsy the request is skipped (and `default`, if given, becomes the output).
   */
  condition?: RequestCondition;
  /**
   * Whether to encode the URL; default `true`. Set `false` when path segments are already encoded with `encodeURL()`.
   */
  encodeUrl?: boolean;
  /**
   * Whether to follow 3xx redirects of GET requests; default `true`.
   */
  followRedirects?: boolean;
  /**
   * Whether to follow 3xx redirects of non-GET requests; default `true`.
   */
  followAllRedirects?: boolean;
  /**
   * Logging options: the request/response paths to mask in logs.
   */
  log?: LogOptions;
  /**
   * Repeats the request while `condition` is truthy, at most `limit` times.
   */
  repeat?: RepeatSpec;
  /**
   * Signs the request for AWS.
   */
  aws?: AwsSigning;
  /**
   * The PEM certificate of a custom (e.g. self-signed) certificate authority.
   */
  ca?: string;
  /**
   * How to request the next pages of the result.
   */
  pagination?: Pagination;
  /**
   * How to turn the response into the list of choices.
   */
  response: EpochResponseSpec;
}
/**
 * Response directives of a polling trigger's epoch request: the output of each item is `{label, date}`.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "epochResponse".
 */
export interface EpochResponseSpec {
  /**
   * How to parse the response body: one parse type, or an object keyed by status (`*`, `NNN`, `NNN-NNN`; the narrowest match wins). Default `automatic`.
   */
  type?: ResponseType;
  /**
   * Whether the response is valid. Default: valid when the status is 200–399. A falsy value raises the error described by `valid.message` or `error`.
   */
  valid?: ResponseValid;
  /**
   * The error raised for an invalid response or a 4xx/5xx status: a message, or `{message, type}` with optional per-status entries.
   */
  error?: ResponseError;
  /**
   * The array whose items become the output bundles (each one is `item` in `output`).
   */
  iterate?: ResponseIterate;
  /**
   * Temporary variables evaluated right after the HTTP call, before the other response directives, and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * The maximum number of output items; also stops pagination. Only the last request's limit counts.
   */
  limit?: ResponseLimit;
  /**
   * One choice per item: its label and the date (or id) to start from.
   */
  output: EpochOutput;
}
/**
 * One choice of the "Choose where to start" dialog: a label and the date (or id) to start from.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "epochOutput".
 */
export interface EpochOutput {
  /**
   * The label of the choice (IML), e.g. `{{item.name}}`.
   */
  label: string;
  /**
   * The date (or id) to start from (IML), e.g. `{{item.created_at}}`.
   */
  date: string;
}
/**
 * The request of a polling trigger that identifies items: URL and `response.trigger` required; pagination allowed.
 *
 * This interface was referenced by `RequestSpec`'s JSON-Schema
 * via the `definition` "triggerRequest".
 */
export interface TriggerRequestSpec {
  /**
   * The request URL: absolute, or starting with `/` to be appended to the base `baseUrl`. Without `url` the request is request-less: only the response directives run.
   */
  url: RequestUrl;
  /**
   * The HTTP method; default `GET`.
   */
  method?: HttpMethod;
  /**
   * Request headers; names are case-insensitive.
   */
  headers?: RequestHeaders;
  /**
   * The query string; it replaces the URL's own query string (`{}` clears it). Arrays become repeated keys.
   */
  qs?: QueryString;
  /**
   * The request body, encoded according to `type`; ignored for GET.
   */
  body?: RequestBody;
  /**
   * How the body is encoded; default `json`.
   */
  type?: RequestBodyType;
  /**
   * Temporary variables evaluated first (before `condition`, `url`, `qs` and `body`) and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * Whether to execute this request; when falsy the request is skipped (and `default`, if given, becomes the output).
   */
  condition?: RequestCondition;
  /**
   * Whether to encode the URL; default `true`. Set `false` when path segments are already encoded with `encodeURL()`.
   */
  encodeUrl?: boolean;
  /**
   * Whether to follow 3xx redirects of GET requests; default `true`.
   */
  followRedirects?: boolean;
  /**
   * Whether to follow 3xx redirects of non-GET requests; default `true`.
   */
  followAllRedirects?: boolean;
  /**
   * Logging options: the request/response paths to mask in logs.
   */
  log?: LogOptions;
  /**
   * Repeats the request while `condition` is truthy, at most `limit` times.
   */
  repeat?: RepeatSpec;
  /**
   * Signs the request for AWS.
   */
  aws?: AwsSigning;
  /**
   * The PEM certificate of a custom (e.g. self-signed) certificate authority.
   */
  ca?: string;
  /**
   * Whether the requests of this communication share cookies; default `false`.
   */
  shareCookies?: boolean;
  /**
   * How to request the next pages of the result.
   */
  pagination?: Pagination;
  /**
   * How to process the response, `trigger` included.
   */
  response: TriggerResponseSpec;
}
/**
 * Response directives of a polling trigger: search directives plus the required `trigger`.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "triggerResponse".
 */
export interface TriggerResponseSpec {
  /**
   * How to parse the response body: one parse type, or an object keyed by status (`*`, `NNN`, `NNN-NNN`; the narrowest match wins). Default `automatic`.
   */
  type?: ResponseType;
  /**
   * Whether the response is valid. Default: valid when the status is 200–399. A falsy value raises the error described by `valid.message` or `error`.
   */
  valid?: ResponseValid;
  /**
   * The error raised for an invalid response or a 4xx/5xx status: a message, or `{message, type}` with optional per-status entries.
   */
  error?: ResponseError;
  /**
   * The array whose items become the output bundles (each one is `item` in `output`).
   */
  iterate?: ResponseIterate;
  /**
   * Temporary variables evaluated right after the HTTP call, before the other response directives, and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * The output bundle (per item when iterating). Default: `{{body}}`, or `{{item}}` with `iterate`. Define it in the last request only.
   */
  output?: ResponseOutput;
  /**
   * The maximum number of output items; also stops pagination. Only the last request's limit counts.
   */
  limit?: ResponseLimit;
  /**
   * Post-processes the collected output once, at the very end (variable `output`); its value becomes the module output.
   */
  wrapper?: ResponseWrapper;
  /**
   * Polling-trigger state: how items are identified, dated and ordered.
   */
  trigger: TriggerSpec;
}
/**
 * Polling-trigger settings; the trigger remembers `data.lastID` / `data.lastDate` between runs.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "trigger".
 */
export interface TriggerSpec {
  /**
   * Whether new items are recognised by id or by date.
   */
  type: TriggerType;
  /**
   * The order in which the API returns items.
   */
  order: TriggerOrder;
  /**
   * The current item's id (IML), e.g. `{{item.id}}`.
   */
  id: string;
  /**
   * The current item's creation/update date (IML); required when `type` is `date`.
   */
  date?: string;
}
/**
 * An instant trigger: processes a webhook payload (variable `payload`); one request at most, no iterate or pagination.
 */
export interface InstantTriggerModule {
  /**
   * The module id (Make's rule: a letter, then 2–63 letters or digits; camelCase, no dashes).
   */
  name: ModuleName;
  /**
   * The module label shown in the scenario editor.
   */
  label: string;
  /**
   * What the module does, shown under its label.
   */
  description: string;
  /**
   * The module type: `instant_trigger`.
   */
  type: 'instant_trigger';
  /**
   * The id of the connection the module uses, or `null`.
   */
  connection: ConnectionReference;
  /**
   * The id of an alternative connection, or `null`.
   */
  altConnection?: ConnectionReference;
  /**
   * The id of the webhook whose payloads the trigger processes.
   */
  webhook?: WebhookName;
  /**
   * Parameters that cannot be mapped (→ `<id>.static-params.iml.json`).
   */
  staticParameters: ParameterList;
  /**
   * Parameters that can be mapped (→ `<id>.mappable-params.iml.json`).
   */
  mappableParameters: ParameterList;
  /**
   * The fields of the output bundles (→ `<id>.interface.iml.json`).
   */
  interface: ParameterList;
  /**
   * A sample output bundle (→ `<id>.samples.iml.json`).
   */
  samples: JsonObject;
  /**
   * The OAuth scopes the module needs (→ `<id>.scope.iml.json`).
   */
  scope: ModuleScope;
  /**
   * The request, usually request-less with `response.output` (→ `<id>.communication.iml.json`).
   */
  communication: ActionRequestSpec;
}
/**
 * A webhook responder: sends the HTTP response of a webhook.
 */
export interface ResponderModule {
  /**
   * The module id (Make's rule: a letter, then 2–63 letters or digits; camelCase, no dashes).
   */
  name: ModuleName;
  /**
   * The module label shown in the scenario editor.
   */
  label: string;
  /**
   * What the module does, shown under its label.
   */
  description: string;
  /**
   * The module type: `responder`.
   */
  type: 'responder';
  /**
   * The id of the connection the module uses, or `null`.
   */
  connection: ConnectionReference;
  /**
   * The id of an alternative connection, or `null`.
   */
  altConnection?: ConnectionReference;
  /**
   * Parameters that cannot be mapped (→ `<id>.static-params.iml.json`).
   */
  staticParameters: ParameterList;
  /**
   * Parameters that can be mapped (→ `<id>.mappable-params.iml.json`).
   */
  mappableParameters: ParameterList;
  /**
   * The fields of the output bundles (→ `<id>.interface.iml.json`).
   */
  interface: ParameterList;
  /**
   * A sample output bundle (→ `<id>.samples.iml.json`).
   */
  samples: JsonObject;
  /**
   * The OAuth scopes the module needs (→ `<id>.scope.iml.json`).
   */
  scope: ModuleScope;
  /**
   * The parameters of the local example run (`npm start`, the docs, the build's interface check); never written to Make's layout.
   */
  example?: ExampleParameters;
  /**
   * The response to send (→ `<id>.communication.iml.json`).
   */
  communication: ResponderCommunication;
}
/**
 * A responder's communication: only `response`.
 */
export interface ResponderCommunication {
  /**
   * The response to send.
   */
  response: ResponderResponse;
}
/**
 * The HTTP response a responder sends.
 */
export interface ResponderResponse {
  /**
   * How the body is serialised: `json`, `urlencoded` or `text` (or IML).
   */
  type?: ('json' | 'urlencoded' | 'text') | ImlString;
  /**
   * The status code (100–999) or IML.
   */
  status?: number | ImlString;
  /**
   * The response headers.
   */
  headers?: RequestHeaders;
  /**
   * The response body.
   */
  body?: RequestBody;
}
/**
 * A remote procedure: live data for forms (dynamic options, fields, samples). Output for dynamic options: `{label, value}` items. Inherits the base; pagination allowed.
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "rpc.schema.json".
 */
export interface RpcSpec {
  /**
   * The RPC id (same rule as module ids); referenced as `rpc://<name>`.
   */
  name: ModuleName;
  /**
   * The RPC label.
   */
  label: string;
  /**
   * The id of the connection the RPC uses, or `null`.
   */
  connection: ConnectionReference;
  /**
   * Parameters the RPC reads (module parameters are passed as `parameters.*`) (→ `<id>.params.iml.json`).
   */
  parameters: ParameterList;
  /**
   * The form values of the local example run (`npm start`, the studio); never written to Make's layout.
   */
  example?: ExampleParameters;
  /**
   * The request(s) (→ `<id>.communication.iml.json`).
   */
  communication: SearchCommunication;
}
/**
 * A custom IML function (Make's `function` component): JavaScript callable from any template of the app as `name(...)`. Its code declares a function of the same name and may use JavaScript's built-ins, `Buffer` and the IML built-ins as `iml.<name>()`.
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "function.schema.json".
 */
export interface FunctionSpec {
  /**
   * The function id, the name templates call (Make's rule for function ids).
   */
  name: string;
  /**
   * The JavaScript declaring the function (→ `functions/<id>/<id>.code.js`); Make allows 5,000 characters.
   */
  code: string;
  /**
   * Tests of the function with `it(name, fn)` and `assert` (→ `functions/<id>/<id>.test.js`); run by `npx hotmart-make test-functions`.
   */
  test?: string;
}
/**
 * A webhook (Make's `webhook` component): the URL Make gives a service to call, the parameters the user fills in when creating it, what Make does with each incoming request (`communication`) and how it is registered and removed on the service (`attach`, `detach`, `update`).
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "webhook.schema.json".
 */
export interface WebhookSpec {
  /**
   * The webhook id, referenced by instant triggers as `webhook`.
   */
  name: WebhookName;
  /**
   * The webhook label shown to users.
   */
  label: string;
  /**
   * `web`: a dedicated URL per webhook; `web-shared`: one URL for the app, requests routed by the connection's `uid`.
   */
  type: 'web' | 'web-shared';
  /**
   * The id of the connection the webhook uses, or `null`.
   */
  connection: ConnectionReference;
  /**
   * The id of an alternative connection, or `null`.
   */
  altConnection?: ConnectionReference;
  /**
   * The fields the user fills in when creating the webhook (→ `<id>.params.iml.json`).
   */
  parameters: ParameterList;
  /**
   * What Make does with each incoming request: verification, respond, iterate, output (→ `<id>.communication.iml.json`).
   */
  communication: JsonValue;
  /**
   * The request that registers the webhook on the service (→ `<id>.attach.iml.json`).
   */
  attach?: JsonValue;
  /**
   * The request that removes it (→ `<id>.detach.iml.json`).
   */
  detach?: JsonValue;
  /**
   * The request that updates it (→ `<id>.update.iml.json`).
   */
  update?: JsonValue;
  /**
   * The OAuth scopes the webhook needs (→ `<id>.required-scope.iml.json`).
   */
  scope?: ModuleScope;
}
/**
 * Request directives: every directive a module, RPC or connection request may use. Each context uses a narrower variant from `definitions`; this superset is the type the runtime works with. POST, PUT and PATCH need `url` and `body` (as in Make's editor schema; use `"body": {}` when the API takes none).
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "request.schema.json".
 */
export interface RequestSpec {
  /**
   * The request URL: absolute, or starting with `/` to be appended to the base `baseUrl`. Without `url` the request is request-less: only the response directives run.
   */
  url?: RequestUrl;
  /**
   * The HTTP method; default `GET`.
   */
  method?: HttpMethod;
  /**
   * Request headers; names are case-insensitive.
   */
  headers?: RequestHeaders;
  /**
   * The query string; it replaces the URL's own query string (`{}` clears it). Arrays become repeated keys.
   */
  qs?: QueryString;
  /**
   * The request body, encoded according to `type`; ignored for GET.
   */
  body?: RequestBody;
  /**
   * How the body is encoded; default `json`.
   */
  type?: RequestBodyType;
  /**
   * Temporary variables evaluated first (before `condition`, `url`, `qs` and `body`) and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * Whether to execute this request; when falsy the request is skipped (and `default`, if given, becomes the output).
   */
  condition?: RequestCondition;
  /**
   * Whether to encode the URL; default `true`. Set `false` when path segments are already encoded with `encodeURL()`.
   */
  encodeUrl?: boolean;
  /**
   * Whether to follow 3xx redirects of GET requests; default `true`.
   */
  followRedirects?: boolean;
  /**
   * Whether to follow 3xx redirects of non-GET requests; default `true`.
   */
  followAllRedirects?: boolean;
  /**
   * Logging options: the request/response paths to mask in logs.
   */
  log?: LogOptions;
  /**
   * Repeats the request while `condition` is truthy, at most `limit` times.
   */
  repeat?: RepeatSpec;
  /**
   * Signs the request for AWS.
   */
  aws?: AwsSigning;
  /**
   * The PEM certificate of a custom (e.g. self-signed) certificate authority.
   */
  ca?: string;
  /**
   * Whether the requests of this communication share cookies; default `false`.
   */
  shareCookies?: boolean;
  /**
   * How to request the next pages of the result.
   */
  pagination?: Pagination;
  /**
   * How to process the response.
   */
  response?: ResponseSpec;
}
/**
 * Response directives: every directive Make accepts in any context. Each context (search, action, trigger, connection, base) uses a narrower variant from `definitions`; this superset is the type the runtime works with.
 *
 * This interface was referenced by `App`'s JSON-Schema
 * via the `definition` "response.schema.json".
 */
export interface ResponseSpec {
  /**
   * How to parse the response body: one parse type, or an object keyed by status (`*`, `NNN`, `NNN-NNN`; the narrowest match wins). Default `automatic`.
   */
  type?: ResponseType;
  /**
   * Whether the response is valid. Default: valid when the status is 200–399. A falsy value raises the error described by `valid.message` or `error`.
   */
  valid?: ResponseValid;
  /**
   * The error raised for an invalid response or a 4xx/5xx status: a message, or `{message, type}` with optional per-status entries.
   */
  error?: ResponseError;
  /**
   * The array whose items become the output bundles (each one is `item` in `output`).
   */
  iterate?: ResponseIterate;
  /**
   * Temporary variables evaluated right after the HTTP call, before the other response directives, and merged into `temp`.
   */
  temp?: JsonObject;
  /**
   * The output bundle (per item when iterating). Default: `{{body}}`, or `{{item}}` with `iterate`. Define it in the last request only.
   */
  output?: ResponseOutput;
  /**
   * The maximum number of output items; also stops pagination. Only the last request's limit counts.
   */
  limit?: ResponseLimit;
  /**
   * Post-processes the collected output once, at the very end (variable `output`); its value becomes the module output.
   */
  wrapper?: ResponseWrapper;
  /**
   * Polling-trigger state: how items are identified, dated and ordered.
   */
  trigger?: TriggerSpec;
  /**
   * Data stored on the connection, read later as `connection.<key>` (and `data.<key>` in connection code).
   */
  data?: ConnectionData;
  /**
   * A label stored with the connection so that users can tell connections apart.
   */
  metadata?: ConnectionMetadata;
  /**
   * The remote user id of the connection (needed by shared webhooks).
   */
  uid?: ConnectionUid;
  /**
   * When the current time passes this date, the whole connection expires and must be re-authorised (OAuth refresh-token expiry).
   */
  expires?: ConnectionExpiry;
}
/**
 * An error message (IML allowed) and its type.
 *
 * This interface was referenced by `ResponseSpec`'s JSON-Schema
 * via the `definition` "errorSpec".
 */
export interface ErrorSpec {
  /**
   * The error message (IML allowed), e.g. `[{{statusCode}}] {{body.message}}`.
   */
  message: string;
  /**
   * The error type; default `RuntimeError`.
   */
  type?: ErrorType;
}
