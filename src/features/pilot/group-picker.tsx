import { Autocomplete, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { memo, useMemo, useState } from 'react';
import { useSettledText } from '../../components/use-settled-text';
import type { GraphClient } from '../../graph/client';
import type { PilotGroupConfig } from '../../config/runtime-config';
import { groupSearchQuery } from './queries';
import { usePilotMessages } from './use-pilot-messages';

interface GroupOption {
  id: string;
  displayName: string;
  configured: boolean;
}

/** The configured pilots first; typing searches every security group the person can read. */
/** Drawn again only when its own props change: a load's snapshots leave it alone. */
export const GroupPicker = memo(function GroupPicker(props: {
  client: GraphClient;
  configured: readonly PilotGroupConfig[];
  selected: { id: string; displayName?: string } | null;
  onSelect: (groupId: string) => void;
}) {
  const { t } = usePilotMessages();
  const [input, setInput] = useState('');
  // Each settled query is one group search, as the helpdesk's user search does.
  const text = useSettledText(input);
  const search = useQuery(groupSearchQuery(props.client, text));
  const options = useMemo<GroupOption[]>(() => {
    const configured = props.configured.map((g) => ({ ...g, configured: true }));
    const known = new Set(configured.map((g) => g.id));
    const found = (search.data ?? [])
      .filter((g): g is typeof g & { id: string } => Boolean(g.id) && !known.has(g.id as string))
      .map((g) => ({ id: g.id, displayName: g.displayName ?? g.id, configured: false }));
    return [...configured, ...found];
  }, [props.configured, search.data]);
  const value = props.selected
    ? (options.find((o) => o.id === props.selected?.id) ?? {
        id: props.selected.id,
        displayName: props.selected.displayName ?? props.selected.id,
        configured: false,
      })
    : null;

  return (
    <Autocomplete
      sx={{ maxWidth: 480, mb: 3 }}
      options={options}
      value={value}
      groupBy={(option) => t(option.configured ? 'groups.configured' : 'groups.other')}
      getOptionLabel={(option) => option.displayName}
      isOptionEqualToValue={(option, selected) => option.id === selected.id}
      filterOptions={(all) => all}
      loading={search.isFetching}
      onInputChange={(_, next, reason) => {
        if (reason === 'input') setInput(next);
      }}
      onChange={(_, option) => {
        if (option) props.onSelect(option.id);
      }}
      noOptionsText={t(text.trim().length < 2 ? 'groups.typeTwo' : 'groups.none')}
      renderInput={(params) => (
        <TextField {...params} label={t('groups.label')} helperText={t('groups.helper')} />
      )}
    />
  );
});
