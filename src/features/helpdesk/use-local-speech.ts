import { useCallback, useEffect, useState } from 'react';

/**
 * Speech that never leaves the device: only voices with `localService` are offered, because a
 * network voice would send the pass to a speech service.
 */
export function useLocalSpeech() {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>([]);

  useEffect(() => {
    if (!synth) return;
    const update = () => setVoices(synth.getVoices().filter((voice) => voice.localService));
    update();
    synth.addEventListener('voiceschanged', update);
    return () => {
      synth.removeEventListener('voiceschanged', update);
      synth.cancel(); // nothing keeps speaking the pass once the view is gone
    };
  }, [synth]);

  const speak = useCallback(
    (text: string, voice: SpeechSynthesisVoice, rate: number) => {
      if (!synth) return;
      synth.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      utterance.rate = rate;
      synth.speak(utterance);
    },
    [synth],
  );

  const stop = useCallback(() => synth?.cancel(), [synth]);

  return { supported: Boolean(synth), voices, speak, stop };
}
