# inbox: the inbox: list, filters, views, live state, shortcuts

## L’en-tête de la boîte de réception : son titre, l’actualisation, la lecture à l’ouverture, la recherche par référence

inbox-title-assignee-status = { $assignee } · { $status }
inbox-title-reference = { $view } · référence { $reference }
inbox-title-backend = { $view } · { $backend }
inbox-refresh-label = Actualiser la boîte de réception
inbox-refresh = Actualiser
inbox-loading = Chargement des conversations…
inbox-read-on-open = Marquer les conversations comme lues (confirmer les dossiers) quand je les ouvre
inbox-reference-search = Rechercher par référence de commande ou de voyage
inbox-reference-find = Rechercher

## Le corps de la boîte de réception : ce que la page filtre, le nombre, la suite, ce qui n’a pas pu être affiché
## ($parts : les critères du filtre, reliés par filter-parts-and ou filter-parts-or)

inbox-filtered-here = { $count ->
    [one] Filtré ici par { $parts } : sur { $count } conversation chargée. Faites défiler pour en charger d’autres.
   *[other] Filtré ici par { $parts } : sur les { $count } conversations chargées. « Charger plus de conversations » apporte les plus anciennes.
}
inbox-sorted-here-oldest = { $count ->
    [one] Trié ici : activité la plus ancienne d’abord, parmi { $count } conversation chargée. « Charger plus de conversations » apporte les plus anciennes.
   *[other] Trié ici : activité la plus ancienne d’abord, parmi les { $count } conversations chargées. « Charger plus de conversations » apporte les plus anciennes.
}
inbox-sorted-here-due = { $count ->
    [one] Trié ici : le plus urgent d’abord, parmi { $count } conversation chargée. « Charger plus de conversations » apporte les plus anciennes.
   *[other] Trié ici : le plus urgent d’abord, parmi les { $count } conversations chargées. « Charger plus de conversations » apporte les plus anciennes.
}
filter-part-channel = canal
filter-part-unread = non lues
filter-part-activity-dates = dates d’activité
filter-part-text = texte
filter-part-overdue = en retard
filter-parts-and = { $first } et { $second }
filter-parts-or = { $first } ou { $second }
inbox-count = { $count ->
    [one] { $count } conversation
   *[other] { $count } conversations
}
inbox-count-loaded = { $count ->
    [one] { $count } conversation chargée
   *[other] { $count } conversations chargées
}
inbox-loading-more = Chargement de la suite…
inbox-load-more = Charger plus de conversations
inbox-none-in-view = { $backend } n’en a aucune dans cette vue : { $reason }.
inbox-backend-failed = { $backend } n’a pas pu être chargé ; les autres backends restent affichés, et il est de nouveau interrogé séparément.
inbox-backend-filtered-here = { $backend } ne sait pas filtrer lui-même par { $parts } : seules ses conversations chargées sont filtrées ici.
inbox-unreadable = { $count ->
    [one] { $count } conversation envoyée par un backend n’a pas pu être lue et n’est pas affichée.
   *[other] { $count } conversations envoyées par un backend n’ont pas pu être lues et ne sont pas affichées.
}
inbox-backend-unsupported = { $backend } est connecté au serveur, mais cette console ne sait pas encore le lire.
inbox-empty-title = Aucune conversation ici
inbox-empty-signed-out = Connectez-vous pour voir vos conversations.
inbox-empty-mine = Rien ne vous est attribué dans cette vue.
inbox-empty-other-view = Essayez une autre vue à gauche, ou effacez le filtre.

## Les vues, dans le volet de gauche

views-label = Vues de la boîte de réception
views-conversations = Conversations
views-status = Statut
views-backends = Backends
views-counts-note = Le nombre d’un backend est son propre total quand il le donne ; les autres nombres portent sur les conversations chargées, avec + tant qu’il en reste à charger.
views-count-partial = { $count }+
views-count-partial-label = { $count ->
    [one] { $count } chargée, d’autres à charger
   *[other] { $count } chargées, d’autres à charger
}
views-unread-only = Non lues uniquement
views-all-backends = Tous les backends
views-channels = Canaux
views-all-channels = Tous les canaux
views-to-treat = À traiter

