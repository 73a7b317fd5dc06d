# Catalogue français de la page (French catalog of the page's words).
# Same message ids, in the same order, and the same variables per message as locales/en/page.ftl:
# a test checks this. Fluent format (https://projectfluent.org/fluent/guide/). Product and protocol
# names (Command Center, SMTP, TLS, STARTTLS...), config keys and whatever a server answers stay as
# they are.
#
# Terminology sources:
# - Commvault's French (localized) documentation could not be found: only English Commvault pages
#   turned up (documentation.commvault.com). Commvault terms were therefore not available in French.
# - Microsoft French terminology (Microsoft Language Portal conventions): Se connecter, Annuler,
#   Enregistrer, Nom d'utilisateur, Mot de passe, Adresse e-mail, Serveur de messagerie,
#   Chiffrement, Authentification; « Jeton d'accès » as in
#   https://learn.microsoft.com/fr-fr/azure/active-directory/develop/developer-glossary
#   Exchange Online terms (locataire, boîte aux lettres, connecteur, relais SMTP) follow common
#   Microsoft French usage; no specific Microsoft page was consulted for them.
# - Google's French help for « mot de passe d'application » and « validation en deux étapes »:
#   https://support.google.com/accounts/answer/1070455?hl=fr

## La page et sa connexion, avant et après le démarrage de l'application (index.html, startup/early.js)

page-title = Serveur de messagerie
# Titre du document : le titre de la page (`title` de config.json, ou page-title), puis le produit.
document-title = { $title } · Command Center
page-lead = Command Center envoie les alertes, les rapports planifiés et les fichiers journaux via ce serveur de messagerie.
sign-in-title = Se connecter à Command Center
sign-in-with = Se connecter avec
sign-in-mode-user = Un utilisateur Command Center
sign-in-mode-token = Un jeton d'accès
button-sign-in = Se connecter
button-use-token = Utiliser ce jeton
button-signing-in = Connexion en cours…
button-cancel = Annuler
button-show = Afficher
button-hide = Masquer
noscript = Cette page nécessite JavaScript et WebAssembly. Activez-les, ou configurez le serveur de messagerie dans la console de Command Center.
portal-connecting-title = Connexion au portail…
portal-connecting-waiting = En attente de la session Command Center que doit transmettre le portail.
sign-in-reading-settings = Lecture des paramètres de la page…
field-api-base-url = URL de base de l'API
field-api-base-url-hint = Adresse où ce navigateur joint l'API REST de Command Center, en général /commandcenter/api sur le même serveur.
field-login-user = Nom d'utilisateur
field-login-password = Mot de passe
field-access-token = Jeton d'accès
field-access-token-hint = Un jeton d'accès ou une clé d'API créés dans Command Center. Conservé uniquement dans la mémoire de cet onglet.

## Démarrage de la page (startup/early.js)

start-loading = Chargement de la page…
start-starting = Démarrage de la page…
start-stalled = La connexion semble bloquée : rien n'est arrivé depuis { $seconds } secondes. La page démarre quand même si la suite arrive, et conserve votre saisie ; Recharger recommence tout et risque de la perdre.
start-reload = Recharger
start-failed-title = Cette page n'a pas pu démarrer
start-failed-load = Elle n'a pas pu charger { $url }.
start-failed-load-status = Elle n'a pas pu charger { $url } (HTTP { $status }).
start-failed-error = Elle s'est arrêtée sur une erreur ({ $error }).
start-failed-browser = Elle ne peut pas fonctionner dans ce navigateur.
start-failed-advice = Rechargez la page. Si cela ne suffit pas, le serveur web ne sert peut-être pas tous les fichiers de la page, son en-tête Content-Security-Policy n'a peut-être pas 'wasm-unsafe-eval' dans script-src, ou ce navigateur est peut-être trop ancien : la page nécessite Chrome ou Edge 97, Firefox 102 ou Safari 16, ou une version plus récente.
page-error = Un problème est survenu dans cette page, qui risque de ne plus répondre. Rechargez la page pour recommencer ; rien n'a été enregistré, sauf si la page l'a indiqué. (Les détails figurent dans la console de développement du navigateur.)

## config.json

