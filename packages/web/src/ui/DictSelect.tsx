import { Select } from 'antd';
import { useDict } from '../features/dictionaries/api.ts';

export type DictSelectProps = {
  dictCode: string;
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  id?: string;
  multiple?: boolean;
  maxCount?: number;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
};

/** Select of one dictionary's active items, labels in the current language. */
export function DictSelect({ dictCode, value, onChange, id, multiple, maxCount, placeholder, allowClear = true, style, ...rest }: DictSelectProps) {
  const dict = useDict();
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      mode={multiple ? 'multiple' : undefined}
      maxCount={maxCount}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={dict.options(dictCode)}
      loading={!dict.isLoaded}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ minWidth: 160, ...style }}
    />
  );
}
