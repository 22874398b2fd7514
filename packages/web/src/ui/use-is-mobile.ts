import { Grid } from 'antd';

/**
 * True below antd's `md` breakpoint (< 768 px): phones. Village officers work on phones, so pages switch
 * tables to cards, forms to a vertical layout and modals to full screen when this is true.
 * Before the first measurement antd reports no breakpoint; that counts as mobile only if the window is narrow.
 */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  if (screens.md === undefined) return typeof window !== 'undefined' && window.innerWidth < 768;
  return !screens.md;
}
