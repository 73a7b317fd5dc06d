# German catalog of the page's words (Deutscher Katalog der Seite).
# Same message ids, in the same order, and the same variables per message as locales/en/page.ftl:
# a test checks this. Fluent format (https://projectfluent.org/fluent/guide/). Product and protocol
# names (Command Center, SMTP, TLS, STARTTLS...), config keys and whatever a server answers stay as
# they are. The user is addressed formally ("Sie").
#
# Terminology sources:
# - Commvault's German (localized) documentation could not be found: searches turned up only
#   English Commvault pages (documentation.commvault.com) and the English help of the
#   CommvaultPowerShell module. No Commvault German terms were available.
# - Microsoft German UI terminology (Microsoft Language Portal / Style Guide conventions):
#   Anmelden, Abmelden, Abbrechen, Speichern, Benutzername, Kennwort, E-Mail-Adresse,
#   Verschlüsselung, Authentifizierung. "Zugriffstoken" as in
#   https://learn.microsoft.com/de-at/entra/identity-platform/developer-glossary
# - Exchange Online terms (SMTP AUTH, Postfach, SMTP-Relay, Connector, Mandant) as in
#   https://docs.microsoft.com/de-de/Exchange/mail-flow-best-practices/how-to-set-up-a-multifunction-device-or-application-to-send-email-using-microsoft-365-or-office-365
#   and https://learn.microsoft.com/de-de/exchange/troubleshoot/administration/cannot-connect-mailbox-pop-imap-outlook
# - Google's German help for "App-Passwort" and "Bestätigung in zwei Schritten" (Google's own
#   terms, so Google's app password stays "App-Passwort" while every other password is "Kennwort"):
#   https://support.google.com/accounts/answer/185833?hl=de

## Die Seite und ihre Anmeldung, vor und nach dem Start der App (index.html, startup/early.js)

page-title = E-Mail-Server
# Titel des Dokuments: die Überschrift der Seite (`title` aus config.json oder page-title), dann das Produkt.
document-title = { $title } · Command Center
page-lead = Command Center sendet Warnungen, geplante Berichte und Protokolldateien über diesen E-Mail-Server.
sign-in-title = Bei Command Center anmelden
sign-in-with = Anmelden mit
sign-in-mode-user = Benutzer von Command Center
sign-in-mode-token = Zugriffstoken
button-sign-in = Anmelden
button-use-token = Token verwenden
button-signing-in = Anmeldung läuft…
button-cancel = Abbrechen
button-show = Anzeigen
button-hide = Ausblenden
noscript = Diese Seite benötigt JavaScript und WebAssembly. Aktivieren Sie beides, oder konfigurieren Sie den E-Mail-Server in der Konsole von Command Center.
portal-connecting-title = Verbindung mit dem Portal wird hergestellt…
portal-connecting-waiting = Es wird gewartet, bis das Portal seine Sitzung für Command Center übergibt.
sign-in-reading-settings = Einstellungen der Seite werden gelesen…
field-api-base-url = API-Basis-URL
field-api-base-url-hint = Hier erreicht dieser Browser die REST-API von Command Center, meist /commandcenter/api auf demselben Server.
field-login-user = Benutzername
field-login-password = Kennwort
field-access-token = Zugriffstoken
field-access-token-hint = Ein in Command Center erstelltes API-Zugriffstoken oder ein API-Schlüssel. Es bleibt nur im Arbeitsspeicher dieses Tabs.

## Start der Seite (startup/early.js)

start-loading = Seite wird geladen…
start-starting = Seite wird gestartet…
start-stalled = Die Verbindung scheint zu stocken: Seit { $seconds } Sekunden ist nichts angekommen. Die Seite startet trotzdem, sobald der Rest eintrifft, und behält Ihre Eingaben; „Neu laden“ beginnt von vorn und kann sie verlieren.
start-reload = Neu laden
start-failed-title = Diese Seite konnte nicht starten
start-failed-load = { $url } konnte nicht geladen werden.
start-failed-load-status = { $url } konnte nicht geladen werden (HTTP { $status }).
start-failed-error = Der Start brach mit einem Fehler ab ({ $error }).
start-failed-browser = Die Seite kann in diesem Browser nicht ausgeführt werden.
start-failed-advice = Laden Sie die Seite neu. Hilft das nicht, liefert der Webserver möglicherweise nicht alle Dateien der Seite aus, seiner Content-Security-Policy fehlt 'wasm-unsafe-eval' in script-src, oder dieser Browser ist zu alt: Die Seite benötigt Chrome oder Edge 97, Firefox 102 oder Safari 16 oder neuer.
page-error = In dieser Seite ist ein Fehler aufgetreten, und sie reagiert möglicherweise nicht mehr. Laden Sie die Seite neu, um von vorn zu beginnen; gespeichert ist nur, was die Seite als gespeichert gemeldet hat. (Details stehen in der Entwicklerkonsole des Browsers.)