## Les lignes de la liste

list-label = Conversations
list-unread = Non lue
list-unassigned = Non attribuée
list-stale = Pas à jour
list-stale-because = Pas à jour : { $reason }

## Les filtres : dernière activité et texte, et l’ordre

filter-last-activity = Dernière activité
filter-from = Du
filter-until = Au
filter-until-needs-from = Choisissez d’abord un premier jour
filter-any-date = Toutes les dates
filter-text-label = Filtrer les conversations chargées
filter-text-placeholder = Filtrer : client, objet, message  ( / )
filter-clear = Effacer
sort-label = Ordre
sort-newest = Activité la plus récente d’abord
sort-oldest = Activité la plus ancienne d’abord (attente la plus longue)
sort-due = Temps restant pour répondre (le plus urgent d’abord)

## Trouver un ticket par le numéro que connaissent les agents ($number : le nom que le backend lui donne)

find-number-label = { $number } ({ $backend })
find-number-open = Ouvrir le ticket
find-number-opening = Ouverture…
find-number-type-first = Saisissez d’abord le numéro du ticket.
find-number-no-ticket = Aucun ticket ne porte le numéro { $number }.
find-number-not-found = Introuvable : { $reason }

## Le bandeau du direct

live-offline = Vous êtes hors ligne. Ce que vous saisissez est conservé ; la boîte de réception se mettra à jour au retour du réseau.
live-reconnecting = Reconnexion… Les backends ne répondent pas ; nouvelle tentative en cours.
live-back = De nouveau en direct : la boîte de réception est à jour.
live-polling = Les mises à jour en direct sont suspendues : la boîte de réception est vérifiée toutes les quelques secondes.

## Raccourcis clavier (les touches elles-mêmes ne sont pas traduites)

shortcut-sheet-title = Raccourcis clavier
shortcut-next = Conversation suivante dans la liste
shortcut-previous = Conversation précédente dans la liste
shortcut-open = Ouvrir la conversation sélectionnée
shortcut-reply = Répondre : aller à la zone de réponse
shortcut-note = Note interne : aller à la zone, pour en écrire une
shortcut-assign = Attribuer : aller au choix de l’agent
shortcut-close-next = Fermer, puis ouvrir la conversation suivante
shortcut-mark-unread = Marquer la conversation ouverte comme non lue
shortcut-filter = Filtrer la liste
shortcut-send = Envoyer la réponse
shortcut-leave-field = Quitter le champ et revenir à la liste
shortcut-show-sheet = Afficher ces raccourcis
shortcut-sheet-hint = Les raccourcis sont inactifs pendant que vous tapez dans un champ ; Esc permet d’en sortir.
shortcut-sheet-close = Fermer

## Quand la session a pris fin

session-ended-title = Votre session est terminée
session-ended-hint = Reconnectez-vous pour continuer. Tout reste tel que vous l’avez laissé, votre réponse aussi.

palette-open = Commandes
palette-title = Commandes
palette-label = Aller à une vue, un backend ou une conversation, ou lancer un outil
palette-placeholder = Tapez une vue, un backend, un client ou un outil…
palette-count = { $count ->
    [one] Une commande
   *[other] { $count } commandes
}
palette-back = Retour aux commandes
palette-tool-reference = Trouver par référence de commande ou de voyage…
palette-tool-follow = Suivre un dossier ou une commande…
palette-tool-number = Ouvrir un ticket par son numéro…
palette-tool-read-setting = Réglage : marquer lu à l’ouverture…
filter-more = Plus de filtres
filter-chips-label = Filtres appliqués
filter-chip-range = Actives du { $from } au { $until }
filter-chip-from = Actives depuis le { $from }
filter-chip-oldest = Les plus anciennes d’abord
filter-chip-reference = Référence { $reference }
filter-chip-remove = Retirer le filtre : { $filter }
shortcut-palette = Ouvrir la palette de commandes (vues, conversations, outils)
palette-open-hint = Ctrl+K ou ⌘+K

