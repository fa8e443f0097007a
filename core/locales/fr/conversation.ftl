# conversation: a conversation: header, thread, reply box, outbox, assignment

## Ouvrir une conversation

conversation-loading = Chargement de la conversation…
conversation-backend-not-connected = Le backend de cette conversation n’est pas connecté
conversation-no-such-backend = Aucun backend connecté ne s’appelle « { $backend } ».
conversation-not-loaded = Cette conversation n’a pas pu être chargée.
# Dans la zone de réponse pendant le chargement de la conversation.
conversation-reply-waits = Chargement…
conversation-stale-hint = Voici la conversation telle qu’elle est maintenant : modifiez-la de nouveau si vous le souhaitez toujours.
conversation-dismiss = Masquer

## L’en-tête

conversation-back-to-inbox = ← Retour à la boîte de réception
conversation-reference-title = Référence
conversation-reason-title = Motif
conversation-unread-badge = Non lue
conversation-more-from-backend = Autres informations du backend
conversation-mark-read = Marquer comme lu
conversation-mark-unread = Marquer comme non lu
conversation-cannot-mark-unread = { $backend } ne peut pas la remettre en non lu : ses messages se confirment comme lus, sans retour.
conversation-not-marked-read = Non marquée comme lue : { $reason }

## Annoncé aux lecteurs d’écran après un changement

conversation-marked-read = Marquée comme lue.
conversation-marked-unread = Marquée comme non lue.
conversation-reply-sent-reopened = Réponse envoyée. La conversation est de nouveau ouverte.

## Le fil

thread-messages = Messages
thread-loading = Chargement des messages…
thread-not-loaded = Les messages n’ont pas pu être chargés.
thread-load-older = Charger les messages précédents
thread-loading-older = Chargement des messages précédents…
thread-older-not-loaded = Les messages précédents n’ont pas pu être chargés.
thread-empty = Aucun message pour l’instant
thread-empty-hint = Écrivez la première réponse ci-dessous.
thread-author-customer = Client
thread-author-agent = Agent
thread-author-system = Système
thread-author-unknown = Expéditeur inconnu
# $recipients : les noms, donnés par le backend, de ceux qui ont reçu le message, séparés par des virgules.
thread-recipients = à { $recipients }
thread-unread = non lu
thread-reply-to-this = Répondre à ce message
# $author : l’auteur du message auquel celui-ci répond (ou son type) ; $snippet : ses premiers mots.
thread-in-reply-to = En réponse à { $author } : « { $snippet } »
thread-in-reply-to-unnamed = En réponse à un message : « { $snippet } »
thread-in-reply-to-earlier = En réponse à un message précédent
thread-attachments = Pièces jointes
# Une pièce jointe dont le backend ne donne pas le type.
thread-media = Média
thread-show-large = Agrandir { $name }
thread-download = Télécharger
thread-download-named = Télécharger { $name }
thread-lightbox-close = Fermer

## La zone de réponse

reply-label = Réponse
reply-placeholder = Écrivez une réponse…  (Ctrl+Enter pour envoyer)
reply-send-to = Envoyer à
reply-kind-label = Type
reply-replying-to = En réponse à { $author } : « { $snippet } »
reply-replying-to-cancel = Ne pas répondre à ce message en particulier
reply-closed-reopens = Cette conversation est fermée. Envoyer votre réponse la rouvrira.
reply-closed-stays-closed = Cette conversation est fermée et ce backend ne peut pas la rouvrir : votre réponse sera envoyée, et la conversation restera fermée.
reply-sent-reopened = Votre réponse a été envoyée, et la conversation est de nouveau ouverte.
reply-not-signed-in = Vous n’êtes pas connecté : reconnectez-vous pour envoyer cette réponse.
reply-choose-recipients = Choisissez qui reçoit cette réponse.
reply-not-sent = Votre réponse n’a pas été envoyée. Elle est toujours là ; réessayez.
reply-maybe-not-sent = Votre réponse n’a peut-être pas été envoyée : aucune réponse n’est venue. Elle est toujours là ; elle repart d’elle-même au retour du réseau, sans jamais être doublée.
reply-edited-not-sent = Votre réponse modifiée n’a pas été envoyée : la version précédente était déjà arrivée et figure dans le fil. Votre texte est toujours là.

## La boîte d’envoi : une réponse en cours d’envoi, ou non confirmée

