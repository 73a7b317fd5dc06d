# The page's words, in English: every label, hint, message and sentence the page shows, and
# nothing else. The format is Fluent (https://projectfluent.org/fluent/guide/), which translation
# tools and crates take as it is. build.rs turns each message into a Rust function of
# `crate::words::catalog` (a message the code asks for that is not here is a build error); the
# messages of index.html and startup/early.js are checked against these by a tidy test.
#
# Placeholders are Fluent variables: { $host }, { $seconds }. Product and protocol names
# (Command Center, SMTP, TLS, STARTTLS) stay as they are in every language, and so does whatever
# a server answered: it only ever arrives in a variable.

## The page and its sign-in, before and after the app runs (index.html, startup/early.js)

page-title = Email server
# The document's title: the page's heading (config.json's `title`, or page-title), then the product.
document-title = { $title } · Command Center
page-lead = Command Center sends alerts, scheduled reports and log files through this mail server.
sign-in-title = Sign in to Command Center
sign-in-with = Sign in with
sign-in-mode-user = A Command Center user
sign-in-mode-token = An access token
button-sign-in = Sign in
button-use-token = Use this token
button-signing-in = Signing in…
button-cancel = Cancel
button-show = Show
button-hide = Hide
noscript = This page needs JavaScript and WebAssembly. Enable them, or configure the email server in Command Center's own console.
portal-connecting-title = Connecting to the portal…
portal-connecting-waiting = Waiting for the portal to hand over its Command Center session.
sign-in-reading-settings = Reading the page's settings…
field-api-base-url = API base URL
field-api-base-url-hint = Where this browser reaches Command Center's REST API, usually /commandcenter/api on the same server.
field-login-user = User name
field-login-password = Password
field-access-token = Access token
field-access-token-hint = An API access token or key created in Command Center. It stays in this tab's memory only.

## Starting the page (startup/early.js)

