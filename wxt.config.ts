import { defineConfig } from 'wxt';
import { MARKETPLACE_HOST_PERMISSIONS, MARKETPLACE_MATCHES } from './platform/marketplaces.ts';

// Manifest and build settings. Permissions are the fewest that work: the content
// script (the unlisted `inspector` script, see entrypoints/inspector/index.ts) runs on
// the marketplace list by default; other sites are inspected on demand through
// activeTab + scripting, or always once the reviewer grants that site (optional host
// permission). No "tabs" permission: activeTab gives the URL when the reviewer asks.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    // The name is the same in every language and stays literal (runtime.getManifest() does not
    // substitute __MSG_ placeholders); the store description is localised (public/_locales).
    name: 'Listing Inspector',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // alarms: settings subscriptions and the report outbox wake on them; unlimitedStorage:
    // evidence (screenshots, snapshots) must not be evicted; pageCapture: MHTML evidence (Chromium only).
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      'contextMenus',
      'alarms',
      'unlimitedStorage',
      ...(browser === 'firefox' ? [] : ['pageCapture']),
    ],
    host_permissions: [...MARKETPLACE_HOST_PERMISSIONS],
    optional_host_permissions: browser === 'firefox' ? undefined : ['*://*/*'],
    optional_permissions: browser === 'firefox' ? ['*://*/*'] : undefined,
    // Team deployment: the policies an organisation may set (docs/deployment.md). Firefox reads
    // the same names from the "3rdparty" section of policies.json and rejects this key in MV2.
    storage: browser === 'firefox' ? undefined : { managed_schema: 'managed_schema.json' },
    content_scripts: [{ matches: [...MARKETPLACE_MATCHES], js: ['inspector.js'], run_at: 'document_idle' }],
    // Shortcut descriptions are localised (public/_locales) like the store description.
    commands: {
      'next-finding': { suggested_key: { default: 'Alt+Shift+J' }, description: '__MSG_cmdNextFinding__' },
      'previous-finding': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_cmdPreviousFinding__' },
      'toggle-highlights': { suggested_key: { default: 'Alt+Shift+H' }, description: '__MSG_cmdToggleHighlights__' },
      'inspect-page': { suggested_key: { default: 'Alt+Shift+I' }, description: '__MSG_cmdInspectPage__' },
    },
    content_security_policy:
      browser === 'firefox'
        ? undefined
        : { extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'" },
    browser_specific_settings:
      browser === 'firefox'
        ? { gecko: { id: 'listing-inspector@example.org', strict_min_version: '128.0' } }
        : undefined,
  }),
});
