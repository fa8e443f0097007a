# inbox: the inbox: list, filters, views, live state, shortcuts

## La cabecera de la bandeja de entrada: su título, actualizar, leer al abrir, la búsqueda por referencia

inbox-title-assignee-status = { $assignee } · { $status }
inbox-title-reference = { $view } · referencia { $reference }
inbox-title-backend = { $view } · { $backend }
inbox-refresh-label = Actualizar la bandeja de entrada
inbox-refresh = Actualizar
inbox-loading = Cargando conversaciones…
inbox-read-on-open = Marcar las conversaciones como leídas (confirmar los casos) al abrirlas
inbox-reference-search = Buscar por referencia de pedido o de viaje
inbox-reference-find = Buscar

## El cuerpo de la bandeja de entrada: lo que filtra la página, el recuento, más páginas, lo que no se pudo mostrar
## ($parts: los criterios del filtro, unidos con filter-parts-and o filter-parts-or)

inbox-filtered-here = { $count ->
    [one] Filtrado aquí por { $parts }: sobre { $count } conversación cargada. Al desplazarte se cargan más.
   *[other] Filtrado aquí por { $parts }: sobre las { $count } conversaciones cargadas. «Cargar más conversaciones» trae las más antiguas.
}
inbox-sorted-here-oldest = { $count ->
    [one] Ordenado aquí: actividad más antigua primero, entre { $count } conversación cargada. «Cargar más conversaciones» trae las más antiguas.
   *[other] Ordenado aquí: actividad más antigua primero, entre las { $count } conversaciones cargadas. «Cargar más conversaciones» trae las más antiguas.
}
inbox-sorted-here-due = { $count ->
    [one] Ordenado aquí: lo más urgente primero, entre { $count } conversación cargada. «Cargar más conversaciones» trae las más antiguas.
   *[other] Ordenado aquí: lo más urgente primero, entre las { $count } conversaciones cargadas. «Cargar más conversaciones» trae las más antiguas.
}
filter-part-channel = canal
filter-part-unread = no leídas
filter-part-activity-dates = fechas de actividad
filter-part-text = texto
filter-part-overdue = con retraso
filter-parts-and = { $first } y { $second }
filter-parts-or = { $first } o { $second }
inbox-count = { $count ->
    [one] { $count } conversación
   *[other] { $count } conversaciones
}
inbox-count-loaded = { $count ->
    [one] { $count } conversación cargada
   *[other] { $count } conversaciones cargadas
}
inbox-loading-more = Cargando más…
inbox-load-more = Cargar más conversaciones
inbox-none-in-view = { $backend } no tiene ninguna en esta vista: { $reason }.
inbox-backend-failed = No se pudo cargar { $backend }; los demás backends se siguen mostrando y se le vuelve a consultar por separado.
inbox-backend-filtered-here = { $backend } no puede filtrar por { $parts } por sí mismo: solo se filtran aquí sus conversaciones cargadas.
inbox-unreadable = { $count ->
    [one] { $count } conversación enviada por un backend no se pudo leer y no se muestra.
   *[other] { $count } conversaciones enviadas por un backend no se pudieron leer y no se muestran.
}
inbox-backend-unsupported = { $backend } está conectado al servidor, pero esta consola aún no puede leerlo.
inbox-empty-title = No hay conversaciones aquí
inbox-empty-signed-out = Inicia sesión para ver tus conversaciones.
inbox-empty-mine = No tienes nada asignado en esta vista.
inbox-empty-other-view = Prueba otra vista a la izquierda, o borra el filtro.

## Las vistas, en el panel izquierdo

views-label = Vistas de la bandeja de entrada
views-conversations = Conversaciones
views-status = Estado
views-backends = Backends
views-counts-note = El recuento de un backend es su propio total cuando lo da; los demás recuentos son de las conversaciones cargadas, con + mientras quedan más por cargar.
views-count-partial = { $count }+
views-count-partial-label = { $count ->
    [one] { $count } cargada, quedan más por cargar
   *[other] { $count } cargadas, quedan más por cargar
}
views-unread-only = Solo no leídas
views-all-backends = Todos los backends
views-channels = Canales
views-all-channels = Todos los canales
views-to-treat = Por atender

