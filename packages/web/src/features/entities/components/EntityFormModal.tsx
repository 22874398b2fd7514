import {
  CREDIT_CODE_ABSENT_TYPES,
  CREDIT_CODE_REQUIRED_TYPES,
  CONSORTIUM_TYPE,
  GRADED_ENTITY_TYPES,
  PARTY_LED_ENTITY_TYPES,
  checkCreditCode,
  type EntityView,
} from '@chanbang/domain';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { ApiError } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useEntityMutations, useIndustryOptions } from '../api.ts';

type Values = {
  regionCode: string;
  entityType: string;
  name: string;
  creditCode?: string;
  level?: string;
  partyLed?: boolean;
  isRelocationPark?: boolean;
  employeeCount?: number | null;
  legalPerson?: string;
  contactName?: string;
  contactPhone?: string;
  address?: string;
  establishedOn?: Dayjs | null;
  servedRegionCodes?: string[];
  industryIds?: number[];
  note?: string;
};

const FIELDS = [
  'regionCode',
  'entityType',
  'name',
  'creditCode',
  'level',
  'partyLed',
  'employeeCount',
  'contactPhone',
  'establishedOn',
  'servedRegionCodes',
  'industryIds',
] as const;
const has = (list: readonly string[], v: string | undefined) => !!v && list.includes(v);

function valuesOf(e: EntityView): Values {
  return {
    regionCode: e.regionCode,
    entityType: e.entityType,
    name: e.name,
    creditCode: e.creditCode ?? undefined,
    level: e.level ?? undefined,
    partyLed: e.partyLed,
    isRelocationPark: e.isRelocationPark,
    employeeCount: e.employeeCount,
    legalPerson: e.legalPerson ?? undefined,
    contactName: e.contactName ?? undefined,
    contactPhone: e.contactPhone ?? undefined,
    address: e.address ?? undefined,
    establishedOn: e.establishedOn ? dayjs(e.establishedOn) : null,
    servedRegionCodes: e.servedRegionCodes,
    industryIds: e.industries.map((i) => i.id),
    note: e.note ?? undefined,
  };
}

/**
 * 登记/修改经营主体: dictionary selects, the 统一社会信用代码 checked as typed by the domain's GB 32100 function,
 * grade and 党支部领办 only where the type allows them, served villages for an 产业振兴联合体. A stored record is
 * saved with the version it was opened with; the server's field issues land on their fields.
 */
