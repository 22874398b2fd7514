// 公示 and lists must not show ID numbers or phones in full (domain-standards §1.5, §7.2); roles that may see
// them are decided in auth/roles.ts (canSeePii).

function maskMiddle(s: string, keepStart: number, keepEnd: number): string {
  if (s.length <= keepStart + keepEnd) return '*'.repeat(s.length);
  return s.slice(0, keepStart) + '*'.repeat(s.length - keepStart - keepEnd) + s.slice(s.length - keepEnd);
}

/**
 * Masks an ID number, keeping the first 4 and last 4 characters: `410123199001011234` → `4101**********1234`.
 * Short or odd values are masked entirely; null/undefined/empty give ''.
 * @param id ID number (any length)
 */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  return maskMiddle(id.trim(), 4, 4);
}

/**
 * Masks a phone number, keeping the first 3 and last 4 digits: `13812345678` → `138****5678`.
 * Landlines keep their last 4 (`0371-66661234` → `0371****1234`: the area code before a `-` is kept).
 * @param phone phone number
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const p = phone.trim();
  const dash = p.indexOf('-');
  if (dash > 0 && dash <= 4) return p.slice(0, dash) + maskMiddle(p.slice(dash + 1), 0, 4);
  return maskMiddle(p, 3, 4);
}
