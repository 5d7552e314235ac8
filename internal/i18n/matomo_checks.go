package i18n

// Package matomo's words about its checks after the token's: the URL
// check (matomo.GETCheckWarning, DescribeGETCheck), the data check
// (DataCheck.Summary and Hint, DataCheckErrorSummary, DataCheckSkipped)
// and the token "create it for me" made (Created.Summary).
var (
	CheckGETWarning = &Message{
		En: "This sends the token once inside a URL, the way some tools do. " +
			"URLs end up in the Matomo server's access log, so the token will be written there. " +
			"If the token is \"secure only\", Matomo refuses it and counts one failed login.",
		De: "Damit wird der Token einmal in einer URL gesendet, so wie manche Werkzeuge es tun. " +
			"URLs landen im Zugriffsprotokoll des Matomo-Servers, der Token wird also dort stehen. " +
			"Gilt der Token nur für sichere Anfragen, lehnt Matomo ihn ab und zählt eine fehlgeschlagene Anmeldung.",
	}
	CheckGETNotRun = &Message{
		En: "The URL check was not run.",
		De: "Die URL-Prüfung wurde nicht ausgeführt.",
	}
	CheckGETWorks = &Message{
		En: "Tools that put the token in a URL (…&token_auth=…) will work with this token. " +
			"Such URLs end up in access logs and browser histories, so prefer tools that send the token in a POST body.",
		De: "Werkzeuge, die den Token in eine URL setzen (…&token_auth=…), funktionieren mit diesem Token. " +
			"Solche URLs landen in Zugriffsprotokollen und im Verlauf von Browsern; nehmen Sie daher lieber Werkzeuge, " +
			"die den Token im POST-Body senden.",
	}
	CheckGETSecureOnly = &Message{
		En: "Tools that put the token in a URL (…&token_auth=…) will NOT work with this token: it is secure-only " +
			"(created with \"Only allow secure requests\" ticked), so Matomo accepts it only in a POST body. " +
			"Matomo counted this check as one failed login. " +
			"Prefer a tool or setting that sends the token in a POST body. Only if the tool truly needs the token in a URL, " +
			"create a separate token for it with \"Only allow secure requests\" unticked.",
		De: "Werkzeuge, die den Token in eine URL setzen (…&token_auth=…), funktionieren mit diesem Token NICHT: Er gilt nur für " +
			"sichere Anfragen (mit Häkchen bei „Nur sichere Anfragen erlauben“ erstellt), deshalb nimmt Matomo ihn nur im POST-Body an. " +
			"Matomo hat diese Prüfung als eine fehlgeschlagene Anmeldung gezählt. " +
			"Nehmen Sie lieber ein Werkzeug oder eine Einstellung, die den Token im POST-Body sendet. Nur wenn das Werkzeug " +
			"den Token wirklich in einer URL braucht, erstellen Sie dafür einen eigenen Token ohne Häkchen bei „Nur sichere Anfragen erlauben“.",
	}
	CheckGETRefused = &Message{
		En: "Tools that put the token in a URL (…&token_auth=…) will NOT work with this token: Matomo refused it in a URL " +
			"although it accepted it in a POST body. Show Matomo's message to the Matomo administrator.",
		De: "Werkzeuge, die den Token in eine URL setzen (…&token_auth=…), funktionieren mit diesem Token NICHT: Matomo hat ihn " +
			"in einer URL abgelehnt, obwohl es ihn im POST-Body angenommen hat. Zeigen Sie die Meldung von Matomo dem Matomo-Administrator.",
	}

	// DataRecent: when (DataVisitTime).
	DataRecent = &Message{
		En: "Last visit recorded %s.",
		De: "Letzter Besuch erfasst %s.",
	}
	// DataStale: when.
	DataStale = &Message{
		En: "No visit in the last 7 days: tracking may have stopped. The last visit was recorded %s.",
		De: "Kein Besuch in den letzten 7 Tagen: Vielleicht funktioniert das Tracking nicht mehr. Der letzte Besuch wurde %s erfasst.",
	}
	// DataNoVisitSite: the site's ID.
	DataNoVisitSite = &Message{
		En: "No visit recorded yet: is the tracking code installed on site %s?",
		De: "Noch kein Besuch erfasst: Ist der Tracking-Code auf der Website %s eingebaut?",
	}
	// DataNoVisitURL: the site's address.
	DataNoVisitURL = &Message{
		En: "No visit recorded yet: is the tracking code installed on %s?",
		De: "Noch kein Besuch erfasst: Ist der Tracking-Code auf %s eingebaut?",
	}
	DataLogOffSite = &Message{
		En: "The data check could not run: the visits log it reads is deactivated in this site's settings. The token works.",
		De: "Die Datenprüfung konnte nicht laufen: Das Besucher-Log, das sie liest, ist in den Einstellungen dieser Website " +
			"deaktiviert. Der Token funktioniert.",
	}
	DataLogOffAll = &Message{
		En: "The data check could not run: the visits log it reads is deactivated for all sites. The token works.",
		De: "Die Datenprüfung konnte nicht laufen: Das Besucher-Log, das sie liest, ist für alle Websites deaktiviert. " +
			"Der Token funktioniert.",
	}
	DataLiveOff = &Message{
		En: "The data check could not run: Matomo's Live plugin, which answers it, is not enabled. The token works.",
		De: "Die Datenprüfung konnte nicht laufen: Das Live-Plugin von Matomo, das sie beantwortet, ist nicht aktiviert. " +
			"Der Token funktioniert.",
	}
	// DataNotReachable: the site's ID.
	DataNotReachable = &Message{
		En: "The data check could not run: this token does not reach site %s.",
		De: "Die Datenprüfung konnte nicht laufen: Dieser Token erreicht die Website %s nicht.",
	}
	DataTimeLimit = &Message{
		En: "The data check could not run: Matomo's time limit for visits log queries ran out. The token works.",
		De: "Die Datenprüfung konnte nicht laufen: Die Zeitgrenze von Matomo für Abfragen des Besucher-Logs ist abgelaufen. " +
			"Der Token funktioniert.",
	}
	DataFailed = &Message{
		En: "The data check could not run: Matomo answered it with an error. The token works.",
		De: "Die Datenprüfung konnte nicht laufen: Matomo hat sie mit einem Fehler beantwortet. Der Token funktioniert.",
	}
	// DataHintNoVisit: the site's ID.
	DataHintNoVisit = &Message{
		En: "Check that the site's pages carry Matomo's tracking code for site %s " +
			"(Matomo shows it under Administration → Websites → Tracking code), then look again after a visit.",
		De: "Prüfen Sie, ob die Seiten der Website den Tracking-Code von Matomo für die Website %s enthalten " +
			"(Matomo zeigt ihn unter Administration → Websites → Tracking-Code), und sehen Sie nach einem Besuch noch einmal nach.",
	}
	// DataHintStale: the site's ID.
	DataHintStale = &Message{
		En: "Check that the site's pages still carry Matomo's tracking code for site %s: " +
			"a new theme, a consent banner or a tag manager change can drop it.",
		De: "Prüfen Sie, ob die Seiten der Website noch den Tracking-Code von Matomo für die Website %s enthalten: " +
			"Ein neues Theme, ein Consent-Banner oder eine Änderung im Tag-Manager kann ihn entfernen.",
	}
	DataHintLogOffAll = &Message{
		En: "A superuser can enable it again in Matomo's general settings (Live); " +
			"or open the site's reports in Matomo to see whether data arrives.",
		De: "Ein Superuser kann es in den allgemeinen Einstellungen von Matomo wieder einschalten (Live); " +
			"oder öffnen Sie die Berichte der Website in Matomo, um zu sehen, ob Daten ankommen.",
	}
	DataHintLogOffSite = &Message{
		En: "A user with admin access to the site can enable it again in the site's settings; " +
			"or open the site's reports in Matomo to see whether data arrives.",
		De: "Ein Benutzer mit Administratorzugriff auf die Website kann es in deren Einstellungen wieder einschalten; " +
			"oder öffnen Sie die Berichte der Website in Matomo, um zu sehen, ob Daten ankommen.",
	}
	DataHintLiveOff = &Message{
		En: "A superuser can activate the Live plugin (Administration → Plugins); " +
			"or open the site's reports in Matomo to see whether data arrives.",
		De: "Ein Superuser kann das Live-Plugin aktivieren (Administration → Plugins); " +
			"oder öffnen Sie die Berichte der Website in Matomo, um zu sehen, ob Daten ankommen.",
	}
	DataHintNotReachable = &Message{
		En: "Choose one of the token's sites, or ask a Matomo administrator to give its user view access to this one.",
		De: "Wählen Sie eine der Websites des Tokens, oder bitten Sie einen Matomo-Administrator, seinem Benutzer " +
			"Lesezugriff auf diese zu geben.",
	}
	DataHintTimeLimit = &Message{
		En: "Try again later, when Matomo is less busy, or open the site's visits log in Matomo.",
		De: "Versuchen Sie es später noch einmal, wenn Matomo weniger zu tun hat, oder öffnen Sie das Besucher-Log " +
			"der Website in Matomo.",
	}
	DataHintFailed = &Message{
		En: "Show Matomo's message to the Matomo administrator, or open the site's reports in Matomo to see whether data arrives.",
		De: "Zeigen Sie die Meldung von Matomo dem Matomo-Administrator, oder öffnen Sie die Berichte der Website in Matomo, " +
			"um zu sehen, ob Daten ankommen.",
	}
	// DataErrorTitle: the error's title.
	DataErrorTitle = &Message{
		En: "The data check could not run: %s.",
		De: "Die Datenprüfung konnte nicht laufen: %s.",
	}
	// DataErrorDetail: the error's title, its detail.
	DataErrorDetail = &Message{
		En: "The data check could not run: %s. %s",
		De: "Die Datenprüfung konnte nicht laufen: %s. %s",
	}
	DataSkipped = &Message{
		En: "The data check was not run: Matomo locked this computer out in this session, " +
			"so it would refuse even this verified token. Look at the site's reports in Matomo instead.",
		De: "Die Datenprüfung wurde nicht ausgeführt: Matomo hat diesen Computer in dieser Sitzung gesperrt " +
			"und würde daher selbst diesen geprüften Token ablehnen. Sehen Sie sich stattdessen die Berichte der Website in Matomo an.",
	}
	// DataVisitTime: how long ago (DataMinutes and the others), the time
	// of day in the reader's and in UTC.
	DataVisitTime = &Message{
		En: "%s (%s)",
		De: "%s (%s)",
	}
	DataLessThanMinute = &Message{
		En: "less than a minute ago",
		De: "vor weniger als einer Minute",
	}
	DataOneMinute = &Message{
		En: "1 minute ago",
		De: "vor 1 Minute",
	}
	// DataMinutes and the next ones: how many (a string: no digit
	// grouping, as before).
	DataMinutes = &Message{
		En: "%s minutes ago",
		De: "vor %s Minuten",
	}
	DataOneHour = &Message{
		En: "1 hour ago",
		De: "vor 1 Stunde",
	}
	DataHours = &Message{
		En: "%s hours ago",
		De: "vor %s Stunden",
	}
	DataOneDay = &Message{
		En: "1 day ago",
		De: "vor 1 Tag",
	}
	DataDays = &Message{
		En: "%s days ago",
		De: "vor %s Tagen",
	}
)

// The signs that an address answered like Matomo (matomo.Preflight's
// Markers), after the pre-flight check.
var (
	CheckMarkerRequestID = &Message{
		En: "X-Matomo-Request-Id header",
		De: "Header X-Matomo-Request-Id",
	}
	// CheckMarkerVersion: the version Matomo told.
	CheckMarkerVersion = &Message{
		En: "API answered with version %s",
		De: "API hat mit Version %s geantwortet",
	}
	CheckMarkerAccessError = &Message{
		En: "API answered with its access error for requests without a token",
		De: "API hat mit ihrem Zugriffsfehler für Anfragen ohne Token geantwortet",
	}
)
