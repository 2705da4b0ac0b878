// A separate entry that index.html runs first (vite.config.ts): it starts fetching the opened page's
// code and the texts of the user's language at once; the router's lazy routes and i18next then find
// those modules loaded or on their way.
import { loadTexts, storedLanguage } from '../lib/i18n/texts';
import { pages, pagesAt } from './pages';

void loadTexts(storedLanguage()).catch(() => undefined);
pagesAt(window.location.pathname).forEach((page) => void pages[page]().catch(() => undefined));
