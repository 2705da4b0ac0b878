import { Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * The page's one h1 (screen readers jump by headings), at the size of a card title rather than antd's
 * 38 px h1.
 */
export function PageTitle({
  children,
  style,
  'data-testid': testId,
}: {
  children: ReactNode;
  style?: CSSProperties;
  'data-testid'?: string;
}) {
  return (
    <Typography.Title level={1} className="gx-page-title" style={style} data-testid={testId}>
      {children}
    </Typography.Title>
  );
}
