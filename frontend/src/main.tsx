import { StrictMode, startTransition, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { QueryClient } from '@tanstack/react-query';
import { LoginForm } from './features/auth/LoginForm';
import { restoreSession } from './lib/auth/session';
import { i18nReady } from './lib/i18n';
import { clickWhenShown, type Upgrade } from './lib/lightPage';
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

async function openApp(at?: string, { push = false, queryClient }: { push?: boolean; queryClient?: QueryClient } = {}) {
  const [{ App }, { router }] = await loadApp();
  if (at) await router.navigate(at, { replace: !push });
  show(<App queryClient={queryClient} />);
}

/** From the light today page to the app: the page asked for, then the element the user tapped. */
async function upgrade({ to, click }: Upgrade, queryClient: QueryClient) {
  await openApp(to, { push: true, queryClient });
  if (click) clickWhenShown(click);
}

void i18nReady.then(async () => {
  const path = window.location.pathname;
  if (path === '/login') {
    // Opened at the login page: the form alone, without the app's code (antd, the router, the pages).
    // The app downloads while the sign-in request is under way.
    show(<LoginForm onSubmitting={() => void loadApp()} onSignedIn={() => void openApp('/today')} />);
  } else if (path === '/today') {
    // The page a phone opens every morning: its header and the day in plain HTML first (app/LightShell.tsx),
    // the app (antd, the router, the layout) only when an action needs it (issue 16, Lighthouse).
    const { LightShell } = await import('./app/LightShell');
    show(<LightShell onUpgrade={(to, queryClient) => void upgrade(to, queryClient)} />);
  } else {
    void openApp();
  }
});
