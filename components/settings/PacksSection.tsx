/**
 * Rule packs: what is installed, on or off, where it came from; import from a file
 * or URL with every validation error shown; export; the diff of what an import
 * changes before it replaces anything.
 */
import { useId, useState } from 'react';
import { countTerms, diffPacks } from '../../core/rules/diff.ts';
import type { PackDiff } from '../../core/rules/diff.ts';
import { formatPack } from '../../core/rules/format.ts';
import { parsePack } from '../../core/rules/load.ts';
import type { PackError } from '../../core/rules/load.ts';
import type { Pack } from '../../core/rules/schema.ts';
import { formatCalendarDate, formatNumber } from '../../platform/i18n.ts';
import { sha256Hex } from '../../platform/packs/integrity.ts';
import { installPack, removePack } from '../../platform/packs/store.ts';
import type { PackSource } from '../../platform/packs/store.ts';
import { isLocked } from '../../platform/settings/managed.ts';
import type { Settings } from '../../platform/settings/schema.ts';
import { LockedNote, PackErrorList, Section } from './common.tsx';
import type { T } from './messages.ts';
import { PackDiffView } from './PackDiffView.tsx';
import type { OptionsState } from './useOptions.ts';

interface Pending {
  pack: Pack;
  sha256: string;
  source: PackSource;
  diff: PackDiff;
}

function download(pack: Pack) {
  const blob = new Blob([formatPack(pack)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${pack.id}-${pack.version}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function PacksSection({ t, state, update, reload }: { t: T; state: OptionsState; update: (change: (s: Settings) => void) => Promise<void>; reload: () => Promise<void> }) {
  const { settings, locked } = state.loaded;
  const [errors, setErrors] = useState<PackError[]>([]);
  const [pending, setPending] = useState<Pending | null>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const lockId = useId();
  const enabledLocked = isLocked(locked, 'packsEnabled');

  const rows = [
    ...state.bundled.map((pack) => ({ pack, source: t('sourceBundled'), removable: false })),
    ...state.installed.map((entry) => ({
      pack: entry.pack,
      source: entry.source.kind === 'file' ? entry.source.name : entry.source.url,
      // A subscribed pack goes with its subscription (the next check would bring it back).
      removable: entry.source.kind !== 'subscription' || !settings.subscriptions.some((s) => entry.source.kind === 'subscription' && s.url === entry.source.url),
    })),
  ];

  async function consider(text: Uint8Array<ArrayBuffer>, file: string, source: PackSource) {
    setNotice('');
    let decoded: string;
    try {
      decoded = new TextDecoder('utf-8', { fatal: true }).decode(text);
    } catch {
      setPending(null);
      setErrors([{ file, path: '$', message: t('notUtf8'), expected: t('expectedJsonText') }]);
      return;
    }
    const result = parsePack(decoded, file);
    if (!result.ok) {
      setPending(null);
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    const current = state.installed.find((p) => p.pack.id === result.pack.id)?.pack ?? state.bundled.find((p) => p.id === result.pack.id) ?? null;
    setPending({ pack: result.pack, sha256: await sha256Hex(text), source, diff: diffPacks(current, result.pack) });
  }

  async function onFile(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      setPending(null);
      setErrors([{ file: file.name, path: '$', message: t('readFailed', { reason: String(error) }), expected: t('expectedJsonText') }]);
      return;
    }
    await consider(bytes, file.name, { kind: 'file', name: file.name });
  }

  async function onUrl() {
    setBusy(true);
    try {
      const response = await fetch(url, { cache: 'no-store', credentials: 'omit' });
      if (!response.ok) {
        setPending(null);
        setErrors([{ file: url, path: '$', message: t('httpStatus', { status: response.status }), expected: t('expectedPackAtUrl') }]);
        return;
      }
      await consider(new Uint8Array(await response.arrayBuffer()), url, { kind: 'url', url });
    } catch (error) {
      setPending(null);
      setErrors([{ file: url, path: '$', message: t('fetchFailed', { reason: error instanceof Error ? error.message : String(error) }), expected: t('expectedPackAtUrl') }]);
    } finally {
      setBusy(false);
    }
  }

  async function accept() {
    if (!pending) return;
    await installPack({ pack: pending.pack, sha256: pending.sha256, source: pending.source, installedAt: Date.now() });
    setNotice(t('installed', { id: pending.pack.id, version: pending.pack.version }));
    setPending(null);
    // Storage change events also reload, but not promptly in every browser: reload now.
    await reload();
  }

  return (
    <Section id="packs" title={t('packsTitle')}>
      {enabledLocked && <LockedNote t={t} id={lockId} />}
      <table className="packs">
        <caption className="visually-hidden">{t('packsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colPack')}</th>
            <th scope="col">{t('colVersion')}</th>
            <th scope="col">{t('colDate')}</th>
            <th scope="col">{t('colRules')}</th>
            <th scope="col">{t('colTerms')}</th>
            <th scope="col">{t('colSource')}</th>
            <th scope="col">{t('colEnabled')}</th>
            <th scope="col">{t('colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={8}>{t('noPacks')}</td>
            </tr>
          )}
          {rows.map(({ pack, source, removable }) => {
            const enabled = settings.packsEnabled[pack.id] !== false;
            return (
              <tr key={`${pack.id}-${source}`} data-pack={pack.id}>
                <th scope="row">
                  {pack.name} <code>{pack.id}</code>
                </th>
                <td>{pack.version}</td>
                <td>{formatCalendarDate(t.locale, pack.date)}</td>
                <td>{formatNumber(t.locale, pack.rules.length)}</td>
                <td>{formatNumber(t.locale, countTerms(pack))}</td>
                <td className="source">{source}</td>
                <td>
                  <input
                    type="checkbox"
                    role="switch"
                    aria-checked={enabled}
                    checked={enabled}
                    disabled={enabledLocked}
                    aria-describedby={enabledLocked ? lockId : undefined}
                    aria-label={t('enablePack', { id: pack.id })}
                    onChange={(e) => {
                      const checked = e.target.checked;
                      void update((s) => void (s.packsEnabled[pack.id] = checked));
                    }}
                  />
                </td>
                <td>
                  <button type="button" onClick={() => download(pack)} aria-label={t('exportPack', { id: pack.id })}>
                    {t('export')}
                  </button>
                  {removable && (
                    <button type="button" onClick={() => void removePack(pack.id).then(reload)} aria-label={t('removePack', { id: pack.id })}>
                      {t('remove')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {state.packProblems.length > 0 && (
        <ul role="alert" className="errors">
          {state.packProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}

      <h3>{t('importTitle')}</h3>
      <div className="row">
        <label>
          {t('importFile')} <input type="file" accept=".json,application/json" data-testid="import-file" onChange={(e) => void onFile(e.target.files)} />
        </label>
      </div>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void onUrl();
        }}
      >
        <label>
          {t('importUrl')} <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" size={50} />
        </label>
        <button type="submit" disabled={busy}>
          {t('fetch')}
        </button>
      </form>
      <PackErrorList t={t} errors={errors} id="import-errors" />
      {pending && (
        <div className="pending" role="region" aria-label={t('reviewImport')}>
          <p>{t('readyToInstall', { name: pending.pack.name, id: pending.pack.id, version: pending.pack.version })}</p>
          <PackDiffView t={t} diff={pending.diff} />
          <button type="button" className="primary" onClick={() => void accept()}>
            {t('install')}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
      <p role="status" aria-live="polite">
        {notice}
      </p>
    </Section>
  );
}
