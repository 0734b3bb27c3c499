import type { CSSProperties, ReactNode } from 'react';
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

const Code = (props: { children: ReactNode }) => <code style={styles.code}>{props.children}</code>;

const STATUS_TEXT: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function summary(error: unknown): ReactNode {
  if (!(error instanceof ConfigError)) {
    const message = error instanceof Error ? error.message : String(error);
    return `Something went wrong while it was starting: ${message}`;
  }
  switch (error.reason) {
    case 'invalid': {
      const count = error.problems.length;
      return `Its configuration file, config.json, has ${count} ${count === 1 ? 'problem' : 'problems'}. Each field below needs correcting before TAP Desk can start.`;
    }
    case 'unavailable':
      return error.status === undefined
        ? 'It could not load its configuration file, config.json: the request did not reach the server.'
        : `It could not load its configuration file, config.json: the server answered ${error.status}${STATUS_TEXT[error.status] ? ` ${STATUS_TEXT[error.status]}` : ''}.`;
    case 'not-json':
      return 'Its configuration file, config.json, is not valid JSON.';
  }
}

function Advice(props: { error: unknown }) {
  const { error } = props;
  if (!(error instanceof ConfigError)) return null;
  if (error.reason === 'unavailable' && error.status === 404) {
    return (
      <p>
        Put your <Code>config.json</Code> beside <Code>index.html</Code> on the web server (in{' '}
        <Code>dist/</Code> after a build).
      </p>
    );
  }
  if (error.reason === 'not-json' && error.looksLikeHtml) {
    return (
      <p>
        The server sent a web page instead of the file: <Code>config.json</Code> is probably not
        deployed, and the host answers unknown addresses with <Code>index.html</Code>.
      </p>
    );
  }
  if (error.reason === 'not-json' && error.detail) {
    return (
      <p>
        The JSON reader said: <Code>{error.detail}</Code>
      </p>
    );
  }
  return null;
}

export function BootFailure(props: { error: unknown; configUrl: string }) {
  const { error } = props;
  const problems = error instanceof ConfigError ? error.problems : [];
  const url = (error instanceof ConfigError ? error.url : undefined) ?? props.configUrl;
  return (
    <main style={styles.page}>
      <h1>TAP Desk could not start</h1>
      <p role="alert" style={styles.summary}>
        {summary(error)}
      </p>
      <Advice error={error} />
      {problems.length > 0 && (
        <ul aria-label="Problems in config.json" style={styles.list}>
          {problems.map((problem, index) => (
            <li key={`${problem.field}-${index}`} style={styles.item}>
              <p style={styles.what}>
                <Code>{problem.field}</Code> {problem.problem}.
              </p>
              <dl style={styles.details}>
                <dt style={styles.term}>Should be</dt>
                <dd style={styles.definition}>{problem.expected}</dd>
                {problem.example !== undefined && (
                  <>
                    <dt style={styles.term}>Example</dt>
                    <dd style={styles.definition}>
                      <Code>{problem.example}</Code>
                    </dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
      <p>
        Configuration file read: <Code>{url}</Code>
      </p>
      <p>
        Every field is described in <Code>docs/configuration.md</Code> in TAP Desk&apos;s source
        repository. Correct the file, then reload this page.
      </p>
    </main>
  );
}
