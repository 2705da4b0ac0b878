import { type AnchorHTMLAttributes, createContext, type MouseEvent, useContext } from 'react';

/**
 * A light page is plain HTML and CSS rendered from the entry, without antd (issue 16: the today page a phone
 * opens paints without the ~300 KB gzip of antd, the router and the layout). Whatever needs the full app — a
 * link, a dialog, the search — upgrades: the app loads, renders in place, opens `to` if given and clicks its
 * own element `click` (a CSS selector), so the user's one tap does what they meant.
 */
export type Upgrade = { to?: string; click?: string };

/** The light page's root carries this attribute: its elements are never taken for the app's. */
export const LIGHT_PAGE = 'data-light-page';

export const UpgradeContext = createContext<(upgrade: Upgrade) => void>(() => undefined);

export const useUpgrade = () => useContext(UpgradeContext);

/** A link of a light page: a real href (new tab, copy link), but a plain click opens it inside the app. */
export function LightLink({ href, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const upgrade = useUpgrade();
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    upgrade({ to: href });
  };
  return <a href={href} onClick={handleClick} {...props} />;
}

/**
 * Clicks (and focuses) the app's element matching `selector` as soon as the app has rendered it; given up once
 * the user has gone to another page meanwhile (the tap meant this page's element).
 */
export function clickWhenShown(selector: string): void {
  const page = window.location.pathname;
  const find = () =>
    [...document.querySelectorAll<HTMLElement>(selector)].find((element) => !element.closest(`[${LIGHT_PAGE}]`));
  const clickIt = () => {
    const element = find();
    if (!element) return false;
    element.focus();
    element.click();
    return true;
  };
  if (clickIt()) return;
  const observer = new MutationObserver(() => {
    if (window.location.pathname !== page || clickIt()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
}