export function EntityFormModal({
  open,
  entity,
  onClose,
  onSaved,
  reload,
}: {
  open: boolean;
  entity: EntityView | null;
  onClose: () => void;
  onSaved?: (e: EntityView) => void;
  reload?: () => Promise<EntityView | undefined>;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const stale = useStaleSave();
  const m = useEntityMutations();
  const industries = useIndustryOptions();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('entityType', form);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (entity) form.setFieldsValue(valuesOf(entity));
  }, [open, entity, form]);

  const save = async () => {
    const v = await form.validateFields();
    const body = {
      regionCode: v.regionCode,
      entityType: v.entityType,
      name: v.name,
      creditCode: has(CREDIT_CODE_ABSENT_TYPES, v.entityType) ? null : v.creditCode?.trim() || null,
      level: has(GRADED_ENTITY_TYPES, v.entityType) ? (v.level ?? null) : null,
      partyLed: has(PARTY_LED_ENTITY_TYPES, v.entityType) ? !!v.partyLed : false,
      isRelocationPark: !!v.isRelocationPark,
      employeeCount: v.employeeCount ?? null,
      legalPerson: v.legalPerson?.trim() || null,
      contactName: v.contactName?.trim() || null,
      // a masked phone shown back is not sent again
      ...(entity && v.contactPhone === entity.contactPhone ? {} : { contactPhone: v.contactPhone?.trim() || null }),
      address: v.address?.trim() || null,
      establishedOn: v.establishedOn ? v.establishedOn.format('YYYY-MM-DD') : null,
      servedRegionCodes: v.servedRegionCodes ?? [],
      industryIds: v.industryIds ?? [],
      note: v.note?.trim() || null,
    };
    try {
      const saved = entity ? await m.update.mutateAsync({ id: entity.id, ...withVersion(body, entity) }) : await m.create.mutateAsync(body);
      message.success(t('entities.saved'));
      onSaved?.(saved);
      onClose();
    } catch (err) {
      // field issues go onto their fields; the rest (stale version …) through the shared handler
      const issues = err instanceof ApiError && err.code === 'VALIDATION_FAILED' ? (err.details?.issues ?? []) : [];
      const onFields = issues.filter((i) => (FIELDS as readonly string[]).includes(i.path ?? ''));
      if (onFields.length) {
        form.setFields(onFields.map((i) => ({ name: i.path as keyof Values, errors: [pick(i.messageZh, i.messageEn) || ''] })));
        if (onFields.length === issues.length) return;
      }
      stale.fail(err, async () => {
        const fresh = await reload?.();
        if (fresh) form.setFieldsValue(valuesOf(fresh));
      });
    }
  };

  const creditRule = {
    validator: async (_: unknown, value: string | undefined) => {
      const text = value?.trim() ?? '';
      if (!text) {
        if (has(CREDIT_CODE_REQUIRED_TYPES, type)) throw new Error(t('entities.creditRequired'));
        return;
      }
      const r = checkCreditCode(text);
      if (!r.ok) throw new Error(pick(r.issue.messageZh, r.issue.messageEn));
    },
  };
  const creditCode = Form.useWatch('creditCode', form);
  const creditOk = !!creditCode && checkCreditCode(creditCode).ok;

  return (
    <Modal
      open={open}
      title={entity ? t('entities.edit') : t('entities.add')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={m.create.isPending || m.update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
      width={640}
    >
      <Form form={form} name="entity" layout="vertical" data-testid="entity-form">
        <Form.Item name="entityType" label={t('entities.field.entityType')} rules={[{ required: true }]}>
          <DictSelect dictCode="entity_type" aria-label={t('entities.field.entityType')} allowClear={false} />
        </Form.Item>
        <Form.Item name="name" label={t('entities.field.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('entities.field.regionCode')} rules={[{ required: true }]}>
          <RegionSelect aria-label={t('entities.field.regionCode')} allowClear={false} />
        </Form.Item>
        {!has(CREDIT_CODE_ABSENT_TYPES, type) && (
          <Form.Item
            name="creditCode"
            label={t('entities.field.creditCode')}
            rules={[creditRule]}
            validateTrigger={['onChange', 'onBlur']}
            hasFeedback
            extra={creditOk ? t('entities.creditOk') : undefined}
            normalize={(v: string) => v?.toUpperCase()}
          >
            <Input maxLength={22} autoComplete="off" />
          </Form.Item>
        )}
        {has(GRADED_ENTITY_TYPES, type) && (
          <Form.Item name="level" label={t('entities.field.level')} extra={t('entities.levelHint')}>
            <DictSelect dictCode="entity_level" aria-label={t('entities.field.level')} />
          </Form.Item>
        )}
        {has(PARTY_LED_ENTITY_TYPES, type) && (
          <Form.Item name="partyLed" label={t('entities.field.partyLed')} valuePropName="checked" extra={t('entities.partyLedHint')}>
            <Switch />
          </Form.Item>
        )}
        <Form.Item name="isRelocationPark" label={t('entities.field.isRelocationPark')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="employeeCount" label={t('entities.field.employeeCount')} extra={t('entities.employeeHint')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} aria-label={t('entities.field.employeeCount')} />
        </Form.Item>
        <Form.Item name="servedRegionCodes" label={t('entities.field.servedRegionCodes')} extra={t('entities.servedHint')} rules={[{ required: type === CONSORTIUM_TYPE }]}>
          <ServedVillages />
        </Form.Item>
        <Form.Item name="industryIds" label={t('entities.field.industryIds')}>
          <Select mode="multiple" options={industries.data ?? []} loading={industries.isLoading} optionFilterProp="label" aria-label={t('entities.field.industryIds')} />
        </Form.Item>
        <Form.Item name="legalPerson" label={t('entities.field.legalPerson')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="contactName" label={t('entities.field.contactName')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('entities.field.contactPhone')}>
          <Input maxLength={32} inputMode="tel" />
        </Form.Item>
        <Form.Item name="address" label={t('entities.field.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="establishedOn" label={t('entities.field.establishedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('entities.field.note')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Villages served: several region picks (one RegionSelect per village, plus one empty to add). */
function ServedVillages({ value, onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const list = value ?? [];
  const { t } = useI18n();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {[...list, undefined].map((code, i) => (
        <RegionSelect
          key={`${i}-${code ?? 'new'}`}
          value={code}
          aria-label={`${t('entities.field.servedRegionCodes')} ${i + 1}`}
          onChange={(c) => {
            const next = [...list];
            if (c) next[i] = c;
            else next.splice(i, 1);
            onChange?.([...new Set(next.filter(Boolean))]);
          }}
        />
      ))}
    </div>
  );
}