## config.json

config-problem = { $problem } Die Seite verwendet die Standard-API-Basis-URL.
config-http = config.json konnte nicht geladen werden (HTTP { $status }).
config-unavailable = config.json konnte nicht geladen werden ({ $reason }).
config-reason-timed-out = { $seconds ->
    [one] keine Antwort innerhalb von 1 Sekunde
   *[other] keine Antwort innerhalb von { $seconds } Sekunden
}
config-reason-broke-off = HTTP { $status }, die Antwort brach ab
config-reason-failed = die Anfrage ist fehlgeschlagen
# $error ist die Beschreibung des Problems durch den JSON-Parser selbst.
config-not-json = config.json ist ungültig: { $error }.
config-invalid = config.json ist ungültig: { $problem }.
config-api-base-url = apiBaseUrl: { $error }
config-timeout-range = requestTimeoutSeconds muss zwischen 1 und { $max } liegen
config-origin = embedding.allowedParentOrigins: „{ $origin }“ ist kein Ursprung (Origin): { $problem }
config-title-length = title muss 1 bis { $max } Zeichen lang sein
config-title-line = title muss einzeilig sein, ohne Steuerzeichen
config-language = language: „{ $tag }“ ist keine Sprache dieser Seite ({ $languages })
config-theme-type = themeStylesheet in config.json ist kein Text: Die Seite verwendet ihre eigenen Farben.
config-theme-elsewhere = themeStylesheet in config.json, „{ $url }“, liegt nicht auf dem eigenen Server dieser Seite, und nur ein Stylesheet von dort darf sie gestalten: Die Seite verwendet ihre eigenen Farben.
config-theme-failed = Das Stylesheet aus themeStylesheet in config.json, „{ $url }“, konnte nicht geladen werden: Die Seite verwendet ihre eigenen Farben.
origin-scheme = er muss mit https:// oder http:// beginnen
origin-path = ein Ursprung hat keinen Pfad, keine Abfrage, kein Fragment und keinen Benutzer: Schreiben Sie ihn als https://host
origin-wildcard = Platzhalter sind nicht erlaubt: Geben Sie jeden Ursprung einzeln an
origin-port = schreiben Sie ihn als https://host oder https://host:port
origin-default-port = lassen Sie den Standardport des Schemas weg, wie Browser es tun
origin-host = der Host muss ein Name in Kleinbuchstaben oder eine IP-Adresse sein

## Angemeldeter Benutzer

session-login = Angemeldet als { $user }
session-token = Mit Zugriffstoken angemeldet
session-portal = Angemeldet über { $origin }
button-sign-out = Abmelden
button-signing-out = Abmeldung läuft…

## Das Sprachmenü

language-label = Sprache
language-failed = Die Seite bleibt auf Englisch: Ihre Texte auf { $language } ließen sich nicht verwenden ({ $reason }). Laden Sie die Seite neu, um es erneut zu versuchen.
language-reason-http = HTTP { $status }
language-reason-unavailable = die Anfrage ist fehlgeschlagen
language-reason-too-large = die Datei ist zu groß
language-reason-not-fluent = die Datei ist kein Fluent-Katalog: { $error }
language-reason-incomplete = der Datei fehlen Meldungen, etwa { $ids }

## Felder: Beschriftungen und Hinweise

