import type { ChainView, IndustryView } from '@chanbang/domain';
import { App, Checkbox, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useIndustryMutations } from '../api.ts';

type IndustryValues = { regionCode: string; name: string; category: string; kind: string; tier?: string | null; description?: string | null; scaleNote?: string | null };

/**
 * Adds or edits an industry. An edit is saved on the version the dialog was opened with; a stale save opens the
 * shared 此记录已被他人修改 dialog whose 重新载入 refills the form from `reload()`.
 */
export function IndustryModal({
  open,
  industry,
  onClose,
  reload,
}: {
  open: boolean;
  industry: IndustryView | null;
  onClose: () => void;
  reload: () => Promise<IndustryView | undefined>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = useIndustryMutations();
  const [form] = Form.useForm<IndustryValues>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (industry) form.setFieldsValue(industry);
  }, [open, industry, form]);

  const save = async () => {
    const v = await form.validateFields();
    const body = { name: v.name, category: v.category, kind: v.kind, tier: v.tier ?? null, description: v.description ?? null, scaleNote: v.scaleNote ?? null };
    try {
      if (industry) await m.updateIndustry.mutateAsync({ id: industry.id, ...withVersion(body, industry) });
      else await m.createIndustry.mutateAsync({ ...body, regionCode: v.regionCode });
      message.success(t('industries.saved'));
      onClose();
    } catch (err) {
      stale.fail(err, async () => {
        const fresh = await reload();
        if (fresh) form.setFieldsValue(fresh);
      });
    }
  };

  return (
    <Modal
      open={open}
      title={industry ? t('industries.edit') : t('industries.add')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={m.createIndustry.isPending || m.updateIndustry.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="industry-form">
        {industry ? (
          <Form.Item label={t('industries.region')}>
            <span>{industry.regionName ?? industry.regionCode}</span>
          </Form.Item>
        ) : (
          <Form.Item name="regionCode" label={t('industries.region')} rules={[{ required: true }]}>
            <RegionSelect aria-label={t('industries.region')} allowClear={false} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('industries.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="kind" label={t('industries.kind')} rules={[{ required: true }]}>
          <DictSelect dictCode="industry_kind" aria-label={t('industries.kind')} />
        </Form.Item>
        <Form.Item name="category" label={t('industries.category')} rules={[{ required: true }]}>
          <DictSelect dictCode="industry_category" aria-label={t('industries.category')} />
        </Form.Item>
        <Form.Item name="tier" label={t('industries.tier')} extra={t('industries.tierHint')}>
          <DictSelect dictCode="industry_tier" aria-label={t('industries.tier')} />
        </Form.Item>
        <Form.Item name="scaleNote" label={t('industries.scaleNote')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="description" label={t('industries.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ChainValues = { name: string; leaderName?: string | null; leaderTitle?: string | null; deputyLeaderName?: string | null; shortfalls?: string | null; useTemplate?: boolean };
export type ChainEditing = { industryId: number; chain?: ChainView | undefined };

/** Creates a chain of an industry (with the default links of its category) or edits its 链长 and 短板 on the version read. */
export function ChainModal({ editing, onClose, reload }: { editing: ChainEditing | null; onClose: () => void; reload: () => Promise<ChainView | undefined> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = useIndustryMutations();
  const [form] = Form.useForm<ChainValues>();
  const chain = editing?.chain;
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(chain ?? { useTemplate: true });
  }, [editing, chain, form]);

  const save = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    const body = {
      name: v.name,
      leaderName: v.leaderName ?? null,
      leaderTitle: v.leaderTitle ?? null,
      deputyLeaderName: v.deputyLeaderName ?? null,
      shortfalls: v.shortfalls ?? null,
    };
    try {
      if (chain) await m.updateChain.mutateAsync({ id: chain.id, ...withVersion(body, chain) });
      else await m.createChain.mutateAsync({ industryId: editing.industryId, ...body, useTemplate: v.useTemplate !== false });
      message.success(t('industries.saved'));
      onClose();
    } catch (err) {
      stale.fail(err, async () => {
        const fresh = await reload();
        if (fresh) form.setFieldsValue(fresh);
      });
    }
  };

  return (
    <Modal
      open={editing !== null}
      title={chain ? t('industries.chain.edit') : t('industries.chain.add')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={m.createChain.isPending || m.updateChain.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form form={form} layout="vertical" data-testid="chain-form">
        <Form.Item name="name" label={t('industries.chain.name')} rules={[{ required: true, whitespace: true, max: 64 }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="leaderName" label={t('industries.chain.leader')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="leaderTitle" label={t('industries.chain.leaderTitle')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="deputyLeaderName" label={t('industries.chain.deputy')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="shortfalls" label={t('industries.chain.shortfalls')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {chain ? null : (
          <Form.Item name="useTemplate" valuePropName="checked">
            <Checkbox>{t('industries.chain.useTemplate')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
