import { useEffect, useState } from 'react';

/** How often SLA countdowns move on: minutes are shown, so twice a minute is enough. */
export const SLA_TICK_MS = 30_000;

/** The current time, renewed every `intervalMs`: one interval per page, shared by its countdowns. */
export function useNow(intervalMs = SLA_TICK_MS): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(id);
  }, [intervalMs]);
  return now;
}
