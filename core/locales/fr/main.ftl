# Les textes de Switchboard en français, traduits de la référence anglaise.
# Les ids sont regroupés selon l’endroit où ils apparaissent ; `$what`, `$count` et les autres sont remplis par le code.

## Commun

language-label = Langue
brand-tagline = Service client
action-try-again = Réessayer
action-dismiss = Masquer
part-missing = Cette partie de Switchboard n’a pas pu être téléchargée. Vérifiez la connexion et réessayez ; rien de ce que vous avez saisi n’est perdu.
action-cancel = Annuler
action-send = Envoyer
action-sending = Envoi en cours…
reference-for-support = Référence pour l’assistance :

## Validation : ce qu’un champ exige ($what : name, email, subject, message ou reply)

problem-required = { $what ->
    [name] Votre nom est obligatoire.
    [email] Votre adresse e-mail est obligatoire.
    [subject] L’objet est obligatoire.
    [message] Votre message est obligatoire.
   *[reply] La réponse est obligatoire.
}
problem-too-short = { $what ->
    [name] Votre nom doit compter au moins { $min } caractères ({ $count } pour l’instant).
    [email] Votre adresse e-mail doit compter au moins { $min } caractères ({ $count } pour l’instant).
    [subject] L’objet doit compter au moins { $min } caractères ({ $count } pour l’instant).
    [message] Votre message doit compter au moins { $min } caractères ({ $count } pour l’instant).
   *[reply] La réponse doit compter au moins { $min } caractères ({ $count } pour l’instant).
}
problem-too-long = { $what ->
    [name] Votre nom peut compter au plus { $max } caractères ({ $count } actuellement).
    [email] Une adresse e-mail peut compter au plus { $max } caractères ({ $count } actuellement).
    [subject] L’objet peut compter au plus { $max } caractères ({ $count } actuellement).
    [message] Votre message peut compter au plus { $max } caractères ({ $count } actuellement).
   *[reply] La réponse peut compter au plus { $max } caractères ({ $count } actuellement).
}
problem-one-line = { $what ->
    [name] Votre nom doit tenir sur une seule ligne.
    [email] Votre adresse e-mail doit tenir sur une seule ligne.
    [subject] L’objet doit tenir sur une seule ligne.
    [message] Votre message doit tenir sur une seule ligne.
   *[reply] La réponse doit tenir sur une seule ligne.
}
problem-control-characters = { $what ->
    [name] Votre nom contient des caractères de contrôle invisibles.
    [email] Votre adresse e-mail contient des caractères de contrôle invisibles.
    [subject] L’objet contient des caractères de contrôle invisibles.
    [message] Votre message contient des caractères de contrôle invisibles.
   *[reply] La réponse contient des caractères de contrôle invisibles.
}
problem-not-an-email = « { $value } » n’est pas une adresse e-mail valide, comme nom@example.com.

## Dates et tailles

time-just-now = à l’instant
time-minutes-ago = il y a { $count } min
time-hours-ago = il y a { $count } h
time-yesterday = hier
time-days-ago = { $count ->
    [one] il y a { $count } jour
   *[other] il y a { $count } jours
}
size-bytes = { $count ->
    [one] { $count } octet
   *[other] { $count } octets
}
size-exact-bytes = { $size } octets
size-kb = { $size } Ko
size-mb = { $size } Mo

## Pièces jointes

attachment-unusable-name = « { $name } » n’est pas un nom de fichier utilisable.
attachment-empty = { $name } est vide.
attachment-not-accepted = { $name } n’est pas dans un format accepté : les formats acceptés sont { $accepted }.
attachment-not-what-its-name-says = { $name } n’est pas vraiment un fichier { $format } : son contenu ne correspond pas à son nom. Formats acceptés : { $accepted }.
attachment-file-too-large = { $name } pèse { $size } ; un fichier ne peut pas dépasser { $limit }.
attachment-too-many-files = Trop de fichiers : { $count } choisis, pour un maximum de { $limit } par message.
attachment-message-too-large = Ces fichiers totalisent { $size } ; un message est limité à { $limit }.
attachment-policy = { $files ->
    [one] Un fichier, { $each }. { $accepted }.
   *[other] Jusqu’à { $files } fichiers, { $each } chacun, { $total } au total. { $accepted }.
}
attachment-attach = Joindre des fichiers
attachment-hint-pointer = Déposez ou collez des fichiers ici.
attachment-hint-touch = Choisissez des fichiers ou prenez une photo.
attachment-attached = Fichiers joints
attachment-remove = Retirer { $name }
attachment-in-all = { $size } au total
upload-progress = Progression de l’envoi
upload-sent-of = { $sent } envoyés sur { $total }

