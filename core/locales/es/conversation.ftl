# conversation: a conversation: header, thread, reply box, outbox, assignment

## Abrir una conversación

conversation-loading = Cargando la conversación…
conversation-backend-not-connected = El backend de esta conversación no está conectado
conversation-no-such-backend = Ningún backend conectado se llama «{ $backend }».
conversation-not-loaded = No se pudo cargar esta conversación.
# En el cuadro de respuesta mientras se carga la conversación.
conversation-reply-waits = Cargando…
conversation-stale-hint = Esta es la conversación tal como está ahora: vuelve a cambiarla si todavía quieres hacerlo.
conversation-dismiss = Ocultar

## El encabezado

conversation-back-to-inbox = ← Volver a la bandeja de entrada
conversation-reference-title = Referencia
conversation-reason-title = Motivo
conversation-unread-badge = No leída
conversation-more-from-backend = Más datos del backend
conversation-mark-read = Marcar como leída
conversation-mark-unread = Marcar como no leída
conversation-cannot-mark-unread = { $backend } no puede volver a marcarla como no leída: sus mensajes se confirman como leídos, sin vuelta atrás.
conversation-not-marked-read = No se marcó como leída: { $reason }

## Lo que oyen los lectores de pantalla tras un cambio

conversation-marked-read = Marcada como leída.
conversation-marked-unread = Marcada como no leída.
conversation-reply-sent-reopened = Respuesta enviada. La conversación está abierta de nuevo.

## El hilo

thread-messages = Mensajes
thread-loading = Cargando los mensajes…
thread-not-loaded = No se pudieron cargar los mensajes.
thread-load-older = Cargar mensajes anteriores
thread-loading-older = Cargando mensajes anteriores…
thread-older-not-loaded = No se pudieron cargar los mensajes anteriores.
thread-empty = Todavía no hay mensajes
thread-empty-hint = Escribe la primera respuesta abajo.
thread-author-customer = Cliente
thread-author-agent = Agente
thread-author-system = Sistema
thread-author-unknown = Remitente desconocido
# $recipients: los nombres, según el backend, de quienes recibieron el mensaje, separados por comas.
thread-recipients = para { $recipients }
thread-unread = no leído
thread-reply-to-this = Responder a este mensaje
# $author: quien escribió el mensaje respondido (o su tipo); $snippet: sus primeras palabras.
thread-in-reply-to = En respuesta a { $author }: «{ $snippet }»
thread-in-reply-to-unnamed = En respuesta a un mensaje: «{ $snippet }»
thread-in-reply-to-earlier = En respuesta a un mensaje anterior
thread-attachments = Adjuntos
# Un adjunto cuyo tipo no indica el backend.
thread-media = Multimedia
thread-show-large = Ver { $name } en grande
thread-download = Descargar
thread-download-named = Descargar { $name }
thread-lightbox-close = Cerrar

## El cuadro de respuesta

reply-label = Respuesta
reply-placeholder = Escribe una respuesta…  (Ctrl+Enter para enviar)
reply-send-to = Enviar a
reply-kind-label = Tipo
reply-replying-to = Respondiendo a { $author }: «{ $snippet }»
reply-replying-to-cancel = No responder a este mensaje en particular
reply-closed-reopens = Esta conversación está cerrada. Al enviar tu respuesta, se reabrirá.
reply-closed-stays-closed = Esta conversación está cerrada y este backend no puede reabrirla: tu respuesta se enviará y la conversación seguirá cerrada.
reply-sent-reopened = Tu respuesta se envió y la conversación está abierta de nuevo.
reply-not-signed-in = No has iniciado sesión: vuelve a iniciar sesión para enviar esta respuesta.
reply-choose-recipients = Elige quién recibe esta respuesta.
reply-not-sent = Tu respuesta no se envió. Sigue aquí; vuelve a intentarlo.
reply-maybe-not-sent = Puede que tu respuesta no se haya enviado: no llegó ninguna respuesta. Sigue aquí; se reenvía sola cuando vuelve la red, y nunca se duplica.
reply-edited-not-sent = Tu respuesta editada no se envió: la versión anterior ya había llegado y está en el hilo. Tu texto sigue aquí.

## La bandeja de salida: una respuesta que se está enviando o sin confirmar

