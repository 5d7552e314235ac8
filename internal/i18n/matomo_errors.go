package i18n

// Package matomo's errors: the titles of its error classes, and (in the
// rest of this file) what happened and what to do, each error's Detail
// and Hint. Matomo's own words are never among them: an error quotes them
// (Error.Matomo) as they came.
var (
	ErrTitleNetwork = &Message{
		En: "Could not reach the server",
		De: "Der Server ist nicht erreichbar",
	}
	ErrTitleTimeout = &Message{
		En: "The server did not answer in time",
		De: "Der Server hat nicht rechtzeitig geantwortet",
	}
	ErrTitleTLS = &Message{
		En: "The secure connection failed",
		De: "Die sichere Verbindung ist fehlgeschlagen",
	}
	ErrTitleNotMatomo = &Message{
		En: "This address does not answer like Matomo",
		De: "Diese Adresse antwortet nicht wie Matomo",
	}
	ErrTitleRedirect = &Message{
		En: "The address redirects elsewhere",
		De: "Die Adresse leitet woandershin weiter",
	}
	ErrTitleTokenRejected = &Message{
		En: "Matomo rejected this token",
		De: "Matomo hat diesen Token abgelehnt",
	}
	ErrTitleNoAccess = &Message{
		En: "The token works, but its user has no site",
		De: "Der Token funktioniert, aber sein Benutzer hat keine Website",
	}
	ErrTitleBlocked = &Message{
		En: "Matomo has locked this computer out",
		De: "Matomo hat diesen Computer gesperrt",
	}
	// ErrTitleUserLocked is the lock-out of the user's login, from every
	// computer.
	ErrTitleUserLocked = &Message{
		En: "Matomo has locked this user out",
		De: "Matomo hat diesen Benutzer gesperrt",
	}
	ErrTitleRateLimited = &Message{
		En: "Too many requests: the server asks to slow down",
		De: "Zu viele Anfragen: Der Server bittet um mehr Zeit zwischen den Anfragen",
	}
	ErrTitleServerError = &Message{
		En: "Matomo had a problem answering",
		De: "Matomo hatte ein Problem beim Antworten",
	}
	ErrTitlePlainHTTP = &Message{
		En: "Not sent: the address is unencrypted http",
		De: "Nicht gesendet: Die Adresse ist unverschlüsseltes http",
	}
	ErrTitleCanceled = &Message{
		En: "Canceled",
		De: "Abgebrochen",
	}
	ErrTitlePasswordRejected = &Message{
		En: "Matomo did not accept this login and password",
		De: "Matomo hat diesen Benutzernamen und dieses Passwort nicht angenommen",
	}
	ErrTitleTwoFactor = &Message{
		En: "Matomo needs your two-factor code",
		De: "Matomo braucht Ihren Code der Zwei-Faktor-Authentifizierung",
	}
	// ErrTitleCodeWrong is ErrTitleTwoFactor for a code that was sent.
	ErrTitleCodeWrong = &Message{
		En: "Matomo did not accept the two-factor code",
		De: "Matomo hat den Code der Zwei-Faktor-Authentifizierung nicht angenommen",
	}
	ErrTitleCreateInput = &Message{
		En: "Matomo did not take what was typed",
		De: "Matomo hat die Eingabe nicht angenommen",
	}
	ErrTitleCreateRefused = &Message{
		En: "This Matomo does not create a token this way",
		De: "Dieses Matomo erstellt auf diese Weise keinen Token",
	}
	ErrTitleOther = &Message{
		En: "Something went wrong",
		De: "Etwas ist schiefgegangen",
	}
)

var (
	ErrHintTryAgain = &Message{
		En: "Try again.",
		De: "Versuchen Sie es noch einmal.",
	}
)

