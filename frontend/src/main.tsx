import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { restoreSession } from './lib/auth/session';
import './lib/i18n';
import './app/global.css';

// A reload keeps you signed in: the refresh cookie, if still valid, opens the session again.
void restoreSession();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