outbox-label = Bandeja de salida
outbox-not-confirmed = Sin confirmar
outbox-not-sent = No enviada
outbox-maybe-not-sent = Quizá no se envió
outbox-retry-hint = Reintentar la envía una vez; si ya había llegado, no se duplica.
outbox-maybe-not-sent-because = Quizá no se envió: { $reason }. Reintentar la envía una vez; si ya había llegado, no se duplica.
outbox-sending = Enviando
outbox-unconfirmed = Sin confirmar: la página se cerró mientras se enviaba esta respuesta. Reintentar la envía una sola vez; si ya llegó, no se duplica.
outbox-not-sent-because = No enviada: { $reason }
# El principio del texto de la respuesta, entre comillas.
outbox-quoted-preview = «{ $text }»
outbox-action-retry = Reintentar
outbox-action-discard = Descartar

## Asignación

assign-label = Asignada a
assign-unassigned = Sin asignar
assign-unknown-agent = Agente desconocido ({ $id })
assign-not-allowed = Este backend no permite asignar agentes
assign-hint = Pulsa Enter o Guardar para reasignar.
assign-save = Guardar
assign-take-it = Asignármela
assign-already-yours = Ya está asignada a ti
assign-now-unassigned = Ahora sin asignar.
assign-assigned-to = Asignada a { $name }.
assign-not-reassigned = No se reasignó: { $reason }

## Asignación por el backend (PostCenter)

# Seguido del nombre del agente, en negrita.
assign-in-postcenter-to = Asignado en PostCenter a
assign-no-one = nadie
# Un agente que PostCenter solo conoce por su número.
assign-backend-agent-number = agente { $id }
assign-suggest-agent = Sugerir un agente
assign-reassign-automatically = Reasignar automáticamente
assign-closed-ticket = Un ticket cerrado conserva su agente: PostCenter solo reasigna tickets abiertos. Reábrelo en PostCenter para reasignarlo.
assign-reassigning = Reasignando…
assign-suggested = PostCenter asignaría el ticket a { $agent }.
assign-suggested-with-reason = PostCenter asignaría el ticket a { $agent }. Motivo indicado: «{ $reason }».
assign-no-agent-available = No hay ningún agente disponible para atenderlo ahora.
assign-no-agent-available-with-reason = No hay ningún agente disponible para atenderlo ahora. Motivo indicado: «{ $reason }».
assign-no-suggestion = Sin sugerencia: { $reason }
assign-reassigned-automatically = Reasignado automáticamente a { $agent }.

## Llegadas, anunciadas

conversation-new-message-from = Nuevo mensaje de { $name }.
conversation-new-message = Nuevo mensaje.
conversation-new-messages = { $count ->
    [one] { $count } mensaje nuevo.
   *[other] { $count } mensajes nuevos.
}

## Notas internas (propias de Switchboard, docs/notes.md)

compose-mode-label = Escribir
compose-reply = Respuesta
compose-note = Nota interna
compose-switch-hint = Alt+N cambia entre respuesta y nota interna.
note-placeholder = Escribe una nota interna para el equipo…  (@ nombra a un compañero, Ctrl+Enter la añade)
note-hint = Solo tu equipo ve las notas internas. Nunca se envían al cliente ni al backend.
note-add = Añadir nota interna
note-adding = Añadiendo…
note-added = Nota interna añadida.
note-empty = Escribe primero la nota.
note-too-long = Una nota puede tener como máximo { $max } caracteres.
note-not-added = Tu nota no se añadió. Sigue aquí; inténtalo de nuevo.
notes-not-loaded = No se pudieron cargar las notas internas.
thread-note-label = Nota interna
mention-options-label = Compañeros a mencionar
mention-offered = { $count ->
    [0] Ningún compañero con ese nombre.
    [one] Un compañero propuesto. Arriba y abajo para elegir, Intro escribe el nombre, Esc cierra.
   *[other] { $count } compañeros propuestos. Arriba y abajo para elegir, Intro escribe el nombre, Esc cierra.
}

## Before a reply goes: what changed since it began

reply-since-title = Esta conversación cambió desde que empezaste a escribir:
reply-since-customer = El cliente escribió un mensaje nuevo.
reply-since-reply = Otra persona respondió.
reply-since-notes = { $count ->
    [one] Un compañero añadió una nota interna.
   *[other] Tus compañeros añadieron { $count } notas internas.
}
reply-since-status = Su estado es ahora { $status }.
reply-since-assigned = Ahora está asignada a { $name }.
reply-since-unassigned = Ya no está asignada.
reply-since-hint = Tu respuesta se conserva en ambos casos.
reply-since-send = Enviar de todos modos
reply-since-review = Revisar primero

## Saved replies: the picker in the reply box, and their settings page

