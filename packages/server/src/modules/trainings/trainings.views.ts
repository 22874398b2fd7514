import type { ParticipantView, TrainingView } from '@chanbang/domain';
import { idFor } from '../households/households.views.ts';
import type { FoundParticipant, FoundTraining } from './trainings.repo.ts';

/** A training as the API shows it (counts among the reader's persons). Trainings hold no personal data. */
export function toTrainingView(f: FoundTraining): TrainingView {
  const t = f.training;
  return {
    id: t.id,
    regionCode: t.regionCode,
    regionName: f.regionName,
    course: t.course,
    provider: t.provider,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    skill: t.skill,
    certificate: t.certificate,
    note: t.note,
    participants: Number(f.participants),
    completed: Number(f.completed),
    version: t.version,
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** A participant: the ID number masked unless the role sees personal information. */
export function toParticipantView(f: FoundParticipant, pii: boolean): ParticipantView {
  const p = f.p;
  return {
    id: p.id,
    trainingId: p.trainingId,
    personId: p.personId,
    householdId: p.householdId,
    householdNo: f.householdNo,
    name: f.name,
    idNumber: idFor(f.idNumber, pii),
    regionCode: p.regionCode,
    regionName: f.regionName,
    completed: p.completed,
    certificateNo: p.certificateNo,
    version: p.version,
  };
}
