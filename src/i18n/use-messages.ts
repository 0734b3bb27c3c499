import { useMemo, type ReactNode } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { messageId, type Catalog, type MessageRef } from './catalog';
import { formatMessageRef } from './message-ref';

type Primitive = string | number | boolean | null | undefined | Date;
type RichValue = Primitive | ReactNode | ((chunks: ReactNode[]) => ReactNode);

export interface Messages<Key extends string> {
  /** A message as plain text: for labels, attributes and anything that must be a string. */
  t(key: Key, values?: Record<string, Primitive>): string;
  /** A message with elements in it, e.g. `<b>{name}</b>` or a link: `{ b: (c) => <b>{c}</b> }`. */
  rich(key: Key, values: Record<string, RichValue>): ReactNode;
  /** A message chosen by code without React (an error description, a stage), as text. */
  say(ref: MessageRef): string;
  /** Dates, times, numbers and lists in the person's locale. */
  intl: IntlShape;
}

/** One module's messages, typed by its catalog, so a key that does not exist fails the build. */
export function useMessages<Key extends string>(catalog: Catalog<Key>): Messages<Key> {
  const intl = useIntl();
  return useMemo(() => {
    const format = intl.formatMessage as (
      descriptor: { id: string },
      values?: Record<string, unknown>,
    ) => string | ReactNode[];
    return {
      t: (key, values) => String(format({ id: messageId(catalog, key) }, values)),
      rich: (key, values) => format({ id: messageId(catalog, key) }, values) as ReactNode,
      say: (ref) => formatMessageRef(intl, ref),
      intl,
    };
  }, [intl, catalog]);
}
