import { Radio, Tag } from 'antd';
import { useI18n, type MessageKey } from '../../../lib/i18n.tsx';

/** 三保障 / 饮水: true 有保障, false 有问题, null 未评估 (never secure by default). */
export type Secure = boolean | null | undefined;

const toKey = (v: Secure) => (v === true ? 'yes' : v === false ? 'no' : 'unknown');

/** Form control of one 三保障 flag: three buttons, null when 未评估. */
export function SecureInput({ value, onChange, id }: { value?: Secure; onChange?: (v: boolean | null) => void; id?: string }) {
  const { t } = useI18n();
  return (
    <Radio.Group
      id={id}
      optionType="button"
      size="small"
      value={toKey(value)}
      onChange={(e) => onChange?.(e.target.value === 'yes' ? true : e.target.value === 'no' ? false : null)}
      options={(['yes', 'no', 'unknown'] as const).map((k) => ({ value: k, label: t(`hh.secure.${k}` as MessageKey) }))}
    />
  );
}

/** Read-only tag of one flag: green 有保障, red 有问题, grey 未评估. */
export function SecureTag({ label, value }: { label: string; value: Secure }) {
  const { t } = useI18n();
  const key = toKey(value);
  return <Tag color={key === 'yes' ? 'green' : key === 'no' ? 'red' : 'default'}>{`${label}：${t(`hh.secure.${key}` as MessageKey)}`}</Tag>;
}
