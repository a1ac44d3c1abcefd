/**
 * Countries as STIX 2.1 locations: ISO 3166-1 alpha-2 code, English name and STIX region
 * (assets/export/countries.json). Pure.
 */
import countriesJson from '../../assets/export/countries.json';
import { base, SPYGLASS_EPOCH, stixId, type StixObject } from './stix-common';

export interface CountryInfo {
  /** ISO 3166-1 alpha-2; absent for a bloc such as the EU. */
  iso?: string;
  name: string;
  /** A value of the STIX region-ov vocabulary. */
  region: string;
}

export const COUNTRIES: ReadonlyMap<string, CountryInfo> = new Map(
  Object.entries((countriesJson as { codes: Record<string, CountryInfo> }).codes),
);

/**
 * The location of a country or bloc the knowledge base names by code ("CN", "UK", "EU"), or
 * undefined for a code the data file does not hold (or a party such as "allies" or "vendor").
 * The id rests on the ISO code, so "UK" and "GB" are one location.
 */
export function countryLocation(code: string): StixObject | undefined {
  const info = COUNTRIES.get(code);
  if (!info) return undefined;
  const key = info.iso ?? code;
  return {
    ...base('location', stixId('location', `country:${key}`), SPYGLASS_EPOCH),
    name: info.name,
    ...(info.iso ? { country: info.iso } : {}),
    region: info.region,
  };
}
