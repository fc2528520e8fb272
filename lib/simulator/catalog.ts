// The producer's catalogue: a handful of subscription products with their plans and offers, plus
// one one-off product so that the products list is not subscriptions only.
import type { RecurrencyPeriod } from './calendar';
import { DAY_MS } from './calendar';
import type { Random } from './random';
import type { Money } from './types';

export interface CatalogPlan {
  id: number;
  name: string;
  recurrencyPeriod: RecurrencyPeriod;
  /** null = charges until the subscriber cancels. */
  maxChargeCycles: number | null;
  price: Money;
  /** 0 when the plan has no trial. */
  trialDays: number;
  offerCode: string;
  offerDescription: string;
}

export interface CatalogProduct {
  id: number;
  name: string;
  ucode: string;
  status: 'ACTIVE' | 'PAUSED';
  createdAt: number;
  format: string;
  isSubscription: boolean;
  warrantyPeriod: number;
  plans: CatalogPlan[];
}

export interface Producer {
  id: number;
  name: string;
  ucode: string;
  email: string;
}

const PRODUCER_TRIAL_DAYS = 7;

const PRODUCT_TEMPLATES = [
  { name: 'Academia de Fotografia', format: 'ONLINE_COURSE', currency: 'BRL', base: 49.9 },
  { name: 'Clube do Violão Online', format: 'ONLINE_COURSE', currency: 'BRL', base: 39.9 },
  { name: 'Comunidade Yoga em Casa', format: 'COMMUNITY', currency: 'BRL', base: 29.9 },
  { name: 'Mentoria de Marketing Digital', format: 'ONLINE_SERVICE', currency: 'BRL', base: 197 },
  { name: 'Spanish for Travellers', format: 'VIDEOS', currency: 'USD', base: 19 },
] as const;

const PLAN_TEMPLATES: readonly { name: string; period: RecurrencyPeriod; factor: number }[] = [
  { name: 'Plano Semanal', period: 7, factor: 0.3 },
  { name: 'Plano Mensal', period: 30, factor: 1 },
  { name: 'Plano Bimestral', period: 60, factor: 1.9 },
  { name: 'Plano Trimestral', period: 90, factor: 2.7 },
  { name: 'Plano Semestral', period: 180, factor: 5.2 },
  { name: 'Plano Anual', period: 360, factor: 9.9 },
];

function roundPrice(value: number): number {
  return Math.round(value * 10) / 10;
}

export function generateCatalog(random: Random, anchor: number): CatalogProduct[] {
  const products: CatalogProduct[] = PRODUCT_TEMPLATES.map((template, index) => {
    // Every product has a monthly plan (the common case) and one to three others.
    const others = PLAN_TEMPLATES.filter((plan) => plan.period !== 30);
    const chosen = [PLAN_TEMPLATES[1]!];
    const extra = random.int(1, 3);
    while (chosen.length < extra + 1) {
      const candidate = random.pick(others);
      if (!chosen.includes(candidate)) chosen.push(candidate);
    }
    chosen.sort((a, b) => a.period - b.period);
    return {
      id: 4_000_000 + index * 97_531 + random.int(0, 9_999),
      name: template.name,
      ucode: random.uuid(),
      status: 'ACTIVE',
      createdAt: anchor - random.int(800, 1500) * DAY_MS,
      format: template.format,
      isSubscription: true,
      warrantyPeriod: random.pick([7, 7, 15, 30]),
      plans: chosen.map((plan, planIndex) => ({
        id: 900_000 + index * 1_000 + planIndex * 10 + random.int(0, 9),
        name: plan.name,
        recurrencyPeriod: plan.period,
        maxChargeCycles: random.chance(0.4) ? random.pick([3, 6, 12, 24]) : null,
        price: { value: roundPrice(template.base * plan.factor), currency_code: template.currency },
        trialDays: random.chance(0.35) ? PRODUCER_TRIAL_DAYS : 0,
        offerCode: random.lowerAlphanumeric(8),
        offerDescription: `${plan.name} — ${template.name}`,
      })),
    };
  });
  products.push({
    id: 4_700_000 + random.int(0, 9_999),
    name: 'Guia de Iluminação (e-book)',
    ucode: random.uuid(),
    status: 'ACTIVE',
    createdAt: anchor - random.int(300, 700) * DAY_MS,
    format: 'EBOOK',
    isSubscription: false,
    warrantyPeriod: 7,
    plans: [],
  });
  return products;
}

export function generateProducer(random: Random): Producer {
  return {
    id: 7_700_000 + random.int(0, 99_999),
    name: 'Estúdio Exemplo Ltda',
    ucode: random.uuid(),
    email: 'contato@estudio.example.com',
  };
}
