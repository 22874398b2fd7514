import { parseRegionCode, type ProjectCreate, type ProjectView } from '@chanbang/domain';
import { Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { errorText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useCurrentUser } from '../../auth/api.ts';
import { useDict } from '../../dictionaries/api.ts';
import { BUDGET_ROWS, BudgetRowsField, budgetFieldOf, budgetRowsBody, type BudgetFormRow } from './BudgetRowsField.tsx';
import { HouseholdPicker, type PickedHousehold } from './HouseholdPicker.tsx';
import { useChainLinks, useCreateProject, useIndustryOptions, useUpdateProject } from '../api.ts';

type Values = Omit<ProjectCreate, 'projectNo' | 'householdIds' | 'budgets'> & { beneficiaries?: PickedHousehold[]; [BUDGET_ROWS]?: BudgetFormRow[] };

/** Fields the API reports an issue on, mapped to form names. */
function applyIssues(form: ReturnType<typeof Form.useForm<Values>>[0], err: unknown, text: string): boolean {
  const issues = (err as { details?: { issues?: { path: string; messageZh: string }[] } }).details?.issues ?? [];
  const named = issues.map((i) => ({ ...i, name: budgetFieldOf(i.path) ?? i.path }));
  const fields = named.filter(
    (i) =>
      typeof i.name !== 'string' ||
      form.getFieldInstance(i.path as never) !== undefined ||
      ['name', 'regionCode', 'projectType', 'projectSubtype', 'linkageModes', 'budgetYuan'].includes(i.path),
  );
  if (!fields.length) return false;
  form.setFields(fields.map((i) => ({ name: i.name as never, errors: [i.messageZh || text] })));
  return true;
}

/**
 * 申报 (create) or edit (a planned project, with its version) in a modal — full screen on phones (app/global.css).
 * Type → subtype from the project_type tree, the region's industries (an empty list is fine) and their chain links,
 * linkage modes with the P3 minimum from the county's pack when known.
 */
export function ProjectFormModal({ open, onClose, project, onSaved }: { open: boolean; onClose: () => void; project?: ProjectView; onSaved?: (p: ProjectView) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const dict = useDict();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? 0);
  const stale = useStaleSave();
  const type = Form.useWatch('projectType', form);
  const regionCode = Form.useWatch('regionCode', form);
  const industryId = Form.useWatch('industryId', form);
  const industries = useIndustryOptions(regionCode ?? project?.regionCode);
  const chosen = (industries.data ?? []).find((i) => i.id === industryId);
  const links = useChainLinks(useMemo(() => (chosen?.chains ?? []).map((c) => c.id), [chosen]));
  const level1 = dict.items('project_type').filter((i) => !i.parentCode);
  const subtypes = dict.items('project_type').filter((i) => i.parentCode && i.parentCode === type);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (project) form.setFieldsValue({ ...project, linkageModes: project.linkageModes } as unknown as Values);
    else {
      // a township or village officer proposes in their own place by default
      const own = parseRegionCode(user.regionCode);
      const place = own.ok && (own.level === 'township' || own.level === 'village') ? own.code : undefined;
      const year = new Date().getFullYear();
      form.setFieldsValue({ year, projectType: 'industry', linkageModes: [], regionCode: place as string, [BUDGET_ROWS]: [{ year, source: 'central|linkage' }] });
    }
  }, [open, project, form, user.regionCode]);

  const submit = async () => {
    const v = await form.validateFields();
    const { beneficiaries, [BUDGET_ROWS]: budgetRows, ...fields } = v;
    const body = { ...fields, projectSubtype: v.projectSubtype || null, industryId: v.industryId || null, chainLinkId: v.chainLinkId || null };
    try {
      if (project) {
        const { regionCode: _r, ...rest } = body;
        const saved = await update.mutateAsync(withVersion(rest, project));
        onSaved?.(saved);
      } else {
        // 总投资 is the rows' total (the server sums them in 分)
        const { budgetYuan: _b, ...proposal } = body;
        const saved = await create.mutateAsync({ ...proposal, budgets: budgetRowsBody(budgetRows), householdIds: (beneficiaries ?? []).map((b) => b.value) });
        onSaved?.(saved);
      }
      onClose();
    } catch (err) {
      if (stale.handle(err, onClose)) return;
      if (!applyIssues(form, err, errorText(err, i18n))) stale.fail(err, onClose);
    }
  };

  // the county's own minimum (P3, 004 §六) where its pack sets one; never another city's figure
  const minModes = project?.entryPolicy.minLinkageModes ?? null;
  return (
    <Modal
      open={open}
      title={project ? t('projects.detail.edit') : t('projects.propose')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      width={820}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="name" label={t('projects.field.name')} rules={[{ required: true, whitespace: true, max: 128 }]}>
          <Input maxLength={128} />
        </Form.Item>
        <Row gutter={12}>
          {project ? null : (
            <Col xs={24} md={12}>
              <Form.Item name="regionCode" label={t('projects.field.region')} rules={[{ required: true }]}>
                <RegionSelect aria-label={t('projects.field.region')} style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="year" label={t('projects.field.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="projectType" label={t('projects.field.type')} rules={[{ required: true }]}>
              <Select
                aria-label={t('projects.field.type')}
                options={level1.map((i) => ({ value: i.code, label: i18n.pick(i.labelZh, i.labelEn) }))}
                onChange={() => form.setFieldValue('projectSubtype', null)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="projectSubtype" label={t('projects.field.subtype')}>
              <Select aria-label={t('projects.field.subtype')} allowClear options={subtypes.map((i) => ({ value: i.code, label: i18n.pick(i.labelZh, i.labelEn) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industryId" label={t('projects.field.industry')} extra={industries.data && !industries.data.length ? t('projects.field.industryNone') : undefined}>
              <Select
                aria-label={t('projects.field.industry')}
                allowClear
                loading={industries.isLoading}
                options={(industries.data ?? []).map((i) => ({ value: i.id, label: `${i.name}${i.regionName ? `（${i.regionName}）` : ''}` }))}
                onChange={() => form.setFieldValue('chainLinkId', null)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="chainLinkId" label={t('projects.field.chainLink')}>
              <Select aria-label={t('projects.field.chainLink')} allowClear disabled={!links.length} options={links.map((l) => ({ value: l.id, label: l.label }))} />
            </Form.Item>
          </Col>
          {project ? (
            <Col xs={24} md={12}>
              <Form.Item name="budgetYuan" label={t('projects.field.budget')}>
                <InputNumber min={0} max={999999999999.99} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item
              name="linkageModes"
              label={t('projects.field.linkageModes')}
              extra={type === 'industry' && minModes ? t('projects.field.linkageHint', { n: minModes, clause: project?.entryPolicy.linkageClause ?? '' }) : undefined}
            >
              <DictSelect dictCode="linkage_mode" multiple aria-label={t('projects.field.linkageModes')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={12}>
            <Form.Item name="drivenHouseholds" label={t('projects.field.drivenHouseholds')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={12}>
            <Form.Item name="drivenPersons" label={t('projects.field.drivenPersons')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="isSpecialty" valuePropName="checked">
              <Checkbox>{t('projects.field.specialty')}</Checkbox>
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="isClusterProject" valuePropName="checked">
              <Checkbox>{t('projects.field.cluster')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        {project ? null : <BudgetRowsField form={form} />}
        {project ? null : (
          <Form.Item name="beneficiaries" label={t('projects.field.beneficiaries')}>
            <HouseholdPicker />
          </Form.Item>
        )}
        <Form.Item name="constructionContent" label={t('projects.field.content')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="performanceTarget" label={t('projects.field.target')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
