import { useQueryClient } from '@tanstack/react-query';
import type { EntityImportReport } from '@chanbang/domain';
import { useI18n } from '../../../lib/i18n.tsx';
import { RecordImportModal } from '../../../ui/RecordImportModal.tsx';
import { entityKeys } from '../api.ts';

/**
 * 导入经营主体: one file, all rows or none (RecordImportModal). Row errors (行, 列, 原因) come back from the server as
 * a 422 and are listed; nothing was written, the officer fixes the file and uploads again.
 */
export function EntityImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  return (
    <RecordImportModal<EntityImportReport>
      open={open}
      onClose={onClose}
      title={t('entities.import.title')}
      hint={t('entities.import.hint')}
      uploadUrl="/entities/import"
      templateUrl="/entities/template.xlsx"
      doneText={(r) => t('entities.import.done', { added: r.added, updated: r.updated })}
      onDone={() => void qc.invalidateQueries({ queryKey: entityKeys.all })}
      testId="entity-import"
    />
  );
}
