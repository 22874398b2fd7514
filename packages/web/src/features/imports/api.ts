import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../lib/api-client.ts';
import type { ImportField, ImportJob, SavedMapping } from '../../lib/types.ts';

const RUNNING = new Set(['validating', 'importing']);

/** Target fields of the household import (ARCHITECTURE.md "Import file"); required ones first in meaning. */
export const IMPORT_FIELDS: ImportField[] = [
  { key: 'householdNo', labelZh: '户编号', labelEn: 'Household no.', required: true },
  { key: 'regionCode', labelZh: '区划代码', labelEn: 'Region code', required: true },
  { key: 'householdType', labelZh: '户类型', labelEn: 'Household type', required: true },
  { key: 'monitoringType', labelZh: '监测类型', labelEn: 'Monitoring type', required: false },
  { key: 'headName', labelZh: '户主姓名', labelEn: 'Head name', required: false },
  { key: 'name', labelZh: '姓名', labelEn: 'Name', required: true },
  { key: 'idNumber', labelZh: '证件号码', labelEn: 'ID number', required: true },
  { key: 'gender', labelZh: '性别', labelEn: 'Gender', required: false },
  { key: 'relation', labelZh: '与户主关系', labelEn: 'Relation to head', required: true },
  { key: 'laborCapacity', labelZh: '劳动能力', labelEn: 'Labor capacity', required: false },
  { key: 'healthStatus', labelZh: '健康状况', labelEn: 'Health', required: false },
  { key: 'education', labelZh: '文化程度', labelEn: 'Education', required: false },
  { key: 'employmentStatus', labelZh: '务工状况', labelEn: 'Employment', required: false },
  { key: 'phone', labelZh: '联系电话', labelEn: 'Phone', required: false },
  { key: 'riskTypes', labelZh: '风险类型', labelEn: 'Risk types', required: false },
  { key: 'liftedYear', labelZh: '脱贫年度', labelEn: 'Year lifted', required: false },
  { key: 'address', labelZh: '家庭住址', labelEn: 'Address', required: false },
];

type JobResponse = ImportJob | { job: ImportJob };

function unwrap(body: JobResponse): ImportJob {
  return 'job' in body && body.job ? body.job : (body as ImportJob);
}

/**
 * The job, polled every second while it validates or imports. `step` is the wizard step the user has moved
 * to: right after "validate"/"commit" the job may still show its previous status, so keep polling until it moves.
 */
export function useImportJob(id: number | undefined, step?: number) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: async () => unwrap(await api.get<JobResponse>(`/imports/${id}`)),
    enabled: id !== undefined && Number.isFinite(id),
    refetchInterval: (q) => {
      const status = q.state.data?.status;
      if (!status) return false;
      const waiting = (step === 2 && status === 'uploaded') || (step === 3 && status === 'validated');
      return waiting || RUNNING.has(status) ? 1000 : false;
    },
  });
}

export function useUploadImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) => {
      const fd = new FormData();
      fd.append('file', file, file.name);
      return unwrap(await apiRequest<JobResponse>('/imports', { method: 'POST', body: fd }));
    },
    onSuccess: (job) => qc.setQueryData(['imports', job.id], job),
  });
}

export function useValidateImport(id: number | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mapping: Record<string, string>) => api.post<JobResponse>(`/imports/${id}/validate`, { mapping }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['imports', id] }),
  });
}

export function useCommitImport(id: number | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<JobResponse>(`/imports/${id}/commit`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['imports', id] });
      void qc.invalidateQueries({ queryKey: ['households'] });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export function useSavedMappings() {
  return useQuery({
    queryKey: ['import-mappings'],
    queryFn: async () => {
      const body = await api.get<SavedMapping[] | { items: SavedMapping[] }>('/import-mappings', { kind: 'households' });
      return Array.isArray(body) ? body : body.items;
    },
  });
}

export function useSaveMapping() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; mapping: Record<string, string> }) => api.post<SavedMapping>('/import-mappings', { kind: 'households', ...input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['import-mappings'] }),
  });
}
