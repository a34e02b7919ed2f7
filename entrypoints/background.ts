import { defineBackground } from 'wxt/utils/define-background';
import { registerReports } from '../platform/reports/background.ts';

export default defineBackground(() => {
  registerReports();
});