// What happened before any answer arrived (Error.Detail) and what to do
// (Error.Hint): the network, DNS, TLS and time-outs. A host is written as
// the person typed it; Go's own words about a failure are an argument.
var (
	ErrDetailCanceled = &Message{
		En: "The check was canceled before the answer arrived.",
		De: "Die Prüfung wurde abgebrochen, bevor die Antwort kam.",
	}
	ErrHintCanceled = &Message{
		En: "Nothing more is sent. Start the check again when you are ready.",
		De: "Es wird nichts mehr gesendet. Starten Sie die Prüfung erneut, wenn Sie so weit sind.",
	}
	// ErrDetailConnectTimeout: the host, the time limit.
	ErrDetailConnectTimeout = &Message{
		En: "Could not connect to %s within %s.",
		De: "Innerhalb von %[2]s kam keine Verbindung zu %[1]s zustande.",
	}
	ErrHintConnectTimeout = &Message{
		En: "Check that the address is right and that this computer can reach it (VPN, firewall, proxy).",
		De: "Prüfen Sie, ob die Adresse stimmt und ob dieser Computer sie erreichen kann (VPN, Firewall, Proxy).",
	}
	// ErrDetailTLSTimeout: the host, the time limit.
	ErrDetailTLSTimeout = &Message{
		En: "%s accepted the connection, but the secure connection was not set up within %s.",
		De: "%s hat die Verbindung angenommen, aber die sichere Verbindung kam nicht innerhalb von %s zustande.",
	}
	ErrHintTLSTimeout = &Message{
		En: "Check the port: it may not serve https. A firewall or proxy may also be holding the connection.",
		De: "Prüfen Sie den Port: Vielleicht bietet er kein https an. Auch eine Firewall oder ein Proxy kann die Verbindung aufhalten.",
	}
	// ErrDetailBodyTimeout: the host, the time limit, how much arrived.
	ErrDetailBodyTimeout = &Message{
		En: "%s started answering, but the answer was still arriving after %s (%s so far).",
		De: "%s hat zu antworten begonnen, aber nach %s kam die Antwort noch immer an (bisher %s).",
	}
	ErrHintBodyTimeout = &Message{
		En: "The connection or the server is very slow. A Matomo with many sites may need a longer limit (verify: --timeout).",
		De: "Die Verbindung oder der Server ist sehr langsam. Ein Matomo mit vielen Websites braucht vielleicht " +
			"eine längere Frist (verify: --timeout).",
	}
	// ErrDetailWaitTimeout: the host, the time limit.
	ErrDetailWaitTimeout = &Message{
		En: "%s did not answer within %s.",
		De: "%s hat nicht innerhalb von %s geantwortet.",
	}
	ErrHintWaitTimeout = &Message{
		En: "Matomo may be overloaded. A Matomo with very many sites may need a longer limit (verify: --timeout).",
		De: "Matomo ist vielleicht überlastet. Ein Matomo mit sehr vielen Websites braucht vielleicht " +
			"eine längere Frist (verify: --timeout).",
	}
	// ErrDetailDNSNotFound: the host name (and its Unicode form).
	ErrDetailDNSNotFound = &Message{
		En: "The name %s could not be found (DNS).",
		De: "Der Name %s wurde nicht gefunden (DNS).",
	}
	ErrHintDNSNotFound = &Message{
		En: "Check the spelling of the address. If Matomo is on a company network, connect to it (VPN) first.",
		De: "Prüfen Sie die Schreibweise der Adresse. Liegt Matomo in einem Firmennetz, verbinden Sie sich zuerst damit (VPN).",
	}
	// ErrDetailDNSFailed: the host name.
	ErrDetailDNSFailed = &Message{
		En: "Looking up %s failed: the DNS server did not answer.",
		De: "Die Suche nach %s ist fehlgeschlagen: Der DNS-Server hat nicht geantwortet.",
	}
	ErrHintCheckNetwork = &Message{
		En: "Check this computer's network connection, then try again.",
		De: "Prüfen Sie die Netzwerkverbindung dieses Computers und versuchen Sie es dann noch einmal.",
	}
	// ErrDetailUnknownAuthority: the host, the certificate's issuer.
	ErrDetailUnknownAuthority = &Message{
		En: "The certificate of %s is signed by an authority this computer does not trust (%s).",
		De: "Das Zertifikat von %s ist von einer Stelle signiert, der dieser Computer nicht vertraut (%s).",
	}
	ErrHintUnknownAuthority = &Message{
		En: "If your company runs its own certificate authority, pass its certificate (verify: --ca-file FILE). " +
			"A self-signed certificate can be trusted the same way.",
		De: "Betreibt Ihre Firma eine eigene Zertifizierungsstelle, geben Sie deren Zertifikat an (verify: --ca-file DATEI). " +
			"Einem selbst signierten Zertifikat vertrauen Sie auf dieselbe Weise.",
	}
	// ErrDetailHostname: the host, the names the certificate is made out to.
	ErrDetailHostname = &Message{
		En: "The certificate of %s is made out to other names (%s).",
		De: "Das Zertifikat von %s ist auf andere Namen ausgestellt (%s).",
	}
	// ErrNoNames stands for the names of a certificate that was not there.
	ErrNoNames = &Message{
		En: "unknown",
		De: "unbekannt",
	}
	ErrHintHostname = &Message{
		En: "Use the address the certificate is made out for, or ask the administrator to fix the certificate.",
		De: "Verwenden Sie die Adresse, auf die das Zertifikat ausgestellt ist, oder bitten Sie den Administrator, " +
			"das Zertifikat zu korrigieren.",
	}
	// ErrDetailCertExpired: the host, the day it expired.
	ErrDetailCertExpired = &Message{
		En: "The certificate of %s expired on %s.",
		De: "Das Zertifikat von %s ist am %s abgelaufen.",
	}
	// ErrDetailCertNotYet: the host, the day it becomes valid.
	ErrDetailCertNotYet = &Message{
		En: "The certificate of %s is not valid before %s.",
		De: "Das Zertifikat von %s gilt erst ab dem %s.",
	}
	// ErrDetailCertInvalid: the host, Go's words about the certificate.
	ErrDetailCertInvalid = &Message{
		En: "The certificate of %s is not valid: %s.",
		De: "Das Zertifikat von %s ist ungültig: %s.",
	}
	ErrHintCertInvalid = &Message{
		En: "Ask the Matomo administrator to renew or fix the certificate. Check that this computer's clock is right.",
		De: "Bitten Sie den Matomo-Administrator, das Zertifikat zu erneuern oder zu korrigieren. " +
			"Prüfen Sie, ob die Uhr dieses Computers richtig geht.",
	}
	ErrDetailSchemeMismatch = &Message{
		En: "%s answers plain http on this port, not https.",
		De: "%s antwortet auf diesem Port mit unverschlüsseltem http, nicht mit https.",
	}
	ErrHintSchemeMismatch = &Message{
		En: "Check the port. If this Matomo really has no https, use its http:// address " +
			"(only this computer may be reached that way without --allow-http).",
		De: "Prüfen Sie den Port. Hat dieses Matomo wirklich kein https, verwenden Sie seine http://-Adresse " +
			"(ohne --allow-http ist so nur dieser Computer selbst erreichbar).",
	}
	ErrDetailNoTLS = &Message{
		En: "%s does not speak https on this port.",
		De: "%s spricht auf diesem Port kein https.",
	}
	ErrHintNoTLS = &Message{
		En: "The port may serve plain http or another protocol; check the port, or try the address without it.",
		De: "Der Port bietet vielleicht unverschlüsseltes http oder ein anderes Protokoll an; prüfen Sie den Port, " +
			"oder versuchen Sie die Adresse ohne ihn.",
	}
	// ErrDetailTLSFailed: the host, Go's words about the failure.
	ErrDetailTLSFailed = &Message{
		En: "The secure connection to %s failed: %s.",
		De: "Die sichere Verbindung zu %s ist fehlgeschlagen: %s.",
	}
	ErrHintTLSFailed = &Message{
		En: "Check the address and port; a proxy or firewall that inspects traffic can cause this.",
		De: "Prüfen Sie Adresse und Port; ein Proxy oder eine Firewall, die den Datenverkehr untersucht, kann die Ursache sein.",
	}
	ErrDetailNotHTTP = &Message{
		En: "Something answers on %s, but it does not speak HTTP.",
		De: "Unter %s antwortet etwas, aber es spricht kein HTTP.",
	}
	ErrHintNotHTTP = &Message{
		En: "Check the port: it belongs to another service, not to a web server.",
		De: "Prüfen Sie den Port: Er gehört zu einem anderen Dienst, nicht zu einem Webserver.",
	}
	ErrDetailRefused = &Message{
		En: "%s refused the connection: nothing is listening there.",
		De: "%s hat die Verbindung abgewiesen: Dort nimmt nichts Verbindungen an.",
	}
	ErrHintRefused = &Message{
		En: "Check the address and the port. The server may be down.",
		De: "Prüfen Sie die Adresse und den Port. Vielleicht läuft der Server nicht.",
	}
	ErrDetailClosed = &Message{
		En: "%s closed the connection before answering.",
		De: "%s hat die Verbindung geschlossen, ohne zu antworten.",
	}
	// ErrDetailBroke: the host, how much of the answer had arrived.
	ErrDetailBroke = &Message{
		En: "The connection to %s broke while the answer was arriving (after %s).",
		De: "Die Verbindung zu %s ist abgerissen, während die Antwort ankam (nach %s).",
	}
	ErrHintBroke = &Message{
		En: "Try again. If it repeats, a firewall or proxy may be cutting the connection.",
		De: "Versuchen Sie es noch einmal. Geschieht es wieder, trennt vielleicht eine Firewall oder ein Proxy die Verbindung.",
	}
	ErrDetailNoRoute = &Message{
		En: "There is no network route to %s.",
		De: "Es gibt keinen Netzwerkweg zu %s.",
	}
	ErrHintNoRoute = &Message{
		En: "Check this computer's network connection (and VPN, if Matomo is internal).",
		De: "Prüfen Sie die Netzwerkverbindung dieses Computers (und das VPN, wenn Matomo intern ist).",
	}
	// ErrDetailProxy: Go's words about the failure.
	ErrDetailProxy = &Message{
		En: "The proxy could not be reached (%s).",
		De: "Der Proxy war nicht erreichbar (%s).",
	}
	ErrHintProxy = &Message{
		En: "Check the HTTPS_PROXY and NO_PROXY environment variables.",
		De: "Prüfen Sie die Umgebungsvariablen HTTPS_PROXY und NO_PROXY.",
	}
	// ErrDetailRequestFailed: the host, Go's words about the failure.
	ErrDetailRequestFailed = &Message{
		En: "The request to %s failed: %s.",
		De: "Die Anfrage an %s ist fehlgeschlagen: %s.",
	}
	ErrHintRequestFailed = &Message{
		En: "Check the address and this computer's network connection, then try again.",
		De: "Prüfen Sie die Adresse und die Netzwerkverbindung dieses Computers und versuchen Sie es dann noch einmal.",
	}
	// ErrBytes is a size in bytes (written without digit grouping, as
	// before), ErrKB in kilobytes; ErrMB and ErrMBWhole in megabytes.
	ErrBytes = &Message{
		En: "%s bytes",
		De: "%s Byte",
	}
	ErrOneByte = &Message{
		En: "1 byte",
		De: "1 Byte",
	}
	ErrKB = &Message{
		En: "%s kB",
		De: "%s kB",
	}
	ErrMB = &Message{
		En: "%.1f MB",
		De: "%.1f MB",
	}
	ErrMBWhole = &Message{
		En: "%s MB",
		De: "%s MB",
	}
)

