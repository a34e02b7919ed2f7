/**
 * The in-page inspector: scans the page in time slices, paints the findings, keeps up
 * with dynamic content and single-page navigation, answers the panel's commands, and
 * reports to the background. Every listener, observer, highlight and timer it creates is
 * removed by destroy().
 */
import type { CredentialResult } from '../../core/findings.ts';
import { computedIsBlock, computedVisibilityProbe } from '../../core/page/index.ts';
import type { VisibilityProbe } from '../../core/page/index.ts';
import type { FocusAnswer, InpageCommand, InpageFinding, TabReport } from '../../platform/messages/contract.ts';
import { onCommand, sendFromContent } from '../../platform/messages/index.ts';
import { createDetection } from './detection.ts';
import type { Detection, ListingRead } from './detection.ts';
import { Explainer } from './explain.ts';
import type { Explained } from './explain.ts';
import { Highlighter } from './highlighter.ts';
import { MutationQueue } from './mutations.ts';
import type { ChangeBatch } from './mutations.ts';
import { scanRoot } from './page-scan.ts';
import type { LiveFinding, RootScan, ScanEnvironment } from './page-scan.ts';
import { readCredentials } from './credential-reader.ts';
import { Revealer } from './reveal.ts';
import { afterNextPaint, SliceClock } from './slicing.ts';

/** The panel lists at most this many findings (all are counted). */
const LIST_CAP = 1500;
const REPORT_THROTTLE_MS = 200;

interface ScannedUnit {
  root: Node;
  credentials: CredentialResult[];
}


export class Inspector {
  private readonly win: Window;
  private readonly doc: Document;
  private detection: Detection = createDetection([]);
  private readonly abort = new AbortController();
  private readonly highlighter: Highlighter;
  private readonly explainer: Explainer;
  private readonly revealer: Revealer;
  private readonly mutations: MutationQueue;
  private readonly findings = new Map<string, LiveFinding>();
  private readonly byTextNode = new Map<Node, LiveFinding[]>();
  private units: ScannedUnit[] = [];
  private listing: ListingRead = { facts: { marketplace: null, pageType: 'other', title: null, listingId: null, price: null, seller: null }, roots: [] };
  private clock = new SliceClock();
  private idCounter = 0;
  private focusedId: string | null = null;
  private scanMs = 0;
  private adapterMs = 0;
  private rescans = 0;
  private blocks = 0;
  private chars = 0;
  private work: Promise<void> = Promise.resolve();
  private reportTimer = 0;
  private readonly cleanups: Array<() => void> = [];
  private lastUrl: string;

