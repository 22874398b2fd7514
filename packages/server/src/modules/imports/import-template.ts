import ExcelJS from 'exceljs';
import { findDictionary, HOUSEHOLD_IMPORT_FIELDS, makeIdNumber } from '@chanbang/domain';

// In our template 区划代码 and 户类型 are required: the national exports replace them by 乡/村 and the file's defaults.
const IMPORT_FIELDS = HOUSEHOLD_IMPORT_FIELDS.map((f) => (f.key === 'regionCode' || f.key === 'householdType' ? { ...f, required: true } : f));

// Two example rows (one household: head and spouse) in the demo zone's first village group. The ID numbers
// are made valid by the domain's check digit; the 填表说明 sheet says to delete them before importing.
function exampleRows(): string[][] {
  const base = {
    householdNo: '41127210020101099',
    regionCode: '411272100201001',
    householdType: '监测户',
    monitoringType: '边缘易致贫户',
    headName: '王建国',
    riskTypes: '因病、因学',
    liftedYear: '',
    address: '河南省三门峡市大王镇大王村第一村民小组99号',
  };
  const people = [
    {
      name: '王建国',
      idNumber: makeIdNumber('41127219680315101'),
      gender: '男',
      relation: '户主',
      laborCapacity: '普通劳动力',
      healthStatus: '健康',
      education: '初中',
      employmentStatus: '县内务工',
      phone: '13800000000',
    },
    {
      name: '李秀兰',
      idNumber: makeIdNumber('41127219700822102'),
      gender: '女',
      relation: '配偶',
      laborCapacity: '弱劳动力或半劳动力',
      healthStatus: '长期慢性病',
      education: '小学',
      employmentStatus: '未务工',
      phone: '',
    },
  ];
  return people.map((p) => IMPORT_FIELDS.map((f) => (({ ...base, ...p }) as Record<string, string>)[f.key] ?? ''));
}

function allowedValues(dict: string | undefined): string {
  if (!dict) return '';
  return (findDictionary(dict)?.items ?? []).map((i) => i.labelZh).join('、');
}

const NOTES: Record<string, string> = {
  householdNo: '同一户的每个成员行填写相同的户编号；重复导入按户编号更新，不会重复建户',
  regionCode: '村 12 位或村民小组 15 位统计用区划代码，须在您的管辖范围内（国家系统导出的文件可用“乡”“村”名称列代替）',
  householdType: '脱贫户、监测户或一般农户（国家系统导出的文件可由“是否脱贫户”“监测对象类别”或文件默认值代替）',
  monitoringType: '户类型为“监测户”时必填',
  headName: '可不填；填写时须与户主行的姓名一致',
  idNumber: '18 位居民身份证号码，最后一位可为 X；请将本列设为“文本”，否则 Excel 会丢失末尾数字',
  gender: '可不填，按证件号码自动识别；填写时须与证件号码一致',
  relation: '每户有且只有一名“户主”',
  riskTypes: '多项用顿号“、”分隔，最多 5 项',
  liftedYear: '脱贫户填写四位年份，如 2019',
};

/** The import template: a styled header sheet with 2 example rows, and a 填表说明 sheet listing allowed values. */
export async function buildTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chanbang';
  const ws = wb.addWorksheet('户成员信息', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = IMPORT_FIELDS.map((f) => ({ header: f.labelZh, key: f.key, width: Math.max(12, f.labelZh.length * 3 + 4), style: { numFmt: '@' } }));
  const header = ws.getRow(1);
  header.height = 22;
  IMPORT_FIELDS.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { bold: true, color: { argb: f.required ? 'FFC00000' : 'FF1F1F1F' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: f.required ? 'FFFFF2CC' : 'FFE7EEF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin' } };
    if (f.dict) {
      const list = allowedValues(f.dict);
      cell.note = list.length < 250 ? `可填：${list}` : '可填值见“填表说明”';
    }
  });
  for (const r of exampleRows()) ws.addRow(r);
  ws.getColumn('idNumber').width = 22;
  ws.getColumn('address').width = 40;

  const help = wb.addWorksheet('填表说明');
  help.columns = [
    { header: '列名', key: 'label', width: 14 },
    { header: '必填', key: 'required', width: 8 },
    { header: '允许的值 / 说明', key: 'values', width: 100 },
    { header: 'Field', key: 'en', width: 24 },
  ];
  help.getRow(1).font = { bold: true };
  for (const f of IMPORT_FIELDS) {
    help.addRow({ label: f.labelZh, required: f.required ? '是' : '', values: [allowedValues(f.dict), NOTES[f.key] ?? ''].filter(Boolean).join('；'), en: f.labelEn });
  }
  help.addRow({});
  help.addRow({ label: '说明', values: '每行一名家庭成员，户级信息在该户每一行重复填写（或合并单元格）。字典项可填中文名称或代码。导入前请删除两行示例数据。' });
  help.getColumn('values').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The CSV template: UTF-8 with BOM (so Excel opens it as UTF-8), header and the 2 example rows. */
export function buildTemplateCsv(): string {
  const lines = [IMPORT_FIELDS.map((f) => f.labelZh), ...exampleRows()].map((r) => r.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
