import type { ProjectActionBody, ProjectView } from '@chanbang/domain';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { useProjectAction } from '../api.ts';

type Action = ProjectActionBody['action'];
const NEEDS_FORM: readonly Action[] = ['return', 'reject', 'publicise', 'approve_entry', 'accept', 'evaluate', 'start'];
const DANGER: readonly Action[] = ['return', 'reject', 'withdraw'];
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

type FormValues = { reason?: string; date?: string; publicityStart?: string; publicityEnd?: string; reviewNote?: string; grade?: string; note?: string; checks?: string[] };

/**
 * The workflow buttons this user may take on the project (the server lists them with each refusal; refused ones are
 * not shown), each with what the step needs: a reason for 退回/不予入库 (required), the publicity dates, the four
 * checks for 入库审定 (required where the county's pack sets P4, else recorded), a date, a grade. Sends the version the page was read at.
 */
export function ProjectActions({ project, reload }: { project: ProjectView; reload: () => unknown }) {
  const { t, pick } = useI18n();
  const { message, modal } = App.useApp();
  const act = useProjectAction(project.id);
  const stale = useStaleSave();
  const [open, setOpen] = useState<Action | null>(null);
  const [form] = Form.useForm<FormValues>();
  const allowed = project.actions.filter((a) => a.refusalZh === null);
  const labelOf = (a: Action) => project.actions.find((x) => x.action === a)?.labelZh ?? a;

  const send = async (action: Action, v: FormValues = {}) => {
    const checks = action === 'approve_entry' ? Object.fromEntries(project.entryPolicy.reviewChecks.map((c) => [c, (v.checks ?? []).includes(c)])) : undefined;
    const body: ProjectActionBody = {
      action,
      ...(v.reason ? { reason: v.reason } : {}),
      ...(v.date ? { date: v.date } : {}),
      ...(v.publicityStart ? { publicityStart: v.publicityStart, publicityEnd: v.publicityEnd ?? null } : {}),
      ...(v.reviewNote ? { reviewNote: v.reviewNote } : {}),
      ...(v.grade ? { grade: v.grade as ProjectActionBody['grade'] } : {}),
      ...(v.note ? { note: v.note } : {}),
      ...(checks ? { checks } : {}),
    };
    try {
      await act.mutateAsync(withVersion(body, project));
      message.success(t('projects.action.done', { action: labelOf(action) }));
      setOpen(null);
    } catch (err) {
      stale.fail(err, () => {
        setOpen(null);
        return reload();
      });
    }
  };

  const start = (a: Action) => {
    if (!NEEDS_FORM.includes(a)) {
      modal.confirm({ title: t('projects.action.confirm', { action: labelOf(a) }), okText: t('common.ok'), cancelText: t('common.cancel'), onOk: () => send(a) });
      return;
    }
    form.resetFields();
    form.setFieldsValue({ date: today(), checks: [] });
    setOpen(a);
  };

  if (!allowed.length) return null;
  return (
    <>
      <Flex gap={8} wrap>
        {allowed.map((a) => (
          <Button
            key={a.action}
            data-testid={`project-action-${a.action}`}
            type={DANGER.includes(a.action) ? 'default' : 'primary'}
            danger={DANGER.includes(a.action)}
            onClick={() => start(a.action)}
          >
            {a.labelZh}
          </Button>
        ))}
      </Flex>
      <Modal
        open={open !== null}
        title={open ? labelOf(open) : ''}
        onCancel={() => setOpen(null)}
        onOk={() => void form.validateFields().then((v) => send(open!, v))}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={act.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {open === 'return' || open === 'reject' ? (
            <Form.Item name="reason" label={t('projects.action.reason')} rules={[{ required: true, whitespace: true, message: t('projects.action.reasonRequired') }]}>
              <Input.TextArea rows={3} maxLength={500} />
            </Form.Item>
          ) : null}
          {open === 'publicise' ? (
            <Space wrap>
              <Form.Item name="publicityStart" label={t('projects.action.publicityStart')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
              <Form.Item name="publicityEnd" label={t('projects.action.publicityEnd')} rules={[{ required: true }]}>
                <Input type="date" />
              </Form.Item>
            </Space>
          ) : null}
          {open === 'approve_entry' ? (
            <>
              {project.entryPolicy.checksRequired ? (
                <Typography.Paragraph type="secondary">{t('projects.check.hint', { clause: project.entryPolicy.reviewClause })}</Typography.Paragraph>
              ) : null}
              {project.entryPolicy.noteZh ? <Typography.Paragraph type="secondary">{pick(project.entryPolicy.noteZh, project.entryPolicy.noteEn)}</Typography.Paragraph> : null}
              <Form.Item name="checks">
                <Checkbox.Group options={project.entryPolicy.reviewChecks.map((c) => ({ value: c, label: t(`projects.check.${c}` as MessageKey) }))} />
              </Form.Item>
              <Form.Item name="reviewNote" label={t('projects.action.reviewNote')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          ) : null}
          {open === 'evaluate' ? (
            <>
              <Form.Item name="grade" label={t('projects.action.grade')} rules={[{ required: true }]}>
                <Select options={['优', '良', '中', '差'].map((g) => ({ value: g, label: g }))} />
              </Form.Item>
              <Form.Item name="note" label={t('projects.action.note')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          ) : null}
          {open === 'approve_entry' || open === 'accept' || open === 'evaluate' || open === 'start' ? (
            <Form.Item name="date" label={t('projects.action.date')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
