// A separate entry that index.html runs first (vite.config.ts): it starts fetching the opened page's
// code at once; the router's lazy routes then find those modules loaded or on their way.
import { pages, pagesAt } from './pages';

pagesAt(window.location.pathname).forEach((page) => void pages[page]().catch(() => undefined));
