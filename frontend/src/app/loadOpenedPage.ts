// A separate entry that index.html runs first (vite.config.ts): it starts fetching the opened page's
// code, the app's and the texts of the user's language at once; the router's lazy routes and i18next then find
// those modules loaded or on their way.
import { loadTexts, storedLanguage } from '../lib/i18n/texts';
import { pages, pagesAt } from './pages';

void loadTexts(storedLanguage()).catch(() => undefined);
const path = window.location.pathname;
if (path === '/today') {
  // The today page opens light (LightShell, no antd): the app is fetched only when an action needs it.
  void import('./LightShell').then(({ askForTheDayEarly }) => askForTheDayEarly()).catch(() => undefined);
} else {
  // Every other page but the login form runs in the app (antd, the router): fetch it now, not after main.tsx ran.
  if (path !== '/login') void import('./App').catch(() => undefined);
  pagesAt(path).forEach((page) => void pages[page]().catch(() => undefined));
}
