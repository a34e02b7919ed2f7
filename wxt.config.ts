import { defineConfig } from 'wxt';

// Manifest and build settings. Permissions are the fewest that work: the
// content script runs on the marketplace list by default; other sites are
// inspected on demand through activeTab or an optional host permission.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    // The name is the same in every language and stays literal (runtime.getManifest() does not
    // substitute __MSG_ placeholders); the store description is localised (public/_locales).
    name: 'Listing Inspector',
    description: '__MSG_extDescription__',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms'],
    // Team deployment: the policies an organisation may set (docs/deployment.md). Firefox reads
    // the same names from the "3rdparty" section of policies.json and rejects this key in MV2.
    storage: browser === 'firefox' ? undefined : { managed_schema: 'managed_schema.json' },
    default_locale: 'en',
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
