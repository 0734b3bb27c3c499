import { screen, within } from '@testing-library/react';
import { matchRoutes } from 'react-router-dom';
import { APP_ROLES, capabilitiesFromRoles, type RoleCapability } from '../auth/capabilities';
import { helpdeskPaths, helpdeskRoutes } from '../features/helpdesk/paths';
import { renderWithHarness } from '../testing/harness';
import { wordsOf } from '../testing/words';
import { createAppRoutes } from './router';
import { sections, sectionsFor, type Section } from './sections';

/** A section's name as the English navigation shows it. */
const label = (section: Section) => wordsOf(section.label);

const roles = Object.keys(APP_ROLES) as RoleCapability[];
/** What holding these app roles opens (Readiness comes with the pilot role). */
const opens = (held: readonly RoleCapability[]) =>
  capabilitiesFromRoles(held.map((role) => APP_ROLES[role]));
const rolesOpening = (capability: string) =>
  roles.filter((role) => opens([role]).some((opened) => opened === capability));

/** The real shell, start page and guard; each section's pages replaced by a line naming it. */
const withoutPages = sections.map((section) => ({
  ...section,
  routes: [{ index: true, element: <p>{label(section)} page</p> }],
}));

async function renderApp(at: string, held: RoleCapability[]) {
  const person = {
    name: 'Sam Sample',
    username: 'sam@contoso.com',
    oid: 's',
    roles: held.map((role) => APP_ROLES[role]),
  };
  // The harness's own route stays out of the way; the app's routes are the ones under test.
  const { router } = await renderWithHarness(<p />, {
    as: person,
    at,
    path: '/harness-only',
    routes: createAppRoutes(withoutPages),
  });
  return router;
}

const nav = () => screen.getByRole('navigation', { name: 'Sections' });

describe('the section registry', () => {
  it('has a section for every feature folder, which lint keeps apart, and no other', () => {
    // What eslint.config.js reads with readdirSync, seen through Vite (no file is imported).
    const files = Object.keys(import.meta.glob('../features/**/*'));
    const folders = [...new Set(files.map((file) => file.split('/')[2]))];
    expect(sections.map((section) => section.id).sort()).toEqual(folders.sort());
  });

  it('gives every app role a section, every section a role that opens it, and each its own address', () => {
    for (const role of roles) expect(sectionsFor(opens([role])), role).not.toEqual([]);
    for (const section of sections) expect(rolesOpening(section.capability)).not.toEqual([]);
    const roots = sections.map((section) => section.paths.root);
    expect(new Set(roots).size).toBe(roots.length);
  });

  it.each(sections)('routes $id to its own pages', (section) => {
    const index = section.routes.find((route) => route.index);
    expect(matchRoutes(createAppRoutes(), section.paths.root)?.at(-1)?.route).toBe(index);
  });

  it('routes the helpdesk’s user links to the user page, with the id as it was', () => {
    const match = matchRoutes(createAppRoutes(), helpdeskPaths.user('a/b c?d'))?.at(-1);
    expect(match?.route.path).toBe(helpdeskRoutes.user);
    expect(match?.params).toEqual({ userId: 'a/b c?d' });
  });

  it.each(sections)(
    'shows $id in the navigation of whoever holds its role, and opens it',
    async (section) => {
      await renderApp(section.paths.root, rolesOpening(section.capability).slice(0, 1));
      expect(await screen.findByText(`${label(section)} page`)).toBeVisible();
      expect(within(nav()).getByRole('link', { name: label(section) })).toHaveAttribute(
        'href',
        section.paths.root,
      );
    },
  );

  it.each(roles)('starts someone holding only %s at its first section', async (held) => {
    const router = await renderApp('/', [held]);
    const first = sectionsFor(opens([held]))[0];
    expect(await screen.findByText(`${first && label(first)} page`)).toBeVisible();
    expect(router.state.location.pathname).toBe(first?.paths.root);
    expect(
      within(nav())
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(sectionsFor(opens([held])).map(label));
  });

  it.each(sections)('tells whoever lacks its role why $id does not open', async (section) => {
    const others = roles.filter((role) => !rolesOpening(section.capability).includes(role));
    await renderApp(section.paths.root, others);
    expect(await screen.findByRole('heading', { level: 1, name: label(section) })).toBeVisible();
    const alert = screen.getByRole('alert');
    for (const role of rolesOpening(section.capability)) {
      expect(alert).toHaveTextContent(APP_ROLES[role]);
    }
    expect(alert).toHaveTextContent(
      `the TAP Desk app role that lets people ${wordsOf(section.why)}.`,
    );
    expect(screen.queryByText(`${label(section)} page`)).toBeNull();
    expect(within(nav()).queryByRole('link', { name: label(section) })).toBeNull();
  });

  it('names every role and what it opens to someone who holds none', async () => {
    await renderApp('/', []);
    expect(await screen.findByText('You do not have a TAP Desk role yet')).toBeVisible();
    expect(screen.queryByRole('navigation', { name: 'Sections' })).toBeNull();
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items.sort()).toEqual(
      roles
        .map(
          (role) =>
            `${APP_ROLES[role]}: ${sectionsFor(opens([role]))
              .map((section) => wordsOf(section.intro))
              .join('; ')}`,
        )
        .sort(),
    );
  });
});
