package i18n

// The wizard's result screen: the verdict on a verified token, the sites
// it reaches (the table and its filter), the URL check, a failure.
var (
	UISuperUserAdvice = &Message{
		En: "! This is a superuser's token: it can change everything in this Matomo. " +
			"For an integration, create a user with view access to the sites it needs and use that user's token.",
		De: "! Das ist der Token eines Superusers: Er kann in diesem Matomo alles ändern. " +
			"Legen Sie für eine Integration einen Benutzer mit Ansichtszugriff auf die nötigen Websites an und verwenden Sie dessen Token.",
	}
	// UISuperUserAdviceShort is UISuperUserAdvice for a small screen.
	UISuperUserAdviceShort = &Message{
		En: "! Superuser token: for an integration, use a user with view access only.",
		De: "! Superuser-Token: Nehmen Sie für eine Integration einen Benutzer nur mit Ansichtszugriff.",
	}
	UIURLCheckCanceled = &Message{
		En: "URL check canceled.",
		De: "URL-Prüfung abgebrochen.",
	}
	UIURLCheckSkipped = &Message{
		En: "URL check skipped: the token was not sent in a URL.",
		De: "URL-Prüfung übersprungen: Der Token wurde nicht in einer URL gesendet.",
	}
	// UIVerifiedVersion: the version Matomo reported.
	UIVerifiedVersion = &Message{
		En: "✓ Token verified · Matomo %s · ",
		De: "✓ Token geprüft · Matomo %s · ",
	}
	UIVerifiedNoVersion = &Message{
		En: "✓ Token verified · Matomo (version not reported) · ",
		De: "✓ Token geprüft · Matomo (Version nicht gemeldet) · ",
	}
	UIVerifiedSuperUser = &Message{
		En: "superuser",
		De: "Superuser",
	}
	UIVerifiedNotSuperUser = &Message{
		En: "not a superuser (good for an integration)",
		De: "kein Superuser (gut für eine Integration)",
	}
	// UISiteCounts: the sites, and how many of them with each access.
	UISiteCounts = &Message{
		Plural: 1,
		En:     "%d sites · %d admin · %d write · %d view", EnOne: "%d site · %d admin · %d write · %d view",
		De: "%d Websites · %d Administrator · %d Schreiben · %d Ansicht", DeOne: "eine Website · %d Administrator · %d Schreiben · %d Ansicht",
	}
	// UISiteCountShowing: how many the filter shows.
	UISiteCountShowing = &Message{
		En: " · showing %d",
		De: " · %d angezeigt",
	}
	UIURLCheckNo = &Message{
		En: "No",
		De: "Nein",
	}
	UIURLCheckYes = &Message{
		En: "Yes, run it once",
		De: "Ja, einmal ausführen",
	}
	// UIURLCheckAsk: package matomo's warning of what the check does.
	UIURLCheckAsk = &Message{
		En: "Check whether tools that put the token in URLs (…&token_auth=…) can use it? %s " +
			"To run it once, choose Yes with →, then press Enter; n skips.",
		De: "Prüfen, ob Werkzeuge, die den Token in URLs setzen (…&token_auth=…), ihn verwenden können? %s " +
			"Für diese einmalige Prüfung wählen Sie mit → „Ja“ und drücken dann Enter; n überspringt sie.",
	}
	UIURLCheckRunning = &Message{
		En: "Trying the token once in a URL…",
		De: "Der Token wird einmal in einer URL versucht…",
	}
	UIURLCheckWorks = &Message{
		En: "✓ URL use: tools that put the token in URLs will work too.",
		De: "✓ URL-Nutzung: Auch Werkzeuge, die den Token in URLs setzen, funktionieren.",
	}
	UIURLCheckSecureOnly = &Message{
		En: "✗ URL use: Matomo refuses this token inside URLs because it is secure-only " +
			"(\"Only allow secure requests\"). Tools that send it in the request body work. " +
			"Only if your tool must send it in URLs, create a token with that box unticked. " +
			"This check counted as one failed login.",
		De: "✗ URL-Nutzung: Matomo lehnt diesen Token in URLs ab, weil er nur für sichere Anfragen gilt " +
			"(„Nur sichere Anfragen erlauben“). Werkzeuge, die ihn im Inhalt der Anfrage senden, funktionieren. " +
			"Nur wenn Ihr Werkzeug ihn in URLs senden muss, erstellen Sie einen Token ohne dieses Häkchen. " +
			"Diese Prüfung zählte als eine fehlgeschlagene Anmeldung.",
	}
	UIFailureMentionsPOST = &Message{
		En: "Matomo's message mentions POST: a secure-only token is refused when a tool sends it in a URL. " +
			"This wizard sends it in the request body, so that is not the cause here.",
		De: "Matomos Meldung erwähnt POST: Ein Token nur für sichere Anfragen wird abgelehnt, wenn ein Werkzeug ihn in einer URL sendet. " +
			"Dieser Assistent sendet ihn im Inhalt der Anfrage, daran liegt es hier also nicht.",
	}

	UISitesFilterPlaceholder = &Message{
		En: "name, address or id",
		De: "Name, Adresse oder ID",
	}
	UISitesFilterTokenDropped = &Message{
		En: "! That held a token; it was removed from the filter.",
		De: "! Darin war ein Token; er wurde aus dem Filter entfernt.",
	}
	// UISitesNoMatch: the filter, quoted, or UISitesWhatYouTyped.
	UISitesNoMatch = &Message{
		En: "No site matches %s. Esc clears the filter.",
		De: "Keine Website passt zu %s. Esc leert den Filter.",
	}
	UISitesWhatYouTyped = &Message{
		En: "what you typed",
		De: "Ihrer Eingabe",
	}
	// UISitesFilterQuoted: the filter as typed.
	UISitesFilterQuoted = &Message{
		En: "\"%s\"",
		De: "„%s“",
	}
	UISitesAccessHeader = &Message{
		En: "Access",
		De: "Zugriff",
	}
)
