import type { IncomingMessage, ServerResponse } from 'node:http';
import { findUser } from '../directory';
import type { FaultPlan } from '../graph/faults';
import type { RequestLogEntry } from '../graph/pipeline';
import { applyCors, header, readBody, sendJson } from '../http';
import type { IdentityStore } from '../identity/store';
import type { Tenant } from '../model';
import { pilotTruth } from '../pilot-truth';
import { DEMO_FIXTURES } from '../seed/people';
import { parseSettingsPatch, SettingsError, type EmulatorSettings } from '../settings';
import { adminCenterTap } from './admin-center';
import { parseFault } from './faults';
import { consentGrantAction } from './consent';
import { ControlError, phoneAction } from './phone';
import { updateMethodPolicy, updateTapPolicy } from './policy';

export interface ControlDeps {
  settings(): EmulatorSettings;
  /** Applies a validated patch; regenerates the tenant when its shape changes. */
  updateSettings(patch: Partial<EmulatorSettings>): void;
  /** Back to the initial settings plus `overrides`, with a fresh tenant. */
  reset(overrides: Partial<EmulatorSettings>): void;
  requests: RequestLogEntry[];
  /** Injected Graph faults (POST /emulator/faults); reset clears them. */
  faults: FaultPlan;
  store: IdentityStore;
  tenant(): Tenant;
  /** Origins whose pages may use the controls: the emulator's own and the registered apps'. */
  origins: readonly string[];
}

/**
 * /emulator/...: test and demo controls; JSON, no authentication (local only). Any website the
 * person visits can send requests to localhost, and the fixtures hold live passes, so pages of
 * other origins are refused (no CORS for them, and 403 when their Origin shows), and a request
 * with a body must be JSON: a form or a simple fetch cannot send that without a CORS preflight.
 */
export function createControlHandler(deps: ControlDeps) {
  const allowOrigin = (origin: string) => deps.origins.includes(origin);
  const cors = { methods: 'GET, POST, PATCH, DELETE, OPTIONS', allowHeaders: 'Content-Type' };
  return async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL) {
    try {
      const origin = header(req, 'origin');
      if (origin !== undefined && !allowOrigin(origin)) {
        throw new ControlError(
          403,
          'originNotAllowed',
          `Pages on ${origin} may not use the controls.`,
        );
      }
      if (applyCors(req, res, { ...cors, allowOrigin })) return;
      const body = await readJson(req);
      const result = route(req.method ?? 'GET', url.pathname.replace(/\/+$/, ''), body);
      sendJson(res, 200, result);
    } catch (error) {
      if (error instanceof ControlError) {
        sendJson(res, error.status, { error: { code: error.code, message: error.message } });
      } else if (error instanceof SettingsError) {
        sendJson(res, 400, { error: { code: 'badSettings', message: error.message } });
      } else throw error;
    }
  };

  function route(method: string, path: string, body: unknown): unknown {
    const truth = /^\/emulator\/pilot\/([^/]+)\/truth$/.exec(path);
    if (truth && method === 'GET') {
      const groupId = decodeURIComponent(truth[1] as string);
      const answer = pilotTruth(deps.tenant(), groupId, { now: Date.now() });
      if (!answer) throw new ControlError(404, 'groupNotFound', `No group '${groupId}'.`);
      return answer;
    }
    const phone = /^\/emulator\/users\/([^/]+)\/phone$/.exec(path);
    if (phone && method === 'POST') {
      const upn = decodeURIComponent(phone[1] as string);
      const user = findUser(deps.tenant(), upn);
      if (!user) throw new ControlError(404, 'userNotFound', `No user '${upn}'.`);
      return phoneAction(deps.tenant(), user, body, Date.now());
    }
    const tap = /^\/emulator\/users\/([^/]+)\/tap$/.exec(path);
    if (tap && method === 'GET') {
      const upn = decodeURIComponent(tap[1] as string);
      const user = findUser(deps.tenant(), upn);
      if (!user) throw new ControlError(404, 'userNotFound', `No user '${upn}'.`);
      return passAndRecords(deps.tenant(), user.id);
    }
    if (tap && method === 'POST') {
      const upn = decodeURIComponent(tap[1] as string);
      const user = findUser(deps.tenant(), upn);
      if (!user) throw new ControlError(404, 'userNotFound', `No user '${upn}'.`);
      return adminCenterTap(deps.tenant(), user, body, Date.now());
    }
    const methodPolicy = /^\/emulator\/policies\/(microsoft-authenticator|fido2)$/.exec(path);
    if (methodPolicy && (method === 'GET' || method === 'PATCH')) {
      const which = methodPolicy[1] as 'microsoft-authenticator' | 'fido2';
      if (method === 'PATCH') return updateMethodPolicy(deps.tenant(), which, body);
      return which === 'fido2' ? deps.tenant().fido2Policy : deps.tenant().authenticatorPolicy;
    }
    const consent = consentGrantAction(deps.tenant(), method, path, body);
    if (consent !== undefined) return consent;
    switch (`${method} ${path}`) {
      case 'POST /emulator/reset':
        deps.reset(parseSettingsPatch(body));
        return deps.settings();
      case 'GET /emulator/settings':
        return deps.settings();
      case 'PATCH /emulator/settings':
        deps.updateSettings(parseSettingsPatch(body));
        return deps.settings();
      case 'GET /emulator/requests':
        return { value: deps.requests };
      case 'DELETE /emulator/requests':
        deps.requests.length = 0;
        return { value: [] };
      case 'GET /emulator/faults':
        return { value: deps.faults.list() };
      case 'POST /emulator/faults':
        return deps.faults.add(parseFault(body));
      case 'DELETE /emulator/faults':
        deps.faults.clear();
        return { value: [] };
      case 'POST /emulator/tokens/expire':
        deps.store.expireAccessTokens();
        return { ok: true };
      case 'POST /emulator/sessions/revoke':
        deps.store.revokeSessions();
        return { ok: true };
      case 'GET /emulator/fixtures':
        return fixtures(deps.tenant());
      case 'GET /emulator/policies/temporary-access-pass':
        return deps.tenant().tapPolicy;
      case 'PATCH /emulator/policies/temporary-access-pass':
        return updateTapPolicy(deps.tenant(), body);
      default:
        throw new ControlError(404, 'notFound', `No control endpoint ${method} ${path}.`);
    }
  }
}

