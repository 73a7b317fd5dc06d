# The page's words in SPANISH (es, neutral international Spanish): the Spanish catalog of
# locales/en/page.ftl. It has exactly the same message ids, in the same order, and each message
# has the same set of variables ({ $host }, { $seconds } ...) as the English file; a test checks
# this. Plural selectors use the CLDR categories of Spanish: [one] and *[other].
#
# Terminology sources:
# - Commvault's localized (Spanish) documentation could not be found: the Commvault pages found
#   (documentation.commvault.com, and the CommvaultPowerShell module on
#   https://www.powershellgallery.com/packages/CommvaultPowerShell) are English only. Their
#   English terms (email server, SMTP server, sender name, sender email address, encryption,
#   authentication, access token) were rendered with Microsoft's Spanish UI conventions.
# - Microsoft Spanish UI terminology (Microsoft Language Portal conventions) and Microsoft Learn
#   in Spanish, https://learn.microsoft.com/es-es/exchange/mail-flow-best-practices/oauth-high-volume-mails-m365
#   (Iniciar sesión, Cerrar sesión, Cancelar, Guardar, Nombre de usuario, Contraseña,
#   Token de acceso, Dirección de correo electrónico, Servidor de correo, buzón, conector,
#   retransmisión SMTP, inquilino).
# - Google's Spanish help, https://support.google.com/mail/answer/185833?hl=es
#   (contraseña de aplicación, verificación en dos pasos).
# Product and protocol names, file names, config keys, CSP words and literal values stay as
# they are. Quotes are “ ”; button names cited in a sentence are quoted.

## La página y su inicio de sesión (index.html, startup/early.js)

page-title = Servidor de correo electrónico
# The document's title: the page's heading (config.json's `title`, or page-title), then the product.
document-title = { $title } · Command Center
page-lead = Command Center envía alertas, informes programados y archivos de registro a través de este servidor de correo.
sign-in-title = Iniciar sesión en Command Center
sign-in-with = Iniciar sesión con
sign-in-mode-user = Un usuario de Command Center
sign-in-mode-token = Un token de acceso
button-sign-in = Iniciar sesión
button-use-token = Usar este token
button-signing-in = Iniciando sesión…
button-cancel = Cancelar
button-show = Mostrar
button-hide = Ocultar
noscript = Esta página necesita JavaScript y WebAssembly. Habilítelos o configure el servidor de correo electrónico en la propia consola de Command Center.
portal-connecting-title = Conectando con el portal…
portal-connecting-waiting = Esperando a que el portal entregue su sesión de Command Center.
sign-in-reading-settings = Leyendo la configuración de la página…
field-api-base-url = URL base de la API
field-api-base-url-hint = Dónde accede este navegador a la API REST de Command Center; normalmente, /commandcenter/api en el mismo servidor.
field-login-user = Nombre de usuario
field-login-password = Contraseña
field-access-token = Token de acceso
field-access-token-hint = Un token de acceso o una clave de API creados en Command Center. Solo se guarda en la memoria de esta pestaña.

## Inicio de la página (startup/early.js)

start-loading = Cargando la página…
start-starting = Iniciando la página…
start-stalled = La conexión parece detenida: no ha llegado nada en { $seconds } segundos. La página se iniciará si llega el resto y conservará lo que haya escrito; “Volver a cargar” empieza de cero y puede perderlo.
start-reload = Volver a cargar
start-failed-title = No se pudo iniciar esta página
start-failed-load = No se pudo cargar { $url }.
start-failed-load-status = No se pudo cargar { $url } (HTTP { $status }).
start-failed-error = Se detuvo con un error ({ $error }).
start-failed-browser = No se puede ejecutar en este navegador.
start-failed-advice = Vuelva a cargar la página. Si no se soluciona, puede que el servidor web no sirva todos los archivos de la página, que su Content-Security-Policy no incluya 'wasm-unsafe-eval' en script-src o que este navegador sea demasiado antiguo: la página necesita Chrome o Edge 97, Firefox 102 o Safari 16, o una versión posterior.
page-error = Se produjo un error dentro de esta página y puede dejar de responder. Vuelva a cargar la página para empezar de nuevo; no se guardó nada salvo que la página lo indicara. (Los detalles están en la consola para desarrolladores del navegador).

