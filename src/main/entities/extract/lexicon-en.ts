/**
 * English cue words. Lists of word classes, not of names: which capitalised words are function
 * words, titles before a person, heads and suffixes of organisation names, prepositions before
 * places.
 */

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean))

/** Capitalised only because they start a sentence or a headline; never a name on their own. */
export const FUNCTION_WORDS = words(`
  a an the this that these those there here it its it's he she him her his hers they them their we us our you your i me my
  and or but nor so yet for if then than as at by in on of off to up from with without within into onto over under about
  after before during since until while when where why how what which who whom whose whether because although though
  however meanwhile moreover furthermore also still even just only not no yes all any both each every few many most much
  more some such other another one two three four five six seven eight nine ten
  is are was were be been being has have had do does did will would shall should can could may might must
  said says say according today yesterday tomorrow tonight now then later earlier once again already instead thus
  mr mrs ms dr sir madam dear please thanks thank hello
  despite among between against along around across through throughout toward towards upon beyond near
  following including regarding concerning given like unlike per via amid amidst
  shares stocks analysts officials investors executives experts sources reports critics
  monday tuesday wednesday thursday friday saturday sunday
  january february march april june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  spring summer autumn fall winter christmas easter
  ok yes no well oh
`)

/** Months and days: capitalised everywhere, names of nothing here. "May" is left to the first-name rule's context. */
export const CALENDAR_WORDS = words(`
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September
  October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Christmas Easter Thanksgiving Ramadan
`)

/** Titles and roles written before a name ("Prime Minister Taro Aso", "Apple CEO Steve Jobs"). */
export const TITLES = words(`
  Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sir Dame Lord Lady Prof Prof. Professor Rev Rev. Father Sister Brother Saint
  President President-elect Vice Prime Minister Premier Chancellor Secretary Senator Sen Sen. Rep Rep. Representative
  Congressman Congresswoman Governor Gov Gov. Mayor King Queen Prince Princess Emperor Empress Pope Sheikh Ayatollah
  General Gen Gen. Colonel Col Col. Lieutenant Lt Lt. Sergeant Sgt Sgt. Captain Capt Capt. Admiral Major Commander Marshal
  Judge Justice Presiding Attorney Prosecutor Detective Inspector Officer Constable Chief Executive Operating Financial
  Technology Director Chairman Chairwoman Chairperson Chair CEO CFO COO CTO Founder Co-founder Cofounder Deputy Acting
  Ambassador Envoy Commissioner Spokesman Spokeswoman Spokesperson Analyst Economist Head Leader Minister-President
  Treasurer Speaker Secretary-General Director-General Managing Senior Junior Interim Former Ex Late Archbishop Bishop
  Cardinal Rabbi Imam Coach Manager Editor Reporter Correspondent Columnist Chef Dean Provost Superintendent Sheriff
`)

/** Role words that, after a title, are still part of it ("Chief Executive Officer", "Vice President"). */
export const TITLE_ONLY = words(`Officer Executive Operating Financial Technology Vice Managing Senior Acting Deputy Former`)

/** A last word that makes a capitalised sequence an organisation. */
export const ORG_SUFFIXES = words(`
  Inc Inc. Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. Limited LLC LLP LP PLC Plc plc AG SA S.A. NV N.V. GmbH
  SE SpA AB ASA Oyj KK Bhd Pty Group Holdings Holding Partners Associates Enterprises Industries Technologies Technology
  Systems Solutions Software Networks Network Communications Telecom Media Entertainment Pictures Studios Records Publishing
  Airlines Airline Airways Air Aviation Aerospace Motors Motor Automotive Auto Petroleum Oil Gas Energy Power Electric
  Pharmaceuticals Pharma Labs Laboratories Foods Brands Stores Mart Markets Bancorp Bank Banks Bankshares Financial Finance
  Capital Securities Investments Investment Insurance Assurance Trust Fund Funds Exchange Reserve Ventures Consulting
  University College Institute School Academy Hospital Clinic Museum Library Foundation Society Association Federation
  Union League Alliance Coalition Council Committee Commission Board Agency Authority Bureau Office Department Ministry
  Directorate Administration Service Services Court Tribunal Parliament Congress Senate Assembly Cabinet Government
  Party Movement Front Army Navy Police Guard Corps Force Forces Command Brigade Battalion Regiment Militia
  Times Post News Journal Herald Tribune Gazette Telegraph Guardian Chronicle Review Daily Weekly Magazine Press Wire
  Radio Television TV Broadcasting Channel Reuters Bloomberg Club Team United FC Orchestra Band Church Mission
  Organization Organisation Organizations Center Centre Lab Project Initiative Program Programme Trust Cooperative
  Railway Railways Railroad Lines Shipping Logistics Transport Transit Electronics Devices Semiconductor Instruments
  Computer Computers Aircraft Airplanes Automobiles Automobile Cars Trucks Steel Chemicals Chemical Mining Resources Construction Mutual
  Pharmaceutical Biotech Therapeutics Retail Restaurants Hotels Resorts Casino Casinos Studio Interactive Digital
`)

