import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphError } from '../../graph/errors';
import { RecordNotice } from './record-notice';
import { renderWithHarness } from '../../testing/harness';

describe('the verification record notice', () => {
  it('says the pass exists but the record does not, why, and offers to save again', async () => {
    const onRetry = vi.fn();
    await renderWithHarness(
      <RecordNotice
        state="failed"
        error={new GraphError(403, 'accessDenied', 'Access denied')}
        onRetry={onRetry}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'The pass was issued, but the verification record was not saved',
    );
    // SharePoint's 403 cannot tell the app's missing site grant from the person's level: both.
    expect(alert).toHaveTextContent('TAP Desk itself must be granted write on the site');
    expect(alert).toHaveTextContent('you need the “Add only” level (add items)');
    expect(alert).toHaveTextContent(
      'a SharePoint Administrator grants TAP Desk write on the site (admin guide step 5.4)',
    );
    expect(alert).toHaveTextContent('What you entered is kept until you close this view.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
