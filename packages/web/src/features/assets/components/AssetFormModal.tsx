import type { AssetCreate, AssetDetail } from '@chanbang/domain';
import { Alert, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useRecordForm } from '../../../ui/use-record-form.ts';
import { useEntities } from '../../entities/api.ts';
import { useAssetMutations } from '../api.ts';

type Values = {
  name: string;
  assetNo?: string;
  regionCode: string;
  category: string;
  valueYuan: number;
  formedOn?: Dayjs | null;
  location?: string;
  ownerKind?: string;
  ownerName?: string;
  confirmedOn?: Dayjs | null;
  managementLevel?: string;
  operatorEntityId?: number;
  operatingMode?: string;
  assetClass?: string;
  classReason?: string;
  note?: string;
};

/** The project an asset is registered from (登记资产 on an accepted project's page). */
export type AssetProjectSeed = { id: number; name: string; regionCode: string };

const day = (v: string | null) => (v ? dayjs(v) : null);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function formValues(a: AssetDetail): Values {
  return {
    name: a.name,
    assetNo: a.assetNo,
    regionCode: a.regionCode,
    category: a.category,
    valueYuan: a.valueYuan,
    formedOn: day(a.formedOn),
    location: a.location ?? undefined,
    ownerKind: a.ownerKind ?? undefined,
    ownerName: a.ownerName ?? undefined,
    confirmedOn: day(a.confirmedOn),
    managementLevel: a.managementLevel ?? undefined,
    operatorEntityId: a.operatorEntityId ?? undefined,
    operatingMode: a.operatingMode ?? undefined,
    note: a.note ?? undefined,
  };
}

/**
 * 登记资产 / 修改资产. A new asset may come from an accepted project (`project`: its name shown, its place prefilled);
 * a new operating asset may be classed at once (the reason is then required). An edit sends the version the dialog
 * was opened with; the class is changed with 调整分类 on the detail page, not here.
 */
export function AssetFormModal({
  open,
  asset,
  project,
  onClose,
  onSaved,
  reload,
}: {
  open: boolean;
  asset?: AssetDetail | null;
  project?: AssetProjectSeed | null;
  onClose: () => void;
  onSaved?: (a: AssetDetail) => void;
  reload?: () => Promise<AssetDetail | undefined>;
}) {
  const { t } = useI18n();
  const m = useAssetMutations();
  // keyed on the place only: a refetch of the project page hands a new `project` object, which must not wipe what the
  // officer has already chosen in the open dialog
  const regionCode = project?.regionCode;
  const blank = useMemo<Partial<Values>>(() => ({ category: 'operating', regionCode }), [regionCode]);
  const { form, save } = useRecordForm<Values, AssetDetail>({
    open,
    record: asset,
    toValues: formValues,
    blank,
    submit: async (v) => {
      const operating = v.category === 'operating';
      const fields = {
        name: v.name.trim(),
        ...(v.assetNo?.trim() ? { assetNo: v.assetNo.trim() } : {}),
        regionCode: v.regionCode,
        category: v.category as AssetCreate['category'],
        valueYuan: v.valueYuan,
        formedOn: iso(v.formedOn),
        location: v.location?.trim() || null,
        ownerKind: (v.ownerKind ?? null) as AssetCreate['ownerKind'],
        ownerName: v.ownerName?.trim() || null,
        confirmedOn: iso(v.confirmedOn),
        managementLevel: (v.managementLevel ?? null) as AssetCreate['managementLevel'],
        operatorEntityId: v.operatorEntityId ?? null,
        operatingMode: (operating ? (v.operatingMode ?? null) : null) as AssetCreate['operatingMode'],
        note: v.note?.trim() || null,
      };
      if (asset) return m.update.mutateAsync({ id: asset.id, ...withVersion(fields, asset) });
      const cls = operating && v.assetClass ? { assetClass: v.assetClass as AssetCreate['assetClass'], classReason: v.classReason?.trim() ?? null } : {};
      return m.create.mutateAsync({ ...fields, ...(project ? { projectId: project.id } : {}), ...cls });
    },
    savedText: t('assets.saved'),
    onClose,
    onSaved,
    reload,
  });
  const entities = useEntities({ pageSize: 200 });
  const category = Form.useWatch('category', form);
  const assetClass = Form.useWatch('assetClass', form);
  const operating = category === 'operating';

  const half = { xs: 24, md: 12 };
  return (
    <Modal
      open={open}
      title={asset ? t('assets.edit') : t('assets.add')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={m.create.isPending || m.update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      width={760}
      forceRender
    >
      {project ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('assets.form.projectHint', { name: project.name })} /> : null}
      <Form form={form} name="asset" layout="vertical" data-testid="asset-form">
        <Row gutter={12}>
          <Col {...half}>
            <Form.Item name="name" label={t('assets.field.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="assetNo" label={t('assets.field.no')} rules={[{ pattern: /^[A-Za-z0-9-]{1,32}$/ }]}>
              <Input maxLength={32} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="regionCode" label={t('assets.field.region')} rules={[{ required: true }]}>
              <RegionSelect aria-label={t('assets.field.region')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="category" label={t('assets.field.category')} rules={[{ required: true }]}>
              <DictSelect dictCode="asset_category" aria-label={t('assets.field.category')} allowClear={false} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="valueYuan" label={t('assets.field.value')} rules={[{ required: true }]}>
              <InputNumber min={0} max={999_999_999_999.99} precision={2} stringMode={false} style={{ width: '100%' }} aria-label={t('assets.field.value')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="formedOn" label={t('assets.field.formedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="location" label={t('assets.field.location')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="ownerKind" label={t('assets.field.ownerKind')}>
              <DictSelect dictCode="asset_owner_kind" aria-label={t('assets.field.ownerKind')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="ownerName" label={t('assets.field.ownerName')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="confirmedOn" label={t('assets.field.confirmedOn')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="managementLevel" label={t('assets.field.level')}>
              <DictSelect dictCode="asset_management_level" aria-label={t('assets.field.level')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="operatorEntityId" label={t('assets.field.operator')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                aria-label={t('assets.field.operator')}
                loading={entities.isLoading}
                options={(entities.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="operatingMode" label={t('assets.field.mode')} extra={operating ? undefined : t('assets.form.onlyOperating')}>
              <DictSelect dictCode="asset_operation_mode" aria-label={t('assets.field.mode')} />
            </Form.Item>
          </Col>
          {!asset && operating ? (
            <>
              <Col {...half}>
                <Form.Item name="assetClass" label={t('assets.field.class')}>
                  <DictSelect dictCode="asset_class" aria-label={t('assets.field.class')} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item
                  name="classReason"
                  label={t('assets.field.classReason')}
                  rules={[{ required: !!assetClass, whitespace: true, message: t('assets.form.classReasonRequired') }]}
                >
                  <Input maxLength={500} />
                </Form.Item>
              </Col>
            </>
          ) : null}
          <Col span={24}>
            <Form.Item name="note" label={t('assets.field.note')}>
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