## Erreurs : ce qui s’est mal passé, par type

error-network = Impossible de joindre le serveur. Vérifiez la connexion et réessayez.
error-timeout = Le serveur a mis trop de temps à répondre. Réessayez dans un instant.
error-invalid = Le serveur a refusé la demande car certaines informations ne sont pas valides.
error-unauthorized = Votre session n’est pas acceptée par le serveur. Reconnectez-vous.
error-forbidden = Vous n’avez pas l’autorisation de faire cela.
error-not-found = Cet élément n’existe plus sur le serveur.
error-conflict = Quelqu’un d’autre a modifié cet élément au même moment. Rechargez la page et réessayez.
error-too-large = Cet élément dépasse la taille acceptée par le serveur.
error-rate-limited = Le serveur reçoit trop de demandes. Patientez un instant et réessayez.
error-unavailable = Le serveur est indisponible pour le moment. Réessayez dans un instant.
error-server = Le serveur a rencontré une erreur en traitant la demande. Réessayez ; si le problème persiste, prévenez votre administrateur.
error-malformed-reply = Le serveur a répondu quelque chose que Switchboard n’a pas pu lire.
error-unexpected = Le serveur a donné une réponse inattendue.
error-cancelled = L’envoi a été annulé. Rien n’a été perdu : renvoyez-le quand vous le souhaitez.
error-key-reused = La version précédente de ce message était déjà arrivée, celle-ci n’a donc pas été envoyée. Envoyez-la à nouveau pour l’ajouter comme nouveau message.
error-unsupported = Ce backend ne permet pas de faire cela : son API n’en offre pas le moyen.

## La page de contact

contact-title = Nous contacter
contact-intro = Écrivez à notre équipe d’assistance. Tous les champs sont obligatoires ; les pièces jointes sont facultatives.
contact-field-name = Votre nom
contact-field-email = Adresse e-mail
contact-field-subject = Objet
contact-field-message = Message
contact-honeypot = Laissez ce champ vide
contact-attachments = Pièces jointes (facultatives)
contact-not-sent = Votre message n’a pas été envoyé. Tout ce que vous avez écrit est toujours là.
contact-send = Envoyer le message
contact-sent-title = Merci, votre message est en route
contact-sent-body = Notre équipe d’assistance l’a bien reçu. Conservez votre référence : indiquez-la chaque fois que vous nous contactez au sujet de cette demande, et nous la retrouverons aussitôt.
contact-your-reference = Votre référence :
contact-your-link = Votre lien privé, pour lire notre réponse et nous écrire à nouveau :
page-title-contact = Nous contacter · Switchboard
page-title-sign-in = Connexion · Switchboard
page-title-follow-up = Votre demande · Switchboard
contact-copy-link = Copier le lien
contact-link-copied = Le lien est copié.
contact-link-not-copied = Ce navigateur ne l’a pas copié : sélectionnez le lien et copiez-le vous-même.
contact-link-private = Ajoutez-le à vos favoris et gardez-le pour vous : toute personne disposant de ce lien peut lire cette conversation.
contact-quote-reference = Indiquez votre référence si vous nous écrivez à nouveau au sujet de la même affaire.
contact-send-another = Envoyer un autre message

## La page de suivi du client