## config.json

config-problem = { $problem } La página usa la URL base de la API predeterminada.
config-http = No se pudo cargar config.json (HTTP { $status }).
config-unavailable = No se pudo cargar config.json ({ $reason }).
config-reason-timed-out = { $seconds ->
    [one] sin respuesta en 1 segundo
   *[other] sin respuesta en { $seconds } segundos
}
config-reason-broke-off = HTTP { $status }, la respuesta se interrumpió
config-reason-failed = la solicitud falló
# $error is the JSON parser's own description of the problem.
config-not-json = config.json no es válido: { $error }.
config-invalid = config.json no es válido: { $problem }.
config-api-base-url = apiBaseUrl: { $error }
config-timeout-range = requestTimeoutSeconds debe estar entre 1 y { $max }
config-origin = embedding.allowedParentOrigins: “{ $origin }” no es un origen: { $problem }
config-title-length = title debe tener entre 1 y { $max } caracteres
config-title-line = title debe ser una sola línea, sin caracteres de control
config-language = language: “{ $tag }” no es un idioma de esta página ({ $languages })
config-theme-type = El valor themeStylesheet de config.json no es texto: la página usa sus propios colores.
config-theme-elsewhere = El valor themeStylesheet de config.json, “{ $url }”, no está en el propio servidor de esta página, y solo una hoja de estilos de allí puede aplicarle estilo: la página usa sus propios colores.
config-theme-failed = No se pudo cargar la hoja de estilos de themeStylesheet de config.json, “{ $url }”: la página usa sus propios colores.
origin-scheme = debe empezar por https:// o http://
origin-path = un origen no tiene ruta, consulta, fragmento ni usuario: escríbalo como https://host
origin-wildcard = no se admiten caracteres comodín: indique cada origen
origin-port = escríbalo como https://host o https://host:puerto
origin-default-port = omita el puerto predeterminado del esquema, como hacen los navegadores
origin-host = el host debe ser un nombre en minúsculas o una dirección IP

## Quién ha iniciado sesión

session-login = Sesión iniciada como { $user }
session-token = Sesión iniciada con un token de acceso
session-portal = Sesión iniciada a través de { $origin }
button-sign-out = Cerrar sesión
button-signing-out = Cerrando sesión…

## El menú de idiomas

language-label = Idioma
language-failed = La página sigue en inglés: no se pudieron usar sus textos en { $language } ({ $reason }). Vuelva a cargar la página para intentarlo de nuevo.
language-reason-http = HTTP { $status }
language-reason-unavailable = la solicitud falló
language-reason-too-large = el archivo es demasiado grande
language-reason-not-fluent = el archivo no es un catálogo Fluent: { $error }
language-reason-incomplete = al archivo le faltan mensajes, como { $ids }

## Los campos: etiquetas y sugerencias

