import { DownOutlined } from '@ant-design/icons';
import type { MigrantWorkImportReport } from '@chanbang/domain';
import { Button, Dropdown } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { downloadUrl } from '../../../lib/api-client.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { RecordImportModal } from '../../../ui/RecordImportModal.tsx';

/** The answer's counts in words. */
function doneText(r: MigrantWorkImportReport, pick: (zh: string, en: string) => string): string {
  return pick(
    `导入完成：更新 ${r.updated} 人，未变动 ${r.unchanged} 人，关联务工企业 ${r.employersMatched} 人（务工时间按 ${r.year} 年计算）`,
    `Imported: ${r.updated} updated, ${r.unchanged} unchanged, ${r.employersMatched} employers linked (months of ${r.year})`,
  );
}

/** The columns read but not stored, and the rows whose 就业渠道 was not applied, each with its reason (年度交通费补助 is no payment record). */
function notesOf(r: MigrantWorkImportReport, pick: (zh: string, en: string) => string): string[] {
  return r.ignored.map((i) => pick(`“${i.column}”${i.rows} 行未导入：${i.reasonZh}`, `"${i.column}" (${i.rows} rows) not imported: ${i.reasonEn}`));
}

/**
 * 外出务工信息 on the household list (issue 8): 导入 the national 外出务工信息 export (or the registry's person columns;
 * persons found by 证件号码 in the scope, all rows or none) and 导出 the scope's workers in the same layout (ID numbers
 * masked for masked roles). One menu button, so the header still fits a phone.
 */
export function MigrantWorkMenu({ regionCode, writable }: { regionCode: string | undefined; writable: boolean }) {
  const { pick } = useI18n();
  const qc = useQueryClient();
  const [importing, setImporting] = useState(false);
  const items = [
    ...(writable ? [{ key: 'import', label: pick('导入外出务工信息', 'Import migrant work'), onClick: () => setImporting(true) }] : []),
    { key: 'export', label: <a href={downloadUrl('/migrant-work/export.xlsx', { regionCode })}>{pick('导出外出务工信息', 'Export migrant work')}</a> },
    { key: 'template', label: <a href={downloadUrl('/migrant-work/template.xlsx')}>{pick('下载导入模板', 'Download the template')}</a> },
  ];
  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button data-testid="migrant-work-menu">
          {pick('外出务工信息', 'Migrant work')} <DownOutlined />
        </Button>
      </Dropdown>
      <RecordImportModal<MigrantWorkImportReport>
        open={importing}
        onClose={() => setImporting(false)}
        title={pick('导入外出务工信息', 'Import migrant work')}
        hint={pick(
          '可直接上传防返贫监测信息系统导出的“外出务工信息”表，或含“务工时间（月）”“务工所在地”等列的监测对象信息表：按证件号码匹配您管辖范围内的农户成员，更新务工时间、务工状况（按务工所在地判断省外、省内县外、县内）、就业渠道、务工企业和月收入；空白单元格不改动原值。年度交通费补助不在此导入。有任何错误时不导入任何记录。',
          'Upload the national 外出务工信息 export or the registry’s person columns: members of your area are found by ID number; months, status (out of province / in province / in county from the place), channel, employer and wage are updated; blank cells keep the stored value. Transport subsidies are not imported here. Nothing is imported while any row has an error.',
        )}
        uploadUrl="/migrant-work/import"
        templateUrl="/migrant-work/template.xlsx"
        doneText={(r) => doneText(r, pick)}
        notesOf={(r) => notesOf(r, pick)}
        onDone={() => void qc.invalidateQueries({ queryKey: ['households'] })}
        testId="migrant-work-import"
      />
    </>
  );
}
