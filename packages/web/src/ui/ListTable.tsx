import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ResponsiveTable, type ResponsiveTableProps } from './ResponsiveTable.tsx';

type Page = { items: readonly object[]; total: number };
type Row<D extends Page> = D['items'][number];

/** What a list page's TanStack query gives the table. */
export type ListResult<D extends Page> = { data?: D; error: unknown; isLoading: boolean; refetch: () => unknown };

/**
 * A list query's rows: its error (with 重试) instead of the table when it failed, else an optional totals line above
 * the `ResponsiveTable` (cards on phones) with the query's rows and `pagination` (`useListQuery().pagination`).
 */
export function ListTable<D extends Page>({
  list,
  pagination,
  totals,
  totalsTestId,
  ...props
}: Omit<ResponsiveTableProps<Row<NoInfer<D>>>, 'dataSource' | 'loading' | 'pagination'> & {
  list: ListResult<D>;
  pagination: (total: number | undefined) => ResponsiveTableProps<Row<NoInfer<D>>>['pagination'];
  /** the line above the table (counts, totals), once the query has data */
  totals?: (data: NoInfer<D>) => ReactNode;
  totalsTestId?: string;
}) {
  return (
    <>
      {totals && list.data ? (
        <Typography.Paragraph type="secondary" data-testid={totalsTestId}>
          {totals(list.data)}
        </Typography.Paragraph>
      ) : null}
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ResponsiveTable<Row<D>> loading={list.isLoading} dataSource={list.data?.items ?? []} pagination={pagination(list.data?.total)} {...props} />
      )}
    </>
  );
}
