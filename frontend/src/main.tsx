import { StrictMode, startTransition, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { LoginForm } from './features/auth/LoginForm';
import { restoreSession } from './lib/auth/session';
import { i18nReady } from './lib/i18n';
import './app/global.css';

// A reload keeps you signed in: the refresh cookie, if still valid, opens the session again.
void restoreSession();

const root = createRoot(document.getElementById('root') as HTMLElement);

function show(node: ReactNode) {
  // As a transition, React renders in short slices, yielding to the browser between them, instead of in
  // one long task that blocks a phone's main thread (issue 16, total blocking time).
  startTransition(() => root.render(<StrictMode>{node}</StrictMode>));
}

const loadApp = () => Promise.all([import('./app/App'), import('./app/router')]);

async function openApp(at?: string) {
  const [{ App }, { router }] = await loadApp();
  if (at) await router.navigate(at, { replace: true });
  show(<App />);
}

void i18nReady.then(() => {
  if (window.location.pathname === '/login') {
    // Opened at the login page: the form alone, without the app's code (antd, the router, the pages).
    // The app downloads while the sign-in request is under way.
    show(<LoginForm onSubmitting={() => void loadApp()} onSignedIn={() => void openApp('/today')} />);
  } else {
    void openApp();
  }
});
