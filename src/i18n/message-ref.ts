import type { IntlShape } from 'react-intl';
import { messageId, type MessageRef, type MessageValue } from './catalog';

/** A message chosen by code without React, worded in the person's language. */
export function formatMessageRef(intl: IntlShape, ref: MessageRef): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(ref.values ?? {})) {
    values[name] = typeof value === 'object' ? formatMessageRef(intl, value) : value;
  }
  return intl.formatMessage({ id: messageId(ref.catalog, ref.key) }, values);
}

export function isMessageRef(value: MessageValue | undefined): value is MessageRef {
  return typeof value === 'object';
}
