// `GET /user/api/v1/me` (reference §7): the producer's profile, for a "Connected as …" label.
import { userItem } from '../views';
import type { RouteContext, RouteResult } from './route';

export function currentUser({ state }: RouteContext): RouteResult {
  return { status: 200, body: userItem(state.dataset.producer) };
}
