import { Button, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import { useCurrentUser } from '../../auth/api.ts';
import { canWriteAssets } from '../asset-access.ts';
import { AssetFormModal } from './AssetFormModal.tsx';

/** Stages whose projects have formed their assets (已验收, 已绩效评价): the server refuses earlier ones too. */
const ASSET_STAGES = ['accepted', 'evaluated'];

/**
 * On an accepted project's page: 登记资产 (county and township staff) opens the asset form with the project and its
 * place filled in; 查看形成的资产 lists the assets registered from it.
 */
export function ProjectAssetsButtons({ project }: { project: { id: number; name: string; regionCode: string; stage: string } }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const writable = canWriteAssets(useCurrentUser());
  const [open, setOpen] = useState(false);
  if (!ASSET_STAGES.includes(project.stage)) return null;
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      {writable ? (
        <Button type="primary" onClick={() => setOpen(true)} data-testid="project-register-asset">
          {t('assets.project.register')}
        </Button>
      ) : null}
      <Link to={`/industry/assets?projectId=${project.id}`}>{t('assets.project.list')}</Link>
      <AssetFormModal open={open} project={project} onClose={() => setOpen(false)} onSaved={(a) => navigate(`/industry/assets/${a.id}`)} />
    </Space>
  );
}
