import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n.tsx';
import { RecordImportModal } from '../../../ui/RecordImportModal.tsx';

/**
 * 导入带动记录 (联农带农 file): all rows or none (RecordImportModal). Row errors (行, 列, 原因) come back as a 422 and
 * are listed; nothing was written, the officer corrects the file and uploads it again. The export has the same columns.
 */
export function LinkageImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { pick } = useI18n();
  const qc = useQueryClient();
  return (
    <RecordImportModal<{ added: number; updated: number }>
      open={open}
      onClose={onClose}
      title={pick('导入带动记录', 'Import linkages')}
      hint={pick(
        '每行一条：年度、带动主体、户编号、联农带农方式、收入（元）必填；同一主体、农户、方式和年度的记录将被更新（已计入收入的除外）。有任何错误时不导入任何记录。',
        'One row per linkage; year, entity, household number, mode and income are required. A row with the same entity, household, mode and year updates that record (unless carried). Nothing is imported while any row has an error.',
      )}
      uploadUrl="/linkages/import"
      templateUrl="/linkages/template.xlsx"
      doneText={(r) => pick(`已导入：新增 ${r.added} 条，更新 ${r.updated} 条`, `Imported: ${r.added} added, ${r.updated} updated`)}
      onDone={() => {
        // the entity's and the households' linkages, and the household pages that show them
        void qc.invalidateQueries({ queryKey: ['linkages'] });
        void qc.invalidateQueries({ queryKey: ['households'] });
      }}
      testId="linkage-import"
    />
  );
}