/** A first word that makes "X of Y" an organisation ("Bank of America", "University of Tokyo"). */
export const ORG_HEADS = words(`
  Bank University College Institute School Academy Ministry Department Office Bureau Board Council Committee Commission
  Federation Union League Association Society Order Church Court House Chamber Museum Library Agency Authority
  Organization Organisation Fund Friends Sisters Brothers Party Government Army Navy Corps Republic Federal
`)

/** Bodies whose names go on with "for (the)": "Front for the Salvation of …", "Committee for the Protection of …". */
export const FOR_HEADS = words(`
  Front Committee Council Commission Organisation Organization Centre Center Institute Foundation Fund Movement Party
  Alliance Coalition Union League Association Society Campaign Agency Office Ministry Federation Network Forum
  Initiative Trust Conference Programme Program Mission
`)

/** Words after which "of" still belongs to a place name ("United States of America", "Gulf of Mexico"). */
export const PLACE_HEADS = words(`
  States Kingdom Republic Gulf Bay Sea Isle Isles Island Islands Cape Strait Straits Lake Mount City County Province
  State District Commonwealth Principality Emirate Sultanate Duchy Port Coast Valley Sea Ocean Plain Plains
`)

/**
 * Words after a place's own name that say which kind of division it is ("Parwan Province", "Idlib
 * Governorate"): the name alone is the same place (`propagate`, `entities/group`).
 */
export const ADMIN_SUFFIXES = words(`Province Provinces Region Regions District Districts Oblast Krai Governorate Prefecture`)

/** Words that end names of places that are not in a gazetteer of towns ("Wall Street", "Lake Geneva"). */
export const PLACE_SUFFIXES = new Set([
  ...words(`
  Street St St. Avenue Ave Road Boulevard Square Bridge Airport Harbor Harbour Port Station Park River Lake Mountains
  Mountain Hills Valley Island Islands Bay Gulf Sea Ocean Peninsula Desert Canal Strait Coast Beach County
  Territory Township Village Heights Falls House Palace Castle Cathedral Tower
  Stadium Arena Plaza Mall
  Counties Territories Valleys
`),
  ...ADMIN_SUFFIXES
])

/** Prepositions after which a known town or region name is a place even when it is a small one. */
export const PLACE_PREPOSITIONS = words(`in at near from to into across outside inside throughout toward towards via around between within`)


/** Capitalised acronyms that are not organisations. */
export const NOT_ORG_ACRONYMS = words(`
  CEO CFO COO CTO CIO GDP GNP CPI TV PC PCS AM PM AD BC OK USD EUR GBP JPY RUB CNY CHF HIV AIDS SARS DNA IT AI IPO
  FTSE DAX CAC DJIA ETF MP MPS VAT UTC GMT EST PST EDT PDT BST CET II III IV VI VII VIII IX XI XII XX
  I ID PR HR RSS PDF FAQ ATM SUV SUVS MPG HQ Q1 Q2 Q3 Q4 FY LCD LED GPS USB CD DVD PIN SMS
`)

/** Last words of names of events, laws and indices: named, but neither person, organisation nor place. */
export const EVENT_WORDS = words(`
  Conference Summit Games Olympics Olympiad Expo Show Festival Cup Championship Championships Tournament Open Award Awards
  Prize War Wars Crisis Election Elections Referendum Day Week Act Bill Law Treaty Agreement Accord Accords Pact Plan
  Index Average Prize Program Programme Protocol Convention Declaration Doctrine Revolution Scandal Affair Era Forum Rally
`)

/** Words after a country's name that still mean the country ("the Canadian Government"). */
export const GOVERNMENT_WORDS = words(`Government Administration Cabinet Authorities`)

/** Verbs that commonly follow a name as its subject ("Mosaic rose", "Epic said"): the word before them is a name, not an adjective. */
export const SUBJECT_VERBS = words(`
  said says told added reported announced agreed plans planned rose fell gained dropped won lost ended began became made
  took got is was are were has had have will would can could may might must did does do should shall
`)

/** Compass words before a nationality ("North American", "South Korean"). */
export const COMPASS = words(`North South East West Northern Southern Eastern Western Central`)
