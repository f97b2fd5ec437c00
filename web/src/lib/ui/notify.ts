// A tiny notification store (the @mantine/notifications release matching core 9.7.4 is not on the
// registry here); Notifications.tsx renders it.
import { useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';

export interface Note {
  id: number;
  kind: 'success' | 'error' | 'info';
  title?: string;
  message: string;
}

let notes: Note[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const AUTO_CLOSE_MS = 6000;

function emit() {
  listeners.forEach((listener) => listener());
}

export function notify(note: Omit<Note, 'id'>): number {
  const id = nextId++;
  notes = [...notes, { ...note, id }].slice(-5);
  emit();
  if (typeof window !== 'undefined') window.setTimeout(() => dismiss(id), AUTO_CLOSE_MS);
  return id;
}

export function dismiss(id: number): void {
  const before = notes.length;
  notes = notes.filter((n) => n.id !== id);
  if (notes.length !== before) emit();
}

export function clearNotes(): void {
  notes = [];
  emit();
}

/** Localized text for any error: the server's problem detail (already in the user's language) or a generic message. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.status === 0) return t('errors.network');
    if (error.detail) return error.detail;
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
    if (error.status === 409) return t('errors.conflict');
    return t('errors.generic');
  }
  return t('errors.generic');
}

export function notifyError(error: unknown, t: TFunction): void {
  notify({ kind: 'error', title: t('errors.title'), message: errorMessage(error, t) });
}

export function notifySuccess(message: string): void {
  notify({ kind: 'success', message });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNotes(): Note[] {
  return useSyncExternalStore(
    subscribe,
    () => notes,
    () => notes,
  );
}
