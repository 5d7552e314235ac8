package i18n

// "Create it for me" (the token made from the login and password): the
// sentences the wizard and the line mode share, through package steps.
var (
	// CreateTradeOff goes with the offer on the guide's first step: the
	// Matomo's host.
	CreateTradeOff = &Message{
		En: "The password is typed here and sent once, only to %s; it is never kept, logged or shown. " +
			"The steps in the browser avoid typing it here.",
		De: "Das Passwort wird hier eingegeben und einmal gesendet, nur an %s; es wird nie gespeichert, protokolliert oder angezeigt. " +
			"Die Schritte im Browser kommen ohne Ihr Passwort hier aus.",
	}
	// CreateOrphans asks for the tokens Matomo probably holds that nobody
	// saw to be deleted: their descriptions (quoted, one after another),
	// the page that lists them, how many.
	CreateOrphans = &Message{
		Plural: 3,
		En:     "Matomo probably holds %[3]d tokens nobody saw (%[1]s): delete them under %[2]s.",
		EnOne:  "Matomo probably holds a token nobody saw, %s: delete it under %s.",
		De:     "Matomo hat wahrscheinlich %[3]d Token, die niemand gesehen hat (%[1]s): Löschen Sie sie unter %[2]s.",
		DeOne:  "Matomo hat wahrscheinlich einen Token, den niemand gesehen hat, %s: Löschen Sie ihn unter %s.",
	}
	// CreateQuoted is a token's description (typed by the person) in the
	// quotation marks of the text's language.
	CreateQuoted = &Message{
		En: "\"%s\"",
		De: "„%s“",
	}
	// CreateCodeMissing explains Matomo's demand for the two-factor code:
	// the description of the token it probably stored first, the page
	// that lists the tokens.
	CreateCodeMissing = &Message{
		En: "Matomo needs your two-factor code. A token named %s was probably created " +
			"(Matomo checks the code only after creating it), and nobody was shown it: delete it under %s. " +
			"Type the password again, then the code your app shows now.",
		De: "Matomo braucht Ihren Code der Zwei-Faktor-Authentifizierung. Ein Token namens %s wurde wahrscheinlich erstellt " +
			"(Matomo prüft den Code erst danach), und niemand hat ihn gesehen: Löschen Sie ihn unter %s. " +
			"Geben Sie das Passwort noch einmal ein, dann den Code, den Ihre App jetzt zeigt.",
	}
	// CreateCodeWrong is CreateCodeMissing for a code Matomo did not take.
	CreateCodeWrong = &Message{
		En: "Matomo did not take the two-factor code (each code works once, for about a minute). " +
			"A token named %s was probably created (Matomo checks the code only after creating it), and nobody was shown it: " +
			"delete it under %s. Type the password again, then the code your app shows now.",
		De: "Matomo hat den Code der Zwei-Faktor-Authentifizierung nicht angenommen (jeder Code gilt einmal, etwa eine Minute lang). " +
			"Ein Token namens %s wurde wahrscheinlich erstellt (Matomo prüft den Code erst danach), und niemand hat ihn gesehen: " +
			"Löschen Sie ihn unter %s. Geben Sie das Passwort noch einmal ein, dann den Code, den Ihre App jetzt zeigt.",
	}
)