  constructor(win: Window) {
    this.win = win;
    this.doc = win.document;
    this.lastUrl = win.location.href;
    this.highlighter = new Highlighter(win);
    this.revealer = new Revealer(win);
    this.explainer = new Explainer(win, (node, offset) => this.findingAt(node, offset));
    const ownUi = (node: Node) => node.nodeType === Node.ELEMENT_NODE && (node as Element).localName.startsWith('x-h') && node.parentNode === this.doc.documentElement;
    this.mutations = new MutationQueue({
      ignore: ownUi,
      isBlock: computedIsBlock(win),
      onBatch: (batch) => this.enqueue(() => this.applyChanges(batch)),
    });
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  start(): void {
    // The background inserts the style sheet as an extension sheet; where it cannot (no
    // host permission), the sheet is adopted by the document instead (visible to the page).
    void sendFromContent({ kind: 'inpage/styles', names: this.highlighter.names })
      .then((raw) => {
        const answer = raw as { ok?: boolean; previous?: unknown } | undefined;
        if (Array.isArray(answer?.previous)) this.highlighter.removeStale(answer.previous.filter((n): n is string => typeof n === 'string'));
        return answer?.ok !== true;
      })
      .catch(() => true)
      .then((fallback) => {
        if (fallback && !this.signal.aborted) this.highlighter.adoptDocumentSheet(this.doc);
      });
    this.cleanups.push(onCommand((command) => this.handle(command)));
    // Single-page navigation: the Navigation API where present, history traversal otherwise.
    const nav = (this.win as Window & { navigation?: EventTarget }).navigation;
    const onNavigate = () => this.win.setTimeout(() => this.checkLocation(), 50);
    if (nav) {
      nav.addEventListener('navigatesuccess', onNavigate);
      this.cleanups.push(() => nav.removeEventListener('navigatesuccess', onNavigate));
    }
    this.win.addEventListener('popstate', onNavigate);
    this.win.addEventListener('hashchange', onNavigate);
    this.cleanups.push(() => {
      this.win.removeEventListener('popstate', onNavigate);
      this.win.removeEventListener('hashchange', onNavigate);
    });
    this.enqueue(async () => {
      const setup = (await sendFromContent({ kind: 'inpage/setup', url: this.win.location.href })) as { denied?: boolean; packs?: Array<{ id: string; version: string }> } | undefined;
      if (setup?.denied) {
        // The reviewer's deny list: this site is never inspected.
        this.destroy();
        return;
      }
      this.detection = createDetection(setup?.packs ?? []);
      await this.fullScan();
    });
  }

  /** Tears everything down: no highlight, listener, observer, timer or element stays behind. */
  destroy(): void {
    this.abort.abort();
    this.mutations.disconnect();
    this.highlighter.destroy();
    this.explainer.destroy();
    this.revealer.clear();
    this.win.clearTimeout(this.reportTimer);
    for (const c of this.cleanups.splice(0)) c();
    this.findings.clear();
    this.byTextNode.clear();
    this.units = [];
  }

  /** Scanning work runs one job at a time, in order. */
  private enqueue(job: () => Promise<void>): void {
    this.work = this.work
      .then(() => (this.signal.aborted ? undefined : job()))
      .catch((error: unknown) => {
        if (!this.signal.aborted) console.warn('Listing Inspector: scan failed', error);
      });
  }

  /** Called after navigation events; a changed URL means a new listing: scan it afresh. */
  private checkLocation(): void {
    if (this.win.location.href === this.lastUrl) return;
    this.lastUrl = this.win.location.href;
    this.enqueue(() => this.fullScan());
  }

  private environment(): ScanEnvironment {
    return {
      scan: (blocks) => this.detection.scan(blocks),
      mapOptions: {
        visibility: documentVisibility(this.win),
        isBlock: computedIsBlock(this.win),
        listingRoots: this.listing.roots,
        baseUrl: this.win.location.href,
        // On an item page the title and meta/OpenGraph descriptions describe this listing (as in the CLI).
        ...(this.listing.facts.pageType === 'item' ? { metadataZone: 'listing' as const } : {}),
      },
      nextId: () => `f${++this.idCounter}`,
    };
  }

  private async fullScan(): Promise<void> {
    const started = performance.now();
    this.clearFindings();
    this.units = [];
    this.clock = new SliceClock();
    this.clock.phase = 'adapter';
    await afterNextPaint(this.win);
    this.signal.throwIfAborted();
    this.clock.restart();
    const adapterStart = performance.now();
    const declared = declaredPageUrl(this.win);
    this.listing = this.detection.readListing(this.doc, declared === null ? new URL(this.win.location.href) : null);
    this.adapterMs = performance.now() - adapterStart;
    await this.clock.yieldNow(this.signal);
    // Watch before walking: content added while the walk is under way is queued, not lost.
    this.mutations.observe(this.doc);
    const scan = await scanRoot(this.doc, this.environment(), this.clock, this.signal);
    await this.absorb(this.doc, scan);
    this.blocks = scan.blocks.length;
    this.chars = scan.chars;
    this.clock.finish();
    this.scanMs = performance.now() - started;
    this.rescans = 0;
    this.reportSoon(0);
  }

  private async applyChanges(batch: ChangeBatch): Promise<void> {
    if (batch.removals) {
      for (const f of [...this.findings.values()]) if (!f.anchor.isConnected) this.dropFinding(f);
      this.units = this.units.filter((u) => u.root.isConnected);
    }
    this.clock.restart();
    for (const root of batch.roots) {
      if (!root.isConnected) continue;
      for (const f of [...this.findings.values()]) if (composedContains(root, f.anchor)) this.dropFinding(f);
      this.units = this.units.filter((u) => !(u.root !== this.doc && composedContains(root, u.root)));
      const scan = await scanRoot(root, this.environment(), this.clock, this.signal);
      await this.absorb(root, scan);
      this.rescans++;
      if (root.localName === 'iframe') this.watchFrame(root as HTMLIFrameElement);
      for (const frame of Array.from(root.querySelectorAll('iframe'))) this.watchFrame(frame);
    }
    this.clock.finish();
    this.reportSoon(REPORT_THROTTLE_MS);
  }

  private async absorb(root: Node, scan: RootScan): Promise<void> {
    const credentials: CredentialResult[] = [];
    this.clock.phase = 'credentials';
    const url = declaredPageUrl(this.win) ?? this.win.location.href;
    credentials.push(...(await readCredentials(scan.blocks, scan.links, url)));
    this.signal.throwIfAborted();
    this.clock.restart();
    this.units.push({ root, credentials });
    for (const f of scan.findings) this.addFinding(f);
    for (const shadow of scan.shadowRoots) this.mutations.observe(shadow);
    for (const frameDoc of scan.frameDocuments) this.mutations.observe(frameDoc);
    if (root === this.doc) for (const frame of Array.from(this.doc.querySelectorAll('iframe'))) this.watchFrame(frame);
  }

  /** Same-origin frames that load (or reload) later are scanned when they do. */
  private readonly watchedFrames = new WeakSet<HTMLIFrameElement>();
  private watchFrame(frame: HTMLIFrameElement): void {
    if (this.watchedFrames.has(frame)) return;
    this.watchedFrames.add(frame);
    const onLoad = () => this.enqueue(() => this.applyChanges({ roots: [frame], removals: true }));
    frame.addEventListener('load', onLoad);
    this.cleanups.push(() => frame.removeEventListener('load', onLoad));
  }

  private addFinding(f: LiveFinding): void {
    this.findings.set(f.id, f);
    if (!f.painted) return;
    this.highlighter.add({ id: f.id, severity: f.match.severity, ranges: f.ranges });
    for (const r of f.ranges) {
      const list = this.byTextNode.get(r.startContainer) ?? [];
      list.push(f);
      this.byTextNode.set(r.startContainer, list);
    }
  }

  private dropFinding(f: LiveFinding): void {
    this.findings.delete(f.id);
    if (this.focusedId === f.id) this.focusedId = null;
    this.highlighter.remove(f.id);
    for (const r of f.ranges) {
      const list = this.byTextNode.get(r.startContainer)?.filter((x) => x !== f);
      if (list?.length) this.byTextNode.set(r.startContainer, list);
      else this.byTextNode.delete(r.startContainer);
    }
  }

  private clearFindings(): void {
    for (const f of [...this.findings.values()]) this.dropFinding(f);
    this.explainer.hide();
  }

  private findingAt(node: Node, offset: number): Explained | null {
    const candidates = this.byTextNode.get(node);
    if (!candidates) return null;
    const hit = candidates.find((f) => f.ranges.some((r) => r.startContainer === node && offset >= r.startOffset && offset <= r.endOffset));
    return hit ? this.explained(hit) : null;
  }

  private explained(f: LiveFinding): Explained {
    const m = f.match;
    return {
      id: f.id,
      ranges: f.ranges,
      lines: {
        title: `${m.term} — ${m.ruleId}`,
        meta: `${m.category} · ${m.severity} severity · tier ${m.tier}`,
        explanation: m.explanation,
        where: `${f.element} · ${f.detail}`,
      },
    };
  }

  /** Findings in document order: the order next/previous steps through. */
  private ordered(): LiveFinding[] {
    return [...this.findings.values()].sort((a, b) => {
      if (a.anchor === b.anchor) return (a.ranges[0]?.startOffset ?? 0) - (b.ranges[0]?.startOffset ?? 0);
      const pos = a.anchor.compareDocumentPosition(b.anchor);
      if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
      if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
      return 0;
    });
  }

  private async handle(command: InpageCommand): Promise<unknown> {
    switch (command.kind) {
      case 'inpage/focus':
        return this.focus(command.target);
      case 'inpage/highlights':
        this.highlighter.setVisible(command.on);
        if (!command.on) this.explainer.hide();
        this.reportSoon(0);
        return { on: command.on };
      case 'inpage/reveal': {
        const f = this.findings.get(command.id);
        if (f) this.revealFinding(f);
        return { revealed: Boolean(f) };
      }
      case 'inpage/report-now':
        await this.work;
        return this.buildReport();
    }
  }

  private focus(target: string): FocusAnswer {
    const list = this.ordered();
    if (list.length === 0) return { id: null, index: -1, total: 0 };
    const current = list.findIndex((f) => f.id === this.focusedId);
    let index: number;
    if (target === 'next') index = current < 0 ? 0 : (current + 1) % list.length;
    else if (target === 'previous') index = current < 0 ? list.length - 1 : (current - 1 + list.length) % list.length;
    else index = list.findIndex((f) => f.id === target);
    const f = list[index];
    if (!f) return { id: null, index: -1, total: list.length };
    this.focusedId = f.id;
    if (f.painted) {
      this.highlighter.setFocus({ id: f.id, severity: f.match.severity, ranges: f.ranges });
      const el = f.ranges[0]?.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      this.explainer.showFor(this.explained(f));
    } else {
      this.highlighter.setFocus(null);
      this.revealFinding(f);
    }
    return { id: f.id, index, total: list.length };
  }

  private revealFinding(f: LiveFinding): void {
    this.explainer.hide();
    this.revealer.reveal(f.anchor, `${f.match.where}: “${f.match.matched}” → ${f.match.term} · ${f.detail}`);
  }

  private reportSoon(delay: number): void {
    if (this.reportTimer) return;
    this.reportTimer = this.win.setTimeout(() => {
      this.reportTimer = 0;
      if (this.signal.aborted) return;
      void sendFromContent({ kind: 'inpage/report', report: this.buildReport() }).catch(() => undefined);
    }, delay);
  }

  private buildReport(): TabReport {
    const ordered = this.ordered();
    const result = this.detection.assemble({
      url: declaredPageUrl(this.win) ?? this.win.location.href,
      matches: ordered.map((f) => f.match),
      credentials: this.detection.mergeCredentials(this.units.flatMap((u) => u.credentials)),
      listing: this.listing.facts,
    });
    const listed: InpageFinding[] = ordered.slice(0, LIST_CAP).map((f, i) => ({
      id: f.id,
      key: f.key,
      finding: result.findings[i] ?? stripToFinding(f),
      tier: f.match.tier,
      packId: f.match.packId,
      painted: f.painted,
      element: f.element,
      detail: f.detail,
    }));
    return {
      url: this.win.location.href,
      title: this.doc.title.slice(0, 300),
      result,
      findings: listed,
      truncated: Math.max(0, ordered.length - LIST_CAP),
      highlightsOn: this.highlighter.isVisible,
      painter: this.highlighter.isVisible ? this.highlighter.mode : 'off',
      stats: { scanMs: round(this.scanMs), longestSliceMs: round(this.clock.longestMs), longestSlicePhase: this.clock.longestPhase, adapterMs: round(this.adapterMs), scannerSliceMs: round(Math.max(0, ...[...this.clock.byPhase].filter(([phase]) => phase !== 'adapter').map(([, ms]) => ms))), blocks: this.blocks, chars: this.chars, rescans: this.rescans },
    };
  }
}

/**
 * A page opened from a file or a local server is a saved page: like the static scan, read
 * it at the address it declares (canonical link, og:url), so site adapters and
 * credentials that depend on the domain (.pharmacy, seals) judge it as published.
 * Null for pages on the web (their own address stands) and saved pages declaring none.
 */
function declaredPageUrl(win: Window): string | null {
  const loc = win.location;
  const local = loc.protocol === 'file:' || /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(loc.hostname);
  if (!local) return null;
  const doc = win.document;
  const declared =
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  if (!declared) return null;
  try {
    const url = new URL(declared, loc.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The computed-style probe, except for <head>: it is never rendered (display: none), yet
 * its title and meta text are page metadata, not cloaked text; the text map reports them
 * as structured data when they are not "hidden".
 */
function documentVisibility(win: Window): VisibilityProbe {
  const probe = computedVisibilityProbe(win);
  return {
    isHidden: (el) => (el.localName === 'head' || el.parentElement?.localName === 'head' ? false : probe.isHidden(el)),
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function stripToFinding(f: LiveFinding): InpageFinding['finding'] {
  const m = f.match;
  return { ruleId: m.ruleId, term: m.term, category: m.category, severity: m.severity, matched: m.matched, where: m.where, context: m.context, zone: m.zone, tricks: m.tricks, explanation: m.explanation };
}

/** contains() that also looks through shadow roots and into same-origin frames. */
function composedContains(root: Node, node: Node): boolean {
  let n: Node | null = node;
  while (n) {
    if (n === root) return true;
    const parent: Node | null = n.parentNode;
    if (parent) {
      n = parent;
      continue;
    }
    if ((n as ShadowRoot).host) n = (n as ShadowRoot).host;
    else if (n.nodeType === Node.DOCUMENT_NODE) n = (n as Document).defaultView?.frameElement ?? null;
    else n = null;
  }
  return false;
}
