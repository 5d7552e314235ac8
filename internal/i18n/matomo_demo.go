package i18n

// The demo Matomo's notes on its tokens and logins (matomo/demomatomo's
// Token.Note and User.Note): what each demonstrates, in the demo's lists.
var (
	DemoNoteDedicatedUser = &Message{
		En: "a dedicated user with view access to two sites",
		De: "ein eigener Benutzer mit Ansichtszugriff auf zwei Websites",
	}
	DemoNoteTwoFactorUser = &Message{
		En: "a user with two-factor authentication: the demo shows the code her app would show",
		De: "eine Benutzerin mit Zwei-Faktor-Authentifizierung: Die Demo zeigt den Code, den ihre App zeigen würde",
	}
	DemoNoteViewerToken = &Message{
		En: "a dedicated user with view access to two sites (what an integration should use)",
		De: "ein eigener Benutzer mit Ansichtszugriff auf zwei Websites (was eine Integration verwenden sollte)",
	}
	// DemoNoteAgency: how many client sites.
	DemoNoteAgency = &Message{
		En: "an agency with %d client sites: scroll and filter with /",
		De: "eine Agentur mit %d Kunden-Websites: Blättern und filtern Sie mit /",
	}
	// DemoNoteAgencyAdded: how many sites in all, how many of them were
	// added with --sites.
	DemoNoteAgencyAdded = &Message{
		En: "an agency with %d client sites (%d of them added with --sites)",
		De: "eine Agentur mit %d Kunden-Websites (%d davon mit --sites hinzugefügt)",
	}
	DemoNoteSuperUser = &Message{
		En: "a superuser: reaches every site, and the wizard advises against using it",
		De: "ein Superuser: erreicht jede Website, und der Assistent rät davon ab, ihn zu verwenden",
	}
	DemoNoteNoSite = &Message{
		En: "a valid token whose user has no site yet",
		De: "ein gültiger Token, dessen Benutzer noch keine Website hat",
	}
	DemoNoteRejected = &Message{
		En: "a token Matomo does not know: rejected, and counted as a failed login",
		De: "ein Token, den Matomo nicht kennt: abgelehnt und als fehlgeschlagene Anmeldung gezählt",
	}
	DemoNoteLockout = &Message{
		En: "runs into Matomo's lock-out, as after 20 failed logins in an hour",
		De: "läuft in die Sperre von Matomo, wie nach 20 fehlgeschlagenen Anmeldungen in einer Stunde",
	}
)