legend-mail-server = E-Mail-Server
field-provider = Anbieter
field-provider-hint = Trägt Server, Port und Verschlüsselung laut Dokumentation des Anbieters ein.
provider-other = Anderer E-Mail-Server
provider-microsoft-365 = Microsoft 365 (Exchange Online)
provider-google = Google Workspace oder Gmail
provider-amazon-ses = Amazon SES, { $name } ({ $region })
provider-sendgrid = SendGrid
provider-mailgun = Mailgun (USA)
provider-mailgun-eu = Mailgun (EU)
provider-local-relay = Relay im lokalen Netzwerk (Port 25, keine Verschlüsselung)
field-smtp-server = SMTP-Server
field-smtp-server-hint = Hostname oder IP-Adresse, ohne http:// und ohne Port.
field-smtp-port = SMTP-Port
field-smtp-port-hint = Meist 25, 587 (TLS) oder 465 (SSL).
# Wenn der Port vom Administrator oder von Command Center stammt und nicht der übliche ist.
field-smtp-port-usual = Bei { $encryption } ist { $port } der übliche Port.
field-encryption = Verschlüsselung
field-encryption-hint = Wählen Sie, was der E-Mail-Server anbietet; TLS verschlüsselt die Verbindung nachträglich per STARTTLS.
encryption-none = Keine
encryption-tls = TLS (STARTTLS)
encryption-ssl = SSL
legend-sender = Absender
field-sender-email = Absender-E-Mail-Adresse
field-sender-email-hint = Die Absenderadresse (From) jeder E-Mail, die Command Center sendet.
field-sender-name = Absendername
field-sender-name-hint = Wird Empfängern als Absender angezeigt, zum Beispiel Backup-Warnungen.
legend-authentication = Authentifizierung
field-authentication = Der E-Mail-Server erfordert eine Anmeldung
field-authentication-hint = Aktivieren Sie dies, wenn der E-Mail-Server E-Mails nur nach einer Anmeldung annimmt.
field-username = Benutzername
field-password = Kennwort
field-password-saved-hint = Das gespeicherte Kennwort bleibt erhalten, sofern Sie kein neues eingeben.
password-withheld-server = Der Server wurde geändert: Geben Sie das Kennwort erneut ein. Das gespeicherte Kennwort geht nur an den Server, für den es gespeichert wurde.
password-withheld-port = Der Port wurde geändert: Geben Sie das Kennwort erneut ein. Das gespeicherte Kennwort geht nur an den Server und Port, für die es gespeichert wurde.
password-withheld-encryption = Die Verschlüsselung ist jetzt aus: Geben Sie das Kennwort erneut ein, falls es unverschlüsselt über das Netzwerk gehen darf. Das gespeicherte wurde nur verschlüsselt gesendet.

## Warnung oder Hinweis unter einem Feld: Speichern und Testen bleiben möglich

# Das erste Wort jeder Meldung, damit sich beide nicht nur durch ihre Farbe unterscheiden.
warning-label = Warnung:
note-label = Hinweis:
warning-port-465-tls = Port 465 erwartet SSL, eine von Anfang an verschlüsselte Verbindung; bei TLS (STARTTLS) ist 587 der übliche Port.
warning-port-587-ssl = Port 587 erwartet TLS (STARTTLS); bei SSL ist 465 der übliche Port.
warning-sign-in-unencrypted = Ohne Verschlüsselung gehen Benutzername und Kennwort lesbar über das Netzwerk: Wählen Sie TLS oder SSL, wenn der E-Mail-Server es anbietet.
warning-microsoft-365 = Ab Ende Dezember 2026 ist SMTP AUTH mit Kennwort in Exchange Online für bestehende Mandanten standardmäßig deaktiviert (es lässt sich wieder aktivieren; danach erstellte Mandanten haben es deaktiviert; die endgültige Entfernung soll in der zweiten Hälfte 2027 angekündigt werden). Command Center sendet nur Benutzername und Kennwort: Senden Sie daher über ein SMTP-Relay oder einen Connector, oder lassen Sie SMTP AUTH für dieses Postfach wieder aktivieren.
note-google-app-password = Google akzeptiert hier nur ein App-Passwort: 16 Buchstaben, erstellt in den Sicherheitseinstellungen des Google-Kontos. Es setzt die Bestätigung in zwei Schritten voraus, und bei einem Arbeitskonto hat der Administrator App-Passwörter möglicherweise deaktiviert.
warning-google-app-password = Dies ist kein App-Passwort, das einzige Kennwort, das Google hier akzeptiert: Ein App-Passwort hat 16 Buchstaben (Leerzeichen zählen nicht). Es setzt die Bestätigung in zwei Schritten voraus, und bei einem Arbeitskonto hat der Administrator App-Passwörter möglicherweise deaktiviert.

## Fehler unter einem Feld

