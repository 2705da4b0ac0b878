import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { restoreSession } from './lib/auth/session';
import { i18nReady } from './lib/i18n';
import './app/global.css';

// A reload keeps you signed in: the refresh cookie, if still valid, opens the session again.
void restoreSession();

void i18nReady.then(() => {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  // As a transition, React renders the first page in short slices, yielding to the browser between
  // them, instead of in one long task that blocks a phone's main thread (issue 16, total blocking time).
  startTransition(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
});
