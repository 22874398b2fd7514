import { HOUSEHOLD_IMPORT_FIELDS } from '@chanbang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../lib/api-client.ts';
import type { ImportField, ImportJob, ImportOptions, SavedMapping } from '../../lib/types.ts';

const RUNNING = new Set(['validating', 'importing']);

/** Target fields of the household import: the domain's single table (the server also sends them with each job). */
export const IMPORT_FIELDS: ImportField[] = HOUSEHOLD_IMPORT_FIELDS.map(({ key, labelZh, labelEn, required }) => ({ key, labelZh, labelEn, required }));

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
    mutationFn: (input: { mapping: Record<string, string>; options?: Partial<ImportOptions> }) => api.post<JobResponse>(`/imports/${id}/validate`, input),
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
