import { screen } from '@testing-library/react';
import { renderWithHarness } from '../../testing/harness';
import { TapPanel } from './tap-panel';

const TAP = {
  id: 'tap-1',
  isUsable: true,
  isUsableOnce: false,
  methodUsabilityReason: 'EnabledByPolicy',
  createdDateTime: '2026-11-26T12:00:00Z',
  startDateTime: '2026-11-26T12:00:00Z',
  lifetimeInMinutes: 60,
};

describe('the Temporary Access Pass panel', () => {
  it('shows the pass in German, with German dates and a counted lifetime', async () => {
    await renderWithHarness(<TapPanel taps={[TAP]} loading={false} onRevoke={() => {}} />, {
      locale: 'de',
    });
    expect(screen.getByTestId('tap-usability')).toHaveTextContent('Verwendbar');
    expect(screen.getByText('Mehrfach verwendbar')).toBeVisible();
    const details = screen.getByRole('table', { name: 'Details zum Pass' });
    expect(details).toHaveTextContent('26.11.2026');
    expect(details).toHaveTextContent('(60 Minuten)');
    expect(screen.getByRole('button', { name: 'Pass widerrufen' })).toBeVisible();
  });

  it('keeps the English words, and falls back to usable or not for a reason Graph adds later', async () => {
    await renderWithHarness(
      <TapPanel
        taps={[
          { ...TAP, isUsable: false, methodUsabilityReason: 'SomethingNew', lifetimeInMinutes: 1 },
        ]}
        loading={false}
        onRevoke={() => {}}
      />,
    );
    expect(screen.getByTestId('tap-usability')).toHaveTextContent('Not usable');
    expect(screen.getByRole('table', { name: 'Pass details' })).toHaveTextContent('(1 minute)');
    expect(screen.getByRole('button', { name: 'Delete pass' })).toBeVisible();
  });
});
