import { defineConfig } from 'wxt';

// Manifest and build settings. Permissions are the fewest that work: the
// content script runs on the marketplace list by default; other sites are
// inspected on demand through activeTab or an optional host permission.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Listing Inspector',
    description:
      'Flags prohibited-drug listings and missing seller credentials on marketplace pages (English, Spanish, Chinese).',
    // alarms: the report outbox wakes for retries; unlimitedStorage: evidence (screenshots,
    // snapshots) must not be evicted; pageCapture: MHTML evidence (Chromium only).
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      'contextMenus',
      'alarms',
      'unlimitedStorage',
      ...(browser === 'firefox' ? [] : ['pageCapture']),
    ],
    optional_host_permissions: ['*://*/*'],
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
