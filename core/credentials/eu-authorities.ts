/**
 * National competent authorities whose lists the EU common logo for online sale of medicines must
 * link to (Directive 2001/83/EC art. 85c; Implementing Regulation (EU) No 699/2014). EEA states
 * (Norway, Iceland, Liechtenstein) use the logo too.
 *
 * `registerHosts` are hosts that exist only to hold the list of registered online sellers: any link
 * to them is a register link. `authorityHosts` are the authority's general sites: a link there counts
 * only when it looks like the logo. Hosts are compared as "the host or a subdomain of it".
 *
 * Hosts marked † were taken from the authorities' names and general knowledge, not checked against
 * the EU's current list (https://health.ec.europa.eu/medicinal-products/eu-logo-online-sale-medicines_en).
 */
export interface EuAuthority {
  country: string;
  authority: string;
  registerHosts: readonly string[];
  authorityHosts: readonly string[];
}

export const EU_AUTHORITIES: readonly EuAuthority[] = [
  { country: 'AT', authority: 'BASG', registerHosts: [], authorityHosts: ['basg.gv.at'] },
  { country: 'BE', authority: 'FAMHP/AFMPS/FAGG', registerHosts: [], authorityHosts: ['afmps.be', 'fagg.be', 'famhp.be'] },
  { country: 'BG', authority: 'BDA', registerHosts: [], authorityHosts: ['bda.bg'] },
  { country: 'HR', authority: 'HALMED', registerHosts: [], authorityHosts: ['halmed.hr'] },
  { country: 'CY', authority: 'Ministry of Health (Pharmaceutical Services)', registerHosts: [], authorityHosts: ['moh.gov.cy'] },
  { country: 'CZ', authority: 'SÚKL', registerHosts: [], authorityHosts: ['sukl.cz', 'sukl.gov.cz'] }, // sukl.gov.cz †
  { country: 'DK', authority: 'Lægemiddelstyrelsen', registerHosts: [], authorityHosts: ['laegemiddelstyrelsen.dk', 'dkma.dk'] },
  { country: 'EE', authority: 'Ravimiamet', registerHosts: [], authorityHosts: ['ravimiamet.ee'] },
  { country: 'FI', authority: 'Fimea', registerHosts: [], authorityHosts: ['fimea.fi'] },
  // France: the Ordre national des pharmaciens publishes the list of authorised pharmacy sites.
  { country: 'FR', authority: 'Ordre national des pharmaciens / Ministère de la santé', registerHosts: [], authorityHosts: ['ordre.pharmacien.fr', 'sante.gouv.fr'] }, // sante.gouv.fr †
  // Germany: DIMDI kept the register until it merged into BfArM (2020); old logos still link to dimdi.de.
  { country: 'DE', authority: 'BfArM (formerly DIMDI)', registerHosts: [], authorityHosts: ['bfarm.de', 'dimdi.de'] },
  { country: 'GR', authority: 'EOF', registerHosts: [], authorityHosts: ['eof.gr'] },
  { country: 'HU', authority: 'OGYÉI', registerHosts: [], authorityHosts: ['ogyei.gov.hu'] },
  // Ireland: PSI lists pharmacies; HPRA lists non-pharmacy retailers of non-prescription medicines.
  { country: 'IE', authority: 'PSI / HPRA', registerHosts: [], authorityHosts: ['thepsi.ie', 'psi.ie', 'hpra.ie'] }, // psi.ie †
  { country: 'IT', authority: 'Ministero della Salute', registerHosts: [], authorityHosts: ['salute.gov.it'] },
  { country: 'LV', authority: 'ZVA', registerHosts: [], authorityHosts: ['zva.gov.lv'] },
  { country: 'LT', authority: 'VVKT', registerHosts: [], authorityHosts: ['vvkt.lt'] },
  { country: 'LU', authority: 'Ministère de la Santé', registerHosts: [], authorityHosts: ['ms.public.lu', 'sante.public.lu'] }, // †
  { country: 'MT', authority: 'Medicines Authority', registerHosts: [], authorityHosts: ['medicinesauthority.gov.mt'] },
  // Netherlands: CIBG's register of online medicine sellers has a host of its own.
  { country: 'NL', authority: 'CIBG', registerHosts: ['aanbiedersmedicijnen.nl'], authorityHosts: ['cibg.nl'] },
  { country: 'PL', authority: 'GIF', registerHosts: ['rejestrymedyczne.ezdrowie.gov.pl'], authorityHosts: ['gif.gov.pl'] }, // register host †
  { country: 'PT', authority: 'INFARMED', registerHosts: [], authorityHosts: ['infarmed.pt'] },
  { country: 'RO', authority: 'ANMDMR', registerHosts: [], authorityHosts: ['anm.ro', 'anmdm.ro'] }, // anmdm.ro †
  { country: 'SK', authority: 'ŠÚKL', registerHosts: [], authorityHosts: ['sukl.sk'] },
  { country: 'SI', authority: 'JAZMP', registerHosts: [], authorityHosts: ['jazmp.si'] },
  // Spain: Distafarma is AEMPS's list of pharmacies authorised to sell online.
  { country: 'ES', authority: 'AEMPS', registerHosts: ['distafarma.aemps.es'], authorityHosts: ['aemps.gob.es', 'aemps.es'] },
  { country: 'SE', authority: 'Läkemedelsverket', registerHosts: [], authorityHosts: ['lakemedelsverket.se'] },
  { country: 'NO', authority: 'DMP (formerly Statens legemiddelverk)', registerHosts: [], authorityHosts: ['legemiddelverket.no', 'dmp.no'] }, // dmp.no †
  { country: 'IS', authority: 'Lyfjastofnun', registerHosts: [], authorityHosts: ['lyfjastofnun.is'] },
  { country: 'LI', authority: 'Amt für Gesundheit', registerHosts: [], authorityHosts: ['llv.li'] }, // †
  // United Kingdom: MHRA's "Distance Selling Logo" is the EU logo. Since 1 January 2021 it is required
  // only of sellers in Northern Ireland (Northern Ireland Protocol); GB sellers may still show old ones.
  // The register lives on mhra.gov.uk subdomains (its portal is pclportal.mhra.gov.uk).
  { country: 'GB', authority: 'MHRA (Distance Selling Logo; Northern Ireland since 2021)', registerHosts: [], authorityHosts: ['mhra.gov.uk'] },
];

// Host → authority, so a link is looked up by its host and parent domains rather than by scanning
// the table (pages have thousands of links).
const BY_HOST = new Map<string, { authority: EuAuthority; register: boolean }>();
for (const authority of EU_AUTHORITIES) {
  for (const h of authority.authorityHosts) BY_HOST.set(h, { authority, register: false });
}
for (const authority of EU_AUTHORITIES) {
  for (const h of authority.registerHosts) BY_HOST.set(h, { authority, register: true });
}

/**
 * The authority a host belongs to (the host or a parent domain is in the table), and whether the
 * host is a dedicated register. The most specific entry wins: distafarma.aemps.es is a register even
 * though aemps.es is the agency's general site.
 */
export function authorityForHost(host: string): { authority: EuAuthority; register: boolean } | null {
  const labels = host.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const found = BY_HOST.get(labels.slice(i).join('.'));
    if (found !== undefined) return found;
  }
  return null;
}