## Mentions (propres à Switchboard, docs/notes.md)

mentions-view = Mentions
mentions-heading = Mentions
mentions-loading = Chargement de vos mentions…
mentions-none = Personne ne vous a encore mentionné
mentions-none-hint = Quand un collègue écrit @ et votre nom dans une note interne, elle s’affiche ici.
mentions-not-loaded = Vos mentions n’ont pas pu être chargées.
mentions-new = Nouveau
mention-announced = { $author } vous a mentionné : « { $excerpt } »
mention-open = Ouvrir
mention-dismiss = Fermer

## Qui d’autre est là (propre à Switchboard, docs/presence.md)

presence-viewing = { $name } consulte
presence-typing = { $name } écrit

## Les délais de réponse dans la liste ($time : une durée comme « 3 h 20 min » ; $count : des conversations)

deadline-row-left = reste { $time }
deadline-row-overdue = { $time } de retard
views-overdue = En retard
title-overdue = { $count } en retard

## Sélectionner des conversations et les modifier toutes à la fois ($count : des conversations ;
## $action : le bouton de l’action, comme « Fermer » ; $done, $total, $failed : des conversations ; $name : un client)

row-pick = Sélectionner { $name }
bulk-toolbar = Conversations sélectionnées
bulk-selected = { $count ->
    [one] { $count } sélectionnée
   *[other] { $count } sélectionnées
}
bulk-select-all = Sélectionner les { $count } de cette vue
bulk-select-all-more = Tout sélectionner dans cette vue ({ $count } chargées, d’autres à venir)
bulk-all-selected = Les { $count } conversations de cette vue sont sélectionnées.
bulk-all-selected-more = Toutes les conversations de cette vue sont sélectionnées ({ $count } chargées, les autres se chargent d’abord).
bulk-clear = Effacer la sélection
bulk-close = Fermer
bulk-reopen = Rouvrir
bulk-assign = Attribuer
bulk-assign-to = Attribuer à
bulk-assignee-me = { $name } (vous)
bulk-mark-read = Marquer comme lu
bulk-loading = Chargement du reste de la vue : { $count } conversations pour l’instant…
bulk-progress = { $action } : { $done } sur { $total } faites, { $failed } en échec
bulk-finished = { $action } : { $done } faites, { $failed } en échec
bulk-stopped = { $action }, arrêté : { $done } sur { $total } faites, { $failed } en échec
bulk-stop = Arrêter
bulk-failed-heading = Non modifiées, et pourquoi
bulk-retry = { $count ->
    [one] Réessayer celle en échec
   *[other] Réessayer les { $count } en échec
}
shortcut-pick = Sélectionner la conversation courante ; avec Maj et ↓ ↑, sélectionner en se déplaçant

## Conversations en attente ($time : quand elle revient ; $name : un client ; $count : conversations)

views-snoozed = En attente
row-snoozed-until = En attente jusqu'à { $time }
snooze-back = { $name } est de retour
snooze-back-heading = De retour d'attente
snooze-back-open = Ouvrir
snooze-back-dismiss = Fermer
filter-part-snoozed = en attente
bulk-snooze = Mettre en attente
bulk-snooze-until = En attente jusqu'à
shortcut-snooze = Mettre en attente la conversation ouverte : choisir jusqu'à quand

## Étiquettes dans la liste

views-labels = Étiquettes
filter-part-label = étiquette
bulk-label = Ajouter l'étiquette
bulk-unlabel = Retirer l'étiquette
bulk-label-which = Étiquette

## Vues enregistrées dans la barre latérale ($name : le nom d'une vue)

views-saved = Vues enregistrées
saved-view-shared = Partagée
saved-view-remove = Supprimer la vue { $name }
saved-view-new = Enregistrer cette vue
saved-view-name = Nom de la vue
saved-view-share = Partager avec l'équipe
saved-view-save = Enregistrer
saved-view-cancel = Annuler
saved-view-failed = La vue n'a pas pu être enregistrée.
saved-view-not-removed = La vue n'a pas pu être supprimée.
