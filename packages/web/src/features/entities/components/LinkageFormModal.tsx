import { defaultIncomeType, type LinkageCreate, type LinkageView } from '@chanbang/domain';
import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { isStaleVersion, withVersion } from '../../../lib/versioning.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useDict } from '../../dictionaries/api.ts';
import { useEntitySearch, useHouseholdSearch, useLinkageMutations } from '../linkages-api.ts';

type FormValues = {
  entityId?: number;
  householdId?: number;
  mode: string;
  year: number;
  period?: [Dayjs | null, Dayjs | null] | null;
  amountYuan: number;
  incomeType: string;
  note?: string | null;
};

export type LinkageFormModalProps = {
  /** null: closed; 'new': a new record; else the record as the dialog was opened (its version is sent) */
  editing: LinkageView | 'new' | null;
  /** the household page: the household is fixed */
  householdId?: number;
  /** the entity page: the entity is fixed */
  entityId?: number;
  onClose: () => void;
  /** 重新载入 after a stale save: the record as stored now (undefined when it is gone) */
  reload: () => Promise<LinkageView | undefined>;
};

/** Add or edit one 联农带农 record. Once carried into the income, only the period and the note can change. */
export function LinkageFormModal({ editing, householdId, entityId, onClose, reload }: LinkageFormModalProps) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const dict = useDict();
  const stale = useStaleSave();
  const mutations = useLinkageMutations(householdId);
  const [form] = Form.useForm<FormValues>();
  const [entityQ, setEntityQ] = useState('');
  const [householdQ, setHouseholdQ] = useState('');
  const entities = useEntitySearch(entityQ);
  const households = useHouseholdSearch(householdQ);
  const [base, setBase] = useState<LinkageView | null>(null);
  const carried = !!base?.carriedAt;

  const fill = (l: LinkageView | 'new') => {
    form.resetFields();
    if (l === 'new') {
      setBase(null);
      form.setFieldsValue({ year: dayjs().year() - 1, mode: 'employment', incomeType: 'wage', amountYuan: 0 });
    } else {
      setBase(l);
      form.setFieldsValue({ ...l, period: l.startDate || l.endDate ? [l.startDate ? dayjs(l.startDate) : null, l.endDate ? dayjs(l.endDate) : null] : null });
    }
  };
  useEffect(() => {
    if (editing) fill(editing);
  }, [editing]);

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      mode: v.mode,
      year: v.year,
      startDate: v.period?.[0]?.format('YYYY-MM-DD') ?? null,
      endDate: v.period?.[1]?.format('YYYY-MM-DD') ?? null,
      amountYuan: v.amountYuan,
      incomeType: v.incomeType as LinkageCreate['incomeType'],
      note: v.note ?? null,
    };
    try {
      if (!base) await mutations.add.mutateAsync({ ...body, entityId: (entityId ?? v.entityId)!, householdId: (householdId ?? v.householdId)! });
      else if (carried) await mutations.update.mutateAsync(withVersion({ id: base.id, startDate: body.startDate, endDate: body.endDate, note: body.note }, base));
      else await mutations.update.mutateAsync(withVersion({ id: base.id, ...body }, base));
      message.success(pick('已保存', 'Saved'));
      onClose();
    } catch (err) {
      stale.fail(err, async () => {
        const fresh = await reload();
        if (fresh) fill(fresh);
        else onClose();
      });
    }
  };
  const error = mutations.add.error ?? mutations.update.error;

  return (
    <Modal
      open={editing !== null}
      title={base ? pick('修改带动记录', 'Edit linkage') : pick('新增带动记录', 'Add linkage')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={mutations.add.isPending || mutations.update.isPending}
      okText={pick('保存', 'Save')}
      cancelText={pick('取消', 'Cancel')}
      forceRender
      destroyOnHidden={false}
      width={720}
    >
      {error && !isStaleVersion(error) ? <ErrorAlert error={error} /> : null}
      {carried ? <p>{pick('该记录已计入当年收入，只能修改带动期限和备注。', 'This record was carried into the year’s income: only the period and the note can change.')}</p> : null}
      <Form form={form} layout="vertical">
        <Row gutter={12}>
          {entityId === undefined ? (
            <Col xs={24} md={12}>
              <Form.Item name="entityId" label={pick('带动主体', 'Entity')} rules={[{ required: !base, message: pick('请选择带动主体', 'Choose the entity') }]}>
                <Select
                  disabled={!!base}
                  showSearch={{ filterOption: false, onSearch: setEntityQ }}
                  loading={entities.isFetching}
                  placeholder={pick('输入主体名称查找', 'Type the entity name')}
                  options={[
                    ...(base ? [{ value: base.entityId, label: base.entityName }] : []),
                    ...(entities.data ?? []).map((e) => ({ value: e.id, label: `${e.name}（${dict.label('entity_type', e.entityType)}）` })),
                  ]}
                  aria-label={pick('带动主体', 'Entity')}
                />
              </Form.Item>
            </Col>
          ) : null}
          {householdId === undefined ? (
            <Col xs={24} md={12}>
              <Form.Item
                name="householdId"
                label={pick('带动农户（户编号）', 'Household (number)')}
                rules={[{ required: !base, message: pick('请按户编号选择农户', 'Choose the household by its number') }]}
              >
                <Select
                  disabled={!!base}
                  showSearch={{ filterOption: false, onSearch: setHouseholdQ }}
                  loading={households.isFetching}
                  placeholder={pick('输入户编号或户主姓名查找', 'Type the household number or head’s name')}
                  notFoundContent={householdQ.trim().length < 2 ? pick('至少输入 2 个字符', 'Type at least 2 characters') : undefined}
                  options={[
                    ...(base ? [{ value: base.householdId, label: `${base.householdNo} ${base.headName ?? ''}` }] : []),
                    ...(households.data ?? []).map((h) => ({ value: h.id, label: `${h.householdNo} ${h.headName ?? ''}` })),
                  ]}
                  aria-label={pick('带动农户', 'Household')}
                />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={12} md={8}>
            <Form.Item name="mode" label={pick('联农带农方式', 'Linkage mode')} rules={[{ required: true }]}>
              <DictSelect
                dictCode="linkage_mode"
                allowClear={false}
                style={{ width: '100%' }}
                aria-label={pick('联农带农方式', 'Linkage mode')}
                onChange={(m) => typeof m === 'string' && !carried && form.setFieldValue('incomeType', defaultIncomeType(m))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="year" label={pick('年度', 'Year')} rules={[{ required: true }]}>
              <InputNumber min={2013} max={2100} precision={0} style={{ width: '100%' }} disabled={carried} aria-label={pick('年度', 'Year')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="amountYuan" label={pick('收入（元）', 'Income (yuan)')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} disabled={carried} aria-label={pick('收入（元）', 'Income (yuan)')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="incomeType" label={pick('计入收入类型', 'Income type')} rules={[{ required: true }]}>
              <DictSelect dictCode="income_type" allowClear={false} style={{ width: '100%' }} aria-label={pick('计入收入类型', 'Income type')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="period" label={pick('带动期限', 'Period')}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="note" label={pick('备注', 'Note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
