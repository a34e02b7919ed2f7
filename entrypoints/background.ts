import { defineBackground } from 'wxt/utils/define-background';
import { registerReports } from '../platform/reports/background.ts';
import { registerSettingsBackground } from '../platform/settings/background.ts';

export default defineBackground(() => {
  registerSettingsBackground();
  registerReports();
});
