/**
 * The policy documents the packs cite, with their 文号 (document number) and title, so screens cite
 * "晋市农发〔2023〕52号 二(一)1" and never the project's seed file ids ("002 §二(一)1").
 * Sources: the headers of the seed texts (seeds README and the first lines of each 00x_*.txt) and, for the
 * national document, domain-standards §1 (中农组发〔2021〕7号).
 */
export type PolicyDocument = {
  /** id the packs' clauses use: the seed file number (`002`), or the 文号 itself for documents outside the seeds */
  ref: string;
  /** 文号, e.g. 晋市农发〔2023〕52号; null when the document carries none (it is then cited by its title) */
  docNo: string | null;
  titleZh: string;
  issuerZh: string;
  /** date of issue, YYYY-MM-DD, or YYYY when only the year is printed */
  date: string;
};

export const POLICY_DOCUMENTS: readonly PolicyDocument[] = [
  {
    ref: '000',
    docNo: '三示范巩固脱贫组〔2022〕4号',
    titleZh: '构建新型特色产业帮扶体系的指导意见',
    issuerZh: '三门峡市城乡一体化示范区巩固拓展脱贫攻坚成果有效衔接乡村振兴工作领导小组',
    date: '2022-02-10',
  },
  {
    // the seed text prints no 文号 (a 市委农办 notice of 2022-03-03): cited by its title
    ref: '001',
    docNo: null,
    titleZh: '许昌市推动脱贫地区特色产业可持续发展的实施方案',
    issuerZh: '中共许昌市委农村工作领导小组办公室',
    date: '2022-03-03',
  },
  { ref: '002', docNo: '晋市农发〔2023〕52号', titleZh: '晋城市2023年特色产业帮扶行动计划', issuerZh: '晋城市农业农村局', date: '2023' },
  {
    ref: '003',
    docNo: '三示范巩固脱贫组〔2022〕3号',
    titleZh: '在全区开展“三有一持续”专项行动的若干举措',
    issuerZh: '三门峡市城乡一体化示范区巩固拓展脱贫攻坚成果有效衔接乡村振兴工作领导小组',
    date: '2022-02-10',
  },
  { ref: '004', docNo: '新农字〔2024〕34号', titleZh: '对市政协十三届二次会议第095号提案的答复', issuerZh: '新乡市农业农村局', date: '2024-07-26' },
  {
    ref: '中农组发〔2021〕7号',
    docNo: '中农组发〔2021〕7号',
    titleZh: '关于健全防止返贫动态监测和帮扶机制的指导意见',
    issuerZh: '中央农村工作领导小组',
    date: '2021',
  },
];

/**
 * A document by the id clauses use.
 * @param ref e.g. `002`
 * @param documents the pack's documents, looked up before the built-in list
 */
export function findPolicyDocument(ref: string, documents: readonly PolicyDocument[] = []): PolicyDocument | undefined {
  return documents.find((d) => d.ref === ref) ?? POLICY_DOCUMENTS.find((d) => d.ref === ref);
}

/** How a document is cited: its 文号, else its title in 《》. */
export function citeDocument(doc: PolicyDocument): string {
  return doc.docNo ?? `《${doc.titleZh}》`;
}

// `002 §二(一)1` (a seed id with a section) or a bare seed id (`004 无专门条款`); 3 digits not inside a longer number
const SEED_REF = /(?<![\d〔])(\d{3})(?!\d)(?: ?§([^；;\s，,）)]+(?:\([^)]*\)[^；;\s，,）]*)*))?/g;

/**
 * A pack's clause as officers cite it: the document's 文号 (or title) and the section, e.g.
 * `002 §二(一)1` → `晋市农发〔2023〕52号 二(一)1`; `000 §五(四)；003 §三(二)` → both documents;
 * `004 §二；§三` → `新农字〔2024〕34号 二、三`. Text that is not a seed reference is kept as written.
 * @param pack the pack the clause belongs to (its `documents` are looked up first); null uses the built-in list
 * @param clause the rule's `clause` as configured
 */
export function formatClause(pack: { documents?: readonly PolicyDocument[] } | null | undefined, clause: string): string {
  const docs = pack?.documents ?? [];
  return clause
    .replace(SEED_REF, (whole, ref: string, section: string | undefined) => {
      const doc = findPolicyDocument(ref, docs);
      if (!doc) return whole;
      return section ? `${citeDocument(doc)} ${section}` : citeDocument(doc);
    })
    .replace(/[；;] ?§/g, '、')
    .trim();
}

/** The documents a clause cites (for a tooltip with titles and issuers). */
export function clauseDocuments(pack: { documents?: readonly PolicyDocument[] } | null | undefined, clause: string): PolicyDocument[] {
  const docs = pack?.documents ?? [];
  const out: PolicyDocument[] = [];
  for (const m of clause.matchAll(SEED_REF)) {
    const doc = findPolicyDocument(m[1]!, docs);
    if (doc && !out.includes(doc)) out.push(doc);
  }
  for (const d of POLICY_DOCUMENTS) if (d.docNo && clause.includes(d.docNo) && !out.includes(d)) out.push(d);
  return out;
}
