# backends: what each backend adds: follows, session facts, and the connectors' refusals

## Seguir elementos en los backends que no pueden listarlos ($by: case-guid, order-id, o id cuando un backend no lo indica)

follow-backend-label = Backend en el que seguir un elemento
follow-backend-option = { $by ->
    [case-guid] GUID de caso ({ $backend })
    [order-id] ID de pedido ({ $backend })
   *[other] ID ({ $backend })
}
follow-id-label = ID que quieres seguir
follow-id-placeholder = { $by ->
    [case-guid] Seguir por GUID de caso
    [order-id] Seguir por ID de pedido
   *[other] Seguir por ID
}
follow-button = Seguir
follow-checking = Comprobando…
follow-unknown-item = { $by ->
    [case-guid] El backend no conoce ningún elemento con este GUID de caso.
    [order-id] El backend no conoce ningún elemento con este ID de pedido.
   *[other] El backend no conoce ningún elemento con este ID.
}
follow-item-forbidden = Este elemento pertenece a otra persona: el backend lo rechaza.
follow-not-followed = No se siguió: { $reason }
follow-not-opened = No se abrió: { $reason }
follow-open-it = Abrirlo: { $item }
follow-stop = Dejar de seguir
follow-still-followed = Sigue en seguimiento: { $reason }

## Los datos de una sesión de soporte: el teléfono para devolver la llamada y el encargado del pedido

session-callback-phone = Teléfono para devolver la llamada
session-callback-phone-save = Guardar teléfono
session-callback-phone-now = El teléfono para devolver la llamada ahora es { $phone }.
session-callback-phone-removed = Teléfono para devolver la llamada eliminado.
session-performer-label = Encargado del pedido
session-performer-placeholder = ID del conductor, repartidor o médico
session-rating-label = Valoración
session-rating-placeholder = 4.5, o gte 4.5 && lte 5
session-performer-set = Asignar encargado
session-performer-change = Cambiar encargado
session-performer-remove = Quitar encargado
session-performer-now = Encargado { $id } asignado.
session-performer-removed = Encargado quitado.
session-facts-not-changed = No se cambió: { $reason }

## Lo que un backend puede no saber hacer

connector-cannot-keep-read-state = Este backend no guarda un estado de lectura.
connector-cannot-keep-callback-phone = Este backend no guarda un teléfono para devolver la llamada.
connector-cannot-keep-performer = Este backend no guarda el encargado de un pedido.
connector-cannot-start-items = Este backend no permite crear elementos nuevos.
connector-cannot-find-by-number = Este backend no busca elementos por un número que vean los agentes.
connector-cannot-suggest-agent = Este backend no sugiere agentes.
connector-cannot-reassign = Este backend no reasigna por sí solo.
connector-cannot-take-contact-messages = Este backend no acepta mensajes de contacto.
connector-cannot-follow-up = Este backend no da a los clientes un enlace de seguimiento.
connector-no-replies = Este backend no acepta respuestas.

## Envío de archivos: lo que falló antes de que respondiera el servidor

connector-message-not-prepared = no se pudo preparar el mensaje
connector-file-not-prepared = no se pudo preparar un archivo
connector-file-unreadable = no se pudo leer { $name }
connector-upload-not-started = no se pudo iniciar la subida
connector-upload-failed = la subida falló

## Mensajes de caso

case-guid-shape = Un GUID de caso tiene 32 dígitos hexadecimales en grupos de 8-4-4-4-12, como 1e0abcb7-b94c-4072-a9c0-37072a1ef015.
case-cannot-change-status = Este backend no abre ni cierra casos: se gestionan en el sistema de casos del proveedor.
case-cannot-mark-unread = Este backend no puede marcar como no leído un mensaje confirmado.
# Un mensaje que quedó sin confirmar ($id: su número; $reason: uno de los dos motivos de abajo, o las palabras de la API).
case-not-confirmed-message = mensaje { $id }: { $reason }
case-confirm-not-found = no encontrado (probablemente eliminado)
case-confirm-no-access = sin acceso a su caso
# $list: los mensajes de arriba, separados por punto y coma.
case-some-not-confirmed = Algunos mensajes no se confirmaron como leídos ({ $list }); los demás sí.