// What an answer that is not the expected success means (Error.Detail)
// and what to do (Error.Hint): redirects, refusals, error pages.
var (
	// ErrDetailRedirectNowhere: the host, the HTTP status.
	ErrDetailRedirectNowhere = &Message{
		En: "%s answered with a redirect (HTTP %s) but did not say where to.",
		De: "%s hat mit einer Weiterleitung geantwortet (HTTP %s), aber nicht gesagt, wohin.",
	}
	ErrHintRedirectNowhere = &Message{
		En: "Open the address in a browser and use the address it ends up at.",
		De: "Öffnen Sie die Adresse in einem Browser, und verwenden Sie die Adresse, bei der er ankommt.",
	}
	// ErrTokenNotSent and ErrPasswordNotSent end a redirect's hint: the
	// secret the request carried stayed here.
	ErrTokenNotSent = &Message{
		En: " The token was not sent along the redirect.",
		De: " Der Token wurde bei der Weiterleitung nicht mitgesendet.",
	}
	ErrPasswordNotSent = &Message{
		En: " Your password was not sent along the redirect.",
		De: " Ihr Passwort wurde bei der Weiterleitung nicht mitgesendet.",
	}
	// ErrTokenUnencrypted and ErrPasswordUnencrypted begin the hint of a
	// redirect to http.
	ErrTokenUnencrypted = &Message{
		En: "Do not use that address: the token would cross the network unencrypted. ",
		De: "Verwenden Sie diese Adresse nicht: Der Token ginge unverschlüsselt durch das Netz. ",
	}
	ErrPasswordUnencrypted = &Message{
		En: "Do not use that address: your password would cross the network unencrypted. ",
		De: "Verwenden Sie diese Adresse nicht: Ihr Passwort ginge unverschlüsselt durch das Netz. ",
	}
	ErrDetailToHTTPS = &Message{
		En: "%s sends http requests to https.",
		De: "%s leitet http-Anfragen auf https weiter.",
	}
	// ErrHintUseHTTPS: the words on the secret (ErrTokenNotSent).
	ErrHintUseHTTPS = &Message{
		En: "Use the https:// address.%s",
		De: "Verwenden Sie die https://-Adresse.%s",
	}
	// ErrHintUseSuggestedHTTPS: the address, the words on the secret.
	ErrHintUseSuggestedHTTPS = &Message{
		En: "Use %s, the https:// address.%s",
		De: "Verwenden Sie %s, die https://-Adresse.%s",
	}
	// ErrDetailToHTTP: the host, where it redirects.
	ErrDetailToHTTP = &Message{
		En: "%s redirects from https to unencrypted http: %s.",
		De: "%s leitet von https auf unverschlüsseltes http weiter: %s.",
	}
	// ErrHintToHTTP: the warning (ErrTokenUnencrypted), the words on the
	// secret.
	ErrHintToHTTP = &Message{
		En: "%sAsk the Matomo administrator why https redirects to http.%s",
		De: "%sFragen Sie den Matomo-Administrator, warum https auf http weiterleitet.%s",
	}
	// ErrDetailToOtherServer: the host, where it redirects.
	ErrDetailToOtherServer = &Message{
		En: "%s redirects to another server: %s.",
		De: "%s leitet auf einen anderen Server weiter: %s.",
	}
	ErrHintOtherServer = &Message{
		En: "If that is your Matomo, use its address.%s",
		De: "Wenn das Ihr Matomo ist, verwenden Sie seine Adresse.%s",
	}
	// ErrHintSuggestedServer: the address, the words on the secret.
	ErrHintSuggestedServer = &Message{
		En: "If that is your Matomo, use %s.%s",
		De: "Wenn das Ihr Matomo ist, verwenden Sie %s.%s",
	}
	// ErrDetailDropsParameters: the host, where it redirects.
	ErrDetailDropsParameters = &Message{
		En: "%s redirects API requests to %s, the same address without the request's parameters.",
		De: "%s leitet API-Anfragen auf %s weiter, dieselbe Adresse ohne die Parameter der Anfrage.",
	}
	ErrHintDropsParameters = &Message{
		En: "A rewrite rule or a login in front of Matomo may be intercepting index.php?module=API. " +
			"Show this to the administrator.%s",
		De: "Eine Rewrite-Regel oder eine Anmeldung vor Matomo fängt vielleicht index.php?module=API ab. " +
			"Zeigen Sie das dem Administrator.%s",
	}
	ErrDetailRedirects = &Message{
		En: "Matomo's address redirects to %s.",
		De: "Die Adresse von Matomo leitet auf %s weiter.",
	}
	ErrHintRedirects = &Message{
		En: "Use the address the redirect points to.%s",
		De: "Verwenden Sie die Adresse, auf die die Weiterleitung zeigt.%s",
	}
	// ErrHintSuggestedRedirect: the address, the words on the secret.
	ErrHintSuggestedRedirect = &Message{
		En: "Use %s, the address the redirect points to.%s",
		De: "Verwenden Sie %s, die Adresse, auf die die Weiterleitung zeigt.%s",
	}
	ErrDetailTooMany = &Message{
		En: "%s answered 429 Too Many Requests.",
		De: "%s hat mit 429 Too Many Requests geantwortet.",
	}
	ErrHintWaitAMinute = &Message{
		En: "Wait a minute and try again.",
		De: "Warten Sie eine Minute, und versuchen Sie es dann noch einmal.",
	}
	// ErrHintRetryAfter: how long (a duration, ErrUntil, ErrAWhile).
	ErrHintRetryAfter = &Message{
		En: "The server asks to wait %s before trying again.",
		De: "Der Server bittet, %s zu warten, bevor Sie es noch einmal versuchen.",
	}
	// ErrUntil: a time of day.
	ErrUntil = &Message{
		En: "until %s",
		De: "bis %s",
	}
	ErrAWhile = &Message{
		En: "a while",
		De: "eine Weile",
	}
	ErrDetailTokenUnknown = &Message{
		En: "Matomo does not accept this token: it is unknown, expired, or mistyped.",
		De: "Matomo nimmt diesen Token nicht an: Er ist unbekannt, abgelaufen oder falsch eingegeben.",
	}
	ErrHintTokenRejected = &Message{
		En: "Copy the whole token again (32 characters) from the Matomo you entered. " +
			"An expired token looks exactly like a wrong one: if in doubt, create a new one. " +
			"Each rejected token counts as a failed login; Matomo locks this computer out for up to " +
			"an hour after more than 20 in an hour.",
		De: "Kopieren Sie den ganzen Token (32 Zeichen) noch einmal aus dem Matomo, dessen Adresse Sie eingegeben haben. " +
			"Ein abgelaufener Token sieht genauso aus wie ein falscher: Erstellen Sie im Zweifel einen neuen. " +
			"Jeder abgelehnte Token zählt als fehlgeschlagene Anmeldung; nach mehr als 20 in einer Stunde " +
			"sperrt Matomo diesen Computer für bis zu eine Stunde.",
	}
	// ErrDetailNotLoggedIn: Matomo's words ("You must be logged in").
	ErrDetailNotLoggedIn = &Message{
		En: "Matomo does not know this token: it answered \"%s\", " +
			"which is how Matomo 3 and 4 answer a wrong or expired token instead of refusing it.",
		De: "Matomo kennt diesen Token nicht: Es hat „%s“ geantwortet, " +
			"so wie Matomo 3 und 4 auf einen falschen oder abgelaufenen Token antworten, statt ihn abzulehnen.",
	}
	// ErrDetailAsNobody: what Matomo answered about its version (ErrNoVersion
	// or ErrItsVersion) and its sites (ErrNoSites, ErrOnlyPublicSites),
	// Matomo's words ("You must be logged in").
	ErrDetailAsNobody = &Message{
		En: "Matomo does not know this token: it answered as it answers nobody logged in " +
			"(%s, %s, and \"%s\"), which is how Matomo 3 and 4 answer a wrong or expired token " +
			"instead of refusing it.",
		De: "Matomo kennt diesen Token nicht: Es hat so geantwortet wie jemandem, der nicht angemeldet ist " +
			"(%s, %s und „%s“), so wie Matomo 3 und 4 auf einen falschen oder abgelaufenen Token antworten, " +
			"statt ihn abzulehnen.",
	}
	ErrNoVersion = &Message{
		En: "no version",
		De: "keine Version",
	}
	ErrItsVersion = &Message{
		En: "its version",
		De: "seine Version",
	}
	ErrNoSites = &Message{
		En: "no sites",
		De: "keine Websites",
	}
	// ErrOnlyPublicSites: how many sites anyone may view.
	ErrOnlyPublicSites = &Message{
		Plural: 1,
		En:     "only the %d sites anyone may view", EnOne: "only the %d site anyone may view",
		De: "nur die %d Websites, die jeder sehen darf", DeOne: "nur die eine Website, die jeder sehen darf",
	}
	ErrDetailNoSite = &Message{
		En: "Matomo accepted the token, but its user cannot see any site.",
		De: "Matomo hat den Token angenommen, aber sein Benutzer kann keine Website sehen.",
	}
	ErrHintNoAccess = &Message{
		En: "Ask a Matomo administrator to give this user at least view access to the sites the " +
			"integration needs (Administration → System → Users), then verify again. No new token is needed.",
		De: "Bitten Sie einen Matomo-Administrator, diesem Benutzer mindestens Lesezugriff auf die Websites zu geben, " +
			"die die Integration braucht (Administration → System → Benutzer), und prüfen Sie dann noch einmal. " +
			"Ein neuer Token ist nicht nötig.",
	}
	ErrDetailNoSiteYet = &Message{
		En: "Matomo accepted the token of a superuser, but this Matomo has no site yet.",
		De: "Matomo hat den Token eines Superusers angenommen, aber dieses Matomo hat noch keine Website.",
	}
	ErrHintAddSite = &Message{
		En: "Add the first website in Matomo (Administration → Websites → Manage), then verify again.",
		De: "Legen Sie in Matomo die erste Website an (Administration → Webseiten → Verwalten), und prüfen Sie dann noch einmal.",
	}
	ErrDetailBasicAuth = &Message{
		En: "%s asks for a user name and password (HTTP Basic authentication) before Matomo.",
		De: "%s verlangt vor Matomo einen Benutzernamen und ein Passwort (HTTP-Basic-Authentifizierung).",
	}
	ErrHintBasicAuth = &Message{
		En: "This wizard cannot pass that prompt. Ask the administrator to let requests to " +
			"index.php?module=API through without it, or use Matomo's own address behind it.",
		De: "Über diese Abfrage kommt dieser Assistent nicht hinweg. Bitten Sie den Administrator, Anfragen an " +
			"index.php?module=API ohne sie durchzulassen, oder verwenden Sie die Adresse von Matomo dahinter.",
	}
	ErrDetail401 = &Message{
		En: "%s refused the request (401) and does not look like Matomo.",
		De: "%s hat die Anfrage abgewiesen (401) und sieht nicht wie Matomo aus.",
	}
	ErrHintLoginAddress = &Message{
		En: "Check the address: it should be the one you use to log in to Matomo.",
		De: "Prüfen Sie die Adresse: Es sollte die sein, unter der Sie sich bei Matomo anmelden.",
	}
	ErrDetail503 = &Message{
		En: "%s is unavailable (503): Matomo may be in maintenance or upgrading its database.",
		De: "%s ist nicht verfügbar (503): Matomo wird vielleicht gewartet oder aktualisiert seine Datenbank.",
	}
	ErrHint503 = &Message{
		En: "Try again in a few minutes. If it lasts, ask the Matomo administrator (an upgrade may be waiting to finish).",
		De: "Versuchen Sie es in ein paar Minuten noch einmal. Dauert es an, fragen Sie den Matomo-Administrator " +
			"(vielleicht wartet ein Update darauf, abgeschlossen zu werden).",
	}
	// ErrDetailGateway: the host, the HTTP status.
	ErrDetailGateway = &Message{
		En: "The web server or proxy at %s could not get an answer from Matomo behind it (HTTP %s).",
		De: "Der Webserver oder Proxy unter %s hat von Matomo dahinter keine Antwort bekommen (HTTP %s).",
	}
	ErrHintGateway = &Message{
		En: "Matomo (PHP) may be down or overloaded. Try again later; if it lasts, tell the administrator.",
		De: "Matomo (PHP) läuft vielleicht nicht oder ist überlastet. Versuchen Sie es später noch einmal; " +
			"dauert es an, sagen Sie es dem Administrator.",
	}
	// ErrDetailInternal: the host, the HTTP status.
	ErrDetailInternal = &Message{
		En: "%s had an internal error (HTTP %s).",
		De: "%s hatte einen internen Fehler (HTTP %s).",
	}
	ErrHintInternal = &Message{
		En: "Try again later. If it repeats, the Matomo administrator can find the cause in the server's error log.",
		De: "Versuchen Sie es später noch einmal. Geschieht es wieder, findet der Matomo-Administrator die Ursache " +
			"im Fehlerprotokoll des Servers.",
	}
	ErrDetailTracker = &Message{
		En: "This address is Matomo's tracker (matomo.php or piwik.php), not its API.",
		De: "Diese Adresse ist der Tracker von Matomo (matomo.php oder piwik.php), nicht seine API.",
	}
	ErrHintTracker = &Message{
		En: "Use the address you log in to Matomo with; the API is index.php in the same folder.",
		De: "Verwenden Sie die Adresse, unter der Sie sich bei Matomo anmelden; die API ist index.php im selben Ordner.",
	}
	ErrDetailTrackingScript = &Message{
		En: "This address serves Matomo's tracking script (matomo.js), not its API.",
		De: "Diese Adresse liefert das Tracking-Skript von Matomo (matomo.js), nicht seine API.",
	}
	ErrHintTrackingScript = &Message{
		En: "Use the address you log in to Matomo with, without matomo.js.",
		De: "Verwenden Sie die Adresse, unter der Sie sich bei Matomo anmelden, ohne matomo.js.",
	}
	ErrDetailWebPage = &Message{
		En: "Matomo answered with a web page instead of its API.",
		De: "Matomo hat mit einer Webseite geantwortet statt mit seiner API.",
	}
	// ErrDetailWebPageTitled: the page's title, as it came.
	ErrDetailWebPageTitled = &Message{
		En: "Matomo answered with a web page (\"%s\") instead of its API.",
		De: "Matomo hat mit einer Webseite („%s“) geantwortet statt mit seiner API.",
	}
	ErrHintWebPage = &Message{
		En: "A proxy or rewrite rule may be changing requests. Check that index.php?module=API is reachable unchanged.",
		De: "Vielleicht verändert ein Proxy oder eine Rewrite-Regel die Anfragen. Prüfen Sie, ob index.php?module=API " +
			"unverändert erreichbar ist.",
	}
	ErrDetailMatomoError = &Message{
		En: "Matomo answered the request with an error.",
		De: "Matomo hat die Anfrage mit einem Fehler beantwortet.",
	}
	ErrHintShowMessage = &Message{
		En: "If it repeats, show this message to the Matomo administrator.",
		De: "Geschieht es wieder, zeigen Sie diese Meldung dem Matomo-Administrator.",
	}
	// ErrDetail404: the API's address.
	ErrDetail404 = &Message{
		En: "Nothing was found at %s (404).",
		De: "Unter %s wurde nichts gefunden (404).",
	}
	// ErrHint404: the address, twice.
	ErrHint404 = &Message{
		En: "Check the path: Matomo may live in a folder, for example %[1]s/matomo or %[1]s/analytics.",
		De: "Prüfen Sie den Pfad: Matomo liegt vielleicht in einem Ordner, zum Beispiel %[1]s/matomo oder %[1]s/analytics.",
	}
	// ErrDetailUnexpected: the HTTP status.
	ErrDetailUnexpected = &Message{
		En: "Matomo answered (HTTP %s), but not with what was asked for.",
		De: "Matomo hat geantwortet (HTTP %s), aber nicht mit dem, was gefragt war.",
	}
	ErrHintModified = &Message{
		En: "This Matomo may be very old or modified, or a plugin changes API answers. Show this to the Matomo administrator.",
		De: "Dieses Matomo ist vielleicht sehr alt oder verändert, oder ein Plugin verändert die Antworten der API. " +
			"Zeigen Sie das dem Matomo-Administrator.",
	}
	// ErrDetailPageTitled: the host, the page's title, the status and
	// content type (ErrStatus).
	ErrDetailPageTitled = &Message{
		En: "%s answered with a web page titled \"%s\" (%s), not with Matomo's API.",
		De: "%s hat mit einer Webseite namens „%s“ geantwortet (%s), nicht mit der API von Matomo.",
	}
	// ErrDetailNotLikeMatomo: the host, the status, content type and
	// server (ErrStatus).
	ErrDetailNotLikeMatomo = &Message{
		En: "%s answered, but not like Matomo (%s).",
		De: "%s hat geantwortet, aber nicht wie Matomo (%s).",
	}
	// ErrDetailNotLikeMatomoServer: the host, the status and content
	// type, the server's name.
	ErrDetailNotLikeMatomoServer = &Message{
		En: "%s answered, but not like Matomo (%s, server %s).",
		De: "%s hat geantwortet, aber nicht wie Matomo (%s, Server %s).",
	}
	ErrHintBaseAddress = &Message{
		En: "Check the address: it should be the one you use to log in to Matomo (without index.php).",
		De: "Prüfen Sie die Adresse: Es sollte die sein, unter der Sie sich bei Matomo anmelden (ohne index.php).",
	}
	ErrDetailIPLockout = &Message{
		En: "Matomo has blocked requests from this computer's IP address after too many failed logins.",
		De: "Matomo hat nach zu vielen fehlgeschlagenen Anmeldungen die Anfragen von der IP-Adresse dieses Computers gesperrt.",
	}
	ErrHintIPLockout = &Message{
		En: "Until the block lifts, Matomo refuses every token from this computer, even a correct one. " +
			"It lifts when the failed logins are more than 60 minutes old, or sooner if a Matomo " +
			"superuser unblocks the IP (Administration → Diagnostic → Brute Force Log → \"Unblock all blocked IPs\", " +
			"or `console login:unblock-blocked-ips`). Send no more tokens until then.",
		De: "Bis die Sperre aufgehoben ist, lehnt Matomo jeden Token von diesem Computer ab, auch einen richtigen. " +
			"Sie endet, wenn die fehlgeschlagenen Anmeldungen mehr als 60 Minuten zurückliegen, oder früher, wenn ein " +
			"Matomo-Superuser die IP-Adresse freigibt (Administration → Diagnose → Brute-Force-Log → „Blockierung aller aktuell geblockten IPs aufheben“, " +
			"oder `console login:unblock-blocked-ips`). Senden Sie bis dahin keine Token mehr.",
	}
	ErrDetailUserLockout = &Message{
		En: "Matomo has turned off logging in for this user: too many failed logins were made with it during the last hour, " +
			"from any computer, not only this one.",
		De: "Matomo hat die Anmeldung für diesen Benutzer abgeschaltet: In der letzten Stunde gab es zu viele " +
			"fehlgeschlagene Anmeldungen mit ihm, von irgendeinem Computer, nicht nur von diesem.",
	}
	ErrHintUserLockout = &Message{
		En: "Until the failed logins are more than an hour old, Matomo refuses this user's logins and tokens everywhere, " +
			"even a correct one; Matomo has emailed the user about it. Someone may be guessing this user's password or token: " +
			"the user should change the password and turn on two-factor authentication. Send no more tokens until then.",
		De: "Bis die fehlgeschlagenen Anmeldungen mehr als eine Stunde zurückliegen, lehnt Matomo die Anmeldungen und Token " +
			"dieses Benutzers überall ab, auch einen richtigen; Matomo hat dem Benutzer deshalb eine E-Mail geschickt. " +
			"Vielleicht versucht jemand, das Passwort oder den Token dieses Benutzers zu erraten: Der Benutzer sollte sein " +
			"Passwort ändern und die Zwei-Faktor-Authentifizierung einschalten. Senden Sie bis dahin keine Token mehr.",
	}
)

