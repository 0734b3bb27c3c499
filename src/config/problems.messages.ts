import { defineCatalog } from '../i18n/catalog';

/**
 * What is wrong with a field of config.json (config-problems.ts, config-schema.ts). Each message
 * follows the field's name, which the start-up failure page writes before it: "auth.clientId is
 * missing." Values are as config.json writes them (JSON, URLs, host names), never translated.
 */
export const messages = defineCatalog(
  'configProblem',
  {
    missing: 'is missing',
    wrongType: 'is {value}, not {type}',
    'type.string': 'text',
    'type.number': 'a whole number',
    'type.boolean': 'true or false',
    'type.array': 'a list',
    'type.object': 'an object',
    'value.list': 'a list',
    'value.object': 'an object',
    or: '{first} or {second}',
    outside: 'is {value}, outside {min} to {max}',
    unusable: 'is {value}, which TAP Desk cannot use',
    misspelt: 'is not a field TAP Desk reads: did you mean {sibling}? Names are case-sensitive',
    ignored: 'is not a field TAP Desk reads, so it is ignored',
    empty: 'is empty',
    notGuid: 'is {value}, not a GUID',
    notUrl: 'is {value}, not a URL',
    notHttpsUrl: 'is {value}, not an absolute https URL',
    notHttps: 'must use https, not {protocol}',
    notHttpsAuthority: 'must use https (MSAL refuses any other authority), not {protocol}',
    queryOrFragment: 'must not have a query (?) or fragment (#)',
    otherOrigin:
      "is on {origin}, but TAP Desk runs on {base}: MSAL needs this page on the app's own origin",
    untrustedHost:
      'is on {host}, which is not {what} ({hosts}); to use it anyway, name it in allowNonMicrosoftHosts',
    'host.authority': 'a Microsoft Entra sign-in host',
    'host.graph': 'a Microsoft Graph host',
    'host.registration': "Microsoft's security info page",
    authorityPath: "has the path {path}, but Entra ID expects /'<'tenant ID>/v2.0",
    noTenant:
      'names no tenant ("{tenant}"): TAP Desk signs in to your own tenant only, so use its Directory (tenant) ID',
    notTenant: 'names "{tenant}", which is neither a tenant ID nor a domain',
    redirectPath: "points to {path}, but TAP Desk's redirect page is {expected}",
    notHost: 'is {value}, not a host name',
    tenantAsClient:
      'is the tenant ID from auth.authority; use the Application (client) ID of the {name} app registration',
    sameClient:
      'is the same as auth.clientId: the reports need their own app registration, TAP Desk Reports, for their own Graph budget and read-only tokens',
    graphVersion: "has the path {path}, which does not end with Graph's version /v1.0",
    aboveMaximum: 'is {min}, above maximumLifetimeInMinutes ({max})',
    outsideLifetimes: 'is {lifetime}, outside the minimum ({min}) and maximum ({max}) lifetimes',
    allUsers: 'is "all_users": when the policy targets all users, leave tap.targetGroupIds out',
    noMethods: 'is empty: list at least one way to verify a caller',
    siteAddress:
      "is the site's web address, but TAP Desk needs its Graph ID (docs/configuration.md says how to find it)",
    notSiteId: 'is {value}, not hostname,site collection ID,web ID',
    hostIsUrl: 'is {value}, a URL: name the host alone, without https://',
    unusedHost:
      '({value}) is used by none of auth.authority, graph.baseUrl and registrationUrl, so it is ignored',
    ranged: '{expected}, a whole number from {min} to {max}',
    seeDocs: 'see docs/configuration.md',
  },
  {
    missing: 'fehlt',
    wrongType: 'ist {value}; erwartet: {type}',
    'type.string': 'Text',
    'type.number': 'eine ganze Zahl',
    'type.boolean': 'true oder false',
    'type.array': 'eine Liste',
    'type.object': 'ein Objekt',
    'value.list': 'eine Liste',
    'value.object': 'ein Objekt',
    or: '{first} oder {second}',
    outside: 'ist {value}, außerhalb von {min} bis {max}',
    unusable: 'ist {value}, damit kann TAP Desk nichts anfangen',
    misspelt:
      'ist kein Feld, das TAP Desk liest: Meinten Sie {sibling}? Groß- und Kleinschreibung zählt',
    ignored: 'ist kein Feld, das TAP Desk liest, und wird daher ignoriert',
    empty: 'ist leer',
    notGuid: 'ist {value}, keine GUID',
    notUrl: 'ist {value}, keine URL',
    notHttpsUrl: 'ist {value}, keine absolute https-URL',
    notHttps: 'muss https verwenden, nicht {protocol}',
    notHttpsAuthority:
      'muss https verwenden (MSAL akzeptiert keine andere Authority), nicht {protocol}',
    queryOrFragment: 'darf keine Abfrage (?) und kein Fragment (#) enthalten',
    otherOrigin:
      'liegt auf {origin}, TAP Desk läuft aber auf {base}: MSAL braucht diese Seite auf dem eigenen Ursprung der App',
    untrustedHost:
      'liegt auf {host}, das ist kein {what} ({hosts}); um ihn trotzdem zu verwenden, nennen Sie ihn in allowNonMicrosoftHosts',
    'host.authority': 'Anmeldehost von Microsoft Entra',
    'host.graph': 'Microsoft Graph-Host',
    'host.registration': 'Host der Microsoft-Seite „Sicherheitsinformationen“',
    authorityPath: "hat den Pfad {path}, Entra ID erwartet aber /'<'Mandanten-ID>/v2.0",
    noTenant:
      'nennt keinen Mandanten („{tenant}“): TAP Desk meldet nur bei Ihrem eigenen Mandanten an, verwenden Sie also dessen Verzeichnis-ID (Mandanten-ID)',
    notTenant: 'nennt „{tenant}“, das ist weder eine Mandanten-ID noch eine Domäne',
    redirectPath: 'verweist auf {path}, die Umleitungsseite von TAP Desk ist aber {expected}',
    notHost: 'ist {value}, kein Hostname',
    tenantAsClient:
      'ist die Mandanten-ID aus auth.authority; verwenden Sie die Anwendungs-ID (Client) der App-Registrierung {name}',
    sameClient:
      'ist dieselbe wie auth.clientId: Die Berichte brauchen eine eigene App-Registrierung, TAP Desk Reports, für ihr eigenes Graph-Kontingent und schreibgeschützte Token',
    graphVersion: 'hat den Pfad {path}, der nicht mit der Graph-Version /v1.0 endet',
    aboveMaximum: 'ist {min}, größer als maximumLifetimeInMinutes ({max})',
    outsideLifetimes:
      'ist {lifetime}, außerhalb der minimalen ({min}) und maximalen ({max}) Gültigkeitsdauer',
    allUsers:
      'ist „all_users“: Wenn die Richtlinie für alle Benutzer gilt, lassen Sie tap.targetGroupIds weg',
    noMethods: 'ist leer: Nennen Sie mindestens eine Art, einen Anrufenden zu überprüfen',
    siteAddress:
      'ist die Webadresse der Website, TAP Desk braucht aber ihre Graph-ID (docs/configuration.md beschreibt, wie Sie sie finden)',
    notSiteId: 'ist {value}, nicht Hostname,Websitesammlungs-ID,Web-ID',
    hostIsUrl: 'ist {value}, eine URL: Nennen Sie nur den Host, ohne https://',
    unusedHost:
      '({value}) wird von keinem der Felder auth.authority, graph.baseUrl und registrationUrl verwendet und daher ignoriert',
    ranged: '{expected}, eine ganze Zahl von {min} bis {max}',
    seeDocs: 'siehe docs/configuration.md',
  },
);