legend-mail-server = Servidor de correo
field-provider = Proveedor
field-provider-hint = Rellena el servidor, el puerto y el cifrado que indica su documentación.
provider-other = Otro servidor de correo
provider-microsoft-365 = Microsoft 365 (Exchange Online)
provider-google = Google Workspace o Gmail
provider-amazon-ses = Amazon SES, { $name } ({ $region })
provider-sendgrid = SendGrid
provider-mailgun = Mailgun (EE. UU.)
provider-mailgun-eu = Mailgun (UE)
provider-local-relay = Una retransmisión de la red local (puerto 25, sin cifrado)
field-smtp-server = Servidor SMTP
field-smtp-server-hint = Nombre de host o dirección IP, sin http:// ni puerto.
field-smtp-port = Puerto SMTP
field-smtp-port-hint = Normalmente, 25, 587 (TLS) o 465 (SSL).
# When the port is the administrator's or Command Center's, and not the usual one.
field-smtp-port-usual = El puerto habitual con { $encryption } es { $port }.
field-encryption = Cifrado
field-encryption-hint = Use lo que ofrezca el servidor de correo; TLS pasa la conexión a cifrada con STARTTLS.
encryption-none = Ninguno
encryption-tls = TLS (STARTTLS)
encryption-ssl = SSL
legend-sender = Remitente
field-sender-email = Correo electrónico del remitente
field-sender-email-hint = La dirección “De” de cada correo que envía Command Center.
field-sender-name = Nombre del remitente
field-sender-name-hint = Se muestra a los destinatarios como remitente; por ejemplo, Alertas de copia de seguridad.
legend-authentication = Autenticación
field-authentication = El servidor de correo requiere inicio de sesión
field-authentication-hint = Actívelo si el servidor de correo solo acepta correo tras iniciar sesión.
field-username = Nombre de usuario
field-password = Contraseña
field-password-saved-hint = Se conserva la contraseña guardada, salvo que escriba una nueva.
password-withheld-server = El servidor ha cambiado: vuelva a escribir la contraseña. La contraseña guardada solo se envía al servidor para el que se guardó.
password-withheld-port = El puerto ha cambiado: vuelva a escribir la contraseña. La contraseña guardada solo se envía al servidor y al puerto para los que se guardó.
password-withheld-encryption = El cifrado está ahora desactivado: vuelva a escribir la contraseña si admite que viaje sin cifrar por la red. La guardada solo se envió cifrada.

## Advertencia o nota de un campo: la configuración se puede guardar y probar igualmente

# The first word of each, so that the two are told apart by more than their colour.
warning-label = Advertencia:
note-label = Nota:
warning-port-465-tls = El puerto 465 espera SSL, una conexión cifrada desde el inicio; con TLS (STARTTLS), el puerto habitual es 587.
warning-port-587-ssl = El puerto 587 espera TLS (STARTTLS); con SSL, el puerto habitual es 465.
warning-sign-in-unencrypted = Sin cifrado, el nombre de usuario y la contraseña viajan legibles por la red: elija TLS o SSL si el servidor de correo lo ofrece.
warning-microsoft-365 = Desde finales de diciembre de 2026, Exchange Online tiene desactivado de forma predeterminada SMTP AUTH con contraseña en los inquilinos existentes (se puede volver a activar; los inquilinos creados después lo tienen desactivado; su retirada se anunciará en el segundo semestre de 2027). Command Center solo envía un nombre de usuario y una contraseña: envíe a través de una retransmisión SMTP o un conector, o haga que se vuelva a activar SMTP AUTH para este buzón.
note-google-app-password = Aquí Google solo acepta una contraseña de aplicación: 16 letras, creada en la configuración de seguridad de la cuenta de Google. Requiere la verificación en dos pasos, y el administrador de una cuenta de trabajo puede haber desactivado las contraseñas de aplicación.
warning-google-app-password = Esta no es una contraseña de aplicación, la única contraseña que Google acepta aquí: una contraseña de aplicación tiene 16 letras (los espacios no cuentan). Requiere la verificación en dos pasos, y el administrador de una cuenta de trabajo puede haber desactivado las contraseñas de aplicación.

## Error de un campo, debajo de él

