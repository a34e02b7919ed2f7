/**
 * Prints the listing facts extracted from every page of ../shared/realpages next to the
 * manifest's answer keys: `node scripts/realpages-report.ts [filter]`.
 */
import { extractListing } from '../core/adapters/index.ts';
import { chromeElements } from '../core/adapters/chrome.ts';
import { expectedAmount, expectedSeller, loadManifest, loadPage, locateRealPages, sellerMatches, titleMatches } from '../test/unit/realpages-support.ts';

const dir = locateRealPages();
if (!dir) {
  console.error('realpages not found (set REALPAGES_DIR)');
  process.exit(1);
}
const filter = process.argv[2] ?? '';
for (const entry of loadManifest(dir)) {
  if (!entry.file.includes(filter)) continue;
  const started = performance.now();
  const doc = loadPage(dir, entry);
  const { adapter, facts, roots } = extractListing(doc, null);
  const ms = Math.round(performance.now() - started);
  const amount = expectedAmount(entry.price);
  const seller = expectedSeller(entry.seller);
  const t = titleMatches(entry.product_title, facts.title) ? 'ok' : 'XX';
  const p = (facts.price?.amount ?? null) === amount ? 'ok' : 'XX';
  const s = seller === null ? '--' : sellerMatches(seller, facts.seller, facts.marketplace) ? 'ok' : 'XX';
  const chrome = roots.some((r) => chromeElements(r).length > 0 || ['HTML', 'BODY'].includes(r.tagName));
  console.log(`${entry.file} [${adapter}/${facts.marketplace}/${facts.pageType}] ${ms}ms roots=${roots.length}${chrome ? ' CHROME!' : ''}`);
  console.log(`  title ${t}: ${JSON.stringify(facts.title)}${t === 'XX' ? `\n     want ${JSON.stringify(entry.product_title)}` : ''}`);
  console.log(`  price ${p}: ${JSON.stringify(facts.price)}${p === 'XX' ? ` want ${amount} (${entry.price})` : ''}`);
  console.log(`  seller ${s}: ${JSON.stringify(facts.seller)}${s === 'XX' ? ` want ${JSON.stringify(seller)}` : ''} id=${facts.listingId}`);
}
