# Los textos de Switchboard en español, traducidos de la referencia en inglés.
# Los ids se agrupan según dónde aparecen; `$what`, `$count` y similares los rellena el código.

## Común

language-label = Idioma
brand-tagline = Atención al cliente
action-try-again = Intentar de nuevo
action-dismiss = Ocultar
part-missing = No se pudo descargar esta parte de Switchboard. Compruebe la conexión e inténtelo de nuevo; no se pierde nada de lo que escribió.
action-cancel = Cancelar
action-send = Enviar
action-sending = Enviando…
reference-for-support = Referencia para soporte:

## Validación: lo que necesita un campo ($what: name, email, subject, message o reply)

problem-required = { $what ->
    [name] Tu nombre es obligatorio.
    [email] Tu correo electrónico es obligatorio.
    [subject] El asunto es obligatorio.
    [message] Tu mensaje es obligatorio.
   *[reply] La respuesta es obligatoria.
}
problem-too-short = { $what ->
    [name] Tu nombre necesita al menos { $min } caracteres ({ $count } por ahora).
    [email] Tu correo electrónico necesita al menos { $min } caracteres ({ $count } por ahora).
    [subject] El asunto necesita al menos { $min } caracteres ({ $count } por ahora).
    [message] Tu mensaje necesita al menos { $min } caracteres ({ $count } por ahora).
   *[reply] La respuesta necesita al menos { $min } caracteres ({ $count } por ahora).
}
problem-too-long = { $what ->
    [name] Tu nombre puede tener como máximo { $max } caracteres ({ $count } actualmente).
    [email] Un correo electrónico puede tener como máximo { $max } caracteres ({ $count } actualmente).
    [subject] El asunto puede tener como máximo { $max } caracteres ({ $count } actualmente).
    [message] Tu mensaje puede tener como máximo { $max } caracteres ({ $count } actualmente).
   *[reply] La respuesta puede tener como máximo { $max } caracteres ({ $count } actualmente).
}
problem-one-line = { $what ->
    [name] Tu nombre debe caber en una sola línea.
    [email] Tu correo electrónico debe caber en una sola línea.
    [subject] El asunto debe caber en una sola línea.
    [message] Tu mensaje debe caber en una sola línea.
   *[reply] La respuesta debe caber en una sola línea.
}
problem-control-characters = { $what ->
    [name] Tu nombre contiene caracteres de control invisibles.
    [email] Tu correo electrónico contiene caracteres de control invisibles.
    [subject] El asunto contiene caracteres de control invisibles.
    [message] Tu mensaje contiene caracteres de control invisibles.
   *[reply] La respuesta contiene caracteres de control invisibles.
}
problem-not-an-email = «{ $value }» no es un correo electrónico válido, como nombre@example.com.

## Fechas y tamaños

time-just-now = ahora mismo
time-minutes-ago = hace { $count } min
time-hours-ago = hace { $count } h
time-yesterday = ayer
time-days-ago = { $count ->
    [one] hace { $count } día
   *[other] hace { $count } días
}
size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
size-exact-bytes = { $size } bytes
size-kb = { $size } KB
size-mb = { $size } MB

## Archivos adjuntos

attachment-unusable-name = «{ $name }» no es un nombre de archivo válido.
attachment-empty = { $name } está vacío.
attachment-not-accepted = { $name } no tiene un formato aceptado: se aceptan { $accepted }.
attachment-not-what-its-name-says = { $name } no es realmente un archivo { $format }: su contenido no coincide con su nombre. Se aceptan { $accepted }.
attachment-file-too-large = { $name } ocupa { $size }; cada archivo puede ocupar como máximo { $limit }.
attachment-too-many-files = Demasiados archivos: has elegido { $count } y un mensaje admite como máximo { $limit }.
attachment-message-too-large = Estos archivos suman { $size }; un mensaje admite como máximo { $limit }.
attachment-policy = { $files ->
    [one] Un archivo, { $each }. { $accepted }.
   *[other] Hasta { $files } archivos, { $each } cada uno, { $total } en total. { $accepted }.
}
attachment-attach = Adjuntar archivos
attachment-hint-pointer = Suelta o pega archivos aquí.
attachment-hint-touch = Elige archivos o haz una foto.
attachment-attached = Archivos adjuntos
attachment-remove = Quitar { $name }
attachment-in-all = { $size } en total
upload-progress = Progreso de la subida
upload-sent-of = { $sent } de { $total } enviados

