import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api/client';
import { useTenantId } from '@/lib/session/SessionProvider';

/** ACD-03: something agents are good at (a language, a product); queue members have a level in it. */
export interface Skill {
  id: string;
  name: string;
  description: string | null;
  version: number;
}

export interface SkillInput {
  name: string;
  description: string;
  version?: number;
}

export const SKILLS_PAGE_SIZE = 20;
export const NAME_MAX = 100;
export const DESCRIPTION_MAX = 500;

// the queue editor's skill options live under the same prefix and refresh with it
const skillsKey = (tenantId: string | null) => ['t', tenantId, 'skills'] as const;

export function useSkills(page: number) {
  const tenantId = useTenantId();
  return useQuery({
    queryKey: [...skillsKey(tenantId), 'list', { page }],
    queryFn: ({ signal }) =>
      api<Page<Skill>>('/api/cc/skills', { tenantId, signal, query: { page, size: SKILLS_PAGE_SIZE } }),
    enabled: !!tenantId,
    placeholderData: keepPreviousData,
  });
}

function useSkillsMutation<V, R>(fn: (tenantId: string | null, variables: V) => Promise<R>) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => fn(tenantId, variables),
    onSettled: () => queryClient.invalidateQueries({ queryKey: skillsKey(tenantId) }),
  });
}

export const useSaveSkill = () =>
  useSkillsMutation((tenantId, { id, input }: { id?: string; input: SkillInput }) =>
    id
      ? api<Skill>(`/api/cc/skills/${id}`, { method: 'PUT', body: input, tenantId })
      : api<Skill>('/api/cc/skills', { method: 'POST', body: input, tenantId }),
  );

export const useDeleteSkill = () =>
  useSkillsMutation((tenantId, id: string) =>
    api<void>(`/api/cc/skills/${id}`, { method: 'DELETE', tenantId }),
  );