config-problem = { $problem } La page utilise l'URL de base de l'API par défaut.
config-http = Impossible de charger config.json (HTTP { $status }).
config-unavailable = Impossible de charger config.json ({ $reason }).
config-reason-timed-out = { $seconds ->
    [one] aucune réponse en { $seconds } seconde
   *[other] aucune réponse en { $seconds } secondes
}
config-reason-broke-off = HTTP { $status }, la réponse s'est interrompue
config-reason-failed = la requête a échoué
# $error est la description du problème donnée par l'analyseur JSON lui-même.
config-not-json = config.json n'est pas valide : { $error }.
config-invalid = config.json n'est pas valide : { $problem }.
config-api-base-url = apiBaseUrl : { $error }
config-timeout-range = requestTimeoutSeconds doit être compris entre 1 et { $max }
config-origin = embedding.allowedParentOrigins : « { $origin } » n'est pas une origine : { $problem }
config-title-length = title doit comporter entre 1 et { $max } caractères
config-title-line = title doit tenir sur une seule ligne, sans caractères de contrôle
config-language = language : « { $tag } » n'est pas une langue de cette page ({ $languages })
config-theme-type = Le themeStylesheet de config.json n'est pas du texte : la page utilise ses propres couleurs.
config-theme-elsewhere = Le themeStylesheet de config.json, « { $url } », n'est pas sur le serveur de cette page, et seule une feuille de style de ce serveur peut la mettre en forme : la page utilise ses propres couleurs.
config-theme-failed = Impossible de charger la feuille de style du themeStylesheet de config.json, « { $url } » : la page utilise ses propres couleurs.
origin-scheme = elle doit commencer par https:// ou http://
origin-path = une origine n'a ni chemin, ni requête, ni fragment, ni utilisateur : écrivez-la sous la forme https://hôte
origin-wildcard = les caractères génériques ne sont pas autorisés : indiquez chaque origine
origin-port = écrivez-la sous la forme https://hôte ou https://hôte:port
origin-default-port = omettez le port par défaut du schéma, comme le font les navigateurs
origin-host = l'hôte doit être un nom en minuscules ou une adresse IP

## Utilisateur connecté

session-login = Connecté en tant que { $user }
session-token = Connecté avec un jeton d'accès
session-portal = Connecté via { $origin }
button-sign-out = Se déconnecter
button-signing-out = Déconnexion en cours…

## Le menu des langues

language-label = Langue
language-failed = La page reste en anglais : ses textes en { $language } n'ont pas pu être utilisés ({ $reason }). Rechargez la page pour réessayer.
language-reason-http = HTTP { $status }
language-reason-unavailable = la requête a échoué
language-reason-too-large = le fichier est trop volumineux
language-reason-not-fluent = le fichier n'est pas un catalogue Fluent : { $error }
language-reason-incomplete = il manque des messages au fichier, par exemple { $ids }

## Les champs : libellés et aides

legend-mail-server = Serveur de messagerie
field-provider = Fournisseur
field-provider-hint = Renseigne le serveur, le port et le chiffrement indiqués dans sa documentation.
provider-other = Autre serveur de messagerie
provider-microsoft-365 = Microsoft 365 (Exchange Online)
provider-google = Google Workspace ou Gmail
provider-amazon-ses = Amazon SES, { $name } ({ $region })
provider-sendgrid = SendGrid
provider-mailgun = Mailgun (États-Unis)
provider-mailgun-eu = Mailgun (UE)
provider-local-relay = Un relais sur le réseau local (port 25, sans chiffrement)
field-smtp-server = Serveur SMTP
field-smtp-server-hint = Nom d'hôte ou adresse IP, sans http:// ni port.
field-smtp-port = Port SMTP
field-smtp-port-hint = En général 25, 587 (TLS) ou 465 (SSL).
# Quand le port est celui de l'administrateur ou de Command Center, et pas le port habituel.
field-smtp-port-usual = Le port habituel avec { $encryption } est { $port }.
field-encryption = Chiffrement
field-encryption-hint = Choisissez ce que propose le serveur de messagerie ; TLS bascule la connexion en chiffré avec STARTTLS.
encryption-none = Aucun
encryption-tls = TLS (STARTTLS)
encryption-ssl = SSL
legend-sender = Expéditeur
field-sender-email = Adresse e-mail de l'expéditeur
field-sender-email-hint = L'adresse « De » de chaque e-mail envoyé par Command Center.
field-sender-name = Nom de l'expéditeur
field-sender-name-hint = Affiché aux destinataires comme expéditeur, par exemple Alertes de sauvegarde.
legend-authentication = Authentification
field-authentication = Le serveur de messagerie exige l'authentification
field-authentication-hint = Activez si le serveur de messagerie n'accepte les e-mails qu'après authentification.
field-username = Nom d'utilisateur
field-password = Mot de passe
field-password-saved-hint = Le mot de passe enregistré est conservé, sauf si vous en saisissez un nouveau.
password-withheld-server = Le serveur a changé : saisissez à nouveau le mot de passe. Le mot de passe enregistré n'est envoyé qu'au serveur pour lequel il a été enregistré.
password-withheld-port = Le port a changé : saisissez à nouveau le mot de passe. Le mot de passe enregistré n'est envoyé qu'au serveur et au port pour lesquels il a été enregistré.
password-withheld-encryption = Le chiffrement est désormais désactivé : saisissez à nouveau le mot de passe s'il peut transiter en clair sur le réseau. Celui enregistré n'a été envoyé que chiffré.

