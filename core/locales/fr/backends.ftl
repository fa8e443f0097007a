# backends: what each backend adds: follows, session facts, and the connectors' refusals

## Suivre des éléments sur les backends qui ne savent pas les lister ($by : case-guid, order-id, ou id quand un backend ne le précise pas)

follow-backend-label = Backend sur lequel suivre un élément
follow-backend-option = { $by ->
    [case-guid] GUID de dossier ({ $backend })
    [order-id] Identifiant de commande ({ $backend })
   *[other] Identifiant ({ $backend })
}
follow-id-label = Identifiant à suivre
follow-id-placeholder = { $by ->
    [case-guid] Suivre par GUID de dossier
    [order-id] Suivre par identifiant de commande
   *[other] Suivre par identifiant
}
follow-button = Suivre
follow-checking = Vérification…
follow-unknown-item = { $by ->
    [case-guid] Le backend ne connaît aucun élément avec ce GUID de dossier.
    [order-id] Le backend ne connaît aucun élément avec cet identifiant de commande.
   *[other] Le backend ne connaît aucun élément avec cet identifiant.
}
follow-item-forbidden = Cet élément appartient à quelqu’un d’autre : le backend le refuse.
follow-not-followed = Non suivi : { $reason }
follow-not-opened = Non ouvert : { $reason }
follow-open-it = L’ouvrir : { $item }
follow-stop = Ne plus suivre
follow-still-followed = Toujours suivi : { $reason }

## Les informations d’une session d’assistance : le numéro de rappel et l’intervenant de la commande

session-callback-phone = Numéro de rappel
session-callback-phone-save = Enregistrer le numéro
session-callback-phone-now = Le numéro de rappel est désormais le { $phone }.
session-callback-phone-removed = Numéro de rappel supprimé.
session-performer-label = Intervenant de la commande
session-performer-placeholder = Identifiant du chauffeur, du coursier ou du médecin
session-rating-label = Note
session-rating-placeholder = 4.5, ou gte 4.5 && lte 5
session-performer-set = Définir l’intervenant
session-performer-change = Changer d’intervenant
session-performer-remove = Retirer l’intervenant
session-performer-now = Intervenant { $id } défini.
session-performer-removed = Intervenant retiré.
session-facts-not-changed = Non modifié : { $reason }

## Ce qu’un backend peut ne pas savoir faire

connector-cannot-keep-read-state = Ce backend ne conserve pas d’état de lecture.
connector-cannot-keep-callback-phone = Ce backend ne conserve pas de numéro de rappel.
connector-cannot-keep-performer = Ce backend ne conserve pas d’intervenant de commande.
connector-cannot-start-items = Ce backend ne permet pas de créer de nouveaux éléments.
connector-cannot-find-by-number = Ce backend ne retrouve pas les éléments par un numéro visible des agents.
connector-cannot-suggest-agent = Ce backend ne suggère pas d’agent.
connector-cannot-reassign = Ce backend ne réattribue pas de lui-même.
connector-cannot-take-contact-messages = Ce backend n’accepte pas les messages de contact.
connector-cannot-follow-up = Ce backend ne fournit pas de lien de suivi aux clients.
connector-no-replies = Ce backend n’accepte pas de réponses.

## Envoi de fichiers : ce qui a échoué avant la réponse du serveur

connector-message-not-prepared = le message n’a pas pu être préparé
connector-file-not-prepared = un fichier n’a pas pu être préparé
connector-file-unreadable = { $name } n’a pas pu être lu
connector-upload-not-started = l’envoi n’a pas pu démarrer
connector-upload-failed = l’envoi a échoué

## Messages de dossier

case-guid-shape = Un GUID de dossier compte 32 chiffres hexadécimaux en groupes de 8-4-4-4-12, par exemple 1e0abcb7-b94c-4072-a9c0-37072a1ef015.
case-cannot-assign = Ce backend n’attribue pas les dossiers : ils sont gérés dans le système de dossiers du prestataire.
case-cannot-change-status = Ce backend n’ouvre ni ne ferme les dossiers : ils sont gérés dans le système de dossiers du prestataire.
case-cannot-mark-unread = Ce backend ne peut pas marquer comme non lu un message confirmé.
# Un message resté non confirmé ($id : son numéro ; $reason : l’une des deux raisons ci-dessous, ou les mots de l’API).
case-not-confirmed-message = message { $id } : { $reason }
case-confirm-not-found = introuvable (probablement supprimé)
case-confirm-no-access = pas d’accès à son dossier
# $list : les messages ci-dessus, séparés par des points-virgules.
case-some-not-confirmed = Certains messages n’ont pas été confirmés comme lus ({ $list }) ; les autres l’ont été.

## Sessions d’assistance

session-no-messages = Une session d’assistance n’a pas de messages : l’API de gestion de l’assistance conserve le numéro de rappel et l’intervenant d’une commande, pas une conversation. Ses informations et les modifications faites dans Switchboard sont affichées à la place.
session-open-for-order = Ouvrir une session d’assistance pour cette commande : { $item }
session-order-id-shape = Un identifiant de commande compte de 1 à { $max } caractères, sans saut de ligne.
session-performer-id-length = L’identifiant de l’intervenant doit compter de 1 à { $max } caractères.
# $phone : le numéro, ou session-no-callback-phone ; $agent : l’identifiant de l’intervenant (avec sa note), ou session-no-performer.
session-changed-meanwhile = Quelqu’un a modifié cette session d’assistance depuis que vous l’avez consultée. Numéro de rappel actuel : { $phone } ; intervenant de la commande : { $agent }. Votre demande n’a rien modifié.
session-no-callback-phone = aucun
session-no-performer = aucun
session-cannot-reply = Ce backend n’accepte pas de réponses : une session d’assistance n’a pas de messages.
session-cannot-assign = Ce backend ne permet pas d’attribuer un agent de Switchboard : l’intervenant d’une session est celui de la commande.
session-cannot-archive = Ce backend ne permet pas d’archiver une session.

## Octopia

# Pourquoi Octopia n’a rien dans une vue, après « <backend> n’a rien dans cette vue : ».
octopia-none-mine = ses discussions ne sont attribuées à personne : elles appartiennent au vendeur, aucune n’est donc à vous
octopia-none-archived = ses discussions sont ouvertes ou fermées, jamais archivées
octopia-no-assignee = Les discussions Octopia ne sont attribuées à personne.
octopia-cannot-archive = Les discussions Octopia ne peuvent pas être archivées.
octopia-discussions-to-treat = Discussions à traiter
octopia-claims-to-treat = Réclamations à traiter

## PostCenter

# Ce que PostCenter ne sait pas filtrer lui-même, après « <backend> ne peut pas filtrer par ».
postcenter-filtered-unassigned = non attribués (PostCenter liste tous les tickets)
postcenter-no-replies = L’API de PostCenter ne permet pas de répondre à un ticket : répondez-y dans PostCenter.
postcenter-cannot-reply = Ce backend n’accepte pas de réponses : répondez au ticket dans PostCenter.
postcenter-cannot-assign = Ce backend ne permet pas d’attribuer un agent choisi : demandez plutôt à PostCenter de réattribuer le ticket.
postcenter-only-close = Ce backend ne permet ni de rouvrir ni d’archiver les tickets, seulement de les fermer.
postcenter-ticket-number = Numéro de ticket
postcenter-ticket-number-shape = Un numéro de ticket ne contient que des chiffres, tel que PostCenter l’affiche (par exemple 261).
postcenter-open-ticket = Ouvrir le ticket #{ $number } dans PostCenter
