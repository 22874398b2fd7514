import { Alert } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';

type Notice = { path?: string; messageZh?: string; messageEn?: string };

/** C1 refusals (red) or warnings (orange), each in the officer's language; nothing when the list is empty. */
export function NoticeList({ items, type, title }: { items: readonly Notice[]; type: 'error' | 'warning'; title?: string }) {
  const { pick } = useI18n();
  if (items.length === 0) return null;
  const lines = items.map((n, i) => <li key={`${n.path ?? ''}${i}`}>{pick(n.messageZh, n.messageEn)}</li>);
  return (
    <Alert
      type={type}
      showIcon
      title={title}
      description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{lines}</ul>}
      style={{ marginTop: 8 }}
      role={type === 'error' ? 'alert' : 'status'}
    />
  );
}