## Sesiones de soporte

session-no-messages = Una sesión de soporte no tiene mensajes: la API de gestión de soporte guarda el teléfono para devolver la llamada y el encargado de un pedido, no una conversación. En su lugar se muestran sus datos y los cambios hechos a través de Switchboard.
session-open-for-order = Abrir una sesión de soporte para este pedido: { $item }
session-order-id-shape = Un ID de pedido tiene de 1 a { $max } caracteres, sin saltos de línea.
session-performer-id-length = El ID del encargado necesita de 1 a { $max } caracteres.
# $phone: el número, o session-no-callback-phone; $agent: el ID del encargado (con su valoración), o session-no-performer.
session-changed-meanwhile = Alguien cambió esta sesión de soporte desde que la leíste. Teléfono para devolver la llamada actual: { $phone }; encargado del pedido: { $agent }. Tu solicitud no cambió nada.
session-no-callback-phone = ninguno
session-no-performer = ninguno
session-cannot-reply = Este backend no acepta respuestas: una sesión de soporte no tiene mensajes.
session-cannot-assign = Este backend no permite asignar agentes de Switchboard: el encargado de una sesión es el del pedido.
session-cannot-archive = Este backend no permite archivar una sesión.

## Octopia

# Por qué Octopia no tiene nada en una vista, después de «<backend> no tiene nada en esta vista:».
octopia-none-archived = sus conversaciones están abiertas o cerradas, nunca archivadas
octopia-cannot-archive = Las conversaciones de Octopia no se pueden archivar.
octopia-discussions-to-treat = Conversaciones por tratar
octopia-claims-to-treat = Reclamaciones por tratar

## PostCenter

# Lo que PostCenter no puede filtrar por sí mismo, después de «<backend> no puede filtrar por».
postcenter-filtered-unassigned = sin asignar (PostCenter lista todos los tickets)
kept-filtered-unassigned = sin asignar (Switchboard guarda estas asignaciones; el backend lista todas las conversaciones)
postcenter-no-replies = La API de PostCenter no permite responder a un ticket: respóndelo en PostCenter.
postcenter-cannot-reply = Este backend no acepta respuestas: responde al ticket en PostCenter.
postcenter-cannot-assign = Este backend no permite asignar un agente elegido: pide a PostCenter que lo reasigne.
postcenter-only-close = Este backend no permite reabrir ni archivar tickets, solo cerrarlos.
postcenter-ticket-number = Número de ticket
postcenter-ticket-number-shape = Un número de ticket solo tiene dígitos, tal como lo muestra PostCenter (por ejemplo, 261).
postcenter-open-ticket = Abrir el ticket #{ $number } en PostCenter

## Mensajes de casos y sesiones de soporte: valores de los backends

