import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import type { RegionDetail } from '../../../lib/types.ts';
import { versionOf, withVersion } from '../../../lib/versioning.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';
import { useCreateRegion, usePatchRegion } from '../api.ts';

const CHILD: Record<string, { level: string; len: number; prefixLen: number } | undefined> = {
  county: { level: 'township', len: 12, prefixLen: 6 },
  township: { level: 'village', len: 12, prefixLen: 9 },
  village: { level: 'group', len: 15, prefixLen: 12 },
};

/** The child level of a region that officers may add under it (county → township → village → 组), if any. */
export function childLevelOf(level: string): string | undefined {
  return CHILD[level]?.level;
}

/** Full screen on phones, with 保存 in reach. */
function useModalLayout() {
  const mobile = useIsMobile();
  return mobile ? { width: '100%', style: { top: 0, maxWidth: '100vw', margin: 0, paddingBottom: 0 } } : { width: 480 };
}

type AddProps = { parent: RegionDetail | null; onClose: () => void; onCreated: (code: string) => void };

/** Adds a township, village or 组 under `parent`; the code field starts with the parent's prefix. */
export function AddRegionModal({ parent, onClose, onCreated }: AddProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const create = useCreateRegion();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const layout = useModalLayout();
  const child = parent ? CHILD[parent.level] : undefined;
  const prefix = parent && child ? parent.code.slice(0, child.prefixLen) : '';
  useEffect(() => {
    if (parent) {
      form.setFieldsValue({ code: prefix, name: '' });
      create.reset();
    }
    // deliberately only the parent's code: reset when another parent is chosen, not on every render
  }, [parent?.code]);
  if (!parent || !child) return null;
  const levelLabel = t(`level.${child.level}` as MessageKey);
  return (
    <Modal
      open
      {...layout}
      title={t('regions.addChildTitle', { name: parent.name, level: levelLabel })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          create.mutate(
            { code: v.code.trim(), name: v.name.trim(), parentCode: parent.code },
            {
              onSuccess: (r) => {
                void message.success(t('common.saved'));
                onCreated(r.code);
              },
            },
          )
        }
      >
        <Form.Item
          name="code"
          label={t('regions.code')}
          extra={t('regions.codeHint', { prefix, len: child.len })}
          rules={[
            { required: true, message: t('common.required') },
            { pattern: new RegExp(`^${prefix}\\d{${child.len - prefix.length}}$`), message: t('regions.codeInvalid') },
          ]}
        >
          <Input
            inputMode="numeric"
            maxLength={child.len}
            autoComplete="off"
            autoFocus
            onFocus={(e) => {
              const el = e.currentTarget;
              requestAnimationFrame(() => el.setSelectionRange(el.value.length, el.value.length));
            }}
          />
        </Form.Item>
        <Form.Item name="name" label={t('regions.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 64 }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Renames a region, based on the region as the dialog was opened with; `reload` (重新载入 after a stale save) fetches
 * it again and hands it back as `region`, which refills the name.
 */
export function RenameRegionModal({ region, onClose, reload }: { region: RegionDetail | null; onClose: () => void; reload: () => unknown }) {
  const { t } = useI18n();
  const patch = usePatchRegion();
  const stale = useStaleSave();
  const [form] = Form.useForm<{ name: string }>();
  const layout = useModalLayout();
  useEffect(() => {
    if (region) {
      form.setFieldsValue({ name: region.name });
      patch.reset();
    }
    // deliberately by code and version: reset for another region or a newer version of it, not on every render
  }, [region?.code, versionOf(region)]);
  if (!region) return null;
  return (
    <Modal
      open
      {...layout}
      title={`${t('regions.rename')}：${region.name}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={patch.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <ErrorAlert error={patch.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => patch.mutate(withVersion({ code: region.code, name: v.name.trim() }, region), { onSuccess: onClose, onError: (err) => stale.handle(err, reload) })}
      >
        <Form.Item name="name" label={t('regions.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 64 }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
