import { App, Form } from 'antd';
import { useEffect } from 'react';
import { useStaleSave } from './StaleSave.tsx';

/**
 * The scaffold of a modal form that creates or edits one stored record (recipe "a new server module", 6): on open the
 * form is reset and filled from `record` (an edit) or `blank` (a new one; memoise it, it refills the form when it
 * changes); `save` validates, runs `submit` (which sends `withVersion(body, record)` for an edit), says `savedText`,
 * closes and hands the saved record to `onSaved`; a failure goes to `useStaleSave().fail`, whose 重新载入 fetches the
 * record again (`reload`) and refills the form with it.
 */
export function useRecordForm<V extends object, R, S = R>({
  open,
  record,
  toValues,
  blank,
  submit,
  savedText,
  onClose,
  onSaved,
  reload,
}: {
  open: boolean;
  record: R | null | undefined;
  /** a module-level function (it is an effect dependency) */
  toValues: (record: R) => V;
  blank?: Partial<V>;
  submit: (values: V) => Promise<S>;
  savedText: string;
  onClose: () => void;
  onSaved?: (saved: S) => void;
  reload?: () => Promise<R | undefined>;
}) {
  const { message } = App.useApp();
  const stale = useStaleSave();
  const [form] = Form.useForm<V>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (record) form.setFieldsValue(toValues(record) as Parameters<typeof form.setFieldsValue>[0]);
    else if (blank) form.setFieldsValue(blank as Parameters<typeof form.setFieldsValue>[0]);
  }, [open, record, blank, toValues, form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      const saved = await submit(v);
      message.success(savedText);
      onClose();
      onSaved?.(saved);
    } catch (err) {
      stale.fail(err, async () => {
        const fresh = await reload?.();
        if (fresh) form.setFieldsValue(toValues(fresh) as Parameters<typeof form.setFieldsValue>[0]);
      });
    }
  };
  return { form, save };
}
