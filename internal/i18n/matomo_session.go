package i18n

// Package matomo's Session: the run's failed logins against Matomo's
// lock-out (Session.Countdown), and what a run that ended without a
// verified token leaves behind (Session.EndNote).
var (
	// SessionRejected and the next two count the failed logins: the count.
	SessionRejected = &Message{
		En: "Rejected tokens in this session: %d",
		De: "Abgelehnte Token in dieser Sitzung: %d",
	}
	SessionRefusedPasswords = &Message{
		En: "Refused passwords and two-factor codes in this session: %d",
		De: "Abgelehnte Passwörter und Zwei-Faktor-Codes in dieser Sitzung: %d",
	}
	SessionRejectedBoth = &Message{
		En: "Rejected tokens and refused passwords in this session: %d",
		De: "Abgelehnte Token und Passwörter in dieser Sitzung: %d",
	}
	// SessionLockLine: the count (SessionRejected), the limit.
	SessionLockLine = &Message{
		En: "%s. Matomo locks this computer out for up to an hour after more than %d failed logins in an hour",
		De: "%s. Matomo sperrt diesen Computer für bis zu eine Stunde, wenn es in einer Stunde mehr als %d fehlgeschlagene Anmeldungen gab",
	}
	// SessionLeftMany: the lock line, how many more may be rejected.
	SessionLeftMany = &Message{
		En: "%s: at most %d more may be rejected, fewer if this computer had other failed logins.",
		De: "%s: Höchstens %d weitere dürfen abgelehnt werden, weniger, wenn dieser Computer andere fehlgeschlagene Anmeldungen hatte.",
	}
	// SessionLeftFew: the lock line, how many more, the care to take
	// (SessionCarefulToken).
	SessionLeftFew = &Message{
		En: "%s: at most %d more may be rejected before the lock, fewer if this computer had other failed logins.%s",
		De: "%s: Höchstens %d weitere dürfen vor der Sperre abgelehnt werden, weniger, wenn dieser Computer andere " +
			"fehlgeschlagene Anmeldungen hatte.%s",
	}
	// SessionLeftOne: the lock line, the care to take.
	SessionLeftOne = &Message{
		En: "%s: at most 1 more may be rejected before the lock, none if this computer had other failed logins.%s",
		De: "%s: Höchstens eine weitere darf vor der Sperre abgelehnt werden, keine, wenn dieser Computer andere " +
			"fehlgeschlagene Anmeldungen hatte.%s",
	}
	// SessionPastLimit: the lock line.
	SessionPastLimit = &Message{
		En: "%s: this session is past that limit, so Matomo may refuse the next try, even a correct one, with its lock-out.",
		De: "%s: Diese Sitzung liegt über dieser Grenze, deshalb lehnt Matomo den nächsten Versuch vielleicht mit seiner Sperre ab, " +
			"auch einen richtigen.",
	}
	SessionCarefulToken = &Message{
		En: " Check the token carefully before sending it.",
		De: " Prüfen Sie den Token sorgfältig, bevor Sie ihn senden.",
	}
	SessionCarefulPassword = &Message{
		En: " Check the login and password carefully before sending them.",
		De: " Prüfen Sie Benutzername und Passwort sorgfältig, bevor Sie sie senden.",
	}
	SessionCarefulBoth = &Message{
		En: " Check what you send carefully.",
		De: " Prüfen Sie sorgfältig, was Sie senden.",
	}

	// SessionEndBlocked and the next three are the end note's first line:
	// the error's title, its class.
	SessionEndBlocked = &Message{
		En: "✗ %s [%s]: no token was sent after that.",
		De: "✗ %s [%s]: Danach wurde kein Token mehr gesendet.",
	}
	// SessionEndRejected: the title, the class, how many were rejected,
	// how many more may be.
	SessionEndRejected = &Message{
		En: "✗ %s [%s]: %d rejected in this session, at most %d more before the lock-out.",
		De: "✗ %s [%s]: %d in dieser Sitzung abgelehnt, höchstens %d weitere bis zur Sperre.",
	}
	// SessionEndFailedLogins: the title, the class, how many failed, how
	// many more may.
	SessionEndFailedLogins = &Message{
		En: "✗ %s [%s]: %d failed logins in this session, at most %d more before the lock-out.",
		De: "✗ %s [%s]: %d fehlgeschlagene Anmeldungen in dieser Sitzung, höchstens %d weitere bis zur Sperre.",
	}
	SessionEndOther = &Message{
		En: "✗ %s [%s].",
		De: "✗ %s [%s].",
	}
	// SessionOrphans: how many tokens Matomo probably holds that nobody
	// saw, their descriptions (SessionQuoted, one after another).
	SessionOrphans = &Message{
		Plural: 1,
		En:     "Matomo probably holds %d tokens nobody saw (%s): delete them under Personal → Security.",
		EnOne:  "Matomo probably holds a token nobody saw, %s: delete it under Personal → Security.",
		De:     "Matomo hat wahrscheinlich %d Token, die niemand gesehen hat (%s): Löschen Sie sie unter Persönlich → Sicherheit.",
		DeOne:  "Matomo hat wahrscheinlich einen Token, den niemand gesehen hat, %s: Löschen Sie ihn unter Persönlich → Sicherheit.",
	}
	// SessionQuoted: a token's description, quoted.
	SessionQuoted = &Message{
		En: "\"%s\"",
		De: "„%s“",
	}
	// SessionList joins two quoted descriptions (the second may be a list
	// itself).
	SessionList = &Message{
		En: "%s, %s",
		De: "%s, %s",
	}
	SessionAdviceUserLocked = &Message{
		En: "Wait until the failed logins with this user are an hour old, then run matomo-onboard again.",
		De: "Warten Sie, bis die fehlgeschlagenen Anmeldungen mit diesem Benutzer eine Stunde zurückliegen, " +
			"und starten Sie matomo-onboard dann noch einmal.",
	}
	SessionAdviceBlocked = &Message{
		En: "Wait up to an hour (or ask a Matomo superuser to unblock this IP), then run matomo-onboard again.",
		De: "Warten Sie bis zu eine Stunde (oder bitten Sie einen Matomo-Superuser, diese IP-Adresse freizugeben), " +
			"und starten Sie matomo-onboard dann noch einmal.",
	}
	SessionAdviceRejected = &Message{
		En: "Copy the whole token again, or create a new one, then run matomo-onboard again.",
		De: "Kopieren Sie den ganzen Token noch einmal, oder erstellen Sie einen neuen, und starten Sie matomo-onboard dann noch einmal.",
	}
	SessionAdvicePassword = &Message{
		En: "Check the login and the password (or create the token in the browser), then run matomo-onboard again.",
		De: "Prüfen Sie Benutzername und Passwort (oder erstellen Sie den Token im Browser), und starten Sie matomo-onboard dann noch einmal.",
	}
	SessionAdviceTwoFactor = &Message{
		En: "Have your authenticator app ready, and type its code last, just before sending; or create the token in the browser.",
		De: "Halten Sie Ihre Authenticator-App bereit, und geben Sie ihren Code zuletzt ein, kurz vor dem Senden; " +
			"oder erstellen Sie den Token im Browser.",
	}
	SessionAdviceBrowser = &Message{
		En: "Create the token in the browser (matomo-onboard guides you through the steps), then run matomo-onboard again.",
		De: "Erstellen Sie den Token im Browser (matomo-onboard führt Sie durch die Schritte), und starten Sie matomo-onboard dann noch einmal.",
	}
	SessionAdviceNoAccess = &Message{
		En: "Ask a Matomo administrator to give this user view access; the same token then works.",
		De: "Bitten Sie einen Matomo-Administrator, diesem Benutzer Lesezugriff zu geben; derselbe Token funktioniert dann.",
	}
	SessionAdviceReport = &Message{
		En: "matomo-onboard verify --url … --report FILE writes a diagnostics report for support.",
		De: "matomo-onboard verify --url … --report DATEI schreibt einen Diagnosebericht für den Support.",
	}
)
