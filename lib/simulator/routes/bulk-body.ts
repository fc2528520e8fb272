// Body of the bulk endpoints: `subscriber_code` is an array of strings despite its singular name
// (reference §4.4, §4.6).
import { invalidParameter } from '../errors';

export function subscriberCodes(body: Record<string, unknown>): string[] {
  const codes = body['subscriber_code'];
  if (!Array.isArray(codes) || codes.length === 0) {
    throw invalidParameter(
      "The body field 'subscriber_code' is required and must be a non-empty array of subscriber codes.",
    );
  }
  return codes.map((code, index) => {
    if (typeof code !== 'string' || code.trim() === '') {
      throw invalidParameter(
        `The body field 'subscriber_code[${index}]' must be a non-empty string.`,
      );
    }
    return code.trim();
  });
}