## Las filas de la lista

list-label = Conversaciones
list-unread = No leída
list-unassigned = Sin asignar
list-stale = Desactualizada
list-stale-because = Desactualizada: { $reason }

## Los filtros: última actividad y texto, y el orden

filter-last-activity = Última actividad
filter-from = Desde
filter-until = Hasta
filter-until-needs-from = Elige primero un día de inicio
filter-any-date = Cualquier fecha
filter-text-label = Filtrar las conversaciones cargadas
filter-text-placeholder = Filtrar: cliente, asunto, mensaje  ( / )
filter-clear = Borrar
sort-label = Orden
sort-newest = Actividad más reciente primero
sort-oldest = Actividad más antigua primero (esperan desde hace más)
sort-due = Tiempo para responder (lo más urgente primero)

## Encontrar un ticket por el número que conocen los agentes ($number: como lo llama el backend)

find-number-label = { $number } ({ $backend })
find-number-open = Abrir ticket
find-number-opening = Abriendo…
find-number-type-first = Escribe primero el número del ticket.
find-number-no-ticket = Ningún ticket tiene el número { $number }.
find-number-not-found = No encontrado: { $reason }

## El aviso del directo

live-offline = Estás sin conexión. Lo que escribas se conserva; la bandeja de entrada se actualizará cuando vuelva la red.
live-reconnecting = Reconectando… Los backends no responden; volviendo a intentarlo.
live-back = De nuevo en directo: la bandeja de entrada está al día.
live-polling = Las actualizaciones en directo están en pausa: la bandeja de entrada se comprueba cada pocos segundos.

## Atajos de teclado (las teclas no se traducen)

shortcut-sheet-title = Atajos de teclado
shortcut-next = Conversación siguiente de la lista
shortcut-previous = Conversación anterior de la lista
shortcut-open = Abrir la conversación actual
shortcut-reply = Responder: ir al cuadro de respuesta
shortcut-note = Nota interna: ir al cuadro, para escribir una
shortcut-assign = Asignar: ir al agente asignado
shortcut-close-next = Cerrar y abrir la conversación siguiente
shortcut-mark-unread = Marcar la conversación abierta como no leída
shortcut-filter = Filtrar la lista
shortcut-send = Enviar la respuesta
shortcut-leave-field = Salir del campo y volver a la lista
shortcut-show-sheet = Mostrar estos atajos
shortcut-sheet-hint = Los atajos no hacen nada mientras escribes en un campo; Esc te saca de él.
shortcut-sheet-close = Cerrar

## Cuando la sesión ha terminado

session-ended-title = Tu sesión ha terminado
session-ended-hint = Vuelve a iniciar sesión para continuar. Todo sigue como lo dejaste, también tu respuesta.

palette-open = Comandos
palette-title = Comandos
palette-label = Ir a una vista, un backend o una conversación, o usar una herramienta
palette-placeholder = Escribe una vista, un backend, un cliente o una herramienta…
palette-count = { $count ->
    [one] Un comando
   *[other] { $count } comandos
}
palette-back = Volver a los comandos
palette-tool-reference = Buscar por referencia de pedido o de viaje…
palette-tool-follow = Seguir un caso o un pedido…
palette-tool-number = Abrir un ticket por su número…
palette-tool-read-setting = Ajuste: marcar como leída al abrir…
filter-more = Más filtros
filter-chips-label = Filtros aplicados
filter-chip-range = Activas del { $from } al { $until }
filter-chip-from = Activas desde el { $from }
filter-chip-oldest = Las más antiguas primero
filter-chip-reference = Referencia { $reference }
filter-chip-remove = Quitar el filtro: { $filter }
shortcut-palette = Abrir la paleta de comandos (vistas, conversaciones, herramientas)
palette-open-hint = Ctrl+K o ⌘+K

