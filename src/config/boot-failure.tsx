import { useEffect, type CSSProperties, type ReactNode } from 'react';
import { I18nProvider } from '../i18n/provider';
import { useMessages, type Messages } from '../i18n/use-messages';
import { messages as fieldMessages } from './fields.messages';
import { messages } from './messages';
import { messages as problemMessages } from './problems.messages';
import { ConfigError } from './runtime-config';

/**
 * The page TAP Desk shows when it cannot start, most often because config.json is missing or
 * wrong. Plain React and inline styles only (React sets them through the CSSOM, which a strict
 * Content-Security-Policy allows): no MUI or emotion, so it renders even if the app's styling
 * cannot load. Written for whoever deployed TAP Desk: each field, what is wrong, what it should
 * look like, and where the file was read from.
 */
const styles = {
  page: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", sans-serif',
    lineHeight: 1.5,
    color: '#1b1b1b',
    background: '#ffffff',
    padding: '2rem',
    maxWidth: '48rem',
  },
  summary: { fontSize: '1.125rem' },
  list: { paddingLeft: '1.25rem' },
  item: { marginBottom: '1rem' },
  what: { margin: 0, fontWeight: 600 },
  details: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: '0.75rem',
    margin: '0.25rem 0 0',
  },
  term: { color: '#4a4a4a' },
  definition: { margin: 0, overflowWrap: 'anywhere' },
  code: {
    fontFamily: 'ui-monospace, "Cascadia Mono", Consolas, monospace',
    background: '#f0f0f0',
    padding: '0 0.25em',
    borderRadius: '0.2em',
    overflowWrap: 'anywhere',
  },
} as const satisfies Record<string, CSSProperties>;

const Code = (chunks: ReactNode[]) => <code style={styles.code}>{chunks}</code>;

/** HTTP's own reason phrases: part of the protocol, so not translated. */
const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

type Words = Messages<keyof typeof messages.messages.en>;

function summary({ t }: Words, error: unknown): string {
  if (!(error instanceof ConfigError)) {
    return t('boot.other', { message: error instanceof Error ? error.message : String(error) });
  }
  switch (error.reason) {
    case 'invalid':
      return t('boot.invalid', { count: error.problems.length });
    case 'unavailable': {
      if (error.status === undefined) return t('boot.offline');
      const reason = STATUS_TEXT[error.status];
      return t('boot.status', { status: reason ? `${error.status} ${reason}` : error.status });
    }
    case 'not-json':
      return t('boot.notJson');
  }
}

function Advice(props: { error: unknown; words: Words }) {
  const { error, words } = props;
  if (!(error instanceof ConfigError)) return null;
  if (error.reason === 'unavailable' && error.status === 404) {
    return <p>{words.rich('boot.put', { code: Code })}</p>;
  }
  if (error.reason === 'not-json' && error.looksLikeHtml) {
    return <p>{words.rich('boot.html', { code: Code })}</p>;
  }
  if (error.reason === 'not-json' && error.detail) {
    return <p>{words.rich('boot.jsonSaid', { code: Code, detail: error.detail })}</p>;
  }
  return null;
}

/** Everything the page says: its own words, and what is wrong with each field and what it should hold. */
const BOOT_CATALOGS = [messages, problemMessages, fieldMessages];

/**
 * The page as main.tsx renders it, outside the app and its providers: it brings its own language
 * (the person's remembered choice, else the browser's, as in the app) over only the catalogs it
 * needs, so nothing else has to load for it to say what went wrong.
 */
export function BootFailurePage(props: { error: unknown; configUrl: string }) {
  return (
    <I18nProvider catalogs={BOOT_CATALOGS}>
      <BootFailure error={props.error} configUrl={props.configUrl} />
    </I18nProvider>
  );
}

export function BootFailure(props: { error: unknown; configUrl: string }) {
  const words = useMessages(messages);
  const { t, rich, say } = words;
  const { error } = props;
  const problems = error instanceof ConfigError ? error.problems : [];
  const url = (error instanceof ConfigError ? error.url : undefined) ?? props.configUrl;
  const title = t('boot.title');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <main style={styles.page}>
      <h1>{title}</h1>
      <p role="alert" style={styles.summary}>
        {summary(words, error)}
      </p>
      <Advice error={error} words={words} />
      {problems.length > 0 && (
        <ul aria-label={t('boot.problems')} style={styles.list}>
          {problems.map((problem, index) => (
            <li key={`${problem.field}-${index}`} style={styles.item}>
              <p style={styles.what}>
                {rich('boot.problem', {
                  code: Code,
                  field: problem.field,
                  problem: say(problem.problem),
                })}
              </p>
              <dl style={styles.details}>
                <dt style={styles.term}>{t('boot.shouldBe')}</dt>
                <dd style={styles.definition}>{say(problem.expected)}</dd>
                {problem.example !== undefined && (
                  <>
                    <dt style={styles.term}>{t('boot.example')}</dt>
                    <dd style={styles.definition}>
                      <code style={styles.code}>{problem.example}</code>
                    </dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <p>{rich('boot.read', { code: Code, url })}</p>
      <p>{rich('boot.docs', { code: Code })}</p>
    </main>
  );
}
