import type { CaseStage } from '@chanbang/domain';
import { Steps } from 'antd';
import { useI18n } from '../../../lib/i18n.tsx';
import { useIsMobile } from '../../../ui/use-is-mobile.ts';

const IDENT: CaseStage[] = ['village', 'township_review', 'county_approval', 'approved'];
const ELIM: CaseStage[] = ['elim_village', 'elim_township_review', 'elim_county_approval', 'eliminated'];

/** The case's stage as a step bar: identification, then (once started) the 风险消除 procedure. Vertical on phones. */
export function CaseStageSteps({ stage, returned }: { stage: CaseStage; returned: boolean }) {
  const { pick } = useI18n();
  const mobile = useIsMobile();
  const elim = ELIM.includes(stage);
  const order = elim ? ELIM : IDENT;
  const current = order.indexOf(stage);
  const titles = elim
    ? [pick('村级核实、评议公示', 'Village check and publicity'), pick('乡镇审核', 'Township review'), pick('县级审批', 'County approval'), pick('风险已消除', 'Risk eliminated')]
    : [pick('村级识别、公示', 'Village identification'), pick('乡镇审核', 'Township review'), pick('县级审批', 'County approval'), pick('纳入监测', 'Under monitoring')];
  const done = stage === 'approved' || stage === 'eliminated';
  return (
    <Steps
      size="small"
      orientation={mobile ? 'vertical' : 'horizontal'}
      current={current}
      style={{ margin: '8px 0 12px' }}
      data-testid="case-steps"
      items={titles.map((title, i) => ({
        title,
        status: i < current || (done && i === current) ? 'finish' : i === current ? (returned ? 'error' : 'process') : 'wait',
      }))}
    />
  );
}
