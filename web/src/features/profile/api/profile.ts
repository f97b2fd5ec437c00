import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { meQueryKey } from '@/lib/session/me';

export interface MfaEnrolment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUri: string;
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api<void>('/api/identity/me/password', { method: 'POST', body }),
  });
}

export function useStartMfaEnrolment() {
  return useMutation({
    mutationFn: () => api<MfaEnrolment>('/api/identity/me/mfa/enrolment', { method: 'POST' }),
  });
}

export function useConfirmMfaEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api<void>('/api/identity/me/mfa/enrolment/confirm', { method: 'POST', body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
