import { Grid } from 'antd';

/**
 * Below antd's md breakpoint (768 px): lists become cards, dialogs take the screen. Its own module so the
 * layout's search and bell do not pull antd's Table into every signed-in page (docs/benchmarks.md).
 */
export function usePhone(): boolean {
  return !(Grid.useBreakpoint().md ?? true);
}
