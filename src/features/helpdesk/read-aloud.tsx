import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import ReplayIcon from '@mui/icons-material/Replay';
import {
  Alert,
  Box,
  Button,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Slider,
  Stack,
  Typography,
} from '@mui/material';
import { useId, useState, type ReactNode } from 'react';
import { useMessages } from '../../i18n/use-messages';
import type { SpellingAlphabet } from './alphabets';
import { messages } from './handover.messages';
import type { SpelledChar } from './spelling';
import { useLocalSpeech } from './use-local-speech';

/** Reads the pass one group at a time, in the caller's language, with an on-device voice only. */
export function ReadAloud(props: {
  groups: SpelledChar[][];
  alphabet: SpellingAlphabet;
  onActiveGroup: (index: number | null) => void;
}) {
  const { t, rich, intl } = useMessages(messages);
  const { alphabet } = props;
  const speech = useLocalSpeech(alphabet.lang);
  const voiceLabelId = useId();
  const rateLabelId = useId();
  const [voiceName, setVoiceName] = useState('');
  const [rate, setRate] = useState(0.8);
  const [next, setNext] = useState(0);
  const voice = speech.voices.find((candidate) => candidate.name === voiceName) ?? speech.voices[0];
  const last = props.groups.length - 1;

  function read(index: number) {
    const group = props.groups[index];
    if (!voice || !group) return;
    props.onActiveGroup(index);
    const words = group.map((spelled) => spelled.spoken).join('. ');
    speech.speak(`${alphabet.group} ${index + 1}. ${words}.`, voice, rate);
    setNext(Math.min(index + 1, last));
  }

  if (!speech.supported || speech.voices.length === 0) {
    return (
      <Alert severity="info">
        {rich('read.noVoice', {
          language: alphabet.name,
          lang: (chunks: ReactNode[]) => <span lang={alphabet.lang}>{chunks}</span>,
        })}
      </Alert>
    );
  }
  return (
    <Stack spacing={2}>
      <FormControl size="small">
        <InputLabel id={voiceLabelId}>{t('read.voice')}</InputLabel>
        <Select
          labelId={voiceLabelId}
          label={t('read.voice')}
          value={voice?.name ?? ''}
          onChange={(event) => setVoiceName(event.target.value)}
        >
          {speech.voices.map((candidate) => (
            <MenuItem key={candidate.name} value={candidate.name}>
              {t('read.voiceOption', { name: candidate.name, lang: candidate.lang })}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <Box>
        <Typography id={rateLabelId} variant="body2">
          {t('read.rate', {
            rate: intl.formatNumber(rate, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
          })}
        </Typography>
        <Slider
          aria-labelledby={rateLabelId}
          min={0.5}
          max={1.5}
          step={0.1}
          value={rate}
          onChange={(_, value) => setRate(value as number)}
        />
      </Box>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button variant="contained" startIcon={<RecordVoiceOverIcon />} onClick={() => read(next)}>
          {t('read.group', { number: next + 1 })}
        </Button>
        <Button
          startIcon={<ReplayIcon />}
          onClick={() => read(Math.max(0, next - (next === last ? 0 : 1)))}
        >
          {t('read.repeat')}
        </Button>
        <Button
          onClick={() => {
            speech.stop();
            props.onActiveGroup(null);
            setNext(0);
          }}
        >
          {t('read.stop')}
        </Button>
      </Stack>
    </Stack>
  );
}
