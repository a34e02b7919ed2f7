import { defineBackground } from 'wxt/utils/define-background';
import { registerSettingsBackground } from '../platform/settings/background.ts';

export default defineBackground(() => {
  registerSettingsBackground();
});
