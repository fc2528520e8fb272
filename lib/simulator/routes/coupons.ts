// Coupons (reference §6.4): create `POST /products/api/v1/product/{product_id}/coupon` (answers
// `{}`), list `GET /products/api/v1/coupon/product/{product_id}?code=`, delete
// `DELETE /products/api/v1/coupon/{coupon_id}`. Kept in the simulator's state. Where Hotmart is
// silent the simulator chooses (README): a code already used for the product is a 400
// `coupon_already_exists`, an unknown coupon or product a 404.
import { HotmartError, invalidParameter, notFound } from '../errors';
import { jsonBody } from '../http-request';
import { paginate } from '../paginate';
import { optionalString } from '../query-params';
import type { RouteContext, RouteResult } from './route';

function productIdOf(context: RouteContext): number {
  const raw = context.params['product_id'] ?? '';
  const id = /^\d{1,12}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!context.state.dataset.products.some((product) => product.id === id)) {
    throw notFound(`The product '${raw}' was not found.`);
  }
  return id;
}

function optionalMs(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalidParameter(`The body field '${name}' must be a date in epoch milliseconds.`);
  }
  return value;
}

export function createCoupon(context: RouteContext): RouteResult {
  const productId = productIdOf(context);
  const body = jsonBody(context.request);
  const code = body['code'];
  if (typeof code !== 'string' || code === '' || code.length > 25) {
    throw invalidParameter("The body field 'code' is required: a text of at most 25 characters.");
  }
  const discount = body['discount'];
  if (typeof discount !== 'number' || !(discount > 0 && discount < 0.99)) {
    throw invalidParameter(
      "The body field 'discount' is required: a fraction greater than 0 and less than 0.99.",
    );
  }
  const store = context.state.coupons;
  if (store.list.some((c) => c.productId === productId && c.code === code)) {
    throw new HotmartError(400, 'coupon_already_exists', `The coupon '${code}' already exists.`);
  }
  store.list.push({
    id: store.nextId++,
    productId,
    code,
    discount,
    startDate: optionalMs(body, 'start_date') ?? context.now,
    endDate: optionalMs(body, 'end_date'),
  });
  return { status: 200, body: {} };
}

export function listCoupons(context: RouteContext): RouteResult {
  const productId = productIdOf(context);
  const code = optionalString(context.request.query, 'code');
  const matches = context.state.coupons.list.filter(
    (c) => c.productId === productId && (code === undefined || c.code === code),
  );
  const page = paginate(
    matches,
    {
      path: `/products/api/v1/coupon/product/${productId}`,
      query: context.request.query,
      filterNames: ['code'],
      defaultSize: 50,
      includeTotal: false,
    },
    context.pageTokens,
  );
  const now = context.now;
  return {
    status: 200,
    body: {
      items: page.items.map((c) => {
        const active = c.startDate <= now && (c.endDate === undefined || now <= c.endDate);
        return {
          id: c.id,
          coupon_code: c.code,
          active,
          status: active ? 'ACTIVE' : 'INACTIVE',
          discount: c.discount,
          start_date: c.startDate,
          ...(c.endDate === undefined ? {} : { end_date: c.endDate }),
          time_zone: { id: 'UTC', offset: 0 },
        };
      }),
      page_info: page.page_info,
    },
    paginated: true,
  };
}

export function deleteCoupon(context: RouteContext): RouteResult {
  const raw = context.params['coupon_id'] ?? '';
  const store = context.state.coupons;
  const index = store.list.findIndex((c) => String(c.id) === raw);
  if (index === -1) throw notFound(`The coupon '${raw}' was not found.`);
  store.list.splice(index, 1);
  return { status: 200, body: {} };
}