## Menciones (propias de Switchboard, docs/notes.md)

mentions-view = Menciones
mentions-heading = Menciones
mentions-loading = Cargando tus menciones…
mentions-none = Nadie te ha mencionado todavía
mentions-none-hint = Cuando un compañero escribe @ y tu nombre en una nota interna, aparece aquí.
mentions-not-loaded = No se pudieron cargar tus menciones.
mentions-new = Nueva
mention-announced = { $author } te mencionó: «{ $excerpt }»
mention-open = Abrir
mention-dismiss = Descartar

## Quién más está aquí (propio de Switchboard, docs/presence.md)

presence-viewing = { $name } está viendo
presence-typing = { $name } está escribiendo

## Los plazos de respuesta en la lista ($time: una duración como «3 h 20 min»; $count: conversaciones)

deadline-row-left = quedan { $time }
deadline-row-overdue = { $time } de retraso
views-overdue = Con retraso
title-overdue = { $count } con retraso

## Seleccionar conversaciones y cambiarlas todas a la vez ($count: conversaciones; $action: el
## botón de la acción, como «Cerrar»; $done, $total, $failed: conversaciones; $name: un cliente)

row-pick = Seleccionar { $name }
bulk-toolbar = Conversaciones seleccionadas
bulk-selected = { $count ->
    [one] { $count } seleccionada
   *[other] { $count } seleccionadas
}
bulk-select-all = Seleccionar las { $count } de esta vista
bulk-select-all-more = Seleccionar todo en esta vista ({ $count } cargadas, faltan más)
bulk-all-selected = Las { $count } conversaciones de esta vista están seleccionadas.
bulk-all-selected-more = Todas las conversaciones de esta vista están seleccionadas ({ $count } cargadas, el resto se carga antes).
bulk-clear = Quitar la selección
bulk-close = Cerrar
bulk-reopen = Reabrir
bulk-assign = Asignar
bulk-assign-to = Asignar a
bulk-assignee-me = { $name } (tú)
bulk-mark-read = Marcar como leídas
bulk-loading = Cargando el resto de la vista: { $count } conversaciones por ahora…
bulk-progress = { $action }: { $done } de { $total } hechas, { $failed } con error
bulk-finished = { $action }: { $done } hechas, { $failed } con error
bulk-stopped = { $action }, detenido: { $done } de { $total } hechas, { $failed } con error
bulk-stop = Detener
bulk-failed-heading = Sin cambiar, y por qué
bulk-retry = { $count ->
    [one] Reintentar la que falló
   *[other] Reintentar las { $count } que fallaron
}
shortcut-pick = Seleccionar la conversación actual; con Mayús y ↓ ↑, seleccionar al moverse

## Conversaciones pospuestas ($time: cuándo vuelve; $name: un cliente; $count: conversaciones)

views-snoozed = Pospuestas
row-snoozed-until = Pospuesta hasta { $time }
snooze-back = { $name } ha vuelto
snooze-back-heading = De vuelta
snooze-back-open = Abrir
snooze-back-dismiss = Descartar
filter-part-snoozed = pospuestas
bulk-snooze = Posponer
bulk-snooze-until = Posponer hasta
shortcut-snooze = Posponer la conversación abierta: elegir hasta cuándo

## Etiquetas en la lista

views-labels = Etiquetas
filter-part-label = etiqueta
bulk-label = Añadir etiqueta
bulk-unlabel = Quitar etiqueta
bulk-label-which = Etiqueta

## Vistas guardadas en la barra lateral ($name: el nombre de una vista)

views-saved = Vistas guardadas
saved-view-shared = Compartida
saved-view-remove = Eliminar la vista { $name }
saved-view-new = Guardar esta vista
saved-view-name = Nombre de la vista
saved-view-share = Compartir con el equipo
saved-view-save = Guardar
saved-view-cancel = Cancelar
saved-view-failed = No se pudo guardar la vista.
saved-view-not-removed = No se pudo eliminar la vista.
