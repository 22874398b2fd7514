import { ExclamationCircleFilled } from '@ant-design/icons';
import { App, Flex, Modal, Typography } from 'antd';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { errorText } from '../lib/error-text.ts';
import { useI18n } from '../lib/i18n.tsx';
import { isStaleVersion, isVersionRequired, lastChangeText, staleCurrent } from '../lib/versioning.ts';

/**
 * What 重新载入 does for one form: refetch the record (its query), put the current values into the form and
 * take the new version as the one the next save is based on. Never re-sends the save.
 */
export type StaleReload = () => unknown;

export type StaleSave = {
  /** STALE_VERSION opens the reload dialog, VERSION_REQUIRED says 请刷新页面后重试; true when it took the error. */
  handle: (err: unknown, reload: StaleReload) => boolean;
  /** `handle`, or else the error in words (message.error) — the catch of every save of an existing record. */
  fail: (err: unknown, reload: StaleReload) => void;
};

const StaleSaveContext = createContext<StaleSave | null>(null);

type Pending = { current?: Record<string, unknown>; reload: StaleReload };

/**
 * One dialog for every stale save in the app (issue 6 §3): 此记录已被他人修改, who saved it and when if the record
 * says, 您的修改尚未保存. 重新载入 runs the form's reload and closes; 取消 closes and leaves the typed values on
 * screen so the officer can copy them. An ordinary modal, so it is full screen on phones (app/global.css).
 */
export function StaleSaveProvider({ children }: { children: ReactNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [pending, setPending] = useState<Pending | null>(null);
  const [reloading, setReloading] = useState(false);

  const handle = useCallback(
    (err: unknown, reload: StaleReload) => {
      if (isStaleVersion(err)) {
        setPending({ current: staleCurrent(err), reload });
        return true;
      }
      if (isVersionRequired(err)) {
        message.error(t('err.VERSION_REQUIRED'));
        return true;
      }
      return false;
    },
    [message, t],
  );
  const value = useMemo<StaleSave>(
    () => ({
      handle,
      fail: (err, reload) => {
        if (!handle(err, reload)) message.error(errorText(err, i18n));
      },
    }),
    [handle, message, i18n],
  );

  const reloadNow = async () => {
    if (!pending) return;
    setReloading(true);
    try {
      await pending.reload();
      setPending(null);
    } catch (err) {
      message.error(errorText(err, i18n));
    } finally {
      setReloading(false);
    }
  };
  const who = pending ? lastChangeText(pending.current, i18n) : '';

  return (
    <StaleSaveContext.Provider value={value}>
      {children}
      <Modal
        open={pending !== null}
        title={
          <Flex gap={8} align="center">
            <ExclamationCircleFilled style={{ color: '#faad14' }} aria-hidden />
            {t('stale.title')}
          </Flex>
        }
        onOk={() => void reloadNow()}
        okText={t('stale.reload')}
        confirmLoading={reloading}
        onCancel={() => setPending(null)}
        cancelText={t('common.cancel')}
        maskClosable={false}
        zIndex={1200}
        width={480}
        wrapClassName="stale-save-modal"
      >
        {who ? <Typography.Paragraph data-testid="stale-last-change">{who}</Typography.Paragraph> : null}
        <Typography.Paragraph strong>{t('stale.unsaved')}</Typography.Paragraph>
      </Modal>
    </StaleSaveContext.Provider>
  );
}

/** The shared stale-save handling; the provider sits in app/App.tsx. */
export function useStaleSave(): StaleSave {
  const ctx = useContext(StaleSaveContext);
  if (!ctx) throw new Error('useStaleSave outside StaleSaveProvider');
  return ctx;
}