required-login-user = Escriba su nombre de usuario de Command Center.
required-login-password = Escriba su contraseña de Command Center.
required-access-token = Escriba el token de acceso.
required-api-base-url = Escriba la URL base de la API; por ejemplo, /commandcenter/api.
required-smtp-server = Escriba el nombre o la dirección IP del servidor SMTP.
required-smtp-port = Escriba el puerto SMTP, un número del 1 al 65535.
required-sender-email = Escriba la dirección de correo electrónico del remitente.
required-sender-name = Escriba el nombre del remitente.
required-username = Escriba el nombre de usuario que espera el servidor de correo.
required-value = Escriba un valor.
error-too-long = Use como máximo { $max } caracteres.
error-control-character = Quite el salto de línea o el carácter de control: aquí no se admiten.
error-port-not-a-number = Use solo dígitos: un puerto es un número del 1 al 65535.
error-port-out-of-range = Escriba un número de puerto del 1 al 65535.
error-host-scheme = Escriba solo el nombre del servidor, sin “{ $scheme }://”.
error-host-path = Escriba solo el nombre del servidor, sin ruta (“/…”).
error-host-space = Un nombre de servidor no puede contener espacios.
error-host-port = Escriba el puerto en el campo Puerto SMTP, no después del nombre del servidor.
error-host-character = “{ $character }” no puede formar parte de un nombre de servidor: use letras, dígitos, guiones y puntos.
error-host-not-ascii = Use la forma ASCII de un nombre de servidor internacional (empieza por “xn--”).
error-host-empty-label = Un nombre de servidor no puede empezar por un punto ni tener dos puntos seguidos.
error-host-label-too-long = Cada parte de un nombre de servidor entre puntos tiene como máximo 63 caracteres.
error-host-label-hyphen = Una parte de un nombre de servidor no puede empezar ni terminar por un guion.
error-host-ipv4 = No es una dirección IPv4 válida: necesita cuatro números del 0 al 255, como 192.0.2.25.
error-host-bracketed-ipv6 = Escriba la dirección IPv6 sin los corchetes.
error-email-missing-at = Escriba una dirección de correo electrónico como alerts@example.com.
error-email-several-at = Una dirección de correo electrónico solo tiene una “@”.
error-email-space = Una dirección de correo electrónico no puede contener espacios.
error-email-local-part = La parte anterior a “@” no es válida en una dirección de correo electrónico: use letras, dígitos y . _ + - sin dos puntos seguidos.
error-email-local-part-too-long = La parte anterior a “@” de una dirección de correo electrónico tiene como máximo 64 caracteres.
error-email-domain = La parte posterior a “@” debe ser un nombre de dominio, como en alerts@example.com.
error-password-missing = Escriba la contraseña de este nombre de usuario o desactive el inicio de sesión si el servidor de correo no lo necesita.
error-password-for-test = Escriba la contraseña para probar con un nombre de usuario cambiado: la contraseña guardada pertenece al nombre de usuario guardado.
error-token-character = Un token de acceso solo tiene letras, dígitos, espacios y signos de puntuación ASCII: vuelva a copiarlo.
error-base-url = Escriba una dirección que empiece por https://, http:// o /, sin espacios, “?” ni “#”, como /commandcenter/api.

## Carga de la configuración

load-loading = Cargando la configuración actual…
load-configured = Se cargó la configuración actual de Command Center.
load-not-configured = Aún no hay ningún servidor de correo configurado en Command Center: rellene el formulario y guarde.
load-started-empty = Se parte de un formulario vacío: al guardar, se configurará el servidor de correo desde cero.
button-load-retry = Reintentar
button-load-start-empty = Empezar con un formulario vacío

## Guardar y enviar correo de prueba

