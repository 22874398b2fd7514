import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Popconfirm, Skeleton, Space } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../lib/i18n.tsx';
import type { HouseholdDetail, Person } from '../../../lib/types.ts';
import { versionOf, withVersion } from '../../../lib/versioning.ts';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useStaleSave } from '../../../ui/StaleSave.tsx';
import { DICT, useDict } from '../../dictionaries/api.ts';
import { useCreateHousehold, useHousehold, useMemberMutations, useUpdateHousehold, type HouseholdInput, type PersonInput } from '../api.ts';
import { HouseholdFields } from '../components/HouseholdFields.tsx';
import { MemberFields } from '../components/MemberFields.tsx';
import { headRelationCode, isMaskedIdNumber, memberListProblems } from '../id-check.ts';

type MemberValue = PersonInput & { id?: number };
type FormValues = HouseholdInput & { members: MemberValue[] };

const HOUSEHOLD_KEYS = [
  'householdNo',
  'regionCode',
  'householdType',
  'isLifted',
  'liftedCategory',
  'monitoringType',
  'riskTypes',
  'liftedYear',
  'phone',
  'address',
  'note',
  'housingSecure',
  'waterSecure',
  'educationSecure',
  'medicalSecure',
] as const;
/** Fields of a stored member the form never sends back (read-only or derived). */
const MEMBER_READ_ONLY = ['id', 'householdId', 'regionCode', 'personNo', 'exitReason', 'exitDate', 'exitNote'] as const;

function pickHousehold(values: FormValues): HouseholdInput {
  const out: Record<string, unknown> = {};
  for (const key of HOUSEHOLD_KEYS) out[key] = values[key] ?? null;
  out.riskTypes = values.riskTypes ?? [];
  // a masked phone (role without access to personal information) is left as it is: the server keeps it
  if (isMaskedIdNumber(out.phone as string | null)) delete out.phone;
  return out as HouseholdInput;
}

function memberInput(m: MemberValue, headCode: string | undefined): PersonInput {
  const rest: Record<string, unknown> = { ...m };
  for (const k of MEMBER_READ_ONLY) delete rest[k];
  const input = { ...rest, isHead: m.relation === headCode } as PersonInput;
  if (isMaskedIdNumber(input.idNumber)) delete (input as Partial<PersonInput>).idNumber;
  if (isMaskedIdNumber(input.phone)) delete (input as Partial<PersonInput>).phone;
  return input;
}

/** The record with the version a save answered with (the next save is based on it). */
function savedAs<T extends object>(record: T, saved: unknown): T {
  const version = versionOf(saved);
  return version === undefined ? record : { ...record, version };
}

function changed(a: MemberValue, b: Person): boolean {
  // JSON: health values are a list; read-only fields never count as a change
  const skip = new Set<string>(MEMBER_READ_ONLY);
  return (Object.keys(a) as (keyof MemberValue)[]).some((k) => !skip.has(k) && JSON.stringify(a[k] ?? null) !== JSON.stringify((b as Record<string, unknown>)[k] ?? null));
}