## Errores: qué salió mal, por tipo

error-network = No se pudo conectar con el servidor. Revisa la conexión e inténtalo de nuevo.
error-timeout = El servidor tardó demasiado en responder. Inténtalo de nuevo en un momento.
error-invalid = El servidor rechazó la solicitud porque algunos datos no son válidos.
error-unauthorized = El servidor no acepta tu sesión. Vuelve a iniciar sesión.
error-forbidden = No tienes permiso para hacer esto.
error-not-found = Esto ya no existe en el servidor.
error-conflict = Otra persona cambió esto al mismo tiempo. Recarga e inténtalo de nuevo.
error-too-large = Esto supera el tamaño que acepta el servidor.
error-rate-limited = El servidor está recibiendo demasiadas solicitudes. Espera un momento e inténtalo de nuevo.
error-unavailable = El servidor no está disponible por ahora. Inténtalo de nuevo en un momento.
error-server = El servidor falló al procesar la solicitud. Inténtalo de nuevo; si sigue fallando, avisa a tu administrador.
error-malformed-reply = El servidor respondió con algo que Switchboard no pudo leer.
error-unexpected = El servidor dio una respuesta inesperada.
error-cancelled = Se canceló el envío. No se perdió nada: vuelve a enviarlo cuando quieras.
error-key-reused = La versión anterior de este mensaje ya había llegado, así que este no se envió. Vuelve a enviarlo para añadirlo como un mensaje nuevo.
error-unsupported = Este backend no permite hacer esto: su API no ofrece la manera.

## La página de contacto

contact-title = Contáctanos
contact-intro = Escribe a nuestro equipo de soporte. Todos los campos son obligatorios; los archivos adjuntos son opcionales.
contact-field-name = Tu nombre
contact-field-email = Correo electrónico
contact-field-subject = Asunto
contact-field-message = Mensaje
contact-honeypot = Deja este campo vacío
contact-attachments = Archivos adjuntos (opcional)
contact-not-sent = Tu mensaje no se envió. Todo lo que escribiste sigue aquí.
contact-send = Enviar mensaje
contact-sent-title = Gracias, tu mensaje está en camino
contact-sent-body = Nuestro equipo de soporte lo ha recibido. Guarda tu referencia: menciónala siempre que nos contactes sobre esta solicitud y la encontraremos enseguida.
contact-your-reference = Tu referencia:
contact-your-link = Tu enlace privado, para leer nuestra respuesta y volver a escribirnos:
page-title-contact = Contáctanos · Switchboard
page-title-sign-in = Iniciar sesión · Switchboard
page-title-follow-up = Tu solicitud · Switchboard
contact-copy-link = Copiar el enlace
contact-link-copied = El enlace está copiado.
contact-link-not-copied = Este navegador no lo copió: selecciona el enlace y cópialo tú.
contact-link-private = Guárdalo en favoritos y no lo compartas: cualquiera con este enlace puede leer esta conversación.
contact-quote-reference = Menciona tu referencia si vuelves a escribirnos sobre el mismo asunto.
contact-send-another = Enviar otro mensaje

## La página de seguimiento del cliente

