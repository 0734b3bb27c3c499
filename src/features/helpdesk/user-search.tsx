import SearchIcon from '@mui/icons-material/Search';
import {
  Chip,
  FormControl,
  FormHelperText,
  InputAdornment,
  InputLabel,
  Link,
  List,
  ListItem,
  ListItemText,
  OutlinedInput,
  Paper,
  Stack,
  Typography,
} from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, type RefObject } from 'react';
import { Navigate, Link as RouterLink, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../../auth/session';
import { ErrorState } from '../../components/error-state';
import { Loading } from '../../components/loading';
import { PageHeader } from '../../components/page-header';
import { useSettledText } from '../../components/use-settled-text';
import type { OnboardingStage } from '../../graph/authentication-methods';
import type { UserSummary } from '../../graph/users';
import { helpdeskPaths } from './paths';
import { helpdeskQueries } from './queries';
import { stageLabel } from '../../lib/onboarding-stages';
import { useMessages } from '../../i18n/use-messages';
import { messageRef } from '../../i18n/catalog';
import { messages } from './messages';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

const STAGE_COLORS: Record<OnboardingStage, 'default' | 'info' | 'warning' | 'success'> = {
  notStarted: 'default',
  tapIssued: 'info',
  tapUsed: 'info',
  authenticatorRegistered: 'warning',
  phoneSignInEnabled: 'success',
  passkeyRegistered: 'success',
};

/** How many results get a live status chip; each costs one read against Graph's 5-per-10-s limit. */
const CHIPPED_RESULTS = 3;

/** Longer text finds no one, and would only make Graph's request URL longer. */
export const MAX_SEARCH_LENGTH = 256;

/** The history entry's state as an object (react-router keeps whatever was navigated with). */
function heldState(state: unknown): Record<string, unknown> {
  return typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
}

/**
 * The search text, kept in the history entry's state rather than the address: a caller's name in
 * `?q=` would stay in browser history, bookmarks and every proxy's log. The entry keeps it, so
 * Back and Forward bring the search back.
 */
function useSearchText(): [string, (text: string) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const held = heldState(location.state);
  const text = typeof held.q === 'string' ? held.q.slice(0, MAX_SEARCH_LENGTH) : '';
  const setText = (next: string) => {
    void navigate(location, {
      replace: true,
      state: { ...held, q: next.slice(0, MAX_SEARCH_LENGTH) },
    });
  };
  return [text, setText];
}

function StageChip(props: { stage: OnboardingStage | undefined; loading: boolean }) {
  const { t, say } = useMessages(messages);
  if (props.loading) return <Chip size="small" variant="outlined" label={t('search.status')} />;
  if (!props.stage) return null;
  return (
    <Chip size="small" color={STAGE_COLORS[props.stage]} label={say(stageLabel(props.stage))} />
  );
}

function AccountChips(props: { user: UserSummary }) {
  const { t } = useMessages(messages);
  return (
    <Stack direction="row" spacing={1} component="span">
      {props.user.accountEnabled === false ? (
        <Chip size="small" color="error" label={t('search.disabled')} />
      ) : null}
      {props.user.userType === 'Guest' ? (
        <Chip size="small" color="warning" label={t('search.guest')} />
      ) : null}
    </Stack>
  );
}

/**
 * The search box: what MUI's outlined TextField renders, built from its parts, because TextField
 * also brings Select, Menu, Popover and Modal, which the search screen would load for nothing.
 */
function SearchField(props: {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useMessages(messages);
  const id = useId();
  const label = t('search.label');
  return (
    <FormControl variant="outlined" fullWidth>
      <InputLabel htmlFor={id} id={`${id}-label`}>
        {label}
      </InputLabel>
      <OutlinedInput
        id={id}
        label={label}
        inputRef={props.inputRef}
        placeholder={t('search.placeholder')}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        fullWidth
        autoComplete="off"
        startAdornment={
          <InputAdornment position="start">
            <SearchIcon aria-hidden />
          </InputAdornment>
        }
        inputProps={{
          'aria-describedby': `search-status ${id}-helper-text`,
          type: 'search',
          maxLength: MAX_SEARCH_LENGTH,
        }}
      />
      <FormHelperText id={`${id}-helper-text`} aria-live="polite">
        {props.value.length >= MAX_SEARCH_LENGTH
          ? t('search.tooLong', { max: MAX_SEARCH_LENGTH })
          : t('search.hint')}
      </FormHelperText>
    </FormControl>
  );
}

/**
 * Find a user by name, UPN or mail. `/` focuses the box from anywhere on the page. A `?q=` from a
 * link made before the text moved out of the address is moved into the history entry's state.
 */
export function UserSearch() {
  const location = useLocation();
  const legacy = new URLSearchParams(location.search).get('q');
  if (legacy === null) return <SearchScreen />;
  const search = new URLSearchParams(location.search);
  search.delete('q');
  const rest = search.toString();
  return (
    <Navigate
      replace
      to={{ pathname: location.pathname, search: rest ? `?${rest}` : '', hash: location.hash }}
      state={{ ...heldState(location.state), q: legacy.slice(0, MAX_SEARCH_LENGTH) }}
    />
  );
}

function SearchScreen() {
  const { t } = useMessages(messages);
  const session = useSession();
  const client = session.graph('helpdesk');
  const [text, setText] = useSearchText();
  const settled = useSettledText(text);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        inputRef.current?.focus();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Each settled query is one search; TanStack aborts the stale one through its signal.
  const search = useQuery({
    ...helpdeskQueries.search(client, settled),
    placeholderData: keepPreviousData,
  });
  const chipped = (search.isPlaceholderData ? [] : (search.data?.users ?? []))
    .slice(0, CHIPPED_RESULTS)
    .flatMap((user) => (user.id ? [user.id] : []));
  const stages = useQuery(helpdeskQueries.stages(client, chipped));

  return (
    <>
      <PageHeader title={t('search.title')} subtitle={t('search.subtitle')} />
      <SearchField inputRef={inputRef} value={text} onChange={setText} />
      <Paper variant="outlined" sx={{ mt: 2 }}>
        <div id="search-status" aria-live="polite">
          {settled.trim() === '' ? (
            <Typography sx={{ p: 2 }} color="text.secondary">
              {t('search.prompt')}
            </Typography>
          ) : search.isPending ? (
            <Loading label={t('search.searching')} />
          ) : search.isError ? (
            <ErrorState
              error={search.error}
              context={{
                doing: messageRef(messages, 'doing.searchUsers'),
                needs: messageRef(messages, 'needs.userRead'),
              }}
              onRetry={() => void search.refetch()}
            />
          ) : search.data.users.length === 0 ? (
            <Typography sx={{ p: 2 }}>{t('search.noMatch', { text: settled })}</Typography>
          ) : (
            <Typography sx={{ px: 2, pt: 2 }} color="text.secondary">
              {(search.data.total ?? 0) > search.data.users.length
                ? t('search.foundShowing', {
                    total: search.data.total,
                    shown: search.data.users.length,
                  })
                : t('search.found', { total: search.data.total ?? search.data.users.length })}
            </Typography>
          )}
        </div>
        {search.data && settled.trim() !== '' && search.data.users.length > 0 ? (
          <List aria-label={t('search.results')}>
            {search.data.users.map((user) => (
              <ListItem key={user.id} divider>
                <ListItemText
                  primary={
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Link component={RouterLink} to={helpdeskPaths.user(user.id ?? '')}>
                        {user.displayName}
                      </Link>
                      <AccountChips user={user} />
                      {user.id && chipped.includes(user.id) ? (
                        <StageChip stage={stages.data?.get(user.id)} loading={stages.isPending} />
                      ) : null}
                    </Stack>
                  }
                  secondary={[user.userPrincipalName, user.department].filter(Boolean).join(' · ')}
                />
              </ListItem>
            ))}
          </List>
        ) : null}
      </Paper>
    </>
  );
}