outbox-label = Boîte d’envoi
outbox-not-confirmed = Non confirmée
outbox-not-sent = Non envoyée
outbox-maybe-not-sent = Peut-être non envoyée
outbox-retry-hint = Réessayer l’envoie une fois ; si elle était déjà arrivée, elle n’est pas doublée.
outbox-maybe-not-sent-because = Peut-être non envoyée : { $reason }. Réessayer l’envoie une fois ; si elle était déjà arrivée, elle n’est pas doublée.
outbox-sending = Envoi en cours
outbox-unconfirmed = Non confirmée : la page a été quittée pendant l’envoi de cette réponse. Réessayer ne l’envoie qu’une fois ; si elle est déjà arrivée, elle ne sera pas envoyée en double.
outbox-not-sent-because = Non envoyée : { $reason }
# Le début du texte de la réponse, entre guillemets.
outbox-quoted-preview = « { $text } »
outbox-action-retry = Réessayer
outbox-action-discard = Abandonner

## Attribution

assign-label = Attribuée à
assign-unassigned = Non attribuée
assign-unknown-agent = Agent inconnu ({ $id })
assign-not-allowed = Ce backend ne permet pas d’attribuer une conversation à un agent
assign-hint = Appuyez sur Enter ou sur Enregistrer pour réattribuer.
assign-save = Enregistrer
assign-take-it = M’attribuer
assign-already-yours = Déjà attribuée à vous
assign-now-unassigned = Désormais non attribuée.
assign-assigned-to = Attribuée à { $name }.
assign-not-reassigned = Non réattribuée : { $reason }

## Attribution par le backend (PostCenter)

# Suivi du nom de l’agent, en gras.
assign-in-postcenter-to = Attribué dans PostCenter à
assign-no-one = personne
# Un agent que PostCenter ne connaît que par son numéro.
assign-backend-agent-number = l’agent { $id }
assign-suggest-agent = Suggérer un agent
assign-reassign-automatically = Réattribuer automatiquement
assign-closed-ticket = Un ticket clos garde son agent : PostCenter ne réassigne que les tickets ouverts. Rouvrez-le dans PostCenter pour le réassigner.
assign-reassigning = Réattribution…
assign-suggested = PostCenter attribuerait le ticket à { $agent }.
assign-suggested-with-reason = PostCenter attribuerait le ticket à { $agent }. Raison donnée : « { $reason } ».
assign-no-agent-available = Aucun agent n’est disponible pour le prendre maintenant.
assign-no-agent-available-with-reason = Aucun agent n’est disponible pour le prendre maintenant. Raison donnée : « { $reason } ».
assign-no-suggestion = Aucune suggestion : { $reason }
assign-reassigned-automatically = Réattribué automatiquement à { $agent }.

## Arrivées, annoncées

conversation-new-message-from = Nouveau message de { $name }.
conversation-new-message = Nouveau message.
conversation-new-messages = { $count ->
    [one] { $count } nouveau message.
   *[other] { $count } nouveaux messages.
}

## Notes internes (propres à Switchboard, docs/notes.md)

compose-mode-label = Écrire
compose-reply = Réponse
compose-note = Note interne
compose-switch-hint = Alt+N passe de la réponse à la note interne.
note-placeholder = Écrivez une note interne pour l’équipe…  (@ nomme un collègue, Ctrl+Enter l’ajoute)
note-hint = Seule votre équipe voit les notes internes. Elles ne sont jamais envoyées au client ni au backend.
note-add = Ajouter la note interne
note-adding = Ajout…
note-added = Note interne ajoutée.
note-empty = Écrivez d’abord la note.
note-too-long = Une note peut contenir au plus { $max } caractères.
note-not-added = Votre note n’a pas été ajoutée. Elle est toujours là ; réessayez.
notes-not-loaded = Les notes internes n’ont pas pu être chargées.
thread-note-label = Note interne
mention-options-label = Collègues à mentionner
mention-offered = { $count ->
    [0] Aucun collègue de ce nom.
    [one] Un collègue proposé. Haut et bas pour choisir, Entrée écrit le nom, Échap ferme.
   *[other] { $count } collègues proposés. Haut et bas pour choisir, Entrée écrit le nom, Échap ferme.
}

## Before a reply goes: what changed since it began

reply-since-title = Cette conversation a changé depuis que vous avez commencé à écrire :
reply-since-customer = Le client a écrit un nouveau message.
reply-since-reply = Quelqu’un d’autre a répondu.
reply-since-notes = { $count ->
    [one] Un collègue a ajouté une note interne.
   *[other] Des collègues ont ajouté { $count } notes internes.
}
reply-since-status = Son statut est maintenant { $status }.
reply-since-assigned = Elle est maintenant attribuée à { $name }.
reply-since-unassigned = Elle n’est plus attribuée.
reply-since-hint = Votre réponse est gardée dans les deux cas.
reply-since-send = Envoyer quand même
reply-since-review = Relire d’abord

## Saved replies: the picker in the reply box, and their settings page