/** Create a household with its members, or edit one (members are synced one by one). */
export function HouseholdFormPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { id: idParam } = useParams();
  const [params] = useSearchParams();
  const id = idParam ? Number(idParam) : undefined;
  const isEdit = id !== undefined;
  const existing = useHousehold(id ?? Number.NaN);
  const create = useCreateHousehold();
  const update = useUpdateHousehold(id ?? 0);
  const members = useMemberMutations(id ?? 0);
  const dict = useDict();
  const headCode = useMemo(() => headRelationCode(dict.items(DICT.relation, true)), [dict]);
  const [form] = Form.useForm<FormValues>();
  const stale = useStaleSave();
  /**
   * The household as the form was opened (or reloaded after a stale save): its version and its members' versions
   * are what the next save is based on — never a later background refetch.
   */
  const [base, setBase] = useState<HouseholdDetail | null>(null);
  const fill = useCallback(
    (h: HouseholdDetail) => {
      setBase(h);
      form.resetFields();
      // members who left by 自然减少 are not edited here (read-only, shown on the detail page)
      form.setFieldsValue({ ...h, members: h.members.filter((m) => !m.exitReason) });
    },
    [form],
  );

  // The dictionary may arrive after the form mounted: make the first member of a new household the head.
  useEffect(() => {
    if (isEdit || !headCode) return;
    const first = form.getFieldValue(['members', 0, 'relation']) as string | undefined;
    if (!first) form.setFieldValue(['members', 0, 'relation'], headCode);
  }, [isEdit, headCode, form]);

  // filled once, from fresh data (a cached copy being refetched waits for the answer)
  useEffect(() => {
    if (existing.data && !base && !existing.isFetching) fill(existing.data);
  }, [existing.data, existing.isFetching, base, fill]);

  /** 重新载入 after a stale save: the record as it is now, in the form and as the base of the next save. */
  const reload = async () => {
    const fresh = await existing.refetch();
    if (fresh.error) throw fresh.error;
    if (fresh.data) fill(fresh.data);
    update.reset();
    members.add.reset();
    members.update.reset();
  };

  const saveEdit = async (values: FormValues, before: HouseholdDetail) => {
    // each step that went through becomes the base of a retry (no stale refusal of one's own save)
    let done = before;
    const household = pickHousehold(values);
    if (JSON.stringify(household) !== JSON.stringify(pickHousehold(before as FormValues))) {
      done = savedAs(done, await update.mutateAsync(withVersion(household, done)));
      setBase(done);
    }
    // a stored member is never removed here: members leave by 自然减少 on the detail page
    for (const [idx, m] of values.members.entries()) {
      const old = done.members.find((p) => p.id === m.id);
      if (!m.id) {
        const added = await members.add.mutateAsync(memberInput(m, headCode));
        form.setFieldValue(['members', idx, 'id'], added.id);
        done = { ...done, members: [...done.members, added] };
      } else if (old && changed(m, old)) {
        const saved = await members.update.mutateAsync(withVersion({ id: m.id, ...memberInput(m, headCode) }, old));
        done = { ...done, members: done.members.map((p) => (p.id === m.id ? savedAs({ ...p, ...saved }, saved) : p)) };
      }
      setBase(done);
    }
    return before.id;
  };

  const handleFinish = async (values: FormValues) => {
    try {
      const savedId =
        isEdit && base ? await saveEdit(values, base) : (await create.mutateAsync({ ...pickHousehold(values), members: values.members.map((m) => memberInput(m, headCode)) })).id;
      message.success(t('common.saved'));
      navigate(`/households/${savedId}`);
    } catch (err) {
      stale.fail(err, reload);
    }
  };

  const saving = create.isPending || update.isPending || members.add.isPending || members.update.isPending;
  if (isEdit && (existing.isLoading || (!base && existing.isFetching))) return <Skeleton active />;
  // a failed refetch (重新载入) never takes the typed form away: the dialog reports it and stays
  if (isEdit && existing.error && !base) return <ErrorAlert error={existing.error} />;

  return (
    <>
      <PageHeader title={isEdit ? t('hh.edit') : t('hh.create')} subtitle={existing.data?.householdNo} />
      <ErrorAlert error={create.error ?? update.error} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        disabled={saving}
        initialValues={{
          regionCode: params.get('regionCode') ?? undefined,
          isLifted: false,
          housingSecure: null,
          waterSecure: null,
          educationSecure: null,
          medicalSecure: null,
          riskTypes: [],
          members: [{ relation: headCode }],
        }}
        scrollToFirstError
      >
        <Card title={t('hh.basic')} size="small" style={{ marginBottom: 16 }}>
          <HouseholdFields isEdit={isEdit} />
        </Card>
        <Form.List
          name="members"
          rules={[
            {
              validator: async (_, list: MemberValue[]) => {
                const problems = memberListProblems(list, headCode);
                if (problems.length) throw new Error(problems.map((k) => t(k)).join('；'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Card
              title={t('hh.tab.members')}
              size="small"
              style={{ marginBottom: 16 }}
              extra={
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('member.add')}
                </Button>
              }
            >
              {fields.map((field, idx) => (
                <Card
                  key={field.key}
                  type="inner"
                  size="small"
                  style={{ marginBottom: 12 }}
                  title={`#${idx + 1}`}
                  extra={
                    form.getFieldValue(['members', field.name, 'id']) ? null : (
                      <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove(field.name)} okText={t('common.ok')} cancelText={t('common.cancel')}>
                        <Button danger size="small" icon={<DeleteOutlined />} aria-label={`${t('member.remove')} #${idx + 1}`} />
                      </Popconfirm>
                    )
                  }
                >
                  <Form.Item name={[field.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <MemberFields prefix={[field.name]} listName="members" />
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
            </Card>
          )}
        </Form.List>
        <Space style={{ position: 'sticky', bottom: 0, zIndex: 2, background: '#f5f5f5', padding: '8px 0', width: '100%' }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
