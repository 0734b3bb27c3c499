import { allowQueryOptions } from '../graph/odata';
import type { GraphContext, GraphResult } from '../graph/router';
import type { User } from '../model';
import { authenticatorResource } from './authenticator-methods';
import { fido2Resource } from './fido2-methods';
import {
  ALL_METHODS_SCOPES,
  authorize,
  collectionContext,
  methodNotFound,
  methodsOf,
  readsPhonesInFull,
} from './method-access';
import { TAP_TYPE, tapResource } from './tap-methods';

/* The list of every method a user has, as /methods returns it, and one of them by id. */

/** "+1 2015550123" -> "+1 XXXXXXXX23": the country code and the last two digits stay. */
export function maskPhoneNumber(phoneNumber: string): string {
  const [country, ...rest] = phoneNumber.split(' ');
  const national = rest.join(' ');
  if (!country?.startsWith('+') || !national) return phoneNumber.replace(/\d(?=\d{2})/g, 'X');
  return `${country} ${national.replace(/\d(?=(?:\D*\d){2})/g, 'X')}`;
}

function allMethods(ctx: GraphContext, target: User): Record<string, unknown>[] {
  const methods = methodsOf(ctx, target);
  const fullPhone = readsPhonesInFull(ctx, target);
  return [
    {
      '@odata.type': '#microsoft.graph.passwordAuthenticationMethod',
      id: methods.password.id,
      password: null,
      createdDateTime: methods.password.createdDateTime,
    },
    ...methods.phone.map((p) => ({
      '@odata.type': '#microsoft.graph.phoneAuthenticationMethod',
      id: p.id,
      phoneNumber: fullPhone ? p.phoneNumber : maskPhoneNumber(p.phoneNumber),
      phoneType: p.phoneType,
      smsSignInState: p.smsSignInState,
    })),
    ...methods.email.map((e) => ({
      '@odata.type': '#microsoft.graph.emailAuthenticationMethod',
      ...e,
    })),
    ...methods.fido2.map(fido2Resource),
    ...methods.windowsHelloForBusiness.map((w) => ({
      '@odata.type': '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod',
      ...w,
    })),
    ...methods.microsoftAuthenticator.map((m) => authenticatorResource(m, false)),
    ...(methods.temporaryAccessPass
      ? [{ '@odata.type': TAP_TYPE, ...tapResource(ctx, methods.temporaryAccessPass) }]
      : []),
  ];
}

export function listMethods(ctx: GraphContext, target: User): GraphResult {
  allowQueryOptions(ctx, []);
  authorize(ctx, target, ALL_METHODS_SCOPES, 'read');
  return {
    status: 200,
    body: {
      '@odata.context': collectionContext(ctx, target, 'methods'),
      value: allMethods(ctx, target),
    },
  };
}

export function getMethod(ctx: GraphContext, target: User): GraphResult {
  allowQueryOptions(ctx, ['$select']);
  authorize(ctx, target, ALL_METHODS_SCOPES, 'read');
  const id = ctx.params.methodId ?? '';
  const method = allMethods(ctx, target).find((m) => m.id === id.toLowerCase());
  if (!method) throw methodNotFound(id);
  return {
    status: 200,
    body: { '@odata.context': `${collectionContext(ctx, target, 'methods')}/$entity`, ...method },
  };
}