required-login-user = Geben Sie Ihren Benutzernamen für Command Center ein.
required-login-password = Geben Sie Ihr Kennwort für Command Center ein.
required-access-token = Geben Sie das Zugriffstoken ein.
required-api-base-url = Geben Sie die API-Basis-URL ein, z. B. /commandcenter/api.
required-smtp-server = Geben Sie den Namen oder die IP-Adresse des SMTP-Servers ein.
required-smtp-port = Geben Sie den SMTP-Port ein, eine Zahl von 1 bis 65535.
required-sender-email = Geben Sie die Absender-E-Mail-Adresse ein.
required-sender-name = Geben Sie den Absendernamen ein.
required-username = Geben Sie den Benutzernamen ein, den der E-Mail-Server erwartet.
required-value = Geben Sie einen Wert ein.
error-too-long = Verwenden Sie höchstens { $max } Zeichen.
error-control-character = Entfernen Sie den Zeilenumbruch oder das Steuerzeichen: Diese sind hier nicht erlaubt.
error-port-not-a-number = Verwenden Sie nur Ziffern: Ein Port ist eine Zahl von 1 bis 65535.
error-port-out-of-range = Geben Sie eine Portnummer von 1 bis 65535 ein.
error-host-scheme = Geben Sie nur den Servernamen ein, ohne „{ $scheme }://“.
error-host-path = Geben Sie nur den Servernamen ein, ohne Pfad („/…“).
error-host-space = Ein Servername darf keine Leerzeichen enthalten.
error-host-port = Tragen Sie den Port in das Feld „SMTP-Port“ ein, nicht hinter dem Servernamen.
error-host-character = „{ $character }“ darf nicht in einem Servernamen vorkommen: Verwenden Sie Buchstaben, Ziffern, Bindestriche und Punkte.
error-host-not-ascii = Verwenden Sie die ASCII-Form eines internationalen Servernamens (sie beginnt mit „xn--“).
error-host-empty-label = Ein Servername darf nicht mit einem Punkt beginnen und keine zwei Punkte hintereinander enthalten.
error-host-label-too-long = Jeder Teil eines Servernamens zwischen zwei Punkten hat höchstens 63 Zeichen.
error-host-label-hyphen = Ein Teil eines Servernamens darf nicht mit einem Bindestrich beginnen oder enden.
error-host-ipv4 = Dies ist keine gültige IPv4-Adresse: Nötig sind vier Zahlen von 0 bis 255, z. B. 192.0.2.25.
error-host-bracketed-ipv6 = Geben Sie die IPv6-Adresse ohne eckige Klammern ein.
error-email-missing-at = Geben Sie eine E-Mail-Adresse wie alerts@example.com ein.
error-email-several-at = Eine E-Mail-Adresse enthält nur ein „@“.
error-email-space = Eine E-Mail-Adresse darf keine Leerzeichen enthalten.
error-email-local-part = Der Teil vor dem „@“ ist in einer E-Mail-Adresse nicht gültig: Verwenden Sie Buchstaben, Ziffern und . _ + - ohne zwei Punkte hintereinander.
error-email-local-part-too-long = Der Teil vor dem „@“ einer E-Mail-Adresse hat höchstens 64 Zeichen.
error-email-domain = Der Teil nach dem „@“ muss ein Domänenname sein, wie in alerts@example.com.
error-password-missing = Geben Sie das Kennwort für diesen Benutzernamen ein, oder deaktivieren Sie die Anmeldung, wenn der E-Mail-Server sie nicht benötigt.
error-password-for-test = Geben Sie das Kennwort ein, um mit einem geänderten Benutzernamen zu testen: Das gespeicherte Kennwort gehört zum gespeicherten Benutzernamen.
error-token-character = Ein Zugriffstoken enthält nur Buchstaben, Ziffern, Leerzeichen und ASCII-Satzzeichen: Kopieren Sie es erneut.
error-base-url = Geben Sie eine Adresse ein, die mit https://, http:// oder / beginnt, ohne Leerzeichen, „?“ oder „#“, z. B. /commandcenter/api.

## Laden der Einstellungen

load-loading = Aktuelle Einstellungen werden geladen…
load-configured = Die aktuellen Einstellungen wurden aus Command Center geladen.
load-not-configured = In Command Center ist noch kein E-Mail-Server konfiguriert: Füllen Sie das Formular aus, und speichern Sie.
load-started-empty = Start mit leerem Formular: Beim Speichern wird der E-Mail-Server von Grund auf neu konfiguriert.
button-load-retry = Erneut versuchen
button-load-start-empty = Mit leerem Formular beginnen

