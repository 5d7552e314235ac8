package i18n

// Package matomo's words about "create it for me": what is wrong with an
// answer of the form (matomo.FieldError) and what the created token is
// (Created.Summary).
var (
	CreateTypeLogin = &Message{
		En: "Type your Matomo login (user name) or the email address of your Matomo user.",
		De: "Geben Sie Ihren Matomo-Benutzernamen oder die E-Mail-Adresse Ihres Matomo-Benutzers ein.",
	}
	CreateLoginIsToken = &Message{
		En: "That looks like a token, not a login. If you have a token already, go back and choose the token instead.",
		De: "Das sieht wie ein Token aus, nicht wie ein Benutzername. Haben Sie schon einen Token, gehen Sie zurück " +
			"und wählen Sie stattdessen den Token.",
	}
	CreateLoginBad = &Message{
		En: "A Matomo login or email address has no spaces and is not that long. Type your login, or your email address.",
		De: "Ein Matomo-Benutzername oder eine E-Mail-Adresse hat keine Leerzeichen und ist nicht so lang. " +
			"Geben Sie Ihren Benutzernamen oder Ihre E-Mail-Adresse ein.",
	}
	CreateTypeDescription = &Message{
		En: "Type a short description, so that the token can be told apart in Matomo's list later.",
		De: "Geben Sie eine kurze Beschreibung ein, damit sich der Token später in der Liste von Matomo unterscheiden lässt.",
	}
	CreateDescriptionIsToken = &Message{
		En: "That looks like a token. The description is only a name for the new token, such as the tool and the date.",
		De: "Das sieht wie ein Token aus. Die Beschreibung ist nur ein Name für den neuen Token, etwa das Werkzeug und das Datum.",
	}
	CreateDescriptionControl = &Message{
		En: "The description cannot hold a line break or a control character.",
		De: "Die Beschreibung darf keinen Zeilenumbruch und kein Steuerzeichen enthalten.",
	}
	// CreateDescriptionLong: the most characters Matomo takes, how many
	// were typed (a string: no digit grouping, as before).
	CreateDescriptionLong = &Message{
		En: "Matomo takes at most %d characters here; this is %s.",
		De: "Matomo nimmt hier höchstens %d Zeichen; das sind %s.",
	}
	// CreateDateForm: an example date.
	CreateDateForm = &Message{
		En: "Type the date as year-month-day, for example %s.",
		De: "Geben Sie das Datum als Jahr-Monat-Tag ein, zum Beispiel %s.",
	}
	CreateDateNotFuture = &Message{
		En: "That day is not in the future: the token would stop working at once. Choose a later date.",
		De: "Dieser Tag liegt nicht in der Zukunft: Der Token würde sofort nicht mehr funktionieren. Wählen Sie ein späteres Datum.",
	}
	CreateTypeCode = &Message{
		En: "Type the code your authenticator app shows now (6 digits), or one of your recovery codes.",
		De: "Geben Sie den Code ein, den Ihre Authenticator-App jetzt zeigt (6 Ziffern), oder einen Ihrer Wiederherstellungscodes.",
	}
	CreateCodeBad = &Message{
		En: "A two-factor code is 6 digits (or a recovery code of letters and digits). Type the one your app shows now.",
		De: "Ein Zwei-Faktor-Code hat 6 Ziffern (oder ist ein Wiederherstellungscode aus Buchstaben und Ziffern). " +
			"Geben Sie den ein, den Ihre App jetzt zeigt.",
	}
	CreateLoginHoldsPassword = &Message{
		En: "The login holds your password. Type the password only into the password field.",
		De: "Der Benutzername enthält Ihr Passwort. Geben Sie das Passwort nur in das Passwortfeld ein.",
	}
	CreateDescriptionHoldsPassword = &Message{
		En: "The description holds your password. Type the password only into the password field.",
		De: "Die Beschreibung enthält Ihr Passwort. Geben Sie das Passwort nur in das Passwortfeld ein.",
	}
	CreateCodeHoldsPassword = &Message{
		En: "The two-factor code holds your password. Type the password only into the password field.",
		De: "Der Zwei-Faktor-Code enthält Ihr Passwort. Geben Sie das Passwort nur in das Passwortfeld ein.",
	}
	CreateTypePassword = &Message{
		En: "Type the password you log in to Matomo with.",
		De: "Geben Sie das Passwort ein, mit dem Sie sich bei Matomo anmelden.",
	}
	CreateExpiryNotDate = &Message{
		En: "The expiry date is not a date of the form year-month-day.",
		De: "Das Ablaufdatum ist kein Datum der Form Jahr-Monat-Tag.",
	}
	// CreateSummary: the token's description, its login, when it
	// expires (CreateNoExpiry, CreateExpires), whether it works in URLs
	// (CreateSecureOnlyAsked, CreateWorksInURLs).
	CreateSummary = &Message{
		En: "Created for you as \"%s\" (login %s). %s %s",
		De: "Für Sie erstellt als „%s“ (Benutzer %s). %s %s",
	}
	CreateNoExpiry = &Message{
		En: "It does not expire.",
		De: "Er läuft nicht ab.",
	}
	// CreateExpires: the day (year-month-day).
	CreateExpires = &Message{
		En: "It stops working on %s.",
		De: "Er funktioniert ab dem %s nicht mehr.",
	}
	// CreateSecureOnlyAsked: what to do to find out (the front end's).
	CreateSecureOnlyAsked = &Message{
		En: "It was asked to be secure-only (usable in request bodies only); %s",
		De: "Er wurde nur für sichere Anfragen erbeten (nur im Inhalt von Anfragen verwendbar); %s",
	}
	// CreateWorksInURLs: Matomo's version.
	CreateWorksInURLs = &Message{
		En: "It also works in URLs (…&token_auth=…): Matomo %s makes no secure-only tokens this way, whatever was asked.",
		De: "Er funktioniert auch in URLs (…&token_auth=…): Matomo %s erstellt auf diese Weise keine Token nur für sichere Anfragen, " +
			"was auch immer erbeten wurde.",
	}
)
