// The filters every sales endpoint takes (hotmart-api.md §5): status, product, transaction and the
// order-date range, with the query they become. Without a status or a transaction, Hotmart returns
// approved and complete sales only; each module's status help says so.
import type { Parameter } from '../../lib/types';
import { toEpochMs } from './dates';
import { limitParameter, productParameter } from './list-parameters';

/** A select of the given statuses (the price details endpoint takes its own list). */
function statusParameter(
  statuses: readonly { label: string; value: string }[],
  noun: string,
): Parameter {
  return {
    name: 'transaction_status',
    type: 'select',
    label: 'Status',
    multiple: true,
    options: [...statuses],
    help: `Only ${noun} of sales in these statuses. **Leave empty for approved and complete sales only**: that is what Hotmart returns when no status (and no transaction) is given.`,
  };
}

/** The order-date range every sales endpoint filters on (sent as epoch milliseconds). */
export const ORDER_DATE_PARAMETERS: readonly Parameter[] = [
  {
    name: 'start_date',
    type: 'date',
    label: 'Ordered from',
    help: 'Only sales ordered on or after this date. A long range can make Hotmart time out (502): narrow it then.',
  },
  {
    name: 'end_date',
    type: 'date',
    label: 'Ordered to',
    help: 'Only sales ordered on or before this date.',
  },
];

/** Status, product, transaction, order dates, then `extra`, then the limit, for a list of `noun`. */
export function salesFilterParameters(
  statuses: readonly { label: string; value: string }[],
  noun: string,
  extra: readonly Parameter[] = [],
): Parameter[] {
  return [
    statusParameter(statuses, noun),
    productParameter(`Only ${noun} of sales of this product. Leave empty for every product.`),
    {
      name: 'transaction',
      type: 'text',
      label: 'Transaction',
      help: `Only the ${noun} of the sale with this transaction code, for example \`HP23001902334871\`.`,
    },
    ...ORDER_DATE_PARAMETERS,
    ...extra,
    limitParameter(`The maximum number of ${noun} to return during one execution cycle.`),
  ];
}

/** The query those parameters become, in Hotmart's names and units. */
export const SALES_FILTER_QS: Readonly<Record<string, string>> = {
  transaction_status: '{{parameters.transaction_status}}',
  product_id: '{{parameters.product_id}}',
  transaction: '{{parameters.transaction}}',
  start_date: toEpochMs('start_date'),
  end_date: toEpochMs('end_date'),
  max_results: '{{min(500, parameters.limit)}}',
};

/** Who a sale's commission is counted as (hotmart-api.md §9.8). */
export const commissionAsParameter: Parameter = {
  name: 'commission_as',
  type: 'select',
  label: 'Commission as',
  options: ['PRODUCER', 'COPRODUCER', 'AFFILIATE'].map((value) => ({ label: value, value })),
  help: 'Only sales in which you take part in this role. Leave empty for every role.',
};
