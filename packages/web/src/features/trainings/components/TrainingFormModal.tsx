import type { TrainingCreate, TrainingDetail } from '@chanbang/domain';
import { Col, DatePicker, Form, Input, Modal, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { DictSelect } from '../../../ui/DictSelect.tsx';
import { RegionSelect } from '../../../ui/RegionSelect.tsx';
import { useRecordForm } from '../../../ui/use-record-form.ts';
import { useTrainingMutations } from '../api.ts';

type Values = { regionCode: string; course: string; provider?: string; startsOn: Dayjs; endsOn?: Dayjs | null; skill?: string; certificate?: string; note?: string };

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function formValues(t: TrainingDetail): Values {
  return {
    regionCode: t.regionCode,
    course: t.course,
    provider: t.provider ?? undefined,
    startsOn: dayjs(t.startsOn),
    endsOn: t.endsOn ? dayjs(t.endsOn) : null,
    skill: t.skill ?? undefined,
    certificate: t.certificate ?? undefined,
    note: t.note ?? undefined,
  };
}

/** 新增培训 / 修改培训: an edit sends the version the dialog was opened with (此记录已被他人修改 on a stale one). */
export function TrainingFormModal({
  open,
  training,
  onClose,
  onSaved,
  reload,
}: {
  open: boolean;
  training?: TrainingDetail | null;
  onClose: () => void;
  onSaved?: (t: TrainingDetail) => void;
  reload?: () => Promise<TrainingDetail | undefined>;
}) {
  const { t } = useI18n();
  const m = useTrainingMutations();
  const { form, save } = useRecordForm<Values, TrainingDetail>({
    open,
    record: training,
    toValues: formValues,
    submit: (v) => {
      const fields: TrainingCreate = {
        regionCode: v.regionCode,
        course: v.course.trim(),
        provider: v.provider?.trim() || null,
        startsOn: iso(v.startsOn)!,
        endsOn: iso(v.endsOn),
        skill: v.skill?.trim() || null,
        certificate: v.certificate ?? null,
        note: v.note?.trim() || null,
      };
      return training ? m.update.mutateAsync({ id: training.id, ...withVersion(fields, training) }) : m.create.mutateAsync(fields);
    },
    savedText: t('trainings.saved'),
    onClose,
    onSaved,
    reload,
  });

  const half = { xs: 24, md: 12 };
  return (
    <Modal
      open={open}
      title={training ? t('trainings.edit') : t('trainings.add')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={m.create.isPending || m.update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      width={720}
      forceRender
    >
      <Form form={form} name="training" layout="vertical" data-testid="training-form">
        <Row gutter={12}>
          <Col xs={24}>
            <Form.Item name="course" label={t('trainings.field.course')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="regionCode" label={t('trainings.field.region')} rules={[{ required: true }]}>
              <RegionSelect style={{ width: '100%' }} aria-label={t('trainings.field.region')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="provider" label={t('trainings.field.provider')} rules={[{ max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="startsOn" label={t('trainings.field.startsOn')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="endsOn"
              label={t('trainings.field.endsOn')}
              dependencies={['startsOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_r, v?: Dayjs | null) => {
                    const start = getFieldValue('startsOn') as Dayjs | undefined;
                    if (v && start && v.isBefore(start, 'day')) throw new Error(t('trainings.endBeforeStart'));
                  },
                }),
              ]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="certificate" label={t('trainings.field.certificate')}>
              <DictSelect dictCode="training_certificate" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="skill" label={t('trainings.field.skill')} extra={t('trainings.field.skillHint')} rules={[{ max: 40 }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('trainings.field.note')} rules={[{ max: 500 }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
