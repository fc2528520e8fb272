// "Did you mean …?" for module names and parameter keys.
import { didYouMean } from '../shared';
import { UsageError } from './errors';

/** Throws a UsageError naming the closest candidate, or listing them all when none is close. */
export function unknownName(
  kind: string,
  given: string,
  candidates: readonly string[],
  command: string,
): UsageError {
  const close = didYouMean(given, candidates);
  const hint = close
    ? `did you mean \`${close}\`?`
    : `available: ${candidates.map((c) => `\`${c}\``).join(', ') || 'none'}`;
  return new UsageError(`unknown ${kind} \`${given}\`: ${hint}`, command);
}