// What the client refused to send, and what Matomo's answers to verify,
// to the labels and to "create it for me" mean.
var (
	ErrDetailNoAddress = &Message{
		En: "No Matomo address was given.",
		De: "Es wurde keine Matomo-Adresse angegeben.",
	}
	// ErrHintEnterAddress: an example (AddressExample).
	ErrHintEnterAddress = &Message{
		En: "Enter your Matomo address, %s.",
		De: "Geben Sie die Adresse Ihres Matomo ein, %s.",
	}
	ErrDetailPlainHTTPToken = &Message{
		En: "%s uses plain http, so the token would cross the network unencrypted.",
		De: "%s verwendet unverschlüsseltes http, der Token ginge also unverschlüsselt durch das Netz.",
	}
	ErrHintPlainHTTPToken = &Message{
		En: "Use the https:// address of your Matomo. If there truly is none, allow http explicitly (verify: --allow-http).",
		De: "Verwenden Sie die https://-Adresse Ihres Matomo. Gibt es wirklich keine, erlauben Sie http ausdrücklich (verify: --allow-http).",
	}
	ErrDetailUnusableAddress = &Message{
		En: "The address cannot be used for a request.",
		De: "Mit dieser Adresse lässt sich keine Anfrage stellen.",
	}
	ErrHintCheckAddress = &Message{
		En: "Check the address.",
		De: "Prüfen Sie die Adresse.",
	}
	// ErrDetailProxyPlainToken: the proxy's host.
	ErrDetailProxyPlainToken = &Message{
		En: "The request would go through the proxy %s over plain http, so the token would leave this computer unencrypted.",
		De: "Die Anfrage ginge über den Proxy %s mit unverschlüsseltem http, der Token verließe diesen Computer also unverschlüsselt.",
	}
	// ErrDetailProxyPlainPassword: the proxy's host.
	ErrDetailProxyPlainPassword = &Message{
		En: "The request would go through the proxy %s over plain http, so the password would leave this computer unencrypted.",
		De: "Die Anfrage ginge über den Proxy %s mit unverschlüsseltem http, das Passwort verließe diesen Computer also unverschlüsselt.",
	}
	ErrHintProxyPlain = &Message{
		En: "Use https, or exclude this address from the proxy (NO_PROXY).",
		De: "Verwenden Sie https, oder nehmen Sie diese Adresse vom Proxy aus (NO_PROXY).",
	}
	ErrDetailNoToken = &Message{
		En: "No token was given.",
		De: "Es wurde kein Token angegeben.",
	}
	ErrHintPasteToken = &Message{
		En: "Paste the token that Matomo showed you.",
		De: "Fügen Sie den Token ein, den Matomo Ihnen gezeigt hat.",
	}
	ErrHintVerifyFirst = &Message{
		En: "Verify a token first.",
		De: "Prüfen Sie zuerst einen Token.",
	}
	// ErrDetailMatomoTooLarge: what the answer holds beyond a bound
	// (ErrListsSites and the others).
	ErrDetailMatomoTooLarge = &Message{
		En: "Matomo's answer %s, far larger than any Matomo's answer; reading stopped there.",
		De: "Die Antwort von Matomo %s, weit mehr als jede Antwort eines Matomo; dort wurde das Lesen beendet.",
	}
	ErrHintPluginAdds = &Message{
		En: "A plugin or a proxy may be adding to Matomo's answers. Show this to the Matomo administrator.",
		De: "Vielleicht fügt ein Plugin oder ein Proxy den Antworten von Matomo etwas hinzu. Zeigen Sie das dem Matomo-Administrator.",
	}
	// ErrDetailServerTooLarge: the host, what the answer holds beyond a
	// bound.
	ErrDetailServerTooLarge = &Message{
		En: "%s sent an answer that %s, far larger than any Matomo's answer; reading stopped there.",
		De: "%s hat eine Antwort gesendet, die %s, weit mehr als jede Antwort eines Matomo; dort wurde das Lesen beendet.",
	}
	// ErrListsSites and the others say how an answer is too large, after
	// "the answer".
	ErrListsSites = &Message{
		En: "lists more than 500,000 sites",
		De: "mehr als 500.000 Websites nennt",
	}
	ErrListsSiteIDs = &Message{
		En: "lists more than 500,000 site ids",
		De: "mehr als 500.000 Website-IDs nennt",
	}
	ErrHoldsNames = &Message{
		En: "holds more than 12 MB of site names and addresses",
		De: "mehr als 12 MB an Namen und Adressen von Websites enthält",
	}
	ErrHoldsValue = &Message{
		En: "holds a single value or gap of more than 1 MB",
		De: "einen einzelnen Wert oder eine Lücke von mehr als 1 MB enthält",
	}
	ErrHoldsText = &Message{
		En: "holds a text of more than 4 kB",
		De: "einen Text von mehr als 4 kB enthält",
	}
	// ErrListsVisits: the most visits read.
	ErrListsVisits = &Message{
		En: "lists more than %d visits for the 1 asked",
		De: "mehr als %d Besuche statt des einen erfragten nennt",
	}
	ErrDetailTruncated = &Message{
		En: "Matomo's answer ended in the middle.",
		De: "Die Antwort von Matomo brach mittendrin ab.",
	}
	ErrHintTruncated = &Message{
		En: "Try again. If it repeats with many sites, Matomo may be running out of memory " +
			"(PHP memory_limit); the administrator can see it in the server's error log.",
		De: "Versuchen Sie es noch einmal. Geschieht es bei vielen Websites wieder, geht Matomo vielleicht der Speicher aus " +
			"(PHP memory_limit); der Administrator sieht das im Fehlerprotokoll des Servers.",
	}
	// ErrDetailIncomplete: how (Go's words: "the answer has 3 parts, 4
	// expected").
	ErrDetailIncomplete = &Message{
		En: "Matomo's answer was incomplete (%s).",
		De: "Die Antwort von Matomo war unvollständig (%s).",
	}
	ErrHintOldOrModified = &Message{
		En: "This Matomo may be very old or modified. Show this to the Matomo administrator.",
		De: "Dieses Matomo ist vielleicht sehr alt oder verändert. Zeigen Sie das dem Matomo-Administrator.",
	}
	// ErrDetailUnreadable: the decoder's words.
	ErrDetailUnreadable = &Message{
		En: "Matomo's answer could not be read (%s).",
		De: "Die Antwort von Matomo ließ sich nicht lesen (%s).",
	}
	ErrHintAddsOutput = &Message{
		En: "A plugin or the web server may be adding output to Matomo's answers. Show this to the Matomo administrator.",
		De: "Vielleicht fügt ein Plugin oder der Webserver den Antworten von Matomo etwas hinzu. Zeigen Sie das dem Matomo-Administrator.",
	}
	// ErrDetailNotAPI: the host, the decoder's words.
	ErrDetailNotAPI = &Message{
		En: "%s answered with something that is not Matomo's API (%s).",
		De: "%s hat mit etwas geantwortet, das nicht die API von Matomo ist (%s).",
	}
	// ErrDetailLargerThan: the limit.
	ErrDetailLargerThan = &Message{
		En: "Matomo's answer was larger than %s; reading stopped there.",
		De: "Die Antwort von Matomo war größer als %s; dort wurde das Lesen beendet.",
	}
	ErrHintHigherLimit = &Message{
		En: "A Matomo with extraordinarily many sites needs a higher limit; otherwise a plugin may be adding output. " +
			"Show this to the Matomo administrator.",
		De: "Ein Matomo mit außergewöhnlich vielen Websites braucht eine höhere Grenze; sonst fügt vielleicht ein Plugin etwas hinzu. " +
			"Zeigen Sie das dem Matomo-Administrator.",
	}
	// ErrDetailServerLargerThan: the host, the limit.
	ErrDetailServerLargerThan = &Message{
		En: "%s sent an answer larger than %s without a sign of Matomo; reading stopped there.",
		De: "%s hat eine Antwort größer als %s gesendet, ohne Anzeichen von Matomo; dort wurde das Lesen beendet.",
	}
	ErrDetailNoSiteList = &Message{
		En: "Matomo could not list the sites for this token.",
		De: "Matomo konnte die Websites für diesen Token nicht auflisten.",
	}
	ErrHintShowAdmin = &Message{
		En: "Show Matomo's message to the Matomo administrator.",
		De: "Zeigen Sie die Meldung von Matomo dem Matomo-Administrator.",
	}
	ErrDetailPartFailed = &Message{
		En: "Matomo answered part of the check with an unexpected error.",
		De: "Matomo hat einen Teil der Prüfung mit einem unerwarteten Fehler beantwortet.",
	}
	ErrHintTryAgainAdmin = &Message{
		En: "Try again. If it repeats, show Matomo's message to the Matomo administrator.",
		De: "Versuchen Sie es noch einmal. Geschieht es wieder, zeigen Sie die Meldung von Matomo dem Matomo-Administrator.",
	}
	// ErrDetailLabelsTooLarge: the limit.
	ErrDetailLabelsTooLarge = &Message{
		En: "Matomo's answer about its labels is larger than %s.",
		De: "Die Antwort von Matomo zu seinen Beschriftungen ist größer als %s.",
	}
	// ErrDetailLabelsUnreadable: the decoder's words.
	ErrDetailLabelsUnreadable = &Message{
		En: "Matomo's answer about its labels could not be read: %s.",
		De: "Die Antwort von Matomo zu seinen Beschriftungen ließ sich nicht lesen: %s.",
	}
	ErrDetailNotChecked = &Message{
		En: "The address was not checked yet: the password goes only to an address that answered like Matomo.",
		De: "Die Adresse wurde noch nicht geprüft: Das Passwort geht nur an eine Adresse, die wie Matomo geantwortet hat.",
	}
	ErrHintCheckAddressFirst = &Message{
		En: "Check the address first.",
		De: "Prüfen Sie zuerst die Adresse.",
	}
	// ErrDetailUncheckedTLSPassword: the host. "Create it for me" with
	// certificate checks off (--insecure-skip-verify), to another computer.
	ErrDetailUncheckedTLSPassword = &Message{
		En: "Certificate checks are off (--insecure-skip-verify), so anyone between this computer and %s could pose as it and read your password.",
		De: "Die Zertifikatsprüfung ist aus (--insecure-skip-verify), also könnte jeder zwischen diesem Computer und %s sich als dieser Server ausgeben und Ihr Passwort mitlesen.",
	}
	ErrHintUncheckedTLSPassword = &Message{
		En: "Create the token in the browser instead (the guide's steps), or start again without --insecure-skip-verify " +
			"(--ca-file for a company's own certificate authority); --insecure-skip-verify is for tokens, never for a password.",
		De: "Erstellen Sie den Token stattdessen im Browser (mit den Schritten der Anleitung), oder starten Sie neu ohne " +
			"--insecure-skip-verify (--ca-file für eine eigene Zertifizierungsstelle der Firma); --insecure-skip-verify gilt für Token, nie für ein Passwort.",
	}
	ErrDetailPlainHTTPPassword = &Message{
		En: "%s uses plain http, so your password would cross the network unencrypted.",
		De: "%s verwendet unverschlüsseltes http, Ihr Passwort ginge also unverschlüsselt durch das Netz.",
	}
	ErrHintPlainHTTPPassword = &Message{
		En: "Use the https:// address of your Matomo. Without https, create the token in the browser instead " +
			"(the guide's steps); --allow-http is for tokens, never for a password.",
		De: "Verwenden Sie die https://-Adresse Ihres Matomo. Ohne https erstellen Sie den Token stattdessen im Browser " +
			"(mit den Schritten der Anleitung); --allow-http gilt für Token, nie für ein Passwort.",
	}
	ErrHintNothingSent = &Message{
		En: "Nothing was sent.",
		De: "Es wurde nichts gesendet.",
	}
	ErrDetailCreateRefused = &Message{
		En: "Matomo refused to create the token from a login and password.",
		De: "Matomo hat es abgelehnt, den Token aus Benutzername und Passwort zu erstellen.",
	}
	ErrHintCreateInBrowser = &Message{
		En: "Some setups allow that only in the browser (LDAP, single sign-on, a login through the web server). " +
			"Create the token there instead: the guide's steps.",
		De: "Manche Installationen erlauben das nur im Browser (LDAP, Single Sign-on, eine Anmeldung über den Webserver). " +
			"Erstellen Sie den Token stattdessen dort: mit den Schritten der Anleitung.",
	}
	ErrDetailNoTokenInAnswer = &Message{
		En: "Matomo answered, but its answer holds no token that can be used.",
		De: "Matomo hat geantwortet, aber seine Antwort enthält keinen brauchbaren Token.",
	}
	ErrHintNoTokenInAnswer = &Message{
		En: "If Matomo did create one, it is in its list of tokens under Personal → Security: delete it there. " +
			"Then create a token in the browser (the guide's steps).",
		De: "Falls Matomo doch einen erstellt hat, steht er in seiner Liste der Token unter Persönlich → Sicherheit: Löschen Sie ihn dort. " +
			"Erstellen Sie dann einen Token im Browser (mit den Schritten der Anleitung).",
	}
	ErrDetailWrongPassword = &Message{
		En: "Matomo says the password is not correct for this login (or that there is no such login or email address).",
		De: "Laut Matomo ist das Passwort für diesen Benutzernamen falsch (oder es gibt diesen Benutzernamen oder diese E-Mail-Adresse nicht).",
	}
	ErrHintWrongPassword = &Message{
		En: "Check the login and type the password again. Each refused password counts as a failed login; " +
			"Matomo locks this computer out for up to an hour after more than 20 in an hour.",
		De: "Prüfen Sie den Benutzernamen, und geben Sie das Passwort noch einmal ein. Jedes abgelehnte Passwort zählt als " +
			"fehlgeschlagene Anmeldung; nach mehr als 20 in einer Stunde sperrt Matomo diesen Computer für bis zu eine Stunde.",
	}
	ErrDetailCodeMissing = &Message{
		En: "Matomo accepted the password, but this login uses two-factor authentication, and Matomo asked for the code " +
			"after it had already created a token. That token was probably created, and nobody was shown it.",
		De: "Matomo hat das Passwort angenommen, aber dieser Benutzer verwendet die Zwei-Faktor-Authentifizierung, und Matomo hat " +
			"nach dem Code erst gefragt, als es schon einen Token erstellt hatte. Dieser Token wurde wahrscheinlich erstellt, " +
			"und niemand hat ihn gesehen.",
	}
	ErrDetailCodeWrong = &Message{
		En: "Matomo accepted the password but not the two-factor code (a code is good for about a minute, and only once), " +
			"and it had already created a token by then. That token was probably created, and nobody was shown it.",
		De: "Matomo hat das Passwort angenommen, aber nicht den Code der Zwei-Faktor-Authentifizierung (ein Code gilt etwa " +
			"eine Minute lang und nur einmal), und es hatte da schon einen Token erstellt. Dieser Token wurde wahrscheinlich " +
			"erstellt, und niemand hat ihn gesehen.",
	}
	ErrHintCodeAgain = &Message{
		En: "Delete it in Matomo under Personal → Security. Then type the password and the code your app shows now again.",
		De: "Löschen Sie ihn in Matomo unter Persönlich → Sicherheit. Geben Sie dann das Passwort und den Code, " +
			"den Ihre App jetzt zeigt, noch einmal ein.",
	}
	ErrDetailTwoFactorNotSet = &Message{
		En: "This Matomo requires two-factor authentication, and it is not set up for this login yet. " +
			"Matomo said so after it had already created a token, which was probably created and shown to nobody.",
		De: "Dieses Matomo verlangt die Zwei-Faktor-Authentifizierung, und für diesen Benutzer ist sie noch nicht eingerichtet. " +
			"Matomo hat das erst gesagt, als es schon einen Token erstellt hatte, der wahrscheinlich erstellt wurde und niemandem gezeigt.",
	}
	ErrHintTwoFactorNotSet = &Message{
		En: "Log in to Matomo in the browser: it walks you through setting up two-factor authentication. " +
			"Delete the token nobody saw under Personal → Security, then create one there (the guide's steps).",
		De: "Melden Sie sich im Browser bei Matomo an: Es führt Sie durch die Einrichtung der Zwei-Faktor-Authentifizierung. " +
			"Löschen Sie den Token, den niemand gesehen hat, unter Persönlich → Sicherheit, und erstellen Sie dann dort einen " +
			"(mit den Schritten der Anleitung).",
	}
	ErrDetailTooWeak = &Message{
		En: "Matomo says this cannot be your password: it is shorter than 6 characters, or one character repeated.",
		De: "Laut Matomo kann das nicht Ihr Passwort sein: Es ist kürzer als 6 Zeichen oder ein einziges wiederholtes Zeichen.",
	}
	ErrHintTooWeak = &Message{
		En: "Type the password again; this did not count as a failed login.",
		De: "Geben Sie das Passwort noch einmal ein; das zählte nicht als fehlgeschlagene Anmeldung.",
	}
	ErrDetailFieldEmpty = &Message{
		En: "Matomo says a field was empty.",
		De: "Laut Matomo war ein Feld leer.",
	}
	ErrHintFillIn = &Message{
		En: "Fill in every field and try again.",
		De: "Füllen Sie jedes Feld aus, und versuchen Sie es noch einmal.",
	}
	ErrDetailDescriptionLong = &Message{
		En: "Matomo says the description is too long.",
		De: "Laut Matomo ist die Beschreibung zu lang.",
	}
	// ErrHintShorten: the most characters Matomo takes.
	ErrHintShorten = &Message{
		En: "Shorten it to at most %d characters.",
		De: "Kürzen Sie sie auf höchstens %d Zeichen.",
	}
	ErrDetailDateFormat = &Message{
		En: "Matomo could not read the expiry date.",
		De: "Matomo konnte das Ablaufdatum nicht lesen.",
	}
	ErrHintDateFormat = &Message{
		En: "Type it as year-month-day, or create a token without expiry.",
		De: "Geben Sie es als Jahr-Monat-Tag ein, oder erstellen Sie einen Token ohne Ablaufdatum.",
	}
	ErrDetailMatomo3 = &Message{
		En: "This Matomo cannot create a token from a login and password: it has no such function, as Matomo 3 and older.",
		De: "Dieses Matomo kann keinen Token aus Benutzername und Passwort erstellen: Wie Matomo 3 und älter hat es diese Funktion nicht.",
	}
	ErrHintMatomo3 = &Message{
		En: "Matomo 3 shows each user's one token in the browser: follow the guide's steps.",
		De: "Matomo 3 zeigt den einen Token jedes Benutzers im Browser: Folgen Sie den Schritten der Anleitung.",
	}
)
