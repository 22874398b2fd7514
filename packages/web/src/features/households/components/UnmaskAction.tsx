import { App, Button, Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { Person } from '../../../lib/types.ts';
import { useUnmaskPerson } from '../api.ts';

/**
 * 查看完整信息: asks for the reason, then shows the member's full ID number and phone (POST /persons/:id/unmask,
 * audited). For officers who see masked values; the values live only in this modal and are gone when it closes.
 */
export function UnmaskAction({ person }: { person: Person }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const unmask = useUnmaskPerson();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const close = () => {
    setOpen(false);
    unmask.reset();
    form.resetFields();
  };
  const submit = async () => {
    const { reason } = await form.validateFields();
    try {
      await unmask.mutateAsync({ id: person.id, reason: reason.trim() });
    } catch (err) {
      message.error(errorText(err, i18n));
    }
  };
  const shown = unmask.data;
  return (
    <>
      <Button type="link" size="small" onClick={() => setOpen(true)} aria-label={`${t('member.unmask')} ${person.name}`}>
        {t('member.unmask')}
      </Button>
      <Modal
        open={open}
        title={t('member.unmask.title', { name: person.name })}
        onCancel={close}
        onOk={shown ? close : () => void submit()}
        okText={shown ? t('common.ok') : t('member.unmask.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={unmask.isPending}
        destroyOnHidden
      >
        {shown ? (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('member.idNumber')}>
              <span style={{ fontFamily: 'monospace' }}>{shown.idNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('member.phone')}>{shown.phone ?? '—'}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Form form={form} layout="vertical">
            <Form.Item
              name="reason"
              label={t('member.unmask.reason')}
              extra={t('member.unmask.reasonHint')}
              rules={[
                {
                  validator: async (_r, v?: string) => {
                    if (!v || v.trim().length < 2) throw new Error(t('member.unmask.reasonShort'));
                  },
                },
              ]}
            >
              <Input.TextArea rows={2} maxLength={200} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </>
  );
}
