// The final check before a fixture is written, independent of how it was scrubbed: the written
// JSON is walked again with the same detectors (as is, URL-decoded, inside base64), every value
// under a personal key must be one of the recorder's fakes, and no learned original may appear,
// compared case-, accent- and punctuation-insensitively. Findings name the JSON pointer only.
import { detect } from './detect';
import { foldText, isFake, type FakeKind } from './fakes';
import { sensitiveKind } from './keys';
import { BASE64_TOKEN, base64Text, KIND_OF_DETECTED, uriDecoded } from './scrub';

export interface LeakFinding {
  /** `<file>#<JSON pointer>` of the value (or key) that holds personal data. */
  where: string;
  kind: FakeKind | 'original';
}

/** Letters and digits only, folded: "123.456.789-09" and "12345678909" compare equal. */
function squash(text: string): string {
  return foldText(text).replace(/[^a-z0-9@]/g, '');
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** What personal data a piece of text still holds: by detector, at any decoding depth. */
function textKinds(text: string, depth = 0): FakeKind[] {
  const kinds: FakeKind[] = [];
  for (const layer of new Set([text, uriDecoded(text)])) {
    for (const finding of detect(layer)) kinds.push(KIND_OF_DETECTED[finding.kind]);
    if (depth >= 3) continue;
    for (const match of layer.matchAll(BASE64_TOKEN)) {
      const decoded = base64Text(match[0]);
      if (decoded !== undefined) kinds.push(...textKinds(decoded, depth + 1));
    }
  }
  return kinds;
}

/**
 * Every place in `value` (the parsed content of `file`) that still holds personal data.
 * `originals`: the values the scrubber learned; none may appear, however formatted.
 */
export function scanForLeaks(
  file: string,
  value: unknown,
  originals: readonly string[],
): LeakFinding[] {
  const findings: LeakFinding[] = [];
  const squashedOriginals = [
    ...new Set(originals.map(squash).filter((original) => original.length >= 5)),
  ];
  const checkText = (text: string, pointer: string): void => {
    const where = `${file}#${pointer}`;
    for (const kind of new Set(textKinds(text))) findings.push({ where, kind });
    const squashed = squash(text);
    if (squashed.length >= 5 && squashedOriginals.some((o) => squashed.includes(o))) {
      findings.push({ where, kind: 'original' });
    }
  };
  const walk = (node: unknown, pointer: string, kind: FakeKind | null): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${pointer}/${i}`, kind));
      return;
    }
    if (node !== null && typeof node === 'object') {
      // The key that holds this object; an array item belongs to the array's key.
      const parentKey = /(?:^|\/)([^/]*?)(?:\/\d+)*$/.exec(pointer)?.[1];
      for (const [key, child] of Object.entries(node)) {
        const childPointer = `${pointer}/${escapePointer(key)}`;
        checkText(key, childPointer);
        const inherited =
          kind === 'document' || kind === 'address' ? (key === 'type' ? null : kind) : null;
        walk(child, childPointer, sensitiveKind(key, parentKey) ?? inherited);
      }
      return;
    }
    if (typeof node === 'string' || typeof node === 'number') {
      if (kind !== null && !isFake(kind, node))
        findings.push({ where: `${file}#${pointer}`, kind });
      if (typeof node === 'string') checkText(node, pointer);
    }
  };
  walk(value, '', null);
  return findings;
}