## Speichern und Test-E-Mail senden

button-save = Speichern
button-saving = Wird gespeichert…
button-discard = Änderungen verwerfen
button-send-test = Test-E-Mail senden
button-sending = Wird gesendet…
off-loading = „Speichern“ und „Test-E-Mail senden“ sind deaktiviert, bis die aktuellen Einstellungen geladen sind.
off-load-failed = „Speichern“ ist deaktiviert, weil die aktuellen Einstellungen nicht geladen wurden: Wählen Sie oben „Erneut versuchen“ oder „Mit leerem Formular beginnen“.
off-saving = „Test-E-Mail senden“ ist deaktiviert, bis das Speichern abgeschlossen ist.
off-testing = „Speichern“ ist deaktiviert, bis die Test-E-Mail gesendet wurde.
off-unchanged = „Speichern“ ist deaktiviert: Nichts weicht von den Einstellungen in Command Center ab.
off-reading = „Speichern“ und „Test-E-Mail senden“ sind deaktiviert, bis die Einstellungen von Command Center gelesen wurden.
send-test-note = Die Test-E-Mail verwendet die obigen Einstellungen, ohne sie zu speichern, und geht an die E-Mail-Adresse des Benutzers von Command Center, als der Sie angemeldet sind.
send-test-note-to = Die Test-E-Mail verwendet die obigen Einstellungen, ohne sie zu speichern, und geht an { $address }, die Adresse des Benutzers von Command Center, als der Sie angemeldet sind.
status-saved = Die Einstellungen des E-Mail-Servers wurden gespeichert. Command Center sendet E-Mails jetzt über { $server }:{ $port }.
status-saved-reading = Die Einstellungen werden erneut gelesen, um zu prüfen, ob Command Center sie übernommen hat…
status-saved-checked = Gespeichert und geprüft: Command Center hat jetzt diese Einstellungen und sendet E-Mails über { $server }:{ $port }.
# $list: ein not-kept-item pro Einstellung, durch Semikolons getrennt.
status-saved-not-kept = Gespeichert, aber Command Center hat nicht alles übernommen, was gesendet wurde: { $list }. Das Formular zeigt, was Command Center hat.
not-kept-item = { $field } wurde als { $sent } gesendet, Command Center hat { $kept }
# $reason: was schiefging, in den Worten eines fehlgeschlagenen Aufrufs.
status-saved-unchecked = Gespeichert. Die Einstellungen konnten zur Prüfung nicht erneut gelesen werden: { $reason }
status-theirs-loaded = Ihre Änderungen wurden verworfen: Das Formular zeigt die Einstellungen, die Command Center jetzt hat.
status-saved-elsewhere-loaded = { $count ->
    [0] Die in einem anderen Tab gespeicherten Einstellungen wurden geladen: Es sind dieselben, die diese Seite hatte.
    [one] Die in einem anderen Tab gespeicherten Einstellungen wurden geladen: Eine Einstellung hatte sich geändert.
   *[other] Die in einem anderen Tab gespeicherten Einstellungen wurden geladen: { $count } Einstellungen hatten sich geändert.
}
# $list: ein kept-mine-item pro Einstellung, durch Semikolons getrennt.
status-saved-elsewhere-kept = Wo Sie etwas anderes eingegeben hatten, bleibt Ihr Wert im Formular: { $list }.
kept-mine-item = { $field } (dort gespeichert: { $now })
status-test-sent = Die Test-E-Mail wurde an die E-Mail-Adresse des Benutzers von Command Center gesendet, als der Sie angemeldet sind. Kommt sie nicht an, prüfen Sie den Spamordner dieses Postfachs. Die Einstellungen wurden nicht gespeichert.
status-test-sent-to = Die Test-E-Mail wurde an { $address } gesendet. Kommt sie nicht an, prüfen Sie den Spamordner dieses Postfachs. Die Einstellungen wurden nicht gespeichert.
status-invalid-save = { $count ->
    [one] Korrigieren Sie vor dem Speichern das markierte Feld: Es wurde nichts gesendet.
   *[other] Korrigieren Sie vor dem Speichern die { $count } markierten Felder: Es wurde nichts gesendet.
}
status-invalid-test = { $count ->
    [one] Korrigieren Sie das markierte Feld, bevor Sie eine Test-E-Mail senden: Es wurde nichts gesendet.
   *[other] Korrigieren Sie die { $count } markierten Felder, bevor Sie eine Test-E-Mail senden: Es wurde nichts gesendet.
}

