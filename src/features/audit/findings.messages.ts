import { defineCatalog } from '../../i18n/catalog';

/**
 * What exactly the audit found, per row (anomalies.ts, attempts.ts), and what a verification
 * record alone says happened (reconcile.ts). Item ids, names and UPNs are SharePoint's and
 * Graph's; times are written `2026-11-20 09:00 UTC` in every language.
 */
export const messages = defineCatalog(
  'auditFinding',
  {
    person: '{name} ({upn})',
    unknownAuthor: 'an unknown author',
    unknownTime: 'at an unknown time',
    noOne: 'no one',
    noUser: 'no user',
    appWithoutUser: 'the app {app}, with no user',
    issuerNotAuthor: 'It names {issuer} as issuer; SharePoint says {author} wrote it.',
    edited: 'Item {item} was changed {when} by {editor}.',
    editedVersion: 'Item {item} was changed {when} by {editor}, now version {version}.',
    unfinished: '{author} started it {when}; no item says how it ended.',
    authorNotActor: 'SharePoint says {author} wrote the record; the audit log says {actor} acted.',
    writtenLate: 'The record was written {duration} after the event.',
    'chain.manyPendings': '{count} items start this attempt (items {items}); TAP Desk writes one.',
    'chain.notPending':
      'Item {item} completes item {refersTo}, which is not a pending item of this attempt (deleted, or never written).',
    'chain.strayAfterDeletion': 'Item {item} does not record the outcome of deletion {deletion}.',
    'chain.manyRecords':
      '{count} items record this one action (items {items}); TAP Desk writes one.',
    'chain.completedDifferently':
      '{count} items complete pending item {pending} differently (items {items}); TAP Desk writes one.',
    'chain.deletionEnds':
      'Item {item} records a deletion as the end of pending issuance {pending}.',
    'chain.refersElsewhere':
      'Item {item} completes this attempt but refers to item {refersTo}, not to its pending item {pending}.',
    'chain.none': '(none)',
    'chain.otherPerson': 'Item {item} completes pending item {pending} but names another person.',
    'record.pending': 'TAP Desk recorded starting to issue a Temporary Access Pass',
    'record.unknown': 'TAP Desk recorded an attempt whose result it could not read back',
    'record.issued': 'TAP Desk recorded issuing a Temporary Access Pass',
    'record.replaced': 'TAP Desk recorded replacing a Temporary Access Pass',
    'record.revoked': 'TAP Desk recorded deleting a Temporary Access Pass',
    'record.failed': 'TAP Desk recorded a failed attempt to issue a Temporary Access Pass',
  },
  {
    person: '{name} ({upn})',
    unknownAuthor: 'eine unbekannte Person',
    unknownTime: 'zu unbekannter Zeit',
    noOne: 'niemanden',
    noUser: 'kein Benutzer',
    appWithoutUser: 'die App {app}, ohne Benutzer',
    issuerNotAuthor:
      'Der Datensatz nennt {issuer} als Aussteller; laut SharePoint hat ihn {author} geschrieben.',
    edited: 'Element {item} wurde {when} geändert, Bearbeiter: {editor}.',
    editedVersion:
      'Element {item} wurde {when} geändert, Bearbeiter: {editor}, jetzt Version {version}.',
    unfinished: '{author} hat den Versuch {when} begonnen; kein Element nennt seinen Ausgang.',
    authorNotActor:
      'Laut SharePoint hat {author} den Datensatz geschrieben; laut Überwachungsprotokoll hat {actor} gehandelt.',
    writtenLate: 'Der Datensatz wurde {duration} nach dem Ereignis geschrieben.',
    'chain.manyPendings':
      '{count} Elemente beginnen diesen Versuch (Elemente {items}); TAP Desk schreibt eines.',
    'chain.notPending':
      'Element {item} schließt Element {refersTo} ab, das kein ausstehendes Element dieses Versuchs ist (gelöscht oder nie geschrieben).',
    'chain.strayAfterDeletion':
      'Element {item} protokolliert nicht das Ergebnis der Löschung {deletion}.',
    'chain.manyRecords':
      '{count} Elemente protokollieren diese eine Aktion (Elemente {items}); TAP Desk schreibt eines.',
    'chain.completedDifferently':
      '{count} Elemente schließen das ausstehende Element {pending} unterschiedlich ab (Elemente {items}); TAP Desk schreibt eines.',
    'chain.deletionEnds':
      'Element {item} protokolliert eine Löschung als Ende der ausstehenden Ausstellung {pending}.',
    'chain.refersElsewhere':
      'Element {item} schließt diesen Versuch ab, verweist aber auf Element {refersTo}, nicht auf sein ausstehendes Element {pending}.',
    'chain.none': '(keines)',
    'chain.otherPerson':
      'Element {item} schließt das ausstehende Element {pending} ab, nennt aber eine andere Person.',
    'record.pending':
      'TAP Desk hat protokolliert, dass es mit dem Ausstellen eines Temporären Zugriffspasses beginnt',
    'record.unknown':
      'TAP Desk hat einen Versuch protokolliert, dessen Ergebnis es nicht zurücklesen konnte',
    'record.issued': 'TAP Desk hat das Ausstellen eines Temporären Zugriffspasses protokolliert',
    'record.replaced': 'TAP Desk hat das Ersetzen eines Temporären Zugriffspasses protokolliert',
    'record.revoked': 'TAP Desk hat das Löschen eines Temporären Zugriffspasses protokolliert',
    'record.failed':
      'TAP Desk hat einen fehlgeschlagenen Versuch protokolliert, einen Temporären Zugriffspass auszustellen',
  },
);