# Un caso tal como lo nombra la consola ($id: su caseId), y el estado de un caso sin mensajes.
case-name = Caso { $id }
case-no-messages = Sin mensajes
# El tipo de un mensaje de caso (las opciones del cuadro de respuesta, la etiqueta del hilo).
case-type-service-comment = Comentario del servicio
case-type-customer-center-reply = Respuesta del centro de atención al cliente
case-type-cost-proposal-reject-rur = Presupuesto rechazado: devolución sin reparar
case-type-cost-proposal-reject-scrap = Presupuesto rechazado: desguace
case-type-status-request = Solicitud de estado
case-type-spare-parts = Piezas de repuesto
case-type-reminder = Recordatorio
case-type-cost-proposal = Presupuesto
case-type-shipment = Envío
case-type-forwarding = Reenvío
# Quién envió un mensaje de caso: el socio es el lado de esta consola, el proveedor el reparador, el sistema la plataforma.
case-sender-partner = Socio de servicio
case-sender-provider = Proveedor de servicio
case-sender-system = Sistema
# El asunto de una sesión de soporte ($order: el ID del pedido), y la etiqueta de su encargado ($agent: su ID, o session-agent-with-rating).
session-subject = Soporte para el pedido { $order }
session-agent-badge = Encargado { $agent }
# $rating: la valoración tal como se lee, sus comparaciones unidas con rating-and y sus alternativas con rating-or.
session-agent-with-rating = { $id } · valoración { $rating }
# Las comparaciones de una valoración ($first, $second: «≥ 4», «4.5»; los operadores siguen siendo símbolos).
rating-and = { $first } y { $second }
rating-or = { $first }, o { $second }
# El historial de una sesión de soporte, una frase por cambio ($who: un nombre, un ID, o session-history-someone; un teléfono o encargado ausente: session-history-no-phone, session-history-no-agent).
session-history-someone = Alguien
session-history-no-phone = ninguno
session-history-no-agent = ninguno
session-history-opened = { $who } abrió la sesión.
session-history-opened-with-phone = { $who } abrió la sesión, teléfono para devolver la llamada { $phone }.
session-history-phone-changed = { $who } cambió el teléfono para devolver la llamada de { $from } a { $to }.
session-history-agent-set = { $who } asignó el encargado: { $agent }.
session-history-agent-changed = { $who } cambió el encargado de { $from } a { $to }.
session-history-agent-removed = { $who } quitó al encargado { $agent }.
session-history-closed = { $who } cerró la sesión.
# $event: un cambio que esta consola no conoce, tal como lo nombra el backend.
session-history-other = { $who } hizo «{ $event }».
session-history-changed = { $who } hizo un cambio.
# Por qué se rechaza un teléfono para devolver la llamada: lo que debe ser el número (se muestra bajo el campo, o tras su nombre en el rechazo del servidor).
phone-problem-blank = no puede estar vacío: indica un número internacional, por ejemplo +33 6 12 34 56 78
phone-problem-too-long = { $max ->
    [one] debe tener como máximo { $max } carácter
   *[other] debe tener como máximo { $max } caracteres
}
phone-problem-no-plus = debe empezar por + y el prefijo del país (E.164), por ejemplo +33 6 12 34 56 78
# $char: el carácter rechazado.
phone-problem-not-a-digit = solo puede contener dígitos después del + (y espacios, puntos, guiones o paréntesis entre ellos), no «{ $char }»
phone-problem-leading-zero = debe tener el prefijo del país justo después del +, que nunca empieza por 0, por ejemplo +33 6 12 34 56 78
phone-problem-digit-count = debe tener de { $min } a { $max } dígitos después del + (tiene { $count }), por ejemplo +33 6 12 34 56 78
# Por qué se rechaza la valoración de un encargado: lo que tiene mal ($at: el carácter donde empieza el problema, contando desde 1; $op, $previous: gt, gte, lt o lte; $connective: && o ||).
rating-problem-blank = no puede estar vacía: indica un valor (4.5) o una expresión (gte 4)
rating-problem-too-long = { $max ->
    [one] debe tener como máximo { $max } carácter
   *[other] debe tener como máximo { $max } caracteres
}
rating-problem-operator-after-number = necesita && o || antes de «{ $op }» en el carácter { $at }
rating-problem-two-operators = tiene «{ $op }» justo después de «{ $previous }» en el carácter { $at }: un solo operador por número
rating-problem-two-numbers = necesita && o || entre dos números en el carácter { $at }
rating-problem-number-before-connective = necesita un número después de «{ $op }», no { $connective } en el carácter { $at }
rating-problem-comparison-before-connective = necesita una comparación antes de { $connective } en el carácter { $at }
rating-problem-number-at-end = necesita un número después de «{ $op }» en el carácter { $at }
rating-problem-ends-with-connective = termina en && o ||: debe seguir una comparación
# $char: & o |, escrito una sola vez.
rating-problem-single-symbol = tiene un «{ $char }» suelto en el carácter { $at }: escribe { $char }{ $char }
rating-problem-number-ends-in-dot = tiene un número que termina en «.» en el carácter { $at }: escribe 4 o 4.5
rating-problem-unknown-word = tiene «{ $word }» en el carácter { $at }: los operadores son gt, gte, lt y lte
rating-problem-unexpected-character = tiene «{ $char }» en el carácter { $at }: una valoración es un número, gt, gte, lt, lte, && y ||
