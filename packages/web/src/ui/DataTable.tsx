import { Table, type TableProps } from 'antd';
import { useI18n } from '../lib/i18n.tsx';

export type DataTableProps<T> = Omit<TableProps<T>, 'pagination'> & {
  total?: number;
  page?: number;
  pageSize?: number;
  onPageChange?: (page: number, pageSize: number) => void;
  label: string;
};

/** antd Table with server-side pagination driven by props (which come from the URL). */
export function DataTable<T extends object>({ total, page = 1, pageSize = 20, onPageChange, label, ...rest }: DataTableProps<T>) {
  const { t } = useI18n();
  return (
    <Table<T>
      size="middle"
      aria-label={label}
      scroll={{ x: 'max-content' }}
      {...rest}
      pagination={
        onPageChange
          ? {
              current: page,
              pageSize,
              total,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (n) => t('common.total', { n }),
              onChange: onPageChange,
            }
          : false
      }
    />
  );
}
