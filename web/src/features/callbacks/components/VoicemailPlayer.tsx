import { Button } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '@/lib/format';
import { useTenantId } from '@/lib/session/SessionProvider';
import { notifyError } from '@/lib/ui/notify';
import { fetchVoicemailAudio } from '../api/callbacks';

/**
 * IVR-09: plays a voicemail. The audio is fetched with the person's token as a blob and played from
 * an object URL, which is revoked when the player goes away.
 */
export function VoicemailPlayer({
  voicemail,
  callerLabel,
}: {
  voicemail: { id: string; durationMs: number };
  /** who left it, for the labels */
  callerLabel: string;
}) {
  const { t } = useTranslation();
  const tenantId = useTenantId();
  const [url, setUrl] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const aborter = useRef<AbortController | null>(null);

  // the object URL lives as long as this player shows it
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  // a download still under way when the row goes away is dropped
  useEffect(() => () => aborter.current?.abort(), []);

  const load = async () => {
    const controller = new AbortController();
    aborter.current = controller;
    setLoading(true);
    try {
      const blob = await fetchVoicemailAudio(tenantId, voicemail.id, controller.signal);
      if (!controller.signal.aborted) setUrl(URL.createObjectURL(blob));
    } catch (error) {
      if (!controller.signal.aborted) notifyError(error, t);
    } finally {
      if (!controller.signal.aborted) setLoading(false);
    }
  };

  const duration = formatDuration(voicemail.durationMs / 1000);
  if (url)
    return (
      <audio
        src={url}
        controls
        autoPlay
        preload="auto"
        aria-label={t('callbacks.voicemailOf', { caller: callerLabel })}
        data-testid="voicemail-audio"
        style={{ height: 32, maxWidth: 240 }}
      />
    );
  return (
    <Button
      size="xs"
      variant="light"
      color="grape"
      loading={loading}
      onClick={() => void load()}
      aria-label={t('callbacks.playOf', { caller: callerLabel, duration })}
      data-testid="voicemail-play"
    >
      {t('callbacks.play', { duration })}
    </Button>
  );
}
