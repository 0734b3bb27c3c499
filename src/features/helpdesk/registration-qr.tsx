import { toString as qrToSvg } from 'qrcode';
import { useEffect, useState } from 'react';
import { useMessages } from '../../i18n/use-messages';
import { messages } from './handover.messages';

/** A QR code of the registration URL, so a caller on a second device can scan it. */
export function RegistrationQr(props: { url: string; size?: number }) {
  const { t } = useMessages(messages);
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void qrToSvg(props.url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(
      (markup) => {
        if (live) setSvg(markup);
      },
    );
    return () => {
      live = false;
    };
  }, [props.url]);
  if (!svg) return null;
  return (
    <img
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
      width={props.size ?? 144}
      height={props.size ?? 144}
      alt={t('steps.qr', { url: props.url })}
    />
  );
}
