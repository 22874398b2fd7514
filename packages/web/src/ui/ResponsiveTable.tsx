import { Card, Empty, Flex, Pagination, Spin, Table, Typography, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import { useIsMobile } from './use-is-mobile.ts';

export type ResponsiveTableProps<T> = TableProps<T> & {
  /** card heading on phones (default: the first column's cell) */
  cardTitle?: (row: T, index: number) => ReactNode;
  /** buttons at the bottom of each card on phones */
  cardActions?: (row: T) => ReactNode;
};

function cell<T>(col: ColumnType<T>, row: T, index: number): ReactNode {
  const path = col.dataIndex;
  let value: unknown;
  if (Array.isArray(path)) value = path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k as string], row);
  else if (path !== undefined) value = (row as Record<string, unknown>)[path as string];
  if (col.render) return col.render(value, row, index) as ReactNode;
  return value === null || value === undefined || value === '' ? '—' : String(value);
}

function rowKeyOf<T>(rowKey: TableProps<T>['rowKey'], row: T, index: number): Key {
  if (typeof rowKey === 'function') return rowKey(row, index);
  if (typeof rowKey === 'string') return (row as Record<string, Key>)[rowKey] ?? index;
  return (row as { key?: Key }).key ?? index;
}

/**
 * A Table on wide screens; on phones (< md) each row becomes a card listing the columns as "label: value",
 * so nothing is wider than the screen. Pagination props carry over. Columns with `responsive` are honoured
 * on phones too (a column limited to md+ is left out of the card).
 */
export function ResponsiveTable<T extends object>({ cardTitle, cardActions, ...props }: ResponsiveTableProps<T>) {
  const mobile = useIsMobile();
  if (!mobile) return <Table<T> scroll={{ x: 'max-content' }} {...props} />;
  const columns = ((props.columns ?? []) as ColumnType<T>[]).filter((c) => !c.hidden && (!c.responsive || c.responsive.includes('xs')));
  const rows = (props.dataSource ?? []) as readonly T[];
  const pagination = props.pagination === false ? undefined : props.pagination;
  const loading = typeof props.loading === 'object' ? props.loading.spinning : props.loading;
  const [first, ...rest] = columns;
  return (
    <Spin spinning={!!loading}>
      <Flex vertical gap={8} role="list" aria-label={(props as { 'aria-label'?: string })['aria-label']}>
        {rows.length === 0 ? <Empty /> : null}
        {rows.map((row, index) => (
          <Card key={rowKeyOf(props.rowKey, row, index)} size="small" role="listitem" title={cardTitle ? cardTitle(row, index) : first ? cell(first, row, index) : undefined}>
            {(cardTitle ? columns : rest).map((col, ci) => {
              const value = cell(col, row, index);
              return (
                <Flex key={String(col.key ?? col.dataIndex ?? ci)} gap={8} style={{ padding: '2px 0' }}>
                  <Typography.Text type="secondary" style={{ flex: '0 0 96px' }}>
                    {typeof col.title === 'function' ? null : (col.title as ReactNode)}
                  </Typography.Text>
                  <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{value}</div>
                </Flex>
              );
            })}
            {cardActions ? (
              <Flex gap={8} wrap style={{ marginTop: 8 }}>
                {cardActions(row)}
              </Flex>
            ) : null}
            {props.expandable?.expandedRowRender && props.expandable.rowExpandable?.(row) !== false ? (
              <div style={{ marginTop: 8 }}>{props.expandable.expandedRowRender(row, index, 0, true)}</div>
            ) : null}
          </Card>
        ))}
      </Flex>
      {pagination && (pagination.total ?? 0) > (pagination.pageSize ?? 10) ? (
        <Pagination
          simple
          style={{ marginTop: 12, textAlign: 'center' }}
          current={pagination.current}
          pageSize={pagination.pageSize}
          total={pagination.total}
          showTotal={pagination.showTotal}
          onChange={pagination.onChange}
        />
      ) : null}
    </Spin>
  );
}
