import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Managers are registered in later commits.
});
