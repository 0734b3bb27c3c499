import { defineCatalog } from '../../i18n/catalog';

/** The audit page's words; the record grid's own are in `grid.messages.ts`. */
export const messages = defineCatalog(
  'audit',
  {
    'grid.density': 'Row height',
    'grid.density.compact': 'Compact',
    'grid.density.standard': 'Standard',
    'grid.density.comfortable': 'Comfortable',
    'grid.columns': 'Columns',
    'grid.downloadCsv': 'Download CSV',
    'page.title': 'Audit record',
    'page.subtitle':
      'Every Temporary Access Pass created or deleted, joined with the caller verification TAP Desk recorded for it. Read-only: nothing on this page changes the directory or the verification list.',
    status: '{count, plural, one {# row} other {# rows}} · as of {asOf}',
    'retention.title': 'The audit log keeps {days, plural, one {# day} other {# days}}',
    'retention.body':
      "Microsoft Entra has no audit events before {date}. For earlier days only TAP Desk's verification records remain: they are shown, but they cannot be checked against the log, and passes issued outside TAP Desk then are not visible at all.",
    loading: 'Reading the audit log and the verification records…',
    unreadable:
      '{count, plural, one {# item} other {# items}} in the verification list could not be read: a target, date or outcome is missing. They were probably edited in SharePoint by hand.',
    nothingMatches: 'Nothing matches: {filters}.',
    describeFilters:
      '{activity} from {from} to {to}{flagged, select, yes {, flagged “{anomaly}”} other {}}',
    gridLabel: 'Issuance record: {filters}',
    'doing.checkAdmins': 'check for admin accounts',
    'doing.readLog': 'read the directory audit log',
    'doing.readRecords': "read TAP Desk's verification records",
    'doing.checkAdminPasses': 'check which passes went to admin accounts',
    'needs.auditLog':
      'the Reports Reader, Security Reader or Security Administrator role in Entra ID (TAP Desk reads the log with AuditLog.Read.All and Directory.Read.All)',
    'needs.roles':
      'the RoleManagement.Read.Directory permission, which an Entra administrator grants to TAP Desk',
    'filters.label': 'Filter the record',
    'filters.from': 'From',
    'filters.to': 'To',
    'filters.activity': 'Activity',
    'filters.show': 'Show record',
    'filters.bothDates': 'Enter both dates.',
    'filters.order': 'The first day must not be after the last day.',
    'activity.all': 'All TAP activity',
    'activity.tapCreated': 'TAP created',
    'activity.tapDeleted': 'TAP deleted',
    'activity.authenticatorRegistered': 'Authenticator registered',
    'activity.passkeyRegistered': 'Passkey registered',
    'activity.passkeyDeleted': 'Passkey deleted',
    'anomalies.show': 'Show',
    'anomalies.every': 'Every row ({total, number})',
    'anomalies.choice': '{label} ({count, number})',
    'anomalies.notChecked': '{label} (not checked)',
    'anomaly.noVerification': 'No verification record',
    'anomaly.noVerification.about':
      'A pass was created with no TAP Desk verification record: issued outside TAP Desk, for example in the Entra admin center.',
    'anomaly.adminTarget': 'Admin account',
    'anomaly.adminTarget.about':
      'The pass was issued to an account that holds an Entra directory role.',
    'anomaly.repeatWithin24h': 'Repeat within 24 h',
    'anomaly.repeatWithin24h.about': 'The same person received more than one pass within 24 hours.',
    'anomaly.noAuthenticator': 'No passwordless method registered',
    'anomaly.noAuthenticator.about':
      'The pass ended (expired, replaced or deleted) with no passwordless method (Authenticator or passkey) registered by the person.',
    'anomaly.recordWithoutEvent': 'Not in audit log',
    'anomaly.recordWithoutEvent.about':
      'TAP Desk recorded issuing a pass, but the directory audit log has no matching creation.',
    'anomaly.authorNotActor': 'Record written by someone else',
    'anomaly.authorNotActor.about':
      'SharePoint says the verification record was written by someone other than the person the audit log says acted: a verification recorded for a pass someone else issued.',
    'anomaly.issuerNotAuthor': 'Claims another issuer',
    'anomaly.issuerNotAuthor.about':
      'The record names an issuer other than the person SharePoint says wrote it. TAP Desk always records the person signed in, so the name was typed by hand or by another tool.',
    'anomaly.writtenLate': 'Record written late',
    'anomaly.writtenLate.about':
      'SharePoint stored the record longer after the audit event than the match window allows: it was added afterwards, not as the pass was issued.',
    'anomaly.recordEdited': 'Record edited',
    'anomaly.recordEdited.about':
      'An item of the record was changed after it was written (SharePoint’s modified date or version says so). TAP Desk never edits items; its version history in SharePoint shows what changed.',
    'anomaly.attemptUnfinished': 'Attempt left unfinished',
    'anomaly.attemptUnfinished.about':
      'TAP Desk recorded starting to issue a pass, but no item says how it ended: the tab closed before it could record the outcome, and nobody has opened the person since. Check whether they have a pass.',
    'anomaly.brokenAttempt': 'Broken attempt',
    'anomaly.brokenAttempt.about':
      'The items of one attempt do not fit together as TAP Desk writes them (one pending item, one completion that refers to it and names the same person): one is missing, doubled or points elsewhere.',
  },
  {
    'grid.density': 'Zeilenhöhe',
    'grid.density.compact': 'Kompakt',
    'grid.density.standard': 'Standard',
    'grid.density.comfortable': 'Komfortabel',
    'grid.columns': 'Spalten',
    'grid.downloadCsv': 'CSV herunterladen',
    'page.title': 'Überwachungsprotokoll',
    'page.subtitle':
      'Jeder erstellte oder gelöschte Temporäre Zugriffspass, verknüpft mit der Überprüfung des Anrufenden, die TAP Desk dazu protokolliert hat. Schreibgeschützt: Nichts auf dieser Seite ändert das Verzeichnis oder die Überprüfungsliste.',
    status: '{count, plural, one {# Zeile} other {# Zeilen}} · Stand {asOf}',
    'retention.title':
      'Das Überwachungsprotokoll wird {days, plural, one {# Tag} other {# Tage}} aufbewahrt',
    'retention.body':
      'Microsoft Entra hat keine Überwachungsereignisse vor dem {date}. Für frühere Tage bleiben nur die Überprüfungsdatensätze von TAP Desk: Sie werden angezeigt, können aber nicht mit dem Protokoll abgeglichen werden, und außerhalb von TAP Desk ausgestellte Pässe sind für diese Zeit gar nicht sichtbar.',
    loading: 'Überwachungsprotokoll und Überprüfungsdatensätze werden gelesen…',
    unreadable:
      '{count, plural, one {# Element} other {# Elemente}} der Überprüfungsliste konnten nicht gelesen werden: Ein Ziel, Datum oder Ergebnis fehlt. Vermutlich wurden sie in SharePoint von Hand bearbeitet.',
    nothingMatches: 'Keine Treffer: {filters}.',
    describeFilters:
      '{activity} vom {from} bis {to}{flagged, select, yes {, markiert als „{anomaly}“} other {}}',
    gridLabel: 'Ausstellungsprotokoll: {filters}',
    'doing.checkAdmins': 'nach Administratorkonten zu suchen',
    'doing.readLog': 'das Verzeichnisüberwachungsprotokoll zu lesen',
    'doing.readRecords': 'die Überprüfungsdatensätze von TAP Desk zu lesen',
    'doing.checkAdminPasses': 'zu prüfen, welche Pässe an Administratorkonten gingen',
    'needs.auditLog':
      'die Rolle „Berichtleser“, „Sicherheitsleseberechtigter“ oder „Sicherheitsadministrator“ in Entra ID (TAP Desk liest das Protokoll mit AuditLog.Read.All und Directory.Read.All)',
    'needs.roles':
      'die Berechtigung RoleManagement.Read.Directory, die ein Entra-Administrator TAP Desk erteilt',
    'filters.label': 'Protokoll filtern',
    'filters.from': 'Von',
    'filters.to': 'Bis',
    'filters.activity': 'Aktivität',
    'filters.show': 'Protokoll anzeigen',
    'filters.bothDates': 'Geben Sie beide Daten ein.',
    'filters.order': 'Der erste Tag darf nicht nach dem letzten Tag liegen.',
    'activity.all': 'Alle TAP-Aktivitäten',
    'activity.tapCreated': 'TAP erstellt',
    'activity.tapDeleted': 'TAP gelöscht',
    'activity.authenticatorRegistered': 'Authenticator registriert',
    'activity.passkeyRegistered': 'Hauptschlüssel registriert',
    'activity.passkeyDeleted': 'Hauptschlüssel gelöscht',
    'anomalies.show': 'Anzeigen',
    'anomalies.every': 'Alle Zeilen ({total, number})',
    'anomalies.choice': '{label} ({count, number})',
    'anomalies.notChecked': '{label} (nicht geprüft)',
    'anomaly.noVerification': 'Kein Überprüfungsdatensatz',
    'anomaly.noVerification.about':
      'Ein Pass wurde ohne Überprüfungsdatensatz von TAP Desk erstellt: außerhalb von TAP Desk ausgestellt, zum Beispiel im Entra Admin Center.',
    'anomaly.adminTarget': 'Administratorkonto',
    'anomaly.adminTarget.about':
      'Der Pass wurde für ein Konto ausgestellt, das eine Entra-Verzeichnisrolle innehat.',
    'anomaly.repeatWithin24h': 'Wiederholung innerhalb von 24 h',
    'anomaly.repeatWithin24h.about':
      'Dieselbe Person hat innerhalb von 24 Stunden mehr als einen Pass erhalten.',
    'anomaly.noAuthenticator': 'Keine kennwortlose Methode registriert',
    'anomaly.noAuthenticator.about':
      'Der Pass ist beendet (abgelaufen, ersetzt oder gelöscht), ohne dass die Person eine kennwortlose Methode (Authenticator oder Hauptschlüssel) registriert hat.',
    'anomaly.recordWithoutEvent': 'Nicht im Überwachungsprotokoll',
    'anomaly.recordWithoutEvent.about':
      'TAP Desk hat das Ausstellen eines Passes protokolliert, aber das Verzeichnisüberwachungsprotokoll enthält keine passende Erstellung.',
    'anomaly.authorNotActor': 'Datensatz von einer anderen Person geschrieben',
    'anomaly.authorNotActor.about':
      'Laut SharePoint wurde der Überprüfungsdatensatz von einer anderen Person geschrieben als der, die laut Überwachungsprotokoll gehandelt hat: eine Überprüfung für einen Pass, den jemand anderes ausgestellt hat.',
    'anomaly.issuerNotAuthor': 'Nennt einen anderen Aussteller',
    'anomaly.issuerNotAuthor.about':
      'Der Datensatz nennt einen anderen Aussteller als die Person, die ihn laut SharePoint geschrieben hat. TAP Desk protokolliert immer die angemeldete Person, der Name wurde also von Hand oder von einem anderen Tool eingetragen.',
    'anomaly.writtenLate': 'Datensatz verspätet geschrieben',
    'anomaly.writtenLate.about':
      'SharePoint hat den Datensatz erst gespeichert, als das Zuordnungsfenster nach dem Überwachungsereignis schon abgelaufen war: Er wurde nachträglich hinzugefügt, nicht beim Ausstellen des Passes.',
    'anomaly.recordEdited': 'Datensatz bearbeitet',
    'anomaly.recordEdited.about':
      'Ein Element des Datensatzes wurde nach dem Schreiben geändert (laut Änderungsdatum oder Version in SharePoint). TAP Desk bearbeitet nie Elemente; der Versionsverlauf in SharePoint zeigt, was geändert wurde.',
    'anomaly.attemptUnfinished': 'Versuch nicht abgeschlossen',
    'anomaly.attemptUnfinished.about':
      'TAP Desk hat den Beginn einer Ausstellung protokolliert, aber kein Element nennt deren Ausgang: Der Tab wurde geschlossen, bevor das Ergebnis protokolliert werden konnte, und seitdem hat niemand die Seite der Person in TAP Desk geöffnet. Prüfen Sie, ob sie einen Pass hat.',
    'anomaly.brokenAttempt': 'Fehlerhafter Versuch',
    'anomaly.brokenAttempt.about':
      'Die Elemente eines Versuchs passen nicht so zusammen, wie TAP Desk sie schreibt (ein ausstehendes Element und ein Abschluss, der darauf verweist und dieselbe Person nennt): Eines fehlt, ist doppelt oder verweist woandershin.',
  },
);
