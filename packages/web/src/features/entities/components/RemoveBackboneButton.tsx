import type { BackboneView } from '@chanbang/domain';
import { App, Button, Popconfirm } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useEntityMutations } from '../api.ts';

/**
 * 删除 of a 技术骨干 after a confirmation that names the person; the delete carries the version shown (If-Match), a
 * stale one opens the reload dialog. `link` renders a text link (table rows) instead of a button (phone cards).
 */
export function RemoveBackboneButton({ backbone, reload, link }: { backbone: BackboneView; reload: () => unknown; link?: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = useEntityMutations();
  const remove = () =>
    m.removeBackbone.mutateAsync(backbone).then(
      () => void message.success(t('entities.backbone.removed')),
      (err: unknown) => stale.fail(err, reload),
    );
  return (
    <Popconfirm
      title={t('entities.backbone.removeTitle', { name: backbone.name })}
      description={t('entities.backbone.removeConfirm')}
      onConfirm={remove}
      okText={t('common.delete')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
    >
      {link ? (
        <a role="button" style={{ color: '#cf1322' }} data-testid={`backbone-remove-${backbone.id}`}>
          {t('common.delete')}
        </a>
      ) : (
        <Button danger data-testid={`backbone-remove-${backbone.id}`}>
          {t('common.delete')}
        </Button>
      )}
    </Popconfirm>
  );
}