follow-up-opening = Abriendo tu conversación…
follow-up-write-from-contact = Escríbenos desde la página de contacto
follow-up-no-conversation = Este enlace no abre ninguna conversación
follow-up-no-conversation-hint = Puede que esté mal escrito, cortado (termina con la parte después de #), retirado por nuestro equipo de soporte, o caducado tras meses sin visitas. Vuelve a escribirnos y te responderemos allí.
follow-up-could-not-open = No pudimos abrir esta conversación.
follow-up-sent = Tu mensaje se ha enviado.
follow-up-title = Tu solicitud
follow-up-open = Nuestro equipo de soporte se está ocupando de ella; sus respuestas aparecen aquí.
follow-up-closed = Esta solicitud está cerrada. Escribe de nuevo abajo y se volverá a abrir.
follow-up-link-expiry = Este enlace privado funciona hasta el { $date }; cada visita lo mantiene activo más tiempo.
follow-up-messages = Mensajes
follow-up-write-again = Escribir de nuevo
follow-up-not-sent = Tu mensaje no se envió. Lo que escribiste sigue aquí.
follow-up-support-author = { $name } (soporte)

## Páginas

not-found-title = Esta página no existe
not-found-hint = Vuelve a la bandeja de entrada o a la página de contacto.
not-found-ways = Adónde ir
not-found-inbox = Bandeja de entrada

## Tema

theme-label = Tema
theme-system = Como el sistema
theme-light = Claro
theme-dark = Oscuro

## Iniciar sesión

sign-in-tagline = Consola de agentes
sign-in-title = Iniciar sesión
sign-in-intro = Inicia sesión con tu correo y contraseña de agente para abrir la consola.
sign-in-email = Correo electrónico
sign-in-password = Contraseña
sign-in-busy = Iniciando sesión…
sign-in-enter-email = Escribe tu correo electrónico.
sign-in-enter-password = Escribe tu contraseña.
sign-in-no-match = Este correo y esta contraseña no corresponden a ningún agente. Revisa ambos y vuelve a intentarlo.
sign-in-too-many-wait = Demasiados intentos de inicio de sesión. Espera { $wait } y vuelve a intentarlo.
sign-in-too-many = Demasiados intentos de inicio de sesión. Espera unos minutos y vuelve a intentarlo.
sign-in-unreachable = No se pudo contactar con el servidor, así que no has iniciado sesión. Revisa la conexión y vuelve a intentarlo.
sign-in-refused = No has iniciado sesión. { $reason }
wait-seconds = { $count ->
    [one] { $count } segundo
   *[other] { $count } segundos
}
wait-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
signed-in-as = Sesión iniciada como
signed-in-sign-out = Cerrar sesión
signed-in-signing-out = Cerrando sesión…
signed-in-still = Sigues con la sesión iniciada: { $reason }

## El marco de la consola

console-opening = Abriendo la consola…
console-unreachable = La consola no pudo contactar con su servidor.
skip-links = Enlaces de salto
skip-to-list = Ir a la lista
skip-to-thread = Ir a la conversación
skip-to-reply = Ir a la respuesta
console-contact-page = Página de contacto pública
console-shortcuts = Atajos
console-inbox = Bandeja de entrada
console-none-open = Ninguna conversación abierta
console-none-open-hint = Elige una conversación de la lista para leerla y responder.

## Estados, backends y vistas

status-open = Abierta
status-in-progress = En curso
status-closed = Cerrada
status-archived = Archivada
status-ignored = Ignorada
delivery-sent = enviado
delivery-delivered = entregado
delivery-read = leído
delivery-confirmed = confirmado
status-unknown = Desconocido
status-change-reopen = Reabrir
status-change-close = Cerrar
status-change-archive = Archivar
status-cannot-reopen = Este backend no puede reabrir una conversación
status-cannot-close = Este backend no puede cerrar una conversación
status-cannot-archive = Este backend no puede archivar una conversación
status-announce = { $status ->
    [open] Conversación abierta.
    [in-progress] Conversación en curso.
    [closed] Conversación cerrada.
    [archived] Conversación archivada.
    [ignored] Conversación ignorada.
   *[other] El estado de la conversación cambió.
}
status-not-changed = Estado sin cambiar: { $reason }
status-group = Estado de la conversación
backend-communication = Comunicación
backend-case-messages = Mensajes de caso
backend-support-sessions = Sesiones de soporte
filter-all-statuses = Todos los estados
filter-everyones = De todos
filter-mine = Mías
filter-unassigned = Sin asignar
inbox-all-conversations = Todas las conversaciones

## Valores propios de los backends

octopia-role-customer = Cliente
octopia-role-seller = Vendedor
octopia-role-care-team = Atención al cliente del marketplace
octopia-badge-claim = Reclamación
postcenter-ticket-name = Ticket n.º { $number }
postcenter-unreadable-message = PostCenter envió un mensaje que Switchboard no pudo leer: { $raw }
channel-email = Correo electrónico

## La página de plazos de respuesta ($backend: el nombre de un backend; $name: un agente;
## $target, $alarm: horas; $zone: una zona horaria; $hours: el horario de cada día abierto; $line: lo escrito)

settings-deadlines-heading = Plazos de respuesta
settings-deadlines-intro = Cuánto pueden esperar una respuesta los clientes de cada backend, y cuándo un retraso pasa a alerta. Las filas de la lista, la vista Con retraso y la cabecera de cada conversación cuentan con estos plazos.
settings-deadlines-admin-only = Solo los administradores los cambian.
settings-deadlines-not-loaded = No se pudieron leer los plazos.
settings-deadlines-default = Por defecto
settings-deadlines-set-by = Fijado por { $name }
settings-deadlines-edit = Cambiar
settings-deadlines-save = Guardar
settings-deadlines-cancel = Cancelar
settings-deadlines-saved = Guardado: los plazos de { $backend }.
policy-not-saved = No se pudieron guardar los plazos.
policy-form-clock = Qué horas cuentan
policy-form-always = Todas las horas de todos los días
policy-form-business = Solo el horario laboral
policy-form-zone = Zona horaria (como Europe/Madrid)
policy-form-week-hint = El horario de cada día, como 09:00-13:00, 14:00-18:00; vacío si está cerrado.
policy-form-holidays = Festivos (una fecha por línea, como 2026-12-25)
policy-form-target = Responder en (horas)
policy-form-alarm = Alerta a las (horas)
policy-problem-hours-typed = Escribe el horario como 09:00-13:00, 14:00-18:00, o deja el día vacío si está cerrado.
policy-problem-holiday-typed = «{ $line }» no es una fecha: una fecha por línea, como 2026-12-25.
policy-problem-target = Indica las horas para responder: más de 0, como mucho 60 días.
policy-problem-alarm = La alerta llega en el plazo o después, dentro de 60 días.
policy-problem-zone = Indica la zona horaria del equipo, como Europe/Madrid.
policy-problem-no-hours = Abre al menos un día.
policy-problem-span = Cada franja cierra después de abrir y no se solapa con otra.
policy-problem-holidays = Indica como mucho 400 festivos.
policy-times = una respuesta en { $target } h, la alerta a las { $alarm } h
policy-clock-always = Cuentan todas las horas
policy-clock-business = Horario laboral, { $zone }: { $hours }
day-mon = Lunes
day-tue = Martes
day-wed = Miércoles
day-thu = Jueves
day-fri = Viernes
day-sat = Sábado
day-sun = Domingo

## Posponer (docs/snooze.md)

snooze-past = Elija una hora posterior a ahora.
snooze-too-far = Elija una fecha dentro de un año.
snooze-later-today = Más tarde hoy
snooze-tomorrow = Mañana
snooze-next-week = La próxima semana

## Etiquetas (docs/labels.md)

label-colour-red = Rojo
label-colour-orange = Naranja
label-colour-yellow = Amarillo
label-colour-green = Verde
label-colour-teal = Verde azulado
label-colour-blue = Azul
label-colour-purple = Morado
label-colour-grey = Gris
label-problem-no-name = Dé un nombre a la etiqueta.
label-problem-too-long = El nombre de una etiqueta tiene como máximo 40 caracteres.
label-problem-taken = Otra etiqueta tiene este nombre.

## Vistas guardadas (docs/saved-views.md)

saved-view-problem-no-name = Dé un nombre a la vista.
saved-view-problem-name-long = El nombre de una vista tiene como máximo 60 caracteres.
saved-view-problem-query-long = Esta vista contiene demasiado para guardarse: acorte su texto.
