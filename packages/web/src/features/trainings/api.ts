import type { ParticipantAdd, ParticipantAddResult, TrainingCandidateList, TrainingCreate, TrainingDetail, TrainingPage, TrainingPatch } from '@chanbang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api-client.ts';
import { ifMatch } from '../../lib/versioning.ts';

// 技能培训 (issue 8 §6): TanStack Query hooks over /api/v1/trainings.

export const trainingKeys = {
  all: ['trainings'] as const,
  list: (q: Record<string, QueryValue>) => ['trainings', 'list', q] as const,
  one: (id: number) => ['trainings', 'one', id] as const,
  candidates: (id: number, q: string) => ['trainings', 'candidates', id, q] as const,
};

export function useTrainings(q: Record<string, QueryValue>) {
  return useQuery({ queryKey: trainingKeys.list(q), queryFn: () => api.get<TrainingPage>('/trainings', q), placeholderData: (prev) => prev });
}

export function useTraining(id: number) {
  return useQuery({ queryKey: trainingKeys.one(id), queryFn: () => api.get<TrainingDetail>(`/trainings/${id}`), enabled: id > 0, retry: false });
}

/** Persons of the scope and of the organiser's region who may join (name prefix or ID number). */
export function useTrainingCandidates(id: number, q: string) {
  return useQuery({
    queryKey: trainingKeys.candidates(id, q),
    queryFn: () => api.get<TrainingCandidateList>(`/trainings/${id}/candidates`, { q: q || undefined }),
    enabled: id > 0,
    placeholderData: (prev) => prev,
  });
}

/** Every write of the trainings pages; each refreshes the trainings' queries (and the households', whose skills may change). */
export function useTrainingMutations() {
  const qc = useQueryClient();
  const onSuccess = () => {
    void qc.invalidateQueries({ queryKey: trainingKeys.all });
    void qc.invalidateQueries({ queryKey: ['households'] });
  };
  return {
    create: useMutation({ mutationFn: (body: TrainingCreate) => api.post<TrainingDetail>('/trainings', body), onSuccess }),
    update: useMutation({ mutationFn: ({ id, ...body }: TrainingPatch & { id: number }) => api.patch<TrainingDetail>(`/trainings/${id}`, body), onSuccess }),
    remove: useMutation({ mutationFn: (r: { id: number; version: number }) => api.delete<void>(`/trainings/${r.id}`, ifMatch(r)), onSuccess }),
    addParticipant: useMutation({
      mutationFn: ({ trainingId, ...body }: ParticipantAdd & { trainingId: number }) => api.post<ParticipantAddResult>(`/trainings/${trainingId}/participants`, body),
      onSuccess,
    }),
    patchParticipant: useMutation({
      mutationFn: ({ id, ...body }: { id: number; completed?: boolean; certificateNo?: string | null; version?: number }) =>
        api.patch<ParticipantAddResult>(`/training-participants/${id}`, body),
      onSuccess,
    }),
    removeParticipant: useMutation({ mutationFn: (r: { id: number; version: number }) => api.delete<void>(`/training-participants/${r.id}`, ifMatch(r)), onSuccess }),
  };
}