follow-up-opening = Ouverture de votre conversation…
follow-up-write-from-contact = Écrivez-nous depuis la page de contact
follow-up-no-conversation = Ce lien n’ouvre aucune conversation
follow-up-no-conversation-hint = Il est peut-être mal saisi, tronqué (il se termine par la partie après #), retiré par notre équipe d’assistance, ou expiré après des mois sans visite. Écrivez-nous à nouveau et nous vous y répondrons.
follow-up-could-not-open = Nous n’avons pas pu ouvrir cette conversation.
follow-up-sent = Votre message a été envoyé.
follow-up-title = Votre demande
follow-up-open = Notre équipe d’assistance s’en occupe ; ses réponses apparaissent ici.
follow-up-closed = Cette demande est close. Écrivez à nouveau ci-dessous pour la rouvrir.
follow-up-link-expiry = Ce lien privé fonctionne jusqu’au { $date } ; chaque visite le prolonge.
follow-up-messages = Messages
follow-up-write-again = Écrire à nouveau
follow-up-not-sent = Votre message n’a pas été envoyé. Ce que vous avez écrit est toujours là.
follow-up-support-author = { $name } (assistance)

## Pages

not-found-title = Cette page n’existe pas
not-found-hint = Retournez à la boîte de réception ou à la page de contact.
not-found-ways = Où aller
not-found-inbox = Boîte de réception

## Thème

theme-label = Thème
theme-system = Comme le système
theme-light = Clair
theme-dark = Sombre

## Connexion

sign-in-tagline = Console des agents
sign-in-title = Se connecter
sign-in-intro = Connectez-vous avec votre e-mail et votre mot de passe d’agent pour ouvrir la console.
sign-in-email = E-mail
sign-in-password = Mot de passe
sign-in-busy = Connexion…
sign-in-enter-email = Saisissez votre adresse e-mail.
sign-in-enter-password = Saisissez votre mot de passe.
sign-in-no-match = Cet e-mail et ce mot de passe ne correspondent à aucun agent. Vérifiez-les et réessayez.
sign-in-too-many-wait = Trop de tentatives de connexion. Attendez { $wait } et réessayez.
sign-in-too-many = Trop de tentatives de connexion. Attendez quelques minutes et réessayez.
sign-in-unreachable = Le serveur est injoignable : vous n’êtes pas connecté. Vérifiez la connexion et réessayez.
sign-in-refused = Vous n’êtes pas connecté. { $reason }
wait-seconds = { $count ->
    [one] { $count } seconde
   *[other] { $count } secondes
}
wait-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
signed-in-as = Connecté en tant que
signed-in-sign-out = Se déconnecter
signed-in-signing-out = Déconnexion…
signed-in-still = Vous êtes toujours connecté : { $reason }

## Le cadre de la console

console-opening = Ouverture de la console…
console-unreachable = La console n’a pas pu joindre son serveur.
skip-links = Liens d’évitement
skip-to-list = Aller à la liste
skip-to-thread = Aller à la conversation
skip-to-reply = Aller à la réponse
console-contact-page = Page de contact publique
console-shortcuts = Raccourcis
console-inbox = Boîte de réception
console-none-open = Aucune conversation ouverte
console-none-open-hint = Choisissez une conversation dans la liste pour la lire et y répondre.

## Statuts, backends et vues

status-open = Ouverte
status-in-progress = En cours
status-closed = Fermée
status-archived = Archivée
status-ignored = Ignorée
delivery-sent = envoyé
delivery-delivered = distribué
delivery-read = lu
delivery-confirmed = confirmé
status-unknown = Inconnu
status-change-reopen = Rouvrir
status-change-close = Fermer
status-change-archive = Archiver
status-cannot-reopen = Ce backend ne peut pas rouvrir une conversation
status-cannot-close = Ce backend ne peut pas fermer une conversation
status-cannot-archive = Ce backend ne peut pas archiver une conversation
status-announce = { $status ->
    [open] Conversation ouverte.
    [in-progress] Conversation en cours.
    [closed] Conversation fermée.
    [archived] Conversation archivée.
    [ignored] Conversation ignorée.
   *[other] Le statut de la conversation a changé.
}
status-not-changed = Statut inchangé : { $reason }
status-group = Statut de la conversation
backend-communication = Communication
backend-case-messages = Messages de dossier
backend-support-sessions = Sessions d’assistance
filter-all-statuses = Tous les statuts
filter-everyones = Tout le monde
filter-mine = Les miennes
filter-unassigned = Non attribuées
inbox-all-conversations = Toutes les conversations

## Valeurs propres aux backends

octopia-role-customer = Client
octopia-role-seller = Vendeur
octopia-role-care-team = Service client de la marketplace
octopia-badge-claim = Réclamation
postcenter-ticket-name = Ticket n° { $number }
postcenter-unreadable-message = PostCenter a envoyé un message que Switchboard n’a pas pu lire : { $raw }
channel-email = E-mail

## La page des délais de réponse ($backend : le nom d’un backend ; $name : un agent ;
## $target, $alarm : des heures ; $zone : un fuseau horaire ; $hours : les horaires de chaque jour ouvert ; $line : ce qui a été saisi)

settings-deadlines-heading = Délais de réponse
settings-deadlines-intro = Combien de temps les clients de chaque backend peuvent attendre une réponse, et quand un retard passe en alerte. Les lignes de la liste, la vue En retard et l’en-tête de chaque conversation comptent avec ces délais.
settings-deadlines-admin-only = Seuls les administrateurs les modifient.
settings-deadlines-not-loaded = Les délais n’ont pas pu être lus.
settings-deadlines-default = Par défaut
settings-deadlines-set-by = Fixé par { $name }
settings-deadlines-edit = Modifier
settings-deadlines-save = Enregistrer
settings-deadlines-cancel = Annuler
settings-deadlines-saved = Enregistré : les délais de { $backend }.
policy-not-saved = Les délais n’ont pas pu être enregistrés.
policy-form-clock = Quelles heures comptent
policy-form-always = Toutes les heures de tous les jours
policy-form-business = Les heures ouvrées seulement
policy-form-zone = Fuseau horaire (comme Europe/Paris)
policy-form-week-hint = Les horaires de chaque jour, comme 09:00-13:00, 14:00-18:00 ; vide quand c’est fermé.
policy-form-holidays = Jours fériés (une date par ligne, comme 2026-12-25)
policy-form-target = Répondre sous (heures)
policy-form-alarm = Alerte à (heures)
policy-problem-hours-typed = Écrivez les horaires comme 09:00-13:00, 14:00-18:00, ou laissez le jour vide s’il est fermé.
policy-problem-holiday-typed = « { $line } » n’est pas une date : une date par ligne, comme 2026-12-25.
policy-problem-target = Indiquez le délai de réponse en heures : plus de 0, au plus 60 jours.
policy-problem-alarm = L’alerte vient au plus tôt au délai de réponse, dans les 60 jours.
policy-problem-zone = Indiquez le fuseau horaire de l’équipe, comme Europe/Paris.
policy-problem-no-hours = Ouvrez au moins un jour.
policy-problem-span = Chaque plage se ferme après son ouverture et n’en chevauche aucune autre.
policy-problem-holidays = Listez au plus 400 jours fériés.
policy-times = une réponse sous { $target } h, l’alerte à { $alarm } h
policy-clock-always = Toutes les heures comptent
policy-clock-business = Heures ouvrées, { $zone } : { $hours }
day-mon = Lundi
day-tue = Mardi
day-wed = Mercredi
day-thu = Jeudi
day-fri = Vendredi
day-sat = Samedi
day-sun = Dimanche

## Mise en attente (docs/snooze.md)

snooze-past = Choisissez une heure plus tardive que maintenant.
snooze-too-far = Choisissez une date dans l'année qui vient.
snooze-later-today = Plus tard aujourd'hui
snooze-tomorrow = Demain
snooze-next-week = La semaine prochaine

## Étiquettes (docs/labels.md)

label-colour-red = Rouge
label-colour-orange = Orange
label-colour-yellow = Jaune
label-colour-green = Vert
label-colour-teal = Bleu-vert
label-colour-blue = Bleu
label-colour-purple = Violet
label-colour-grey = Gris
label-problem-no-name = Donnez un nom à l'étiquette.
label-problem-too-long = Le nom d'une étiquette a au plus 40 caractères.
label-problem-taken = Une autre étiquette porte ce nom.

## Vues enregistrées (docs/saved-views.md)

saved-view-problem-no-name = Donnez un nom à la vue.
saved-view-problem-name-long = Le nom d'une vue a au plus 60 caractères.
saved-view-problem-query-long = Cette vue contient trop pour être enregistrée : raccourcissez son texte.
