import type { ChoiceKind } from '../core/kinds';

/**
 * Bumped whenever a factor changes; every stored action keeps the version it was scored with.
 * docs/methodology.md states every factor below; a unit test keeps the two in step.
 */
export const METHODOLOGY_VERSION = '2026.11-2';

export interface Grams {
  central: number;
  low: number;
  high: number;
}

export interface Factor {
  kind: ChoiceKind;
  /** sub-category, e.g. the second-hand product category; undefined for the kind's default */
  detail?: string;
  /** grams CO2e avoided per action; low may be below 0 where the choice can cost more than it saves */
  grams: Grams;
  /** ids in docs/methodology.md's source list */
  sources: readonly string[];
  note: string;
}

/** Product categories a second-hand item is scored by (the detail of a `second-hand` action). */
export const SECOND_HAND_DETAILS = ['clothing', 'phone', 'laptop', 'book', 'furniture', 'other'] as const;

/**
 * Substitution rates (the share of a new purchase a second-hand one replaces), from the sources:
 * Vinted's consequential LCA uses 39 % (E7); a 90 %-new phone on Xianyu is credited 51.9 kg of a
 * new phone's ≈85 kg (S7, E2) ≈ 0.61; Zhuanzhuan's ≥25 kg per phone deal (E10) ≈ 0.29 of 85 kg.
 */
const SUBSTITUTION = { low: 0.29, central: 0.39, high: 0.61 } as const;

/** Production-stage emissions of a new item (ADEME via impactCO2), grams. */
const NEW_ITEM = {
  tshirt: 5_100,
  jeans: 22_700,
  phone: 85_000,
  laptop: 182_000,
  paperback: 796,
  chair: 18_600,
  wardrobe: 907_000,
} as const;

const times = (grams: number, rate: number) => Math.round(grams * rate);

