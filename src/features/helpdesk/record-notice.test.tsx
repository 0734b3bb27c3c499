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
    expect(alert).toHaveTextContent('contribute access to the TAP Desk verification list');
    expect(alert).toHaveTextContent('What you entered is kept until you close this view.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Save again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