start-loading = Loading the page…
start-starting = Starting the page…
start-stalled = The connection seems stalled: nothing has arrived for { $seconds } seconds. The page still starts if the rest comes, and keeps what you typed; Reload starts over, and may lose it.
start-reload = Reload
start-failed-title = This page could not start
start-failed-load = It could not load { $url }.
start-failed-load-status = It could not load { $url } (HTTP { $status }).
start-failed-error = It stopped with an error ({ $error }).
start-failed-browser = It cannot run in this browser.
start-failed-advice = Reload the page. If that does not help, the web server may not be serving all of the page's files, its Content-Security-Policy may lack 'wasm-unsafe-eval' in script-src, or this browser may be too old: the page needs Chrome or Edge 97, Firefox 102 or Safari 16, or newer.
page-error = Something went wrong inside this page and it may stop responding. Reload the page to start again; nothing was saved unless the page said so. (The details are in the browser's developer console.)

## config.json

config-problem = { $problem } The page uses the default API base URL.
config-http = config.json could not be loaded (HTTP { $status }).
config-unavailable = config.json could not be loaded ({ $reason }).
config-reason-timed-out = { $seconds ->
    [one] no answer within 1 second
   *[other] no answer within { $seconds } seconds
}
config-reason-broke-off = HTTP { $status }, the answer broke off
config-reason-failed = the request failed
# $error is the JSON parser's own description of the problem.
config-not-json = config.json is not valid: { $error }.
config-invalid = config.json is not valid: { $problem }.
config-api-base-url = apiBaseUrl: { $error }
config-timeout-range = requestTimeoutSeconds must be 1 to { $max }
config-origin = embedding.allowedParentOrigins: “{ $origin }” is not an origin: { $problem }
config-title-length = title must be 1 to { $max } characters
config-title-line = title must be one line, without control characters
config-language = language: “{ $tag }” is not a language this page has ({ $languages })
config-theme-type = config.json's themeStylesheet is not text: the page uses its own colours.
config-theme-elsewhere = config.json's themeStylesheet, “{ $url }”, is not on this page's own server, and only a stylesheet from there may style it: the page uses its own colours.
config-theme-failed = The stylesheet of config.json's themeStylesheet, “{ $url }”, could not be loaded: the page uses its own colours.
origin-scheme = it must start with https:// or http://
origin-path = an origin has no path, query, fragment or user: write it as https://host
origin-wildcard = wildcards are not allowed: list each origin
origin-port = write it as https://host or https://host:port
origin-default-port = leave out the scheme's default port, as browsers do
origin-host = the host must be a lower-case name or an IP address

## Who is signed in

session-login = Signed in as { $user }
session-token = Signed in with an access token
session-portal = Signed in through { $origin }
button-sign-out = Sign out
button-signing-out = Signing out…

## The language menu

language-label = Language
language-failed = The page stays in English: its { $language } words could not be used ({ $reason }). Reload the page to try again.
language-reason-http = HTTP { $status }
language-reason-unavailable = the request failed
language-reason-too-large = the file is too large
language-reason-not-fluent = the file is not a Fluent catalog: { $error }
language-reason-incomplete = the file lacks messages, such as { $ids }

## The fields: labels and hints

legend-mail-server = Mail server
field-provider = Provider
field-provider-hint = Fills in the server, port and encryption its documentation gives.
provider-other = Another mail server
provider-microsoft-365 = Microsoft 365 (Exchange Online)
provider-google = Google Workspace or Gmail
provider-amazon-ses = Amazon SES, { $name } ({ $region })
provider-sendgrid = SendGrid
provider-mailgun = Mailgun (US)
provider-mailgun-eu = Mailgun (EU)
provider-local-relay = A relay on the local network (port 25, no encryption)
field-smtp-server = SMTP server
field-smtp-server-hint = Host name or IP address, without http:// or a port.
field-smtp-port = SMTP port
field-smtp-port-hint = Usually 25, 587 (TLS) or 465 (SSL).
# When the port is the administrator's or Command Center's, and not the usual one.
field-smtp-port-usual = The usual port with { $encryption } is { $port }.
field-encryption = Encryption
field-encryption-hint = Use what the mail server offers; TLS upgrades the connection with STARTTLS.
encryption-none = None
encryption-tls = TLS (STARTTLS)
encryption-ssl = SSL
legend-sender = Sender
field-sender-email = Sender email
field-sender-email-hint = The From address of every mail Command Center sends.
field-sender-name = Sender name
field-sender-name-hint = Shown to recipients as the sender, for example Backup alerts.
legend-authentication = Authentication
field-authentication = The mail server requires sign-in
field-authentication-hint = Turn on when the mail server only accepts mail after signing in.
field-username = Username
field-password = Password
field-password-saved-hint = Saved password kept unless you type a new one.
password-withheld-server = The server changed: type the password again. The saved password only goes to the server it was saved for.
password-withheld-port = The port changed: type the password again. The saved password only goes to the server and port it was saved for.
password-withheld-encryption = Encryption is now off: type the password again if it may cross the network unencrypted. The saved one was only sent encrypted.

## A field's warning or note, under it: the settings can still be saved and tested

# The first word of each, so that the two are told apart by more than their colour.
warning-label = Warning:
note-label = Note:
warning-port-465-tls = Port 465 expects SSL, a connection encrypted from the start; with TLS (STARTTLS) the usual port is 587.
warning-port-587-ssl = Port 587 expects TLS (STARTTLS); with SSL the usual port is 465.
warning-sign-in-unencrypted = Without encryption the user name and password cross the network readable: choose TLS or SSL if the mail server offers it.
warning-microsoft-365 = From the end of December 2026 Exchange Online has SMTP AUTH with a password turned off by default for existing tenants (it can be turned back on; tenants created after that have it off; its removal is to be announced in the second half of 2027). Command Center sends only a user name and password, so send through an SMTP relay or connector, or have SMTP AUTH turned on again for this mailbox.
note-google-app-password = Google takes only an app password here: 16 letters, made in the Google account's security settings. It needs 2-Step Verification, and a work account's administrator may have turned app passwords off.
warning-google-app-password = This is not an app password, the only password Google takes here: an app password has 16 letters (spaces do not count). It needs 2-Step Verification, and a work account's administrator may have turned app passwords off.

## A field's error, under it

required-login-user = Enter your Command Center user name.
required-login-password = Enter your Command Center password.
required-access-token = Enter the access token.
required-api-base-url = Enter the API base URL, for example /commandcenter/api.
required-smtp-server = Enter the SMTP server name or IP address.
required-smtp-port = Enter the SMTP port, a number from 1 to 65535.
required-sender-email = Enter the sender email address.
required-sender-name = Enter the sender name.
required-username = Enter the user name the mail server expects.
required-value = Enter a value.
error-too-long = Use at most { $max } characters.
error-control-character = Remove the line break or control character: they are not allowed here.
error-port-not-a-number = Use digits only: a port is a number from 1 to 65535.
error-port-out-of-range = Enter a port number from 1 to 65535.
error-host-scheme = Enter the server name only, without “{ $scheme }://”.
error-host-path = Enter the server name only, without a path (“/…”).
error-host-space = A server name cannot contain spaces.
error-host-port = Put the port in the SMTP port field, not after the server name.
error-host-character = “{ $character }” cannot be part of a server name: use letters, digits, hyphens and dots.
error-host-not-ascii = Use the ASCII form of an international server name (it starts with “xn--”).
error-host-empty-label = A server name cannot start with a dot or have two dots in a row.
error-host-label-too-long = Each part of a server name between dots has at most 63 characters.
error-host-label-hyphen = A part of a server name cannot start or end with a hyphen.
error-host-ipv4 = This is not a valid IPv4 address: it needs four numbers from 0 to 255, like 192.0.2.25.
error-host-bracketed-ipv6 = Enter the IPv6 address without the square brackets.
error-email-missing-at = Enter an email address like alerts@example.com.
error-email-several-at = An email address has only one “@”.
error-email-space = An email address cannot contain spaces.
error-email-local-part = The part before “@” is not valid in an email address: use letters, digits and . _ + - without two dots in a row.
error-email-local-part-too-long = The part before “@” of an email address has at most 64 characters.
error-email-domain = The part after “@” must be a domain name, as in alerts@example.com.
error-password-missing = Enter the password for this user name, or turn off sign-in if the mail server does not need it.
error-password-for-test = Type the password to test with a changed user name: the saved password belongs to the saved user name.
error-token-character = An access token has only letters, digits, spaces and ASCII punctuation: copy it again.
error-base-url = Enter an address that starts with https://, http:// or /, without spaces, “?” or “#”, like /commandcenter/api.

## Loading the settings

load-loading = Loading the current settings…
load-configured = Loaded the current settings from Command Center.
load-not-configured = No mail server is configured in Command Center yet: fill in the form and save.
load-started-empty = Starting from an empty form: saving will configure the mail server from scratch.
button-load-retry = Try again
button-load-start-empty = Start from an empty form

## Save and Send test email

button-save = Save
button-saving = Saving…
button-discard = Discard changes
button-send-test = Send test email
button-sending = Sending…
off-loading = Save and Send test email are off until the current settings have loaded.
off-load-failed = Save is off because the current settings did not load: choose Try again or Start from an empty form above.
off-saving = Send test email is off until the save has finished.
off-testing = Save is off until the test email has been sent.
off-unchanged = Save is off: nothing differs from what Command Center has.
off-reading = Save and Send test email are off until Command Center's settings have been read.
send-test-note = The test email uses the settings above without saving them, and goes to the email address of the Command Center user you are signed in as.
send-test-note-to = The test email uses the settings above without saving them, and goes to { $address }, the address of the Command Center user you are signed in as.
status-saved = Email server settings saved. Command Center now sends mail through { $server }:{ $port }.
status-saved-reading = Reading them back to check that Command Center kept them…
status-saved-checked = Saved and checked: Command Center now has these settings, and sends mail through { $server }:{ $port }.
# $list: one not-kept-item per setting, separated by semicolons.
status-saved-not-kept = Saved, but Command Center did not keep everything it was sent: { $list }. The form shows what Command Center has.
not-kept-item = { $field } was sent as { $sent }, Command Center has { $kept }
# $reason: what went wrong, in the words of a failed call.
status-saved-unchecked = Saved. Could not read the settings back to check them: { $reason }
status-theirs-loaded = Your changes were discarded: the form shows the settings Command Center has now.
status-saved-elsewhere-loaded = { $count ->
    [0] Loaded the settings another tab saved: they are the ones this page had.
    [one] Loaded the settings another tab saved: one setting had changed.
   *[other] Loaded the settings another tab saved: { $count } settings had changed.
}
# $list: one kept-mine-item per setting, separated by semicolons.
status-saved-elsewhere-kept = Where you had typed something else, your value stays in the form: { $list }.
kept-mine-item = { $field } (saved there: { $now })
status-test-sent = Test email sent to the email address of the Command Center user you are signed in as. If it does not arrive, check that mailbox's spam folder. The settings were not saved.
status-test-sent-to = Test email sent to { $address }. If it does not arrive, check that mailbox's spam folder. The settings were not saved.
status-invalid-save = { $count ->
    [one] Fix the highlighted field before saving: nothing was sent.
   *[other] Fix the { $count } highlighted fields before saving: nothing was sent.
}
status-invalid-test = { $count ->
    [one] Fix the highlighted field before sending a test email: nothing was sent.
   *[other] Fix the { $count } highlighted fields before sending a test email: nothing was sent.
}

## Another tab of this page saved

saved-elsewhere = Saved in another tab: Command Center's settings may no longer be the ones this page loaded.
button-load-saved = Load the saved settings

## The review before saving

review-title = Review the changes
review-update = { $count ->
    [one] Command Center's email server will be updated: { $count } setting change.
   *[other] Command Center's email server will be updated: { $count } settings change.
}
review-configure = { $count ->
    [one] Command Center's email server will be configured with this { $count } setting.
   *[other] Command Center's email server will be configured with these { $count } settings.
}
review-setting = Setting
review-now = Now
review-after = After saving
button-back = Back to the form
button-confirm = Confirm
button-apply-mine = Apply my changes to the current settings
button-load-theirs = Discard mine and load theirs
button-save-anyway = Save anyway
review-checking = Checking that Command Center still has the settings this page loaded…
review-waiting = Confirm goes ahead as soon as Command Center's current settings have been read…
review-unchanged = Command Center still has the settings this page loaded.
review-changed-title = Changed in Command Center since you loaded this page
review-changed-lead = Someone changed these settings meanwhile. Applying your changes keeps theirs, except where you changed a setting too: there yours is saved.
review-when-loaded = When loaded
review-now-there = Now in Command Center
review-yours = Yours
review-both-changed = changed by both: yours is saved
# $reason: what went wrong, in the words of a failed call.
review-check-failed = Could not check what Command Center has now: { $reason }
# $field: the setting's label; $error: what is wrong with it.
review-merge-problem = Your changes cannot go onto the current settings as they are. { $field }: { $error } Go back to the form to fix it.
value-empty = (empty)
value-on = On
value-off = Off
password-changed = changed
password-saved = saved
password-saved-elsewhere = saved, for the server it was saved for
password-typed-again = typed again for the new connection

## Signing in again after a 401

reauth-title = Sign in again
reauth-reason = Command Center did not accept the token (HTTP 401): the session has expired or the token was revoked. Sign in again to continue; what you typed in the form is kept and the action is retried.

## When a call fails: what happened, then what was not done, then what to do

error-unreachable = Could not reach Command Center at { $base_url } ({ $detail }). Check the API base URL, that Command Center (or the proxy in front of it) is running, and that this computer can reach it.
error-cors = The browser blocked the answer from Command Center at { $base_url }: it does not allow calls from this page's origin ({ $page_origin }) (CORS). Either serve this page from the same address as Command Center (for example behind the same reverse proxy), or have Command Center or its proxy allow { $page_origin } with the Authtoken and Content-Type headers.
error-csp = This page's Content-Security-Policy does not allow it to connect to { $origin } ({ $directive }), so the browser did not send the request to { $base_url }. Add { $origin } to { $directive } in the Content-Security-Policy header that the web server sends with this page, or use an API base URL on an origin it already allows.
error-mixed-content = This page is served over https ({ $page_origin }) and the API base URL { $base_url } is http: browsers block such calls (mixed content). Use the https address of Command Center.
error-timed-out = { $seconds ->
    [one] Command Center did not answer within 1 second. It may be busy or unreachable through a firewall or VPN; try again, or raise requestTimeoutSeconds in config.json.
   *[other] Command Center did not answer within { $seconds } seconds. It may be busy or unreachable through a firewall or VPN; try again, or raise requestTimeoutSeconds in config.json.
}
error-cancelled = Cancelled.
error-not-sent = The browser could not send the request ({ $detail }). Check the API base URL.
error-unauthorized = Command Center did not accept the access token (HTTP 401): it is wrong or has expired. Sign in again or paste a valid token.
error-forbidden = Command Center refused access (HTTP 403).
error-forbidden-said = Command Center refused access (HTTP 403): { $message }.
advice-forbidden = This user may not manage the email server settings: sign in as a user with that permission.
error-not-found = Command Center's email server API was not found at { $base_url } (HTTP 404).
error-not-found-said = Command Center's email server API was not found at { $base_url } (HTTP 404): { $message }.
advice-not-found = Check the API base URL (it usually ends in /commandcenter/api); an older Command Center without the V4 API answers this too.
error-bad-request = Command Center rejected the request (HTTP 400).
error-bad-request-said = Command Center rejected the request (HTTP 400): { $message }.
error-rejected-login = Command Center refused the sign-in (error code { $code }).
error-rejected-login-said = Command Center refused the sign-in: { $message } (error code { $code }).
error-rejected-load = Command Center did not return the settings (error code { $code }).
error-rejected-load-said = Command Center did not return the settings: { $message } (error code { $code }).
error-rejected-save = Command Center refused the settings (error code { $code }).
error-rejected-save-said = Command Center refused the settings: { $message } (error code { $code }).
error-rejected-test = The test email failed (error code { $code }).
error-rejected-test-said = The test email failed: { $message } (error code { $code }).
error-server = Command Center failed (HTTP { $status }).
error-server-said = Command Center failed (HTTP { $status }): { $message }.
advice-server = Command Center or a proxy in front of it has a problem; try again in a few minutes.
error-status = Command Center answered HTTP { $status }.
error-status-said = Command Center answered HTTP { $status }: { $message }.
error-unreadable = The answer (HTTP { $status }) did not come from Command Center's API: check that the API base URL points to it.
# What a proxy's HTML error page is called in place of its markup.
server-html-page = an HTML page titled “{ $title }”
consequence-login = You are not signed in.
consequence-load = The current settings were not loaded.
consequence-save = Nothing was saved.
consequence-recheck = Your changes were not compared with the settings Command Center has now.
consequence-read-back = Load the page again to see what Command Center has.
consequence-test = No test email was sent.
# After a timeout or an unreadable answer, the save may have arrived.
consequence-save-unknown = The settings may or may not have been saved: reload the page to see.
consequence-save-cancelled = The request may already have reached Command Center: reload the page to see what is saved.
retry-login = Check the user name and password and try again.
retry-load = Try again, or start from an empty form.
retry-save = Correct the settings and save again.
retry-recheck = Save anyway to send your changes unchecked, or go back and save again later.
retry-test = Correct the settings and send the test email again.
# After a failed test mail whose reply the page knows: what to do about it.
advice-microsoft-smtp-auth-off = Exchange Online refuses SMTP AUTH with a password for this tenant or mailbox: have SMTP AUTH turned on again for the mailbox, or send through an SMTP relay or connector.
advice-microsoft-not-authenticated = Exchange Online wants a sign-in: turn on "The mail server requires sign-in" with the mailbox's user name and password, or use a connector that accepts mail from Command Center's address.
advice-google-app-password = Google wants an app password, not the account's own password: make one (it needs 2-Step Verification) and type it as the password.
advice-google-bad-credentials = Google refused the user name and password: the user name is the full address, and the password must be an app password.
advice-relay-denied = The mail server does not pass mail on for this sender: sign in with an account that may send, have the relay accept Command Center's address, or use a sender address of the server's own domain.
advice-starttls-required = The mail server wants an encrypted connection: choose TLS (STARTTLS), usually on port 587.
advice-tls = The encrypted connection failed: check that the encryption matches the port (TLS on 587, SSL on 465) and that the server's certificate is valid for its name and trusted by Command Center.
advice-unknown-host = Command Center could not find this server name: check its spelling, and that the DNS Command Center uses knows it.
advice-refused = Nothing took the connection on that port: check the port and the encryption, and that no firewall between Command Center and the mail server blocks it.
advice-timed-out = The mail server did not answer: a firewall may drop the connection, or the network may block the port (many block 25); check the server and the port.
login-refused = Command Center refused the sign-in.
login-refused-status = Command Center refused the sign-in (HTTP { $status }).
login-refused-said = Command Center refused the sign-in: { $message }.
login-refused-said-code = Command Center refused the sign-in: { $message } (error code { $code }).