button-save = Guardar
button-saving = Guardando…
button-discard = Descartar cambios
button-send-test = Enviar correo de prueba
button-sending = Enviando…
off-loading = “Guardar” y “Enviar correo de prueba” están desactivados hasta que se cargue la configuración actual.
off-load-failed = “Guardar” está desactivado porque no se cargó la configuración actual: elija “Reintentar” o “Empezar con un formulario vacío” arriba.
off-saving = “Enviar correo de prueba” está desactivado hasta que termine el guardado.
off-testing = “Guardar” está desactivado hasta que se envíe el correo de prueba.
off-unchanged = “Guardar” está desactivado: nada difiere de lo que tiene Command Center.
off-reading = “Guardar” y “Enviar correo de prueba” están desactivados hasta que se lea la configuración de Command Center.
send-test-note = El correo de prueba usa la configuración anterior sin guardarla y se envía a la dirección de correo electrónico del usuario de Command Center con el que ha iniciado sesión.
send-test-note-to = El correo de prueba usa la configuración anterior sin guardarla y se envía a { $address }, la dirección del usuario de Command Center con el que ha iniciado sesión.
status-saved = Configuración del servidor de correo electrónico guardada. Command Center envía ahora el correo a través de { $server }:{ $port }.
status-saved-reading = Volviendo a leerla para comprobar que Command Center la conservó…
status-saved-checked = Guardada y comprobada: Command Center tiene ahora esta configuración y envía el correo a través de { $server }:{ $port }.
# $list: one not-kept-item per setting, separated by semicolons.
status-saved-not-kept = Guardada, pero Command Center no conservó todo lo que se le envió: { $list }. El formulario muestra lo que tiene Command Center.
not-kept-item = { $field } se envió como { $sent }, Command Center tiene { $kept }
# $reason: what went wrong, in the words of a failed call.
status-saved-unchecked = Guardada. No se pudo volver a leer la configuración para comprobarla: { $reason }
status-theirs-loaded = Se descartaron sus cambios: el formulario muestra la configuración que tiene ahora Command Center.
status-saved-elsewhere-loaded = { $count ->
    [0] Se cargó la configuración que guardó otra pestaña: es la misma que tenía esta página.
    [one] Se cargó la configuración que guardó otra pestaña: había cambiado un ajuste.
   *[other] Se cargó la configuración que guardó otra pestaña: habían cambiado { $count } ajustes.
}
# $list: one kept-mine-item per setting, separated by semicolons.
status-saved-elsewhere-kept = Donde usted había escrito otra cosa, su valor se mantiene en el formulario: { $list }.
kept-mine-item = { $field } (guardado allí: { $now })
status-test-sent = Correo de prueba enviado a la dirección de correo electrónico del usuario de Command Center con el que ha iniciado sesión. Si no llega, revise la carpeta de correo no deseado de ese buzón. La configuración no se guardó.
status-test-sent-to = Correo de prueba enviado a { $address }. Si no llega, revise la carpeta de correo no deseado de ese buzón. La configuración no se guardó.
status-invalid-save = { $count ->
    [one] Corrija el campo resaltado antes de guardar: no se envió nada.
   *[other] Corrija los { $count } campos resaltados antes de guardar: no se envió nada.
}
status-invalid-test = { $count ->
    [one] Corrija el campo resaltado antes de enviar un correo de prueba: no se envió nada.
   *[other] Corrija los { $count } campos resaltados antes de enviar un correo de prueba: no se envió nada.
}

## Otra pestaña de esta página guardó

saved-elsewhere = Se guardó en otra pestaña: puede que la configuración de Command Center ya no sea la que cargó esta página.
button-load-saved = Cargar la configuración guardada

## La revisión antes de guardar

review-title = Revisar los cambios
review-update = { $count ->
    [one] Se actualizará el servidor de correo electrónico de Command Center: cambia { $count } ajuste.
   *[other] Se actualizará el servidor de correo electrónico de Command Center: cambian { $count } ajustes.
}
review-configure = { $count ->
    [one] Se configurará el servidor de correo electrónico de Command Center con { $count } ajuste.
   *[other] Se configurará el servidor de correo electrónico de Command Center con estos { $count } ajustes.
}
review-setting = Ajuste
review-now = Ahora
review-after = Tras guardar
button-back = Volver al formulario
button-confirm = Confirmar
button-apply-mine = Aplicar mis cambios a la configuración actual
button-load-theirs = Descartar mis cambios y cargar los actuales
button-save-anyway = Guardar de todos modos
review-checking = Comprobando que Command Center sigue teniendo la configuración que cargó esta página…
review-waiting = “Confirmar” continuará en cuanto se lea la configuración actual de Command Center…
review-unchanged = Command Center sigue teniendo la configuración que cargó esta página.
review-changed-title = Cambios en Command Center desde que cargó esta página
review-changed-lead = Otra persona cambió estos ajustes mientras tanto. Al aplicar sus cambios se mantienen los de esa persona, salvo donde usted también cambió un ajuste: ahí se guarda su valor.
review-when-loaded = Al cargar
review-now-there = Ahora en Command Center
review-yours = Su valor
review-both-changed = cambiado por ambos: se guarda su valor
# $reason: what went wrong, in the words of a failed call.
review-check-failed = No se pudo comprobar lo que tiene ahora Command Center: { $reason }
# $field: the setting's label; $error: what is wrong with it.
review-merge-problem = Sus cambios no se pueden aplicar tal cual a la configuración actual. { $field }: { $error } Vuelva al formulario para corregirlo.
value-empty = (vacío)
value-on = Activado
value-off = Desactivado
password-changed = cambiada
password-saved = guardada
password-saved-elsewhere = guardada, para el servidor para el que se guardó
password-typed-again = escrita de nuevo para la nueva conexión

