import { App, Form, Input, Modal } from 'antd';
import { errorIssues, errorText, issueText } from '../../../lib/error-text.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { useChangePassword } from '../api.ts';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/** The domain rule's minimum (packages/domain auth/password-rules.ts); the server checks the full rules. */
const MIN_LENGTH = 10;

export type ChangePasswordDialogProps = { open: boolean; onClose: () => void };

/**
 * 修改密码: the user's own password (POST /api/v1/auth/password). The server checks the rules (≥ 10 characters,
 * not the user name, not a common password) and ends the user's other sessions; its messages land on the fields.
 */
export function ChangePasswordDialog({ open, onClose }: ChangePasswordDialogProps) {
  const i18n = useI18n();
  const { pick } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();

  const close = () => {
    form.resetFields();
    change.reset();
    onClose();
  };
  const submit = (v: Values) =>
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          void message.success(pick('密码已修改；其他设备上的登录已退出', 'Password changed; other sessions were signed out'));
          close();
        },
        onError: (err) => {
          const issues = errorIssues(err).filter((i) => i.path === 'currentPassword' || i.path === 'newPassword');
          if (issues.length > 0) {
            form.setFields(issues.map((i) => ({ name: i.path as 'currentPassword' | 'newPassword', errors: [pick(i.messageZh, i.messageEn) || issueText(i, i18n)] })));
          } else {
            void message.error(errorText(err, i18n));
          }
        },
      },
    );

  return (
    <Modal
      open={open}
      title={pick('修改密码', 'Change password')}
      okText={pick('确定', 'OK')}
      cancelText={pick('取消', 'Cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="change-password-form">
        <Form.Item name="currentPassword" label={pick('当前密码', 'Current password')} rules={[{ required: true, message: pick('请输入当前密码', 'Enter the current password') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={pick('新密码', 'New password')}
          extra={pick(`至少 ${MIN_LENGTH} 个字符，不能包含用户名，不能是常见密码`, `At least ${MIN_LENGTH} characters, not containing the user name, not a common password`)}
          rules={[
            { required: true, message: pick('请输入新密码', 'Enter the new password') },
            { min: MIN_LENGTH, message: pick(`密码至少 ${MIN_LENGTH} 个字符`, `At least ${MIN_LENGTH} characters`) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={pick('确认新密码', 'Confirm the new password')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: pick('请再次输入新密码', 'Enter the new password again') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(pick('两次输入的新密码不一致', 'The two new passwords differ'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
