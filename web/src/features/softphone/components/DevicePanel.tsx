import { NativeSelect, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { softphone } from '../engine';

const INPUT_KEY = 'linea.softphone.microphone';
const OUTPUT_KEY = 'linea.softphone.speaker';

/** AGT-02: which microphone and speaker calls use; remembered in this browser. */
export function DevicePanel() {
  const { t } = useTranslation();
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [input, setInput] = useState(() => localStorage.getItem(INPUT_KEY) ?? '');
  const [output, setOutput] = useState(() => localStorage.getItem(OUTPUT_KEY) ?? '');

  useEffect(() => {
    const media = navigator.mediaDevices;
    if (!media?.enumerateDevices) return;
    const load = () => void media.enumerateDevices().then(setDevices, () => setDevices([]));
    load();
    media.addEventListener?.('devicechange', load);
    return () => media.removeEventListener?.('devicechange', load);
  }, []);

  useEffect(() => {
    void softphone.selectDevices(input || null, output || null);
  }, [input, output]);

  const choose = (key: string, set: (value: string) => void) => (value: string) => {
    set(value);
    if (value) localStorage.setItem(key, value);
    else localStorage.removeItem(key);
  };
  const options = (kind: MediaDeviceKind) => [
    { value: '', label: t('softphone.devices.default') },
    ...devices
      .filter((d) => d.kind === kind && d.deviceId && d.deviceId !== 'default')
      .map((d, i) => ({ value: d.deviceId, label: d.label || `${kind} ${i + 1}` })),
  ];
  // browsers without setSinkId (Firefox before 116, Safari) always play on the default speaker
  const canChooseOutput =
    typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
  return (
    <Stack gap={4} data-testid="softphone-devices">
      <NativeSelect
        size="xs"
        label={t('softphone.devices.microphone')}
        value={input}
        onChange={(e) => choose(INPUT_KEY, setInput)(e.currentTarget.value)}
        data={options('audioinput')}
      />
      {canChooseOutput && (
        <NativeSelect
          size="xs"
          label={t('softphone.devices.speaker')}
          value={output}
          onChange={(e) => choose(OUTPUT_KEY, setOutput)(e.currentTarget.value)}
          data={options('audiooutput')}
        />
      )}
    </Stack>
  );
}
