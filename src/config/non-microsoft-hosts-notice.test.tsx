import { screen } from '@testing-library/react';
import demo from '../../demo/config.json';
import { NonMicrosoftHostsNotice } from './non-microsoft-hosts-notice';
import { parseRuntimeConfig } from './runtime-config';
import { renderWithHarness } from '../testing/harness';

const TENANT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const entra = {
  ...demo,
  auth: {
    clientId: '0d9e8f7a-6b5c-4d3e-8f2a-1b0c9d8e7f6a',
    reportsClientId: '5c4b3a29-1807-4f6e-9d5c-4b3a29180706',
    authority: '',
    protocolMode: 'AAD',
  },
  graph: { baseUrl: 'https://graph.microsoft.com/v1.0' },
};

function renderWith(raw: object) {
  return renderWithHarness(<NonMicrosoftHostsNotice />, {
    config: parseRuntimeConfig(raw, 'https://tapdesk.contoso.com/'),
  });
}

describe('NonMicrosoftHostsNotice', () => {
  it('names each host allowNonMicrosoftHosts lets in, and what it serves', async () => {
    await renderWith({
      ...entra,
      auth: { ...entra.auth, authority: `https://login.contoso.com/${TENANT}/v2.0` },
      registrationUrl: 'https://intranet.contoso.com/passwordless',
      allowNonMicrosoftHosts: ['login.contoso.com', 'intranet.contoso.com'],
    });
    const notice = screen.getByRole('note', { name: "Hosts that are not Microsoft's" });
    expect(notice).toHaveTextContent("This TAP Desk uses hosts that are not Microsoft's");
    expect(notice).toHaveTextContent(
      'names them in allowNonMicrosoftHosts: login.contoso.com (sign-in); intranet.contoso.com (the registration link and QR code).',
    );
  });

  it("says nothing when every host is Microsoft's", async () => {
    await renderWith({
      ...entra,
      auth: { ...entra.auth, authority: `https://login.microsoftonline.com/${TENANT}/v2.0` },
    });
    expect(screen.queryByRole('note')).toBeNull();
  });
});
