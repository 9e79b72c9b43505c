/**
 * Places that no country or town list holds: continents, world regions, seas, and US states (their
 * coordinates are those of the state capital, found in the town gazetteer by its admin code).
 */

export const REGIONS = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Oceania', 'Antarctica',
  'Arctic', 'Antarctic', 'Middle East', 'Near East', 'Far East', 'Eurasia', 'Scandinavia', 'Balkans', 'Baltics', 'Caucasus',
  'Siberia', 'Central Asia', 'South Asia', 'Southeast Asia', 'South-East Asia', 'East Asia', 'Asia-Pacific', 'Asia Pacific',
  'Pacific', 'Atlantic', 'Mediterranean', 'Caribbean', 'Persian Gulf', 'Gulf of Mexico', 'North Sea', 'Baltic Sea', 'Black Sea',
  'Red Sea', 'South China Sea', 'Sahara', 'Sahel', 'Horn of Africa', 'West Africa', 'East Africa', 'North Africa',
  'Southern Africa', 'Sub-Saharan Africa', 'Western Europe', 'Eastern Europe', 'Central Europe', 'Northern Europe',
  'Southern Europe', 'Gaza Strip', 'West Bank', 'Kurdistan', 'Tibet', 'Kashmir', 'Crimea', 'Donbas', 'Chechnya',
  'Silicon Valley', 'Midwest', 'New England', 'Pacific Northwest', 'Deep South', 'Wall Street', 'Main Street',
  'Western Hemisphere', 'Northern Hemisphere', 'Southern Hemisphere', 'Third World', 'Himalayas',
  'Alps', 'Andes', 'Rockies', 'Urals', 'Arabian Peninsula', 'Iberian Peninsula', 'Korean Peninsula', 'Indochina', 'Earth',
  // A union of states is mapped like a region of them.
  'European Union', 'EU', 'Eurozone', 'Euro Area'
]

/** Everyday names of countries that the ISO lists do not give, by ISO code. */
export const COUNTRY_ALIASES: Record<string, string[]> = {
  GB: ['Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  US: ['America'],
  NL: ['Holland'],
  MM: ['Burma'],
  CI: ['Ivory Coast'],
  CZ: ['Czech'],
  VA: ['Vatican'],
  KR: ['Korea'],
  AE: ['UAE', 'U.A.E.', 'Emirates']
}

/**
 * Names the press gives towns that GeoNames writes otherwise (its cities file carries one name a
 * town), by GeoNames id:
 * - "Washington" and "New York" are the cities, which GeoNames names "Washington, D.C." and "New
 *   York City", so the names went to the states: "the end of Washington's 20-year-long military
 *   operation" was drawn in Washington state;
 * - spellings of the same town in use side by side: the transliterations of Ukrainian names
 *   (Odesa, the spelling of most English-language news since 2022, and Odessa; Kyiv and Kiev) and
 *   the older names still in print (Bombay, Peking, Saigon, Astana again).
 */
export const CITY_ALIASES: Record<number, string[]> = {
  4140963: ['Washington', 'Washington DC', 'Washington D.C.'],
  5128581: ['New York', 'NYC'],
  703448: ['Kiev'],
  698740: ['Odesa'],
  706483: ['Kharkov'],
  702550: ['Lvov'],
  700569: ['Mykolaiv', 'Nikolaev', 'Nikolayev'],
  687700: ['Zaporizhzhia', 'Zaporizhzhya', 'Zaporozhye'],
  709930: ['Dnipropetrovsk', 'Dnepropetrovsk'],
  702658: ['Lugansk'],
  1275339: ['Bombay'],
  1816670: ['Peking'],
  104515: ['Makkah'],
  1566083: ['Saigon', 'HCMC'],
  1275004: ['Calcutta'],
  1264527: ['Madras'],
  1298824: ['Rangoon'],
  1526273: ['Astana']
}

/** Adjectives of continents and regions ("European", "Asian"), with the region they name. */
export const REGION_ADJECTIVES: Record<string, string> = {
  European: 'Europe', Asian: 'Asia', African: 'Africa', 'Latin American': 'Latin America', 'North American': 'North America',
  'South American': 'South America', 'Middle Eastern': 'Middle East', Scandinavian: 'Scandinavia', Balkan: 'Balkans',
  Siberian: 'Siberia'
}

/** US states by postal code (the admin code GeoNames gives their towns). */
export const US_STATES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa',
  KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan',
  MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire',
  NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
  OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee',
  TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin',
  WY: 'Wyoming', DC: 'District of Columbia'
}