## Avertissement ou remarque sous un champ : les paramètres peuvent quand même être enregistrés et testés

# Le premier mot de chacun, pour que les deux se distinguent autrement que par leur couleur.
warning-label = Avertissement :
note-label = Remarque :
warning-port-465-tls = Le port 465 attend SSL, une connexion chiffrée dès le début ; avec TLS (STARTTLS), le port habituel est 587.
warning-port-587-ssl = Le port 587 attend TLS (STARTTLS) ; avec SSL, le port habituel est 465.
warning-sign-in-unencrypted = Sans chiffrement, le nom d'utilisateur et le mot de passe transitent en clair sur le réseau : choisissez TLS ou SSL si le serveur de messagerie le propose.
warning-microsoft-365 = À partir de fin décembre 2026, Exchange Online désactive par défaut SMTP AUTH avec mot de passe pour les locataires existants (il peut être réactivé ; les locataires créés après cette date l'ont désactivé ; sa suppression doit être annoncée au second semestre 2027). Command Center n'envoie qu'un nom d'utilisateur et un mot de passe : envoyez donc via un relais ou un connecteur SMTP, ou faites réactiver SMTP AUTH pour cette boîte aux lettres.
note-google-app-password = Google n'accepte ici qu'un mot de passe d'application : 16 lettres, créé dans les paramètres de sécurité du compte Google. Il nécessite la validation en deux étapes, et l'administrateur d'un compte professionnel a pu désactiver les mots de passe d'application.
warning-google-app-password = Ce n'est pas un mot de passe d'application, le seul mot de passe que Google accepte ici : un mot de passe d'application comporte 16 lettres (sans compter les espaces). Il nécessite la validation en deux étapes, et l'administrateur d'un compte professionnel a pu désactiver les mots de passe d'application.

## Erreur sous un champ

required-login-user = Saisissez votre nom d'utilisateur Command Center.
required-login-password = Saisissez votre mot de passe Command Center.
required-access-token = Saisissez le jeton d'accès.
required-api-base-url = Saisissez l'URL de base de l'API, par exemple /commandcenter/api.
required-smtp-server = Saisissez le nom ou l'adresse IP du serveur SMTP.
required-smtp-port = Saisissez le port SMTP, un nombre de 1 à 65535.
required-sender-email = Saisissez l'adresse e-mail de l'expéditeur.
required-sender-name = Saisissez le nom de l'expéditeur.
required-username = Saisissez le nom d'utilisateur attendu par le serveur de messagerie.
required-value = Saisissez une valeur.
error-too-long = Utilisez au maximum { $max } caractères.
error-control-character = Supprimez le saut de ligne ou le caractère de contrôle : ils ne sont pas autorisés ici.
error-port-not-a-number = Utilisez uniquement des chiffres : un port est un nombre de 1 à 65535.
error-port-out-of-range = Saisissez un numéro de port de 1 à 65535.
error-host-scheme = Saisissez uniquement le nom du serveur, sans « { $scheme }:// ».
error-host-path = Saisissez uniquement le nom du serveur, sans chemin (« /… »).
error-host-space = Un nom de serveur ne peut pas contenir d'espaces.
error-host-port = Indiquez le port dans le champ Port SMTP, pas après le nom du serveur.
error-host-character = « { $character } » ne peut pas figurer dans un nom de serveur : utilisez des lettres, des chiffres, des traits d'union et des points.
error-host-not-ascii = Utilisez la forme ASCII d'un nom de serveur international (elle commence par « xn-- »).
error-host-empty-label = Un nom de serveur ne peut pas commencer par un point ni contenir deux points consécutifs.
error-host-label-too-long = Chaque partie d'un nom de serveur entre deux points comporte au maximum 63 caractères.
error-host-label-hyphen = Une partie d'un nom de serveur ne peut pas commencer ni se terminer par un trait d'union.
error-host-ipv4 = Cette adresse IPv4 n'est pas valide : il faut quatre nombres de 0 à 255, par exemple 192.0.2.25.
error-host-bracketed-ipv6 = Saisissez l'adresse IPv6 sans les crochets.
error-email-missing-at = Saisissez une adresse e-mail comme alerts@example.com.
error-email-several-at = Une adresse e-mail ne contient qu'un seul « @ ».
error-email-space = Une adresse e-mail ne peut pas contenir d'espaces.
error-email-local-part = La partie avant « @ » n'est pas valide dans une adresse e-mail : utilisez des lettres, des chiffres et . _ + - sans deux points consécutifs.
error-email-local-part-too-long = La partie avant « @ » d'une adresse e-mail comporte au maximum 64 caractères.
error-email-domain = La partie après « @ » doit être un nom de domaine, comme dans alerts@example.com.
error-password-missing = Saisissez le mot de passe de ce nom d'utilisateur, ou désactivez l'authentification si le serveur de messagerie n'en a pas besoin.
error-password-for-test = Saisissez le mot de passe pour tester avec un nom d'utilisateur modifié : le mot de passe enregistré appartient au nom d'utilisateur enregistré.
error-token-character = Un jeton d'accès ne contient que des lettres, des chiffres, des espaces et de la ponctuation ASCII : copiez-le à nouveau.
error-base-url = Saisissez une adresse qui commence par https://, http:// ou /, sans espaces, « ? » ni « # », par exemple /commandcenter/api.

## Chargement des paramètres

load-loading = Chargement des paramètres actuels…
load-configured = Paramètres actuels chargés depuis Command Center.
load-not-configured = Aucun serveur de messagerie n'est encore configuré dans Command Center : remplissez le formulaire et enregistrez.
load-started-empty = Vous partez d'un formulaire vide : l'enregistrement configurera le serveur de messagerie à partir de zéro.
button-load-retry = Réessayer
button-load-start-empty = Partir d'un formulaire vide

## Enregistrer et Envoyer un e-mail de test

button-save = Enregistrer
button-saving = Enregistrement en cours…
button-discard = Ignorer les modifications
button-send-test = Envoyer un e-mail de test
button-sending = Envoi en cours…
off-loading = Enregistrer et Envoyer un e-mail de test sont désactivés jusqu'au chargement des paramètres actuels.
off-load-failed = Enregistrer est désactivé, car les paramètres actuels n'ont pas été chargés : choisissez Réessayer ou Partir d'un formulaire vide ci-dessus.
off-saving = Envoyer un e-mail de test est désactivé jusqu'à la fin de l'enregistrement.
off-testing = Enregistrer est désactivé jusqu'à l'envoi de l'e-mail de test.
off-unchanged = Enregistrer est désactivé : rien ne diffère des paramètres de Command Center.
off-reading = Enregistrer et Envoyer un e-mail de test sont désactivés jusqu'à la lecture des paramètres de Command Center.
send-test-note = L'e-mail de test utilise les paramètres ci-dessus sans les enregistrer, et est envoyé à l'adresse e-mail de l'utilisateur Command Center sous lequel vous êtes connecté.
send-test-note-to = L'e-mail de test utilise les paramètres ci-dessus sans les enregistrer, et est envoyé à { $address }, l'adresse de l'utilisateur Command Center sous lequel vous êtes connecté.
status-saved = Paramètres du serveur de messagerie enregistrés. Command Center envoie désormais les e-mails via { $server }:{ $port }.
status-saved-reading = Relecture pour vérifier que Command Center les a conservés…
status-saved-checked = Paramètres enregistrés et vérifiés : Command Center les a désormais, et envoie les e-mails via { $server }:{ $port }.
# $list : un not-kept-item par paramètre, séparés par des points-virgules.
status-saved-not-kept = Paramètres enregistrés, mais Command Center n'a pas conservé tout ce qui lui a été envoyé : { $list }. Le formulaire affiche les valeurs de Command Center.
not-kept-item = { $field } : valeur envoyée { $sent }, Command Center a { $kept }
# $reason : ce qui s'est mal passé, dans les termes d'un appel qui a échoué.
status-saved-unchecked = Paramètres enregistrés. Impossible de les relire pour les vérifier : { $reason }
status-theirs-loaded = Vos modifications ont été ignorées : le formulaire affiche les paramètres actuels de Command Center.
status-saved-elsewhere-loaded = { $count ->
    [0] Paramètres enregistrés dans un autre onglet chargés : ce sont ceux que cette page avait.
    [one] Paramètres enregistrés dans un autre onglet chargés : un paramètre avait changé.
   *[other] Paramètres enregistrés dans un autre onglet chargés : { $count } paramètres avaient changé.
}
# $list : un kept-mine-item par paramètre, séparés par des points-virgules.
status-saved-elsewhere-kept = Là où vous aviez saisi autre chose, votre valeur reste dans le formulaire : { $list }.
kept-mine-item = { $field } (valeur enregistrée là-bas : { $now })
status-test-sent = E-mail de test envoyé à l'adresse e-mail de l'utilisateur Command Center sous lequel vous êtes connecté. S'il n'arrive pas, vérifiez le dossier de courrier indésirable de cette boîte aux lettres. Les paramètres n'ont pas été enregistrés.
status-test-sent-to = E-mail de test envoyé à { $address }. S'il n'arrive pas, vérifiez le dossier de courrier indésirable de cette boîte aux lettres. Les paramètres n'ont pas été enregistrés.
status-invalid-save = { $count ->
    [one] Corrigez le champ en surbrillance avant d'enregistrer : rien n'a été envoyé.
   *[other] Corrigez les { $count } champs en surbrillance avant d'enregistrer : rien n'a été envoyé.
}
status-invalid-test = { $count ->
    [one] Corrigez le champ en surbrillance avant d'envoyer un e-mail de test : rien n'a été envoyé.
   *[other] Corrigez les { $count } champs en surbrillance avant d'envoyer un e-mail de test : rien n'a été envoyé.
}

## Un autre onglet de cette page a enregistré

saved-elsewhere = Enregistré dans un autre onglet : les paramètres de Command Center ne sont peut-être plus ceux que cette page a chargés.
button-load-saved = Charger les paramètres enregistrés

## La vérification avant l'enregistrement

review-title = Vérifier les modifications
review-update = { $count ->
    [one] Le serveur de messagerie de Command Center sera mis à jour : { $count } paramètre modifié.
   *[other] Le serveur de messagerie de Command Center sera mis à jour : { $count } paramètres modifiés.
}
review-configure = { $count ->
    [one] Le serveur de messagerie de Command Center sera configuré avec { $count } paramètre, indiqué ci-dessous.
   *[other] Le serveur de messagerie de Command Center sera configuré avec { $count } paramètres, indiqués ci-dessous.
}
review-setting = Paramètre
review-now = Actuel
review-after = Après l'enregistrement
button-back = Retour au formulaire
button-confirm = Confirmer
button-apply-mine = Appliquer mes modifications aux paramètres actuels
button-load-theirs = Ignorer mes modifications et charger les leurs
button-save-anyway = Enregistrer quand même
review-checking = Vérification que Command Center a toujours les paramètres chargés par cette page…
review-waiting = Confirmer prendra effet dès que les paramètres actuels de Command Center auront été lus…
review-unchanged = Command Center a toujours les paramètres chargés par cette page.
review-changed-title = Modifié dans Command Center depuis le chargement de cette page
review-changed-lead = Quelqu'un a modifié ces paramètres entre-temps. Appliquer vos modifications conserve les siennes, sauf là où vous avez aussi modifié un paramètre : c'est alors votre valeur qui est enregistrée.
review-when-loaded = Au chargement
review-now-there = Actuel dans Command Center
review-yours = Votre valeur
review-both-changed = modifié des deux côtés : votre valeur est enregistrée
# $reason : ce qui s'est mal passé, dans les termes d'un appel qui a échoué.
review-check-failed = Impossible de vérifier ce que contient actuellement Command Center : { $reason }
# $field : le libellé du paramètre ; $error : ce qui ne va pas.
review-merge-problem = Vos modifications ne peuvent pas être appliquées telles quelles aux paramètres actuels. { $field } : { $error } Revenez au formulaire pour corriger.
value-empty = (vide)
value-on = Activé
value-off = Désactivé
password-changed = modifié
password-saved = enregistré
password-saved-elsewhere = enregistré, pour le serveur pour lequel il a été enregistré
password-typed-again = saisi à nouveau pour la nouvelle connexion

## Nouvelle connexion après une erreur 401

reauth-title = Se reconnecter
reauth-reason = Command Center n'a pas accepté le jeton (HTTP 401) : la session a expiré ou le jeton a été révoqué. Reconnectez-vous pour continuer ; votre saisie dans le formulaire est conservée et l'action est relancée.

## Quand un appel échoue : ce qui s'est passé, puis ce qui n'a pas été fait, puis que faire

error-unreachable = Impossible de joindre Command Center à { $base_url } ({ $detail }). Vérifiez l'URL de base de l'API, que Command Center (ou le proxy placé devant) fonctionne, et que cet ordinateur peut le joindre.
error-cors = Le navigateur a bloqué la réponse de Command Center à { $base_url } : Command Center n'autorise pas les appels depuis l'origine de cette page ({ $page_origin }) (CORS). Servez cette page depuis la même adresse que Command Center (par exemple derrière le même proxy inverse), ou faites autoriser { $page_origin } par Command Center ou son proxy, avec les en-têtes Authtoken et Content-Type.
error-csp = L'en-tête Content-Security-Policy de cette page ne l'autorise pas à se connecter à { $origin } ({ $directive }) : le navigateur n'a donc pas envoyé la requête à { $base_url }. Ajoutez { $origin } à { $directive } dans l'en-tête Content-Security-Policy que le serveur web envoie avec cette page, ou utilisez une URL de base de l'API sur une origine déjà autorisée.
error-mixed-content = Cette page est servie en https ({ $page_origin }) et l'URL de base de l'API { $base_url } est en http : les navigateurs bloquent ces appels (contenu mixte). Utilisez l'adresse https de Command Center.
error-timed-out = { $seconds ->
    [one] Command Center n'a pas répondu en { $seconds } seconde. Il est peut-être occupé, ou injoignable à cause d'un pare-feu ou d'un VPN ; réessayez, ou augmentez requestTimeoutSeconds dans config.json.
   *[other] Command Center n'a pas répondu en { $seconds } secondes. Il est peut-être occupé, ou injoignable à cause d'un pare-feu ou d'un VPN ; réessayez, ou augmentez requestTimeoutSeconds dans config.json.
}
error-cancelled = Annulé.
error-not-sent = Le navigateur n'a pas pu envoyer la requête ({ $detail }). Vérifiez l'URL de base de l'API.
error-unauthorized = Command Center n'a pas accepté le jeton d'accès (HTTP 401) : il est erroné ou a expiré. Reconnectez-vous ou collez un jeton valide.
error-forbidden = Command Center a refusé l'accès (HTTP 403).
error-forbidden-said = Command Center a refusé l'accès (HTTP 403) : { $message }.
advice-forbidden = Cet utilisateur ne peut pas gérer les paramètres du serveur de messagerie : connectez-vous avec un utilisateur qui dispose de cette autorisation.
error-not-found = L'API du serveur de messagerie de Command Center est introuvable à { $base_url } (HTTP 404).
error-not-found-said = L'API du serveur de messagerie de Command Center est introuvable à { $base_url } (HTTP 404) : { $message }.
advice-not-found = Vérifiez l'URL de base de l'API (elle se termine généralement par /commandcenter/api) ; un Command Center plus ancien, sans l'API V4, donne aussi cette réponse.
error-bad-request = Command Center a rejeté la requête (HTTP 400).
error-bad-request-said = Command Center a rejeté la requête (HTTP 400) : { $message }.
error-rejected-login = Command Center a refusé la connexion (code d'erreur { $code }).
error-rejected-login-said = Command Center a refusé la connexion : { $message } (code d'erreur { $code }).
error-rejected-load = Command Center n'a pas renvoyé les paramètres (code d'erreur { $code }).
error-rejected-load-said = Command Center n'a pas renvoyé les paramètres : { $message } (code d'erreur { $code }).
error-rejected-save = Command Center a refusé les paramètres (code d'erreur { $code }).
error-rejected-save-said = Command Center a refusé les paramètres : { $message } (code d'erreur { $code }).
error-rejected-test = L'e-mail de test a échoué (code d'erreur { $code }).
error-rejected-test-said = L'e-mail de test a échoué : { $message } (code d'erreur { $code }).
error-server = Erreur de Command Center (HTTP { $status }).
error-server-said = Erreur de Command Center (HTTP { $status }) : { $message }.
advice-server = Command Center ou un proxy placé devant rencontre un problème ; réessayez dans quelques minutes.
error-status = Command Center a répondu HTTP { $status }.
error-status-said = Command Center a répondu HTTP { $status } : { $message }.
error-unreadable = La réponse (HTTP { $status }) ne provient pas de l'API de Command Center : vérifiez que l'URL de base de l'API pointe bien vers celle-ci.
# Nom donné à la page d'erreur HTML d'un proxy, à la place de son balisage.
server-html-page = une page HTML intitulée « { $title } »
consequence-login = Vous n'êtes pas connecté.
consequence-load = Les paramètres actuels n'ont pas été chargés.
consequence-save = Rien n'a été enregistré.
consequence-recheck = Vos modifications n'ont pas été comparées aux paramètres actuels de Command Center.
consequence-read-back = Rechargez la page pour voir ce que contient Command Center.
consequence-test = Aucun e-mail de test n'a été envoyé.
# Après un délai dépassé ou une réponse illisible, l'enregistrement est peut-être arrivé.
consequence-save-unknown = Les paramètres ont peut-être été enregistrés, ou non : rechargez la page pour le savoir.
consequence-save-cancelled = La requête a peut-être déjà atteint Command Center : rechargez la page pour voir ce qui est enregistré.
retry-login = Vérifiez le nom d'utilisateur et le mot de passe, puis réessayez.
retry-load = Réessayez, ou partez d'un formulaire vide.
retry-save = Corrigez les paramètres et enregistrez à nouveau.
retry-recheck = Enregistrez quand même pour envoyer vos modifications sans vérification, ou revenez en arrière et enregistrez à nouveau plus tard.
retry-test = Corrigez les paramètres et envoyez à nouveau l'e-mail de test.
# Après l'échec d'un e-mail de test dont la page connaît la réponse : que faire.
advice-microsoft-smtp-auth-off = Exchange Online refuse SMTP AUTH avec mot de passe pour ce locataire ou cette boîte aux lettres : faites réactiver SMTP AUTH pour la boîte aux lettres, ou envoyez via un relais ou un connecteur SMTP.
advice-microsoft-not-authenticated = Exchange Online exige une authentification : activez « Le serveur de messagerie exige l'authentification » avec le nom d'utilisateur et le mot de passe de la boîte aux lettres, ou utilisez un connecteur qui accepte les e-mails de l'adresse de Command Center.
advice-google-app-password = Google exige un mot de passe d'application, et non le mot de passe du compte : créez-en un (il nécessite la validation en deux étapes) et saisissez-le comme mot de passe.
advice-google-bad-credentials = Google a refusé le nom d'utilisateur et le mot de passe : le nom d'utilisateur est l'adresse complète, et le mot de passe doit être un mot de passe d'application.
advice-relay-denied = Le serveur de messagerie ne relaie pas les e-mails de cet expéditeur : authentifiez-vous avec un compte autorisé à envoyer, faites accepter l'adresse de Command Center par le relais, ou utilisez une adresse d'expéditeur du domaine du serveur.
advice-starttls-required = Le serveur de messagerie exige une connexion chiffrée : choisissez TLS (STARTTLS), en général sur le port 587.
advice-tls = La connexion chiffrée a échoué : vérifiez que le chiffrement correspond au port (TLS sur 587, SSL sur 465) et que le certificat du serveur est valide pour son nom et approuvé par Command Center.
advice-unknown-host = Command Center n'a pas trouvé ce nom de serveur : vérifiez son orthographe, et que le DNS utilisé par Command Center le connaît.
advice-refused = Rien n'a accepté la connexion sur ce port : vérifiez le port et le chiffrement, et qu'aucun pare-feu entre Command Center et le serveur de messagerie ne la bloque.
advice-timed-out = Le serveur de messagerie n'a pas répondu : un pare-feu abandonne peut-être la connexion, ou le réseau bloque peut-être le port (beaucoup bloquent le 25) ; vérifiez le serveur et le port.
login-refused = Command Center a refusé la connexion.
login-refused-status = Command Center a refusé la connexion (HTTP { $status }).
login-refused-said = Command Center a refusé la connexion : { $message }.
login-refused-said-code = Command Center a refusé la connexion : { $message } (code d'erreur { $code }).