export const FACTORS: readonly Factor[] = [
  {
    kind: 'no-cutlery',
    grams: { central: 15, low: 10, high: 40 },
    sources: ['S22', 'S21', 'S20', 'S19', 'S24', 'S23'],
    note:
      'Ele.me Shenyang 2019: 17 t over 1.44M orders ≈ 11.8 g/order; Meituan 2023–24 totals ≈ 30–40 g/order; ' +
      'one pair of wooden chopsticks ≈ 20 g.',
  },
  {
    kind: 'e-invoice',
    grams: { central: 9, low: 5, high: 20 },
    sources: ['E19', 'S13'],
    note: 'One A4 sheet (≈5 g of paper) at ≈1.8 kg CO2e per kg of paper ≈ 9 g; high end if the paper invoice is printed on several sheets.',
  },
  {
    kind: 'reusable-packaging',
    grams: { central: 120, low: 0, high: 460 },
    sources: ['E15', 'E16'],
    note:
      'One single-use box avoided: 6″ box 0.12 kg (central) to 12″ box 0.46 kg. Low 0: a reusable container saves ' +
      'nothing until it has been returned and reused enough times to repay its own making.',
  },
  {
    kind: 'consolidated-shipping',
    grams: { central: 96, low: 0, high: 460 },
    sources: ['E15', 'E21'],
    note:
      'One box avoided (0.12 kg for a 6″ box) times 0.8, because Consumer Reports found Amazon Day did not consolidate ' +
      'in more than 20 % of cases; low 0 when nothing was merged, high one 12″ box.',
  },
  {
    kind: 'slow-shipping',
    grams: { central: 0, low: 0, high: 294 },
    sources: ['E20', 'E11'],
    note:
      'Not scored: no per-order gram value exists (UC Davis gives only ratios: 1-hour delivery ≈ 7× the vehicle-miles of 24 h). ' +
      'Recorded at 0 g so the choice is visible; high bound one home last-mile leg (294 g, InPost).',
  },
  {
    kind: 'pickup-point',
    grams: { central: 0, low: -640, high: 350 },
    sources: ['E11', 'E12', 'E13', 'E14'],
    note:
      'Credited 0 g: a locker saves ≥350 g only when it is reached on foot, by bike or on a trip made anyway (InPost); ' +
      'a car trip to collect it costs more than doorstep delivery (Pakadoo: 913 g vs 277 g, −640 g). The checkout ' +
      'cannot see how the shopper travels, so the range spans both.',
  },
  {
    kind: 'pickup-point',
    detail: 'walked',
    grams: { central: 350, low: 219, high: 430 },
    sources: ['E11', 'E13'],
    note:
      'When the shopper says the pickup is walked, cycled or on an existing trip: InPost home 659 g vs locker 229 g per parcel ' +
      '(430 g), last mile alone 294 g vs 75 g (219 g); InPost states ≥350 g.',
  },
  {
    kind: 'unattended-delivery',
    grams: { central: 0, low: 0, high: 294 },
    sources: ['E14', 'E11'],
    note:
      'Not scored: leaving the parcel avoids a failed delivery, whose extra emissions are 85–95 % the customer’s own trip ' +
      '(KLU), but no source gives how often that happens. Recorded at 0 g; high bound one avoided repeat of the home last mile (294 g).',
  },
  {
    kind: 'second-hand',
    detail: 'clothing',
    grams: { central: 1_800, low: times(NEW_ITEM.tshirt, SUBSTITUTION.low), high: times(NEW_ITEM.jeans, SUBSTITUTION.central) },
    sources: ['E7', 'E8', 'E1'],
    note:
      'Vinted (Vaayu LCA, 39 % substitution) and ThredUp (791.1M lb over 200M items) both give ≈1.8 kg net per item. ' +
      'Low: a cotton T-shirt (5.1 kg new) × 0.29; high: jeans (22.7 kg new) × 0.39.',
  },
  {
    kind: 'second-hand',
    detail: 'phone',
    grams: { central: 50_000, low: 25_000, high: 77_000 },
    sources: ['E2', 'E9', 'S7', 'E10'],
    note:
      'New smartphone ≈85 kg (ADEME). Xianyu standard: a 90 %-new phone 51.9 kg; Zhuanzhuan/Tsinghua ≥25 kg per deal; ' +
      'Back Market ≈77 kg (refurbished = −92 %).',
  },
  {
    kind: 'second-hand',
    detail: 'laptop',
    grams: {
      central: times(NEW_ITEM.laptop, 50_000 / NEW_ITEM.phone),
      low: times(NEW_ITEM.laptop, 25_000 / NEW_ITEM.phone),
      high: times(NEW_ITEM.laptop, 77_000 / NEW_ITEM.phone),
    },
    sources: ['E2', 'E9', 'S7', 'E10'],
    note: 'New laptop ≈182 kg (ADEME) × the phone’s rates (50, 25 and 77 kg of 85 kg): the same devices’ substitution applied to a laptop.',
  },
  {
    kind: 'second-hand',
    detail: 'book',
    grams: {
      central: times(NEW_ITEM.paperback, SUBSTITUTION.central),
      low: times(NEW_ITEM.paperback, SUBSTITUTION.low),
      high: NEW_ITEM.paperback,
    },
    sources: ['E4', 'E7'],
    note: 'New paperback ≈0.80 kg (ADEME: 0.682 kg making + 0.114 kg distribution) × 0.39; high when it fully replaces a new copy.',
  },
  {
    kind: 'second-hand',
    detail: 'furniture',
    grams: {
      central: times(NEW_ITEM.chair, SUBSTITUTION.central),
      low: times(NEW_ITEM.chair, SUBSTITUTION.low),
      high: times(NEW_ITEM.wardrobe, SUBSTITUTION.central),
    },
    sources: ['E3', 'E7', 'S7'],
    note:
      'Scored as the lightest piece in ADEME’s list, a wooden chair (18.6 kg) × 0.39, because the page does not say which ' +
      'piece it is; high a wardrobe (907 kg) × 0.39.',
  },
  {
    kind: 'second-hand',
    detail: 'other',
    grams: {
      central: times(NEW_ITEM.paperback, SUBSTITUTION.central),
      low: 0,
      high: 1_800,
    },
    sources: ['E4', 'E7', 'E8'],
    note:
      'An item of unknown kind is scored like the smallest sourced item, a paperback (0.80 kg × 0.39); low 0 if it replaced ' +
      'no purchase, high the clothing average (1.8 kg).',
  },
  {
    kind: 'packaging-return',
    grams: { central: 130, low: 30, high: 460 },
    sources: ['E15', 'E16', 'E22'],
    note:
      'A returned box is reused for an outgoing parcel at Cainiao stations (one box avoided, 0.12–0.46 kg) or only recycled ' +
      '(≈30–130 g: corrugated board 0.49–0.94 kg/kg, recycled board 28 % lower). Central: the top of recycling-only.',
  },
  {
    kind: 'no-plastic-bag',
    grams: { central: 21, low: 0, high: 33 },
    sources: ['S13', 'S14', 'E18', 'E17'],
    note:
      'Hema + Ant Forest: 12.77M bags ↔ energy for 15k saxaul trees of 17.9 kg ≈ 21 g per bag; a 5.5 g bag ≈ 33 g. ' +
      'Low 0: a bag-for-life used fewer than 4 times (PP 11, cotton 131) does not beat a lightweight bag (UK EA).',
  },
  {
    kind: 'green-delivery-slot',
    grams: { central: 0, low: 0, high: 294 },
    sources: ['E20', 'E11'],
    note:
      'Not scored: a slot when the van is already nearby merges the drop into a route, but no source gives grams per order. ' +
      'Recorded at 0 g; high bound one home last-mile leg (294 g, InPost).',
  },
];

/** Scores a kind added to CHOICE_KINDS before its factor is written: it is recorded at 0 g, never dropped. */
export const UNSCORED: Omit<Factor, 'kind'> = {
  grams: { central: 0, low: 0, high: 0 },
  sources: [],
  note: 'No factor for this choice in this methodology version.',
};

/**
 * The factor an action is scored with. A second-hand item whose category is unknown is scored
 * as 'other'. Every kind in CHOICE_KINDS has a factor (a test checks it).
 */
export function factorFor(kind: ChoiceKind, detail?: string): Factor {
  return (
    FACTORS.find((f) => f.kind === kind && f.detail === detail) ??
    FACTORS.find((f) => f.kind === kind && f.detail === undefined) ??
    FACTORS.find((f) => f.kind === kind && f.detail === 'other') ?? { kind, ...UNSCORED }
  );
}

/** 1 point per gram of CO2e avoided (central estimate); a choice that may cost CO2e earns 0, never less. */
export function pointsFor(grams: number): number {
  return Math.max(0, Math.round(grams));
}
