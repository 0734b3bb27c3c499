import { useCallback, useEffect, useState } from 'react';
import { spellingLanguageOf, type SpellingLanguage } from './alphabets';

/**
 * Speech that never leaves the device: only voices with `localService` are offered, because a
 * network voice would send the pass to a speech service. Only voices for the caller's language
 * are offered: an English voice reading German words is as good as no voice.
 */
export function useLocalSpeech(lang: SpellingLanguage) {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  const [local, setLocal] = useState<SpeechSynthesisVoice[]>([]);

  useEffect(() => {
    if (!synth) return;
    const update = () => setLocal(synth.getVoices().filter((voice) => voice.localService));
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
  const voices = local.filter((voice) => spellingLanguageOf(voice.lang) === lang);

  return { supported: Boolean(synth), voices, speak, stop };
}