## Ein anderer Tab dieser Seite hat gespeichert

saved-elsewhere = In einem anderen Tab gespeichert: Die Einstellungen in Command Center entsprechen möglicherweise nicht mehr denen, die diese Seite geladen hat.
button-load-saved = Gespeicherte Einstellungen laden

## Überprüfung vor dem Speichern

review-title = Änderungen überprüfen
review-update = { $count ->
    [one] Der E-Mail-Server von Command Center wird aktualisiert: { $count } Einstellung ändert sich.
   *[other] Der E-Mail-Server von Command Center wird aktualisiert: { $count } Einstellungen ändern sich.
}
review-configure = { $count ->
    [one] Der E-Mail-Server von Command Center wird mit dieser { $count } Einstellung konfiguriert.
   *[other] Der E-Mail-Server von Command Center wird mit diesen { $count } Einstellungen konfiguriert.
}
review-setting = Einstellung
review-now = Jetzt
review-after = Nach dem Speichern
button-back = Zurück zum Formular
button-confirm = Bestätigen
button-apply-mine = Meine Änderungen auf die aktuellen Einstellungen anwenden
button-load-theirs = Meine verwerfen und die anderen laden
button-save-anyway = Trotzdem speichern
review-checking = Es wird geprüft, ob Command Center noch die Einstellungen hat, die diese Seite geladen hat…
review-waiting = „Bestätigen“ wird ausgeführt, sobald die aktuellen Einstellungen von Command Center gelesen sind…
review-unchanged = Command Center hat noch die Einstellungen, die diese Seite geladen hat.
review-changed-title = In Command Center geändert, seit Sie diese Seite geladen haben
review-changed-lead = Jemand hat diese Einstellungen inzwischen geändert. Beim Anwenden Ihrer Änderungen bleiben die der anderen Person erhalten, außer wo auch Sie eine Einstellung geändert haben: Dort wird Ihr Wert gespeichert.
review-when-loaded = Beim Laden
review-now-there = Jetzt in Command Center
review-yours = Ihr Wert
review-both-changed = von beiden geändert: Ihr Wert wird gespeichert
# $reason: was schiefging, in den Worten eines fehlgeschlagenen Aufrufs.
review-check-failed = Es konnte nicht geprüft werden, was Command Center jetzt hat: { $reason }
# $field: die Beschriftung der Einstellung; $error: was daran falsch ist.
review-merge-problem = Ihre Änderungen lassen sich nicht unverändert auf die aktuellen Einstellungen anwenden. { $field }: { $error } Kehren Sie zum Formular zurück, um das zu korrigieren.
value-empty = (leer)
value-on = Ein
value-off = Aus
password-changed = geändert
password-saved = gespeichert
password-saved-elsewhere = gespeichert, für den Server, für den es gespeichert wurde
password-typed-again = für die neue Verbindung erneut eingegeben

## Erneute Anmeldung nach HTTP 401

reauth-title = Erneut anmelden
reauth-reason = Command Center hat das Token nicht akzeptiert (HTTP 401): Die Sitzung ist abgelaufen, oder das Token wurde widerrufen. Melden Sie sich erneut an, um fortzufahren; Ihre Eingaben im Formular bleiben erhalten, und die Aktion wird wiederholt.

## Wenn ein Aufruf fehlschlägt: was geschah, was nicht ausgeführt wurde, was zu tun ist

