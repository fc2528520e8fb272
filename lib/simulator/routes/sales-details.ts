// The sales detail endpoints (reference §5.3–5.5), over the same filtered sales as the history:
// participants, commissions and price details of each. The simulated producer sells every sale
// alone (no co-producers or affiliates), so a `commission_as` other than PRODUCER selects nothing,
// and there are no taxes or coupons on a sale's price. Hotmart's fee is simulated as 9.9 % plus
// 1.00 (its published Brazilian rate; the real one depends on the contract).
import { paginate } from '../paginate';
import { optionalString } from '../query-params';
import type { RouteContext, RouteResult } from './route';
import { sortedSales, type Sale } from './sales-history';

const FILTERS = ['transaction', 'transaction_status', 'product_id', 'start_date', 'end_date'];

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The producer's share after Hotmart's simulated fee. */
function producerCommission(price: number): number {
  return round2(Math.max(0, price - round2(price * 0.099 + 1)));
}

function page(
  context: RouteContext,
  path: string,
  extraFilters: readonly string[],
  item: (sale: Sale) => Record<string, unknown>,
): RouteResult {
  const role = optionalString(context.request.query, 'commission_as');
  const sales = role === undefined || role === 'PRODUCER' ? sortedSales(context) : [];
  const result = paginate(
    sales,
    {
      path,
      query: context.request.query,
      filterNames: [...FILTERS, ...extraFilters],
      defaultSize: 10,
      includeTotal: path.endsWith('/users'),
    },
    context.pageTokens,
  );
  return {
    status: 200,
    body: { items: result.items.map(item), page_info: result.page_info },
    paginated: true,
  };
}

const product = ({ record }: Sale) => ({ name: record.product.name, id: record.product.id });

/** `GET /payments/api/v1/sales/users`: the producer and the buyer of each sale. */
export function salesParticipants(context: RouteContext): RouteResult {
  const producer = context.state.dataset.producer;
  return page(
    context,
    '/payments/api/v1/sales/users',
    ['buyer_email', 'commission_as'],
    (sale) => ({
      transaction: sale.purchase.transaction,
      product: product(sale),
      users: [
        {
          role: 'PRODUCER',
          user: {
            ucode: producer.ucode,
            locale: 'pt_BR',
            name: producer.name,
            email: producer.email,
          },
        },
        {
          role: 'BUYER',
          user: {
            ucode: sale.record.subscriber.ucode,
            locale: 'pt_BR',
            name: sale.record.subscriber.name,
            email: sale.record.subscriber.email,
            cellphone: `+55${sale.record.subscriber.phoneAreaCode}${sale.record.subscriber.cell}`,
          },
        },
      ],
    }),
  );
}

/** `GET /payments/api/v1/sales/commissions`: the producer's share of each sale. */
export function salesCommissions(context: RouteContext): RouteResult {
  const producer = context.state.dataset.producer;
  return page(context, '/payments/api/v1/sales/commissions', ['commission_as'], (sale) => ({
    transaction: sale.purchase.transaction,
    product: product(sale),
    exchange_rate_currency_payout: 1,
    commissions: [
      {
        commission: {
          currency_value: sale.record.price.currency_code,
          value: producerCommission(sale.record.price.value),
        },
        user: { ucode: producer.ucode, name: producer.name },
        source: 'PRODUCER',
      },
    ],
  }));
}

/** `GET /payments/api/v1/sales/price/details`: base, taxes, fee and total of each sale. */
export function salesPriceDetails(context: RouteContext): RouteResult {
  return page(context, '/payments/api/v1/sales/price/details', [], (sale) => {
    const { value, currency_code } = sale.record.price;
    return {
      transaction: sale.purchase.transaction,
      product: product(sale),
      base: { value, currency_code },
      total: { value, currency_code },
      vat: { value: 0, currency_code },
      fee: { value: 0, currency_code },
      real_conversion_rate: 1,
    };
  });
}
