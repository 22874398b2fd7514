import type { Issue } from '../errors.ts';
import { monthOf, monthWords, type Month } from './posts.ts';

/**
 * 就业渠道“公益性岗位” and the holding of a post (003 §二(二)4 "以岗聘任……有序退岗"): the channel follows the
 * holding. It is set by a hire (以岗聘任) and cleared by an exit from the post (有序退岗) or by the holder's
 * 自然减少, which ends the holding — never typed on the member form nor read from an import.
 */

/** dict employment_channel 公益性岗位. */
export const PUBLIC_POST_CHANNEL = 'public_post';

/**
 * The member form (POST / PATCH member): why the 就业渠道 sent cannot be saved, or null. Sending the stored value
 * again (or leaving the field out) is always fine.
 * @param sent the channel sent (`undefined` = the field is not sent)
 * @param stored the channel stored (null for a new member)
 * @param holdsPost the person holds an active post appointment
 */
export function employmentChannelIssue(sent: string | null | undefined, stored: string | null, holdsPost: boolean): Issue | null {
  if (sent === undefined || sent === stored) return null;
  if (sent === PUBLIC_POST_CHANNEL && !holdsPost) {
    return {
      path: 'employmentChannel',
      value: sent,
      messageZh: '就业渠道“公益性岗位”随岗位聘任自动登记，请在“公益性岗位”中聘任该成员',
      messageEn: 'the channel “public-welfare post” is recorded by a hire: hire the member under Public-welfare posts',
    };
  }
  if (sent !== PUBLIC_POST_CHANNEL && holdsPost) {
    return {
      path: 'employmentChannel',
      value: sent,
      messageZh: '该成员现聘公益性岗位，请先在公益性岗位中办理退岗',
      messageEn: 'the member holds a public-welfare post: record the exit from the post first',
    };
  }
  return null;
}

/** Why an import row's 就业渠道 is not applied (see {@link importChannelOutcome}). */
export type ImportChannelSkip = 'not_holder' | 'holder';

/**
 * The 外出务工信息 import: the channel a row may write, and why a row's channel is left alone. A row saying 公益性岗位
 * for a person who holds no post does not set it (`not_holder`); a holder keeps 公益性岗位 whatever the row says
 * (`holder`, when the row names another channel). Otherwise the row's channel is written (null = the row is blank).
 */
export function importChannelOutcome(rowChannel: string | null, holdsPost: boolean): { channel: string | null; skipped: ImportChannelSkip | null } {
  if (rowChannel === null) return { channel: null, skipped: null };
  if (rowChannel === PUBLIC_POST_CHANNEL && !holdsPost) return { channel: null, skipped: 'not_holder' };
  if (rowChannel !== PUBLIC_POST_CHANNEL && holdsPost) return { channel: null, skipped: 'holder' };
  return { channel: rowChannel, skipped: null };
}

/** The words of the import report's `ignored` entry for rows of a {@link ImportChannelSkip}. */
export const IMPORT_CHANNEL_SKIP_WORDS: Readonly<Record<ImportChannelSkip, { zh: string; en: string }>> = {
  not_holder: {
    zh: '就业渠道“公益性岗位”随岗位聘任自动登记，未在公益性岗位聘任的人员不按导入登记，请在“公益性岗位”中办理聘任',
    en: 'the channel “public-welfare post” is recorded by a hire: not set for persons who hold no post (hire them under Public-welfare posts)',
  },
  holder: {
    zh: '现聘公益性岗位人员的就业渠道保持“公益性岗位”，如已不在岗，请在“公益性岗位”中办理退岗',
    en: 'persons holding a public-welfare post keep that channel: record the exit from the post if they left it',
  },
};

/** A holding ended by its holder's 自然减少. */
export type HolderLeaving = {
  /** dict exit_reason of the 自然减少 */
  reason: string;
  /** the date of the 自然减少 */
  date: string;
};

/**
 * A holder's 自然减少 ends the holding (有序退岗 recorded for them): ended on the exit date, but not before the start;
 * reason 死亡 for a death, else 不再符合条件 (dict post_exit_reason). A month after that already paid cannot stay
 * within the holding, so the 自然减少 is refused naming the post and the month (undo the payment or correct the date).
 * @param postName the post's name (for the refusal)
 * @param lastPaidMonth the latest month paid to the holding, if any
 */
export function holdingEndOnLeaving(
  holding: { startedOn: string },
  leaving: HolderLeaving,
  postName: string,
  lastPaidMonth: Month | null,
): { ok: true; endedOn: string; exitReason: string; exitNote: string } | { ok: false; issue: Issue } {
  const endedOn = leaving.date < holding.startedOn ? holding.startedOn : leaving.date;
  if (lastPaidMonth !== null && lastPaidMonth > monthOf(endedOn)) {
    const w = monthWords(lastPaidMonth);
    return {
      ok: false,
      issue: {
        path: 'date',
        value: leaving.date,
        messageZh: `该成员所聘公益性岗位“${postName}”已发放${w.zh}的岗位补贴，晚于自然减少日期 ${leaving.date}，不能办理自然减少：请核实日期`,
        messageEn: `the subsidy of the public-welfare post “${postName}” is paid for ${w.en}, after the exit date ${leaving.date}: check the date`,
      },
    };
  }
  return { ok: true, endedOn, exitReason: leaving.reason === 'death' ? 'death' : 'no_longer_eligible', exitNote: HOLDING_ENDED_NOTE };
}

/** The exit note of a holding ended by its holder's 自然减少. */
export const HOLDING_ENDED_NOTE = '随成员自然减少自动退岗';
