import { numberFormat } from '../core/format';

/**
 * Everyday quantities the account's grams compare to. Each carries its source id
 * (docs/methodology.md) and the number it divides by, which the popup shows beside it.
 */
export interface Equivalent {
  id: 'car-km' | 'plastic-bags';
  /** grams CO2e of one unit */
  gramsPerUnit: number;
  /** the message key that reads "$1 km not driven …" */
  message: string;
  /** the message key citing the source */
  sourceMessage: string;
  sources: readonly string[];
}

export const EQUIVALENTS: readonly Equivalent[] = [
  // ADEME: a petrol car emits 218 g CO2e per passenger-km.
  { id: 'car-km', gramsPerUnit: 218, message: 'equivCarKm', sourceMessage: 'equivCarKmSource', sources: ['E6'] },
  // About 33 g CO2e per lightweight 5.5 g plastic bag.
  { id: 'plastic-bags', gramsPerUnit: 33, message: 'equivBags', sourceMessage: 'equivBagsSource', sources: ['E18'] },
];

/** How many units of `equivalent` the grams are worth. */
export function unitsOf(grams: number, equivalent: Equivalent): number {
  return Math.max(0, grams) / equivalent.gramsPerUnit;
}

/** Few significant digits: an equivalent is an order of magnitude, not a measurement. */
export function formatUnits(units: number, locale: string): string {
  return numberFormat(locale, units < 10 ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: 0 }).format(units);
}
