import { fenToYuan, maskIdNumber, type PostAppointmentView, type PostPaymentView, type PostView } from '@chanbang/domain';
import type { FoundAppointment, FoundPost, PaymentRow } from './posts.repo.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : String(d));

/** A post as the API shows it (subsidy in 元). */
export function toPostView(f: FoundPost): PostView {
  const p = f.post;
  return {
    id: p.id,
    name: p.name,
    postType: p.postType,
    regionCode: p.regionCode,
    regionName: f.regionName,
    needReason: p.needReason,
    monthlySubsidyYuan: fenToYuan(p.monthlySubsidyFen),
    status: p.status === 'filled' ? 'filled' : p.status === 'closed' ? 'closed' : 'open',
    closedOn: p.closedOn,
    closedReason: p.closedReason,
    note: p.note,
    holderName: f.holderName,
    holderSince: f.holderSince,
    version: p.version,
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

export function toPaymentView(p: PaymentRow): PostPaymentView {
  return { id: p.id, appointmentId: p.appointmentId, month: p.month.slice(0, 7), amountYuan: fenToYuan(p.amountFen), paidOn: p.paidOn };
}

/** A holding with its paid months; the ID number masked unless `pii`. */
export function toAppointmentView(f: FoundAppointment, payments: readonly PaymentRow[], pii: boolean): PostAppointmentView {
  const a = f.appointment;
  return {
    id: a.id,
    postId: a.postId,
    personId: a.personId,
    personName: f.personName,
    idNumber: pii ? f.idNumber : maskIdNumber(f.idNumber),
    householdId: a.householdId,
    householdType: f.householdType,
    regionCode: a.regionCode,
    startedOn: a.startedOn,
    endedOn: a.endedOn,
    exitReason: a.exitReason,
    exitNote: a.exitNote,
    payments: payments.filter((p) => p.appointmentId === a.id).map(toPaymentView),
    version: a.version,
  };
}
