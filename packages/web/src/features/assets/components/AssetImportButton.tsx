import { UploadOutlined } from '@ant-design/icons';
import type { AssetImportReport } from '@chanbang/domain';
import { Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n.tsx';
import { RecordImportModal } from '../../../ui/RecordImportModal.tsx';

/** 导入 on 资产管理 (issue 8 §1): a 资产台账 file (the platform's export or a county ledger), all rows or none. */
export function AssetImportButton() {
  const { pick } = useI18n();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="asset-import">
        {pick('导入', 'Import')}
      </Button>
      <RecordImportModal<AssetImportReport>
        open={open}
        onClose={() => setOpen(false)}
        title={pick('导入资产台账', 'Import the asset ledger')}
        hint={pick(
          '可上传本平台导出的资产表或县级资产台账：按资产编号登记新资产或更新已登记的资产；所在地填写村名或 12 位区划代码；资产原值的单位按列名（元或万元）读取；经营主体须已在经营主体库中登记。有任何错误时不导入任何记录。',
          'Upload the platform’s asset export or a county ledger: assets are created or updated by asset number; the place is a village name or a 12-digit code; the value’s unit (元 or 万元) is read from its header; the operator must be in the entity registry. Nothing is imported while any row has an error.',
        )}
        uploadUrl="/assets/import"
        templateUrl="/assets/template.xlsx"
        doneText={(r) =>
          pick(`导入完成：新增 ${r.created} 项，更新 ${r.updated} 项，未变动 ${r.unchanged} 项`, `Imported: ${r.created} added, ${r.updated} updated, ${r.unchanged} unchanged`)
        }
        onDone={() => void qc.invalidateQueries({ queryKey: ['assets'] })}
        testId="asset-import"
      />
    </>
  );
}
