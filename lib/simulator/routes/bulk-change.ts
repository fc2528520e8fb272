// The bulk cancel and reactivate endpoints (reference §4.4, §4.6) differ only in the state change
// and the view of a changed subscription; the per-item report around them is the same.
import type { SubscriptionRecord } from '../dataset';
import type { Outcome } from '../state';
import { bulkFailure } from '../views';
import type { RouteContext, RouteResult } from './route';

/**
 * Applies `change` to each code in the order given. An unknown code or a refused change is a
 * failure item and the others still proceed: partial failure is still a 200 (reference §4.4).
 */
export function bulkChange(
  codes: readonly string[],
  { state, now }: Pick<RouteContext, 'state' | 'now'>,
  change: (record: SubscriptionRecord) => Outcome,
  view: (record: SubscriptionRecord) => Record<string, unknown>,
): RouteResult {
  const success: Record<string, unknown>[] = [];
  const failures: Record<string, unknown>[] = [];
  for (const code of codes) {
    const record = state.find(code, now);
    if (record === undefined) {
      failures.push(bulkFailure(undefined, code, 'SUBSCRIPTION_NOT_FOUND'));
      continue;
    }
    const outcome = change(record);
    if (outcome.ok) success.push(view(record));
    else failures.push(bulkFailure(record, code, outcome.code));
  }
  return { status: 200, body: { success_subscriptions: success, fail_subscriptions: failures } };
}
