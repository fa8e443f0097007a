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
octopia-none-archived = ses discussions sont ouvertes ou fermées, jamais archivées
octopia-cannot-archive = Les discussions Octopia ne peuvent pas être archivées.
octopia-discussions-to-treat = Discussions à traiter
octopia-claims-to-treat = Réclamations à traiter

## PostCenter

# Ce que PostCenter ne sait pas filtrer lui-même, après « <backend> ne peut pas filtrer par ».
postcenter-filtered-unassigned = non attribués (PostCenter liste tous les tickets)
kept-filtered-unassigned = non attribuées (Switchboard garde ces attributions ; le backend liste toutes les conversations)
postcenter-no-replies = L’API de PostCenter ne permet pas de répondre à un ticket : répondez-y dans PostCenter.
postcenter-cannot-reply = Ce backend n’accepte pas de réponses : répondez au ticket dans PostCenter.
postcenter-cannot-assign = Ce backend ne permet pas d’attribuer un agent choisi : demandez plutôt à PostCenter de réattribuer le ticket.
postcenter-only-close = Ce backend ne permet ni de rouvrir ni d’archiver les tickets, seulement de les fermer.
postcenter-ticket-number = Numéro de ticket
postcenter-ticket-number-shape = Un numéro de ticket ne contient que des chiffres, tel que PostCenter l’affiche (par exemple 261).
postcenter-open-ticket = Ouvrir le ticket #{ $number } dans PostCenter

## Messages de dossiers et sessions d’assistance : valeurs des backends

# Un dossier tel que la console le nomme ($id : son caseId), et le statut d’un dossier sans message.
case-name = Dossier { $id }
case-no-messages = Aucun message
# Le type d’un message de dossier (les choix de la zone de réponse, le badge du fil).
case-type-service-comment = Commentaire du service
case-type-customer-center-reply = Réponse du centre clients
case-type-cost-proposal-reject-rur = Devis refusé : retour non réparé
case-type-cost-proposal-reject-scrap = Devis refusé : mise au rebut
case-type-status-request = Demande de statut
case-type-spare-parts = Pièces détachées
case-type-reminder = Relance
case-type-cost-proposal = Devis
case-type-shipment = Expédition
case-type-forwarding = Transfert
# L’expéditeur d’un message de dossier : le partenaire est le côté de cette console, le prestataire le réparateur, le système la plateforme.
case-sender-partner = Partenaire de service
case-sender-provider = Prestataire de service
case-sender-system = Système
# L’objet d’une session d’assistance ($order : l’identifiant de la commande), et le badge de son intervenant ($agent : son identifiant, ou session-agent-with-rating).
session-subject = Assistance pour la commande { $order }
session-agent-badge = Intervenant { $agent }
# $rating : la note telle qu’elle se lit, ses comparaisons reliées par rating-and et ses alternatives par rating-or.
session-agent-with-rating = { $id } · note { $rating }
# Les comparaisons d’une note ($first, $second : « ≥ 4 », « 4.5 » ; les opérateurs restent des symboles).
rating-and = { $first } et { $second }
rating-or = { $first }, ou { $second }
# L’historique d’une session d’assistance, une phrase par modification ($who : un nom, un identifiant, ou session-history-someone ; un numéro ou un intervenant absent : session-history-no-phone, session-history-no-agent).
session-history-someone = Quelqu’un
session-history-no-phone = aucun
session-history-no-agent = aucun
session-history-opened = { $who } a ouvert la session.
session-history-opened-with-phone = { $who } a ouvert la session, numéro de rappel { $phone }.
session-history-phone-changed = { $who } a changé le numéro de rappel (avant : { $from }, après : { $to }).
session-history-agent-set = { $who } a défini l’intervenant : { $agent }.
session-history-agent-changed = { $who } a changé l’intervenant (avant : { $from }, après : { $to }).
session-history-agent-removed = { $who } a retiré l’intervenant { $agent }.
session-history-closed = { $who } a fermé la session.
# $event : une modification que cette console ne connaît pas, telle que le backend la nomme.
session-history-other = { $who } a effectué « { $event } ».
session-history-changed = { $who } a effectué une modification.
# Pourquoi un numéro de rappel est refusé : ce que le numéro doit être (affiché sous le champ, ou après son nom dans le refus du serveur).
phone-problem-blank = ne doit pas être vide : indiquez un numéro international, par exemple +33 6 12 34 56 78
phone-problem-too-long = { $max ->
    [one] doit compter au plus { $max } caractère
   *[other] doit compter au plus { $max } caractères
}
phone-problem-no-plus = doit commencer par + et l’indicatif du pays (E.164), par exemple +33 6 12 34 56 78
# $char : le caractère refusé.
phone-problem-not-a-digit = ne peut contenir que des chiffres après le + (et des espaces, points, tirets ou parenthèses entre eux), pas « { $char } »
phone-problem-leading-zero = doit avoir l’indicatif du pays juste après le +, qui ne commence jamais par 0, par exemple +33 6 12 34 56 78
phone-problem-digit-count = doit compter de { $min } à { $max } chiffres après le + (il en compte { $count }), par exemple +33 6 12 34 56 78
# Pourquoi la note d’un intervenant est refusée : ce qu’elle a de faux ($at : le caractère où le problème commence, à partir de 1 ; $op, $previous : gt, gte, lt ou lte ; $connective : && ou ||).
rating-problem-blank = ne doit pas être vide : indiquez une valeur (4.5) ou une expression (gte 4)
rating-problem-too-long = { $max ->
    [one] doit compter au plus { $max } caractère
   *[other] doit compter au plus { $max } caractères
}
rating-problem-operator-after-number = exige && ou || avant « { $op } » au caractère { $at }
rating-problem-two-operators = contient « { $op } » juste après « { $previous } » au caractère { $at } : un seul opérateur par nombre
rating-problem-two-numbers = exige && ou || entre deux nombres au caractère { $at }
rating-problem-number-before-connective = exige un nombre après « { $op } », pas { $connective } au caractère { $at }
rating-problem-comparison-before-connective = exige une comparaison avant { $connective } au caractère { $at }
rating-problem-number-at-end = exige un nombre après « { $op } » au caractère { $at }
rating-problem-ends-with-connective = se termine par && ou || : une comparaison doit suivre
# $char : & ou |, écrit une seule fois.
rating-problem-single-symbol = contient un « { $char } » isolé au caractère { $at } : écrivez { $char }{ $char }
rating-problem-number-ends-in-dot = contient un nombre terminé par « . » au caractère { $at } : écrivez 4 ou 4.5
rating-problem-unknown-word = contient « { $word } » au caractère { $at } : les opérateurs sont gt, gte, lt et lte
rating-problem-unexpected-character = contient « { $char } » au caractère { $at } : une note s’écrit avec des nombres, gt, gte, lt, lte, && et ||