## Volver a iniciar sesión tras un 401

reauth-title = Volver a iniciar sesión
reauth-reason = Command Center no aceptó el token (HTTP 401): la sesión ha caducado o el token se revocó. Vuelva a iniciar sesión para continuar; lo que escribió en el formulario se conserva y la acción se reintenta.

## Cuando falla una llamada: qué ocurrió, qué no se hizo y qué hacer

error-unreachable = No se pudo conectar con Command Center en { $base_url } ({ $detail }). Compruebe la URL base de la API, que Command Center (o el proxy que tiene delante) esté en ejecución y que este equipo pueda acceder a él.
error-cors = El navegador bloqueó la respuesta de Command Center en { $base_url }: no permite llamadas desde el origen de esta página ({ $page_origin }) (CORS). Sirva esta página desde la misma dirección que Command Center (por ejemplo, tras el mismo proxy inverso) o haga que Command Center o su proxy permitan { $page_origin } con los encabezados Authtoken y Content-Type.
error-csp = La Content-Security-Policy de esta página no le permite conectarse a { $origin } ({ $directive }), así que el navegador no envió la solicitud a { $base_url }. Agregue { $origin } a { $directive } en el encabezado Content-Security-Policy que el servidor web envía con esta página, o use una URL base de la API en un origen que ya esté permitido.
error-mixed-content = Esta página se sirve por https ({ $page_origin }) y la URL base de la API { $base_url } es http: los navegadores bloquean esas llamadas (contenido mixto). Use la dirección https de Command Center.
error-timed-out = { $seconds ->
    [one] Command Center no respondió en 1 segundo. Puede estar ocupado o ser inaccesible por un firewall o una VPN; vuelva a intentarlo o aumente requestTimeoutSeconds en config.json.
   *[other] Command Center no respondió en { $seconds } segundos. Puede estar ocupado o ser inaccesible por un firewall o una VPN; vuelva a intentarlo o aumente requestTimeoutSeconds en config.json.
}
error-cancelled = Cancelado.
error-not-sent = El navegador no pudo enviar la solicitud ({ $detail }). Compruebe la URL base de la API.
error-unauthorized = Command Center no aceptó el token de acceso (HTTP 401): es incorrecto o ha caducado. Vuelva a iniciar sesión o pegue un token válido.
error-forbidden = Command Center denegó el acceso (HTTP 403).
error-forbidden-said = Command Center denegó el acceso (HTTP 403): { $message }.
advice-forbidden = Este usuario no puede administrar la configuración del servidor de correo electrónico: inicie sesión como un usuario con ese permiso.
error-not-found = No se encontró la API del servidor de correo electrónico de Command Center en { $base_url } (HTTP 404).
error-not-found-said = No se encontró la API del servidor de correo electrónico de Command Center en { $base_url } (HTTP 404): { $message }.
advice-not-found = Compruebe la URL base de la API (suele terminar en /commandcenter/api); un Command Center antiguo sin la API V4 también responde así.
error-bad-request = Command Center rechazó la solicitud (HTTP 400).
error-bad-request-said = Command Center rechazó la solicitud (HTTP 400): { $message }.
error-rejected-login = Command Center rechazó el inicio de sesión (código de error { $code }).
error-rejected-login-said = Command Center rechazó el inicio de sesión: { $message } (código de error { $code }).
error-rejected-load = Command Center no devolvió la configuración (código de error { $code }).
error-rejected-load-said = Command Center no devolvió la configuración: { $message } (código de error { $code }).
error-rejected-save = Command Center rechazó la configuración (código de error { $code }).
error-rejected-save-said = Command Center rechazó la configuración: { $message } (código de error { $code }).
error-rejected-test = Error en el correo de prueba (código de error { $code }).
error-rejected-test-said = Error en el correo de prueba: { $message } (código de error { $code }).
error-server = Error de Command Center (HTTP { $status }).
error-server-said = Error de Command Center (HTTP { $status }): { $message }.
advice-server = Command Center o un proxy que tiene delante tiene un problema; vuelva a intentarlo dentro de unos minutos.
error-status = Command Center respondió HTTP { $status }.
error-status-said = Command Center respondió HTTP { $status }: { $message }.
error-unreadable = La respuesta (HTTP { $status }) no procede de la API de Command Center: compruebe que la URL base de la API apunte a ella.
# What a proxy's HTML error page is called in place of its markup.
server-html-page = una página HTML titulada “{ $title }”
consequence-login = No ha iniciado sesión.
consequence-load = No se cargó la configuración actual.
consequence-save = No se guardó nada.
consequence-recheck = Sus cambios no se compararon con la configuración que tiene ahora Command Center.
consequence-read-back = Vuelva a cargar la página para ver lo que tiene Command Center.
consequence-test = No se envió ningún correo de prueba.
# After a timeout or an unreadable answer, the save may have arrived.
consequence-save-unknown = Puede que la configuración se haya guardado o no: vuelva a cargar la página para comprobarlo.
consequence-save-cancelled = Puede que la solicitud ya haya llegado a Command Center: vuelva a cargar la página para ver lo que está guardado.
retry-login = Compruebe el nombre de usuario y la contraseña, y vuelva a intentarlo.
retry-load = Vuelva a intentarlo o empiece con un formulario vacío.
retry-save = Corrija la configuración y vuelva a guardar.
retry-recheck = Guarde de todos modos para enviar sus cambios sin comprobar, o vuelva atrás y guarde de nuevo más tarde.
retry-test = Corrija la configuración y vuelva a enviar el correo de prueba.
# After a failed test mail whose reply the page knows: what to do about it.
advice-microsoft-smtp-auth-off = Exchange Online rechaza SMTP AUTH con contraseña para este inquilino o buzón: haga que se vuelva a activar SMTP AUTH para el buzón, o envíe a través de una retransmisión SMTP o un conector.
advice-microsoft-not-authenticated = Exchange Online requiere iniciar sesión: active “El servidor de correo requiere inicio de sesión” con el nombre de usuario y la contraseña del buzón, o use un conector que acepte correo de la dirección de Command Center.
advice-google-app-password = Google requiere una contraseña de aplicación, no la contraseña de la cuenta: cree una (requiere la verificación en dos pasos) y escríbala como contraseña.
advice-google-bad-credentials = Google rechazó el nombre de usuario y la contraseña: el nombre de usuario es la dirección completa y la contraseña debe ser una contraseña de aplicación.
advice-relay-denied = El servidor de correo no retransmite correo de este remitente: inicie sesión con una cuenta que pueda enviar, haga que la retransmisión acepte la dirección de Command Center o use una dirección de remitente del propio dominio del servidor.
advice-starttls-required = El servidor de correo requiere una conexión cifrada: elija TLS (STARTTLS), normalmente en el puerto 587.
advice-tls = Error en la conexión cifrada: compruebe que el cifrado corresponda al puerto (TLS en 587, SSL en 465) y que el certificado del servidor sea válido para su nombre y de confianza para Command Center.
advice-unknown-host = Command Center no encontró este nombre de servidor: compruebe cómo está escrito y que el DNS que usa Command Center lo conozca.
advice-refused = Nada aceptó la conexión en ese puerto: compruebe el puerto y el cifrado, y que ningún firewall entre Command Center y el servidor de correo la bloquee.
advice-timed-out = El servidor de correo no respondió: puede que un firewall descarte la conexión o que la red bloquee el puerto (muchas bloquean el 25); compruebe el servidor y el puerto.
login-refused = Command Center rechazó el inicio de sesión.
login-refused-status = Command Center rechazó el inicio de sesión (HTTP { $status }).
login-refused-said = Command Center rechazó el inicio de sesión: { $message }.
login-refused-said-code = Command Center rechazó el inicio de sesión: { $message } (código de error { $code }).