/**
 * What a test needs to prove a pass is accounted for: the user's current pass (never its value)
 * and every verification item about them, with the author SharePoint recorded.
 */
function passAndRecords(tenant: Tenant, userId: string) {
  const pass = tenant.authMethods.get(userId)?.temporaryAccessPass ?? null;
  return {
    temporaryAccessPass: pass && {
      id: pass.id,
      createdDateTime: pass.createdDateTime,
      lifetimeInMinutes: pass.lifetimeInMinutes,
      isUsableOnce: pass.isUsableOnce,
    },
    verificationRecords: tenant.verificationRecords
      .filter((item) => item.fields.TargetUserId === userId)
      .map((item) => ({
        id: item.id,
        createdBy: item.createdBy.user.email,
        createdDateTime: item.createdDateTime,
        fields: item.fields,
      })),
  };
}

/** The named demo users, with the pass a seeded TAP holds (what the helpdesk told them). */
function fixtures(tenant: Tenant) {
  return Object.fromEntries(
    Object.entries(DEMO_FIXTURES).map(([key, f]) => [
      key,
      {
        id: f.id,
        userPrincipalName: f.userPrincipalName,
        displayName: tenant.users.find((u) => u.id === f.id)?.displayName,
        description: f.description,
        temporaryAccessPass: tenant.authMethods.get(f.id)?.temporaryAccessPass?.secret ?? null,
      },
    ]),
  );
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const text = await readBody(req);
  const type = header(req, 'content-type');
  // Form fields and text/plain are what another site can send without a preflight.
  if ((text !== '' || type !== undefined) && !/^application\/json\s*(;|$)/i.test(type ?? '')) {
    throw new ControlError(
      415,
      'unsupportedMediaType',
      `The controls take JSON: send Content-Type: application/json, not ${type ?? 'none'}.`,
    );
  }
  if (req.method === 'DELETE' || !text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ControlError(400, 'badJson', 'The body is not valid JSON.');
  }
}
