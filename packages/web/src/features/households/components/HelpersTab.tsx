import { UserAddOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Modal, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../../lib/error-text.ts';
import { formatDate } from '../../../lib/format.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import type { Helper, HouseholdDetail } from '../../../lib/types.ts';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { useAssignHelper, useHelpers } from '../api.ts';

export type HelpersTabProps = { household: HouseholdDetail; writable: boolean };

/** 帮扶责任人: who is accountable for this household; assign one of the region's helpers. */
export function HelpersTab({ household, writable }: HelpersTabProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const dict = useDict();
  const [open, setOpen] = useState(false);
  const helpers = useHelpers(open);
  const assign = useAssignHelper(household.id);
  const [form] = Form.useForm<{ helperId: number; startDate?: Dayjs }>();

  const handleOk = async () => {
    const v = await form.validateFields();
    try {
      await assign.mutateAsync({ helperId: v.helperId, startDate: v.startDate?.format('YYYY-MM-DD') });
      message.success(t('common.saved'));
      setOpen(false);
    } catch (err) {
      message.error(errorText(err, i18n));
    }
  };

  return (
    <>
      {writable ? (
        <Button
          icon={<UserAddOutlined />}
          onClick={() => {
            form.resetFields();
            setOpen(true);
          }}
          style={{ marginBottom: 12 }}
        >
          {t('helper.assign')}
        </Button>
      ) : null}
      <Table<Helper>
        size="small"
        rowKey={(h) => h.helperId ?? h.id}
        pagination={false}
        dataSource={household.helpers}
        aria-label={t('hh.tab.helpers')}
        columns={[
          { title: t('helper.name'), dataIndex: 'name' },
          { title: t('helper.role'), dataIndex: 'role', render: (v: string) => dict.label(DICT.helperRole, v) },
          { title: t('helper.organisation'), dataIndex: 'organisation', render: (v?: string | null) => v ?? '—' },
          { title: t('helper.phone'), dataIndex: 'phone', render: (v?: string | null) => v ?? '—' },
          { title: t('helper.startDate'), dataIndex: 'startDate', render: (v?: string | null) => formatDate(v) },
        ]}
      />
      <Modal
        open={open}
        title={t('helper.assign')}
        onCancel={() => setOpen(false)}
        onOk={() => void handleOk()}
        confirmLoading={assign.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="helperId" label={t('helper.select')} rules={[{ required: true }]}>
            <Select
              loading={helpers.isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              options={(helpers.data ?? []).map((h) => ({
                value: h.id,
                label: `${h.name} · ${dict.label(DICT.helperRole, h.role)}${h.organisation ? ` · ${h.organisation}` : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="startDate" label={t('helper.startDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
