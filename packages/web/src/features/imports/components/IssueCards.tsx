import { List, Typography } from 'antd';

/** One line of an import result on a phone: where (row, column, household), what, and why. */
export type IssueCard = { key: string; title: string; value?: string; text: string };

/** Import results as a list of small cards on phones (tables of four columns do not fit 390 px). */
export function IssueCards({ items, label, pageSize = 10 }: { items: IssueCard[]; label: string; pageSize?: number }) {
  return (
    <section aria-label={label}>
      <List<IssueCard>
        size="small"
        bordered
        dataSource={items}
        pagination={items.length > pageSize ? { pageSize, size: 'small', showSizeChanger: false } : false}
        renderItem={(i) => (
          <List.Item key={i.key} style={{ display: 'block' }}>
            <Typography.Text strong>{i.title}</Typography.Text>
            {i.value ? (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, wordBreak: 'break-all' }}>
                {i.value}
              </Typography.Text>
            ) : null}
            <div style={{ wordBreak: 'break-word' }}>{i.text}</div>
          </List.Item>
        )}
      />
    </section>
  );
}