error-unreachable = Command Center unter { $base_url } war nicht erreichbar ({ $detail }). Prüfen Sie die API-Basis-URL, ob Command Center (oder der vorgeschaltete Proxy) läuft und ob dieser Computer es erreichen kann.
error-cors = Der Browser hat die Antwort von Command Center unter { $base_url } blockiert: Command Center erlaubt keine Aufrufe vom Ursprung dieser Seite ({ $page_origin }) (CORS). Stellen Sie diese Seite entweder unter derselben Adresse wie Command Center bereit (z. B. hinter demselben Reverseproxy), oder lassen Sie Command Center oder dessen Proxy { $page_origin } mit den Headern Authtoken und Content-Type zulassen.
error-csp = Die Content-Security-Policy dieser Seite erlaubt keine Verbindung mit { $origin } ({ $directive }), daher hat der Browser die Anfrage an { $base_url } nicht gesendet. Fügen Sie { $origin } zu { $directive } im Content-Security-Policy-Header hinzu, den der Webserver mit dieser Seite sendet, oder verwenden Sie eine API-Basis-URL auf einem bereits erlaubten Ursprung.
error-mixed-content = Diese Seite wird über https bereitgestellt ({ $page_origin }), die API-Basis-URL { $base_url } verwendet jedoch http: Browser blockieren solche Aufrufe (gemischte Inhalte). Verwenden Sie die https-Adresse von Command Center.
error-timed-out = { $seconds ->
    [one] Command Center hat nicht innerhalb von 1 Sekunde geantwortet. Es ist möglicherweise ausgelastet oder wegen einer Firewall oder eines VPN nicht erreichbar; versuchen Sie es erneut, oder erhöhen Sie requestTimeoutSeconds in config.json.
   *[other] Command Center hat nicht innerhalb von { $seconds } Sekunden geantwortet. Es ist möglicherweise ausgelastet oder wegen einer Firewall oder eines VPN nicht erreichbar; versuchen Sie es erneut, oder erhöhen Sie requestTimeoutSeconds in config.json.
}
error-cancelled = Abgebrochen.
error-not-sent = Der Browser konnte die Anfrage nicht senden ({ $detail }). Prüfen Sie die API-Basis-URL.
error-unauthorized = Command Center hat das Zugriffstoken nicht akzeptiert (HTTP 401): Es ist falsch oder abgelaufen. Melden Sie sich erneut an, oder fügen Sie ein gültiges Token ein.
error-forbidden = Command Center hat den Zugriff verweigert (HTTP 403).
error-forbidden-said = Command Center hat den Zugriff verweigert (HTTP 403): { $message }.
advice-forbidden = Dieser Benutzer darf die Einstellungen des E-Mail-Servers nicht verwalten: Melden Sie sich als Benutzer mit dieser Berechtigung an.
error-not-found = Die E-Mail-Server-API von Command Center wurde unter { $base_url } nicht gefunden (HTTP 404).
error-not-found-said = Die E-Mail-Server-API von Command Center wurde unter { $base_url } nicht gefunden (HTTP 404): { $message }.
advice-not-found = Prüfen Sie die API-Basis-URL (sie endet meist auf /commandcenter/api); auch ein älteres Command Center ohne V4-API antwortet so.
error-bad-request = Command Center hat die Anfrage abgelehnt (HTTP 400).
error-bad-request-said = Command Center hat die Anfrage abgelehnt (HTTP 400): { $message }.
error-rejected-login = Command Center hat die Anmeldung abgelehnt (Fehlercode { $code }).
error-rejected-login-said = Command Center hat die Anmeldung abgelehnt: { $message } (Fehlercode { $code }).
error-rejected-load = Command Center hat die Einstellungen nicht zurückgegeben (Fehlercode { $code }).
error-rejected-load-said = Command Center hat die Einstellungen nicht zurückgegeben: { $message } (Fehlercode { $code }).
error-rejected-save = Command Center hat die Einstellungen abgelehnt (Fehlercode { $code }).
error-rejected-save-said = Command Center hat die Einstellungen abgelehnt: { $message } (Fehlercode { $code }).
error-rejected-test = Die Test-E-Mail ist fehlgeschlagen (Fehlercode { $code }).
error-rejected-test-said = Die Test-E-Mail ist fehlgeschlagen: { $message } (Fehlercode { $code }).
error-server = In Command Center ist ein Fehler aufgetreten (HTTP { $status }).
error-server-said = In Command Center ist ein Fehler aufgetreten (HTTP { $status }): { $message }.
advice-server = Command Center oder ein vorgeschalteter Proxy hat ein Problem; versuchen Sie es in einigen Minuten erneut.
error-status = Command Center hat mit HTTP { $status } geantwortet.
error-status-said = Command Center hat mit HTTP { $status } geantwortet: { $message }.
error-unreadable = Die Antwort (HTTP { $status }) stammt nicht von der API von Command Center: Prüfen Sie, ob die API-Basis-URL darauf verweist.
# So wird die HTML-Fehlerseite eines Proxys statt ihres Markups bezeichnet.
server-html-page = eine HTML-Seite mit dem Titel „{ $title }“
consequence-login = Sie sind nicht angemeldet.
consequence-load = Die aktuellen Einstellungen wurden nicht geladen.
consequence-save = Es wurde nichts gespeichert.
consequence-recheck = Ihre Änderungen wurden nicht mit den aktuellen Einstellungen in Command Center verglichen.
consequence-read-back = Laden Sie die Seite neu, um zu sehen, was Command Center hat.
consequence-test = Es wurde keine Test-E-Mail gesendet.
# Nach einem Timeout oder einer unlesbaren Antwort ist das Speichern möglicherweise angekommen.
consequence-save-unknown = Ob die Einstellungen gespeichert wurden, ist unklar: Laden Sie die Seite neu, um nachzusehen.
consequence-save-cancelled = Die Anfrage hat Command Center möglicherweise bereits erreicht: Laden Sie die Seite neu, um zu sehen, was gespeichert ist.
retry-login = Prüfen Sie Benutzername und Kennwort, und versuchen Sie es erneut.
retry-load = Versuchen Sie es erneut, oder beginnen Sie mit einem leeren Formular.
retry-save = Korrigieren Sie die Einstellungen, und speichern Sie erneut.
retry-recheck = Wählen Sie „Trotzdem speichern“, um Ihre Änderungen ungeprüft zu senden, oder kehren Sie zurück und speichern Sie später erneut.
retry-test = Korrigieren Sie die Einstellungen, und senden Sie die Test-E-Mail erneut.
# Nach einer fehlgeschlagenen Test-E-Mail mit einer bekannten Serverantwort: was zu tun ist.
advice-microsoft-smtp-auth-off = Exchange Online lehnt SMTP AUTH mit Kennwort für diesen Mandanten oder dieses Postfach ab: Lassen Sie SMTP AUTH für das Postfach wieder aktivieren, oder senden Sie über ein SMTP-Relay oder einen Connector.
advice-microsoft-not-authenticated = Exchange Online verlangt eine Anmeldung: Aktivieren Sie „Der E-Mail-Server erfordert eine Anmeldung“ mit Benutzername und Kennwort des Postfachs, oder verwenden Sie einen Connector, der E-Mails von der Adresse von Command Center annimmt.
advice-google-app-password = Google verlangt ein App-Passwort, nicht das Kennwort des Kontos: Erstellen Sie eines (dafür ist die Bestätigung in zwei Schritten nötig), und geben Sie es als Kennwort ein.
advice-google-bad-credentials = Google hat Benutzername und Kennwort abgelehnt: Der Benutzername ist die vollständige Adresse, und das Kennwort muss ein App-Passwort sein.
advice-relay-denied = Der E-Mail-Server leitet für diesen Absender keine E-Mails weiter: Melden Sie sich mit einem Konto an, das senden darf, lassen Sie das Relay die Adresse von Command Center annehmen, oder verwenden Sie eine Absenderadresse aus der Domäne des Servers.
advice-starttls-required = Der E-Mail-Server verlangt eine verschlüsselte Verbindung: Wählen Sie TLS (STARTTLS), meist auf Port 587.
advice-tls = Die verschlüsselte Verbindung ist fehlgeschlagen: Prüfen Sie, ob die Verschlüsselung zum Port passt (TLS auf 587, SSL auf 465) und ob das Zertifikat des Servers für dessen Namen gültig ist und Command Center ihm vertraut.
advice-unknown-host = Command Center konnte diesen Servernamen nicht finden: Prüfen Sie die Schreibweise und ob das von Command Center verwendete DNS den Namen kennt.
advice-refused = Auf diesem Port hat nichts die Verbindung angenommen: Prüfen Sie Port und Verschlüsselung und ob eine Firewall zwischen Command Center und dem E-Mail-Server die Verbindung blockiert.
advice-timed-out = Der E-Mail-Server hat nicht geantwortet: Möglicherweise verwirft eine Firewall die Verbindung, oder das Netzwerk sperrt den Port (viele sperren Port 25); prüfen Sie Server und Port.
login-refused = Command Center hat die Anmeldung abgelehnt.
login-refused-status = Command Center hat die Anmeldung abgelehnt (HTTP { $status }).
login-refused-said = Command Center hat die Anmeldung abgelehnt: { $message }.
login-refused-said-code = Command Center hat die Anmeldung abgelehnt: { $message } (Fehlercode { $code }).
