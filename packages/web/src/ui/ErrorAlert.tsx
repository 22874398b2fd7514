import { Alert, Button } from 'antd';
import { errorIssues, errorTitle, issueText } from '../lib/error-text.ts';
import { useI18n } from '../lib/i18n.tsx';

export type ErrorAlertProps = { error: unknown; onRetry?: () => void; title?: string };

/** An API error in the current language, with every issue of `details.issues`. */
export function ErrorAlert({ error, onRetry, title }: ErrorAlertProps) {
  const i18n = useI18n();
  if (!error) return null;
  const issues = errorIssues(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={title ?? errorTitle(error, i18n)}
      description={
        issues.length ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {issues.map((issue, idx) => (
              <li key={idx}>{issueText(issue, i18n)}</li>
            ))}
          </ul>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {i18n.t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