saved-replies-open = Réponses enregistrées
saved-replies-search-label = Trouver une réponse enregistrée
saved-replies-search-placeholder = Chercher dans les titres et les textes
saved-replies-offered = { $count ->
    [0] Aucune réponse enregistrée ne correspond.
    [one] Une réponse enregistrée. Haut et bas pour choisir, Entrée insère, Échap ferme.
   *[other] { $count } réponses enregistrées. Haut et bas pour choisir, Entrée insère, Échap ferme.
}
saved-replies-none = Aucune réponse enregistrée ne correspond à votre saisie.
saved-replies-empty = Il n’y a pas encore de réponse enregistrée.
saved-replies-manage = Gérer les réponses enregistrées
saved-replies-loading = Chargement des réponses enregistrées…
saved-replies-not-loaded = Les réponses enregistrées n’ont pas pu être chargées.
saved-replies-personal = Personnelle
saved-replies-languages = Langues
saved-replies-preview = Aperçu
saved-replies-insert = Insérer
saved-replies-cancel = Annuler
saved-replies-ask-title = « { $title } » demande ce que cette conversation ne dit pas :
saved-replies-ask-missing = Renseignez d’abord { $name }.
saved-replies-inserted = « { $title } » inséré.
variable-customer-name = Le nom du client
variable-reference = La référence de la commande ou du dossier
variable-agent-name = Votre nom
variable-typology = Le motif de l’acheteur
variable-ticket-number = Le numéro du ticket
variable-callback-phone = Le numéro de rappel
settings-replies-heading = Réponses enregistrées
settings-replies-intro = Les réponses de l’équipe sont proposées à tous et seuls les administrateurs les modifient. Vos réponses personnelles ne sont proposées qu’à vous.
settings-replies-new = Nouvelle réponse enregistrée
settings-replies-edit = Modifier
settings-replies-retire = Retirer
settings-replies-restore = Rétablir
settings-replies-retired = Retirée
settings-replies-team = Équipe
settings-replies-history = Historique
settings-replies-title = Titre
settings-replies-text = Texte en { $lang }
settings-replies-scope = Pour qui
settings-replies-scope-team = Toute l’équipe
settings-replies-scope-personal = Moi seulement
settings-replies-variables = Variables remplies par la conversation : { $list }
settings-replies-save = Enregistrer
settings-replies-saving = Enregistrement…
settings-replies-saved = « { $title } » enregistrée.
settings-replies-not-saved = La réponse n’a pas été enregistrée. Ce que vous avez écrit est toujours là.
settings-replies-stale = Un collègue a modifié cette réponse entre-temps. Rechargez-la, puis refaites votre modification.
settings-replies-admin-only = Seuls les administrateurs modifient les réponses de l’équipe.
settings-replies-revision = Version { $revision }, { $name }
settings-replies-history-loading = Chargement de l’historique…
settings-replies-history-not-loaded = L’historique n’a pas pu être chargé.
settings-replies-problem-title-empty = Donnez-lui un titre.
settings-replies-problem-title-long = Un titre contient au plus { $max } caractères.
settings-replies-problem-no-text = Écrivez-la dans au moins une langue.
settings-replies-problem-text-long = Un texte contient au plus { $max } caractères.
settings-replies-problem-unknown = { $name } n’est pas une variable connue de Switchboard.

## Response deadlines (docs/deadlines.md)

deadline-due = Réponse attendue dans { $time }
deadline-overdue = En retard de { $time }
deadline-alarm = En retard de { $time }, au-delà de l’alerte
deadline-days = { $count } j
deadline-hours = { $count } h
deadline-minutes = { $count } min
deadline-no-answer-button = Pas de réponse nécessaire
deadline-no-answer = Pas de réponse nécessaire, selon { $name }
deadline-undo = Annuler
deadline-not-marked = L’horloge de la conversation n’a pas pu être modifiée.

## Mise en attente ($choice : « Demain » ; $time : un jour et une heure ; $name : un agent)

snooze-button = Mettre en attente
snooze-menu = En attente jusqu'à
snooze-choice = { $choice }, { $time }
snooze-pick = Une date et une heure
snooze-pick-submit = En attente jusque-là
snooze-close = Annuler
snooze-held = En attente jusqu'à { $time }, par { $name }
snooze-wake = Reprendre maintenant
snooze-failed = La conversation n'a pas pu être mise en attente.

## Étiquettes sous l'en-tête ($name : le nom d'une étiquette)

labels-heading = Étiquettes
labels-add = Ajouter une étiquette
labels-remove = Retirer l'étiquette { $name }
labels-find = Chercher ou créer une étiquette
labels-create = Créer l'étiquette « { $name } »
labels-colour = Couleur
labels-done = Terminé
labels-failed = Les étiquettes n'ont pas pu être changées.
