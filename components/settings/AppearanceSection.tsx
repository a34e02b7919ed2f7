/** Highlight colour and underline style per severity (distinguishable without colour), and panel density. */
import { useId } from 'react';
import { SEVERITIES } from '../../core/findings.ts';
import { isLocked } from '../../platform/settings/managed.ts';
import { HIGHLIGHT_LINES } from '../../platform/settings/schema.ts';
import type { Settings } from '../../platform/settings/schema.ts';
import { LockedNote, Section } from './common.tsx';
import type { T } from './messages.ts';
import type { OptionsState } from './useOptions.ts';

export function AppearanceSection({ t, state, update }: { t: T; state: OptionsState; update: (change: (s: Settings) => void) => Promise<void> }) {
  const { settings, locked } = state.loaded;
  const densityLocked = isLocked(locked, 'appearance.density');
  const lockId = useId();
  return (
    <Section id="appearance" title={t('appearanceTitle')}>
      <table>
        <caption className="visually-hidden">{t('appearanceTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('severity')}</th>
            <th scope="col">{t('colour')}</th>
            <th scope="col">{t('lineStyle')}</th>
            <th scope="col">{t('preview')}</th>
          </tr>
        </thead>
        <tbody>
          {SEVERITIES.map((severity) => {
            const style = settings.appearance[severity];
            return (
              <tr key={severity}>
                <th scope="row">{t(`severity_${severity}`)}</th>
                <td>
                  <input
                    type="color"
                    value={style.colour}
                    aria-label={t('colourFor', { severity: t(`severity_${severity}`) })}
                    onChange={(e) => {
                      const colour = e.target.value;
                      void update((s) => void (s.appearance[severity].colour = colour));
                    }}
                  />
                </td>
                <td>
                  <select
                    value={style.line}
                    aria-label={t('lineFor', { severity: t(`severity_${severity}`) })}
                    onChange={(e) => {
                      const line = e.target.value as (typeof HIGHLIGHT_LINES)[number];
                      void update((s) => void (s.appearance[severity].line = line));
                    }}
                  >
                    {HIGHLIGHT_LINES.map((line) => (
                      <option key={line} value={line}>
                        {t(`line_${line}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <span
                    className="preview"
                    style={{
                      textDecorationLine: 'underline',
                      textDecorationStyle: style.line,
                      textDecorationColor: style.colour,
                      textDecorationThickness: '2px',
                      backgroundColor: `${style.colour}22`,
                    }}
                  >
                    oxycodone 30mg
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <fieldset disabled={densityLocked} aria-describedby={densityLocked ? lockId : undefined}>
        <legend>{t('density')}</legend>
        {(['comfortable', 'compact'] as const).map((density) => (
          <label key={density} className="inline">
            <input
              type="radio"
              name="density"
              value={density}
              checked={settings.appearance.density === density}
              onChange={() => void update((s) => void (s.appearance.density = density))}
            />
            {t(`density_${density}`)}
          </label>
        ))}
      </fieldset>
      {densityLocked && <LockedNote t={t} id={lockId} />}
    </Section>
  );
}