saved-replies-open = Respuestas guardadas
saved-replies-search-label = Buscar una respuesta guardada
saved-replies-search-placeholder = Buscar en títulos y textos
saved-replies-offered = { $count ->
    [0] Ninguna respuesta guardada coincide.
    [one] Una respuesta guardada. Arriba y abajo eligen, Intro inserta, Esc cierra.
   *[other] { $count } respuestas guardadas. Arriba y abajo eligen, Intro inserta, Esc cierra.
}
saved-replies-none = Ninguna respuesta guardada coincide con lo que escribió.
saved-replies-empty = Todavía no hay respuestas guardadas.
saved-replies-manage = Gestionar las respuestas guardadas
saved-replies-loading = Cargando las respuestas guardadas…
saved-replies-not-loaded = No se pudieron cargar las respuestas guardadas.
saved-replies-personal = Personal
saved-replies-languages = Idiomas
saved-replies-preview = Vista previa
saved-replies-insert = Insertar
saved-replies-cancel = Cancelar
saved-replies-ask-title = «{ $title }» necesita lo que esta conversación no dice:
saved-replies-ask-missing = Complete primero { $name }.
saved-replies-inserted = «{ $title }» insertada.
variable-customer-name = El nombre del cliente
variable-reference = La referencia del pedido o del caso
variable-agent-name = Su nombre
variable-typology = El motivo del comprador
variable-ticket-number = El número del ticket
variable-callback-phone = El teléfono de devolución de llamada
settings-replies-heading = Respuestas guardadas
settings-replies-intro = Las respuestas del equipo se ofrecen a todos y solo los administradores las cambian. Sus respuestas personales solo se le ofrecen a usted.
settings-replies-new = Nueva respuesta guardada
settings-replies-edit = Editar
settings-replies-retire = Retirar
settings-replies-restore = Restaurar
settings-replies-retired = Retirada
settings-replies-team = Equipo
settings-replies-history = Historial
settings-replies-title = Título
settings-replies-text = Texto en { $lang }
settings-replies-scope = Para quién
settings-replies-scope-team = Todo el equipo
settings-replies-scope-personal = Solo yo
settings-replies-variables = Variables que rellena la conversación: { $list }
settings-replies-save = Guardar
settings-replies-saving = Guardando…
settings-replies-saved = «{ $title }» guardada.
settings-replies-not-saved = La respuesta no se guardó. Lo que escribió sigue aquí.
settings-replies-stale = Un compañero cambió esta respuesta mientras tanto. Vuelva a cargarla y haga de nuevo su cambio.
settings-replies-admin-only = Solo los administradores cambian las respuestas del equipo.
settings-replies-revision = Versión { $revision }, { $name }
settings-replies-history-loading = Cargando su historial…
settings-replies-history-not-loaded = No se pudo cargar su historial.
settings-replies-problem-title-empty = Póngale un título.
settings-replies-problem-title-long = Un título admite como máximo { $max } caracteres.
settings-replies-problem-no-text = Escríbala en al menos un idioma.
settings-replies-problem-text-long = Un texto admite como máximo { $max } caracteres.
settings-replies-problem-unknown = { $name } no es una variable que Switchboard conozca.

## Response deadlines (docs/deadlines.md)

deadline-due = Respuesta esperada en { $time }
deadline-overdue = Con retraso de { $time }
deadline-alarm = Con retraso de { $time }, pasada la alerta
deadline-days = { $count } d
deadline-hours = { $count } h
deadline-minutes = { $count } min
deadline-no-answer-button = No necesita respuesta
deadline-no-answer = No necesita respuesta, según { $name }
deadline-undo = Deshacer
deadline-not-marked = No se pudo cambiar el reloj de la conversación.

## Posponer ($choice: «Mañana»; $time: un día y una hora; $name: un agente)

snooze-button = Posponer
snooze-menu = Posponer hasta
snooze-choice = { $choice }, { $time }
snooze-pick = Una fecha y una hora
snooze-pick-submit = Posponer hasta entonces
snooze-close = Cancelar
snooze-held = Pospuesta hasta { $time }, por { $name }
snooze-wake = Reactivar ahora
snooze-failed = No se pudo posponer la conversación.

## Etiquetas bajo la cabecera ($name: el nombre de una etiqueta)

labels-heading = Etiquetas
labels-add = Añadir etiqueta
labels-remove = Quitar la etiqueta { $name }
labels-find = Buscar o crear una etiqueta
labels-create = Crear la etiqueta «{ $name }»
labels-colour = Color
labels-done = Listo
labels-failed = No se pudieron cambiar las etiquetas.
