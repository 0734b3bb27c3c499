import { capabilitiesFromRoles, DIRECTORY_ROLES } from './capabilities';

describe('capabilities from the ID token', () => {
  it('open each section for its app role, and Readiness for pilot managers', () => {
    expect(capabilitiesFromRoles(['TapDesk.Helpdesk'])).toEqual(['helpdesk']);
    expect(capabilitiesFromRoles(['TapDesk.PilotManager'])).toEqual(['pilot', 'readiness']);
    expect(capabilitiesFromRoles(['TapDesk.Auditor'], [DIRECTORY_ROLES.globalReader])).toEqual([
      'audit',
    ]);
  });

  it('open Readiness for a helpdesk lead: the helpdesk role and Global Reader together', () => {
    expect(capabilitiesFromRoles(['TapDesk.Helpdesk'], [DIRECTORY_ROLES.globalReader])).toEqual([
      'helpdesk',
      'readiness',
    ]);
    expect(capabilitiesFromRoles([], [DIRECTORY_ROLES.globalReader])).toEqual([]);
  });
});
