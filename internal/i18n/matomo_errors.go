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
