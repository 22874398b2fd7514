import type { PostBatchPay, PostBatchPayResult, PostCandidate, PostCreate, PostDetail, PostExit, PostHire, PostPage, PostPatch, PostPay } from '@chanbang/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from '../../lib/api-client.ts';

// 公益性岗位 (issue 8 §4, J5): TanStack Query hooks over /api/v1/posts.

export const postKeys = {
  all: ['posts'] as const,
  list: (q: Record<string, QueryValue>) => ['posts', 'list', q] as const,
  one: (id: number) => ['posts', 'one', id] as const,
  candidates: (regionCode: string, q: string) => ['posts', 'candidates', regionCode, q] as const,
};

export function usePosts(q: Record<string, QueryValue>) {
  return useQuery({ queryKey: postKeys.list(q), queryFn: () => api.get<PostPage>('/posts', q), placeholderData: (prev) => prev });
}

export function usePost(id: number) {
  return useQuery({ queryKey: postKeys.one(id), queryFn: () => api.get<PostDetail>(`/posts/${id}`), enabled: id > 0, retry: false });
}

/** Persons of the post's region by name (聘任). */
export function usePostCandidates(regionCode: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: postKeys.candidates(regionCode, q),
    queryFn: () => api.get<{ items: PostCandidate[] }>('/posts/candidates', { regionCode, q: q || undefined }),
    enabled,
    placeholderData: (prev) => prev,
  });
}

/** Every write of the post pages; each refreshes the posts' queries. */
export function usePostMutations() {
  const qc = useQueryClient();
  const onSuccess = () => void qc.invalidateQueries({ queryKey: postKeys.all });
  return {
    create: useMutation({ mutationFn: (body: PostCreate) => api.post<PostDetail>('/posts', body), onSuccess }),
    update: useMutation({ mutationFn: ({ id, ...body }: PostPatch & { id: number }) => api.patch<PostDetail>(`/posts/${id}`, body), onSuccess }),
    close: useMutation({
      mutationFn: ({ id, ...body }: { id: number; reason: string; closedOn: string; version?: number }) => api.post<PostDetail>(`/posts/${id}/close`, body),
      onSuccess,
    }),
    hire: useMutation({ mutationFn: ({ id, ...body }: PostHire & { id: number }) => api.post<PostDetail>(`/posts/${id}/appointments`, body), onSuccess }),
    exit: useMutation({
      mutationFn: ({ id, appointmentId, ...body }: PostExit & { id: number; appointmentId: number }) =>
        api.post<PostDetail>(`/posts/${id}/appointments/${appointmentId}/exit`, body),
      onSuccess,
    }),
    pay: useMutation({ mutationFn: ({ id, ...body }: PostPay & { id: number }) => api.post<PostDetail>(`/posts/${id}/payments`, body), onSuccess }),
    payBatch: useMutation({ mutationFn: (body: PostBatchPay) => api.post<PostBatchPayResult>('/posts/payments/batch', body), onSuccess }),
  };
}
