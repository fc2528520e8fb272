// `GET /products/api/v1/products` (reference §6.1): default page size 50.
import { paginate } from '../paginate';
import { optionalEnum, optionalInteger } from '../query-params';
import { productItem } from '../views';
import type { RouteContext, RouteResult } from './route';

const PRODUCT_STATUSES = [
  'DRAFT',
  'ACTIVE',
  'PAUSED',
  'NOT_APPROVED',
  'IN_REVIEW',
  'DELETED',
  'CHANGES_PENDING_ON_PRODUCT',
] as const;
const PRODUCT_FORMATS = [
  'EBOOK',
  'SOFTWARE',
  'MOBILE_APPS',
  'VIDEOS',
  'AUDIOS',
  'TEMPLATES',
  'IMAGES',
  'ONLINE_COURSE',
  'SERIAL_CODES',
  'ETICKET',
  'ONLINE_SERVICE',
  'ONLINE_EVENT',
  'BUNDLE',
  'COMMUNITY',
  'AGENT',
] as const;

export function listProducts({ request, state, pageTokens }: RouteContext): RouteResult {
  const query = request.query;
  const id = optionalInteger(query, 'id');
  const status = optionalEnum(query, 'status', PRODUCT_STATUSES);
  const format = optionalEnum(query, 'format', PRODUCT_FORMATS);
  const matches = state.dataset.products.filter(
    (product) =>
      (id === undefined || product.id === id) &&
      (status === undefined || product.status === status) &&
      (format === undefined || product.format === format),
  );
  const page = paginate(
    matches,
    {
      path: '/products/api/v1/products',
      query,
      filterNames: ['id', 'status', 'format'],
      defaultSize: 50,
      includeTotal: false,
    },
    pageTokens,
  );
  return {
    status: 200,
    body: { items: page.items.map(productItem), page_info: page.page_info },
    paginated: true,
  };
}
