import type { ProjectView } from '@chanbang/domain';
import { App, Button, Card, Modal } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { withVersion } from '../../../lib/versioning.ts';
import { ResponsiveTable } from '../../../ui/ResponsiveTable.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { usePutBeneficiaries } from '../api.ts';
import { HouseholdPicker, type PickedHousehold } from './HouseholdPicker.tsx';

type Ben = ProjectView['beneficiaries'][number];

/** 受益农户: the linked households (户编号, 户主; no personal numbers) and a search by 户编号 or name to change them. */
export function BeneficiariesCard({ project, editable, reload }: { project: ProjectView; editable: boolean; reload: () => unknown }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const put = usePutBeneficiaries(project.id);
  const stale = useStaleSave();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<PickedHousehold[]>([]);
  const columns: ColumnsType<Ben> = [
    { title: t('projects.ben.no'), dataIndex: 'householdNo', render: (v: string, r) => <Link to={`/households/${r.householdId}`}>{v}</Link> },
    { title: t('projects.ben.head'), dataIndex: 'headName', render: (v: string | null) => v ?? '—' },
  ];
  const save = async () => {
    try {
      await put.mutateAsync(withVersion({ householdIds: chosen.map((c) => c.value) }, project));
      message.success(t('projects.saved'));
      setOpen(false);
    } catch (err) {
      stale.fail(err, () => {
        setOpen(false);
        return reload();
      });
    }
  };
  return (
    <Card
      title={`${t('projects.detail.beneficiaries')}（${project.beneficiaries.length}）`}
      extra={
        editable ? (
          <Button
            onClick={() => {
              setChosen(project.beneficiaries.map((b) => ({ value: b.householdId, label: `${b.householdNo} ${b.headName ?? ''}` })));
              setOpen(true);
            }}
          >
            {t('projects.detail.editBeneficiaries')}
          </Button>
        ) : null
      }
    >
      <ResponsiveTable<Ben>
        rowKey="householdId"
        columns={columns}
        dataSource={project.beneficiaries}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('projects.detail.noBeneficiaries') }}
      />
      <Modal
        open={open}
        title={t('projects.detail.editBeneficiaries')}
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        confirmLoading={put.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <HouseholdPicker value={chosen} onChange={setChosen} />
      </Modal>
    </Card>
  );
}
