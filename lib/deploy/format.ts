// Human-readable plan and failure report. Plain text, one line per item, so it reads well in a
// terminal and in CI logs alike.
import { describe, type DeployFailedError } from './execute';
import type { DeployPlan, PlanAction, PlanItem } from './plan';

const ORDER: PlanAction[] = ['create', 'update', 'unchanged', 'conflict'];

export function formatPlan(plan: DeployPlan): string {
  const width = Math.max(...plan.items.map((item) => describe(item).length), 10);
  const lines = [`Deploy plan for app "${plan.appName}" version ${plan.version}:`];
  for (const item of plan.items) {
    const detail = item.detail ? `  (${item.detail})` : '';
    lines.push(`  ${item.action.padEnd(9)}  ${describe(item).padEnd(width)}${detail}`.trimEnd());
  }
  lines.push(summary(plan.items));
  return lines.join('\n');
}

export function summary(items: PlanItem[]): string {
  const counts = ORDER.map((action) => {
    const n = items.filter((item) => item.action === action).length;
    return `${n} ${action}`;
  });
  return `Summary: ${counts.join(', ')}`;
}

export function formatFailure(error: DeployFailedError): string {
  const lines = [`Deploy failed at ${describe(error.failed)}: ${error.reason}`];
  lines.push(`Done (${error.done.length}):`);
  for (const item of error.done) lines.push(`  ✓ ${item.action} ${describe(item)}`);
  lines.push(`Not done (${error.notDone.length + 1}):`);
  lines.push(`  ✗ ${error.failed.action} ${describe(error.failed)} (failed)`);
  for (const item of error.notDone) lines.push(`  · ${item.action} ${describe(item)}`);
  lines.push('Run the deploy again to finish: finished items are detected and skipped.');
  return lines.join('\n');
}
