package i18n

// The wizard's words around package matomo's (an error's title, detail
// and hint, Matomo's own message), on the screens that show a failure.
var (
	// UIQuoted: words someone else wrote, in the language's quotation
	// marks.
	UIQuoted = &Message{
		En: "\"%s\"",
		De: "„%s“",
	}
	// UIMatomoSaid: Matomo's own message, quoted as it came.
	UIMatomoSaid = &Message{
		En: "Matomo said: %s",
		De: "Matomo sagte: %s",
	}
	// UIURLCheckFailed: what happened (the error's detail).
	UIURLCheckFailed = &Message{
		En: "The URL check failed. %s",
		De: "Die URL-Prüfung ist fehlgeschlagen. %s",
	}
	// UICreateFailed: the error's title and detail, after "create it for
	// me" gave up.
	UICreateFailed = &Message{
		En: "✗ %s. %s The steps below create a token in the browser.",
		De: "✗ %s. %s Mit den Schritten unten erstellen Sie einen Token im Browser.",
	}
	// UIMatomoSaidAfter: Matomo's own message, after a sentence.
	UIMatomoSaidAfter = &Message{
		En: " (Matomo said: \"%s\")",
		De: " (Matomo sagte: „%s“)",
	}
	// UICreateBlocked: the lock-out's title and detail.
	UICreateBlocked = &Message{
		En: "%s. %s No password or token is sent until the lock lifts.",
		De: "%s. %s Bis die Sperre aufgehoben ist, werden weder Passwort noch Token gesendet.",
	}
)
