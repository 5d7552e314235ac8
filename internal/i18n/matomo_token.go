package i18n

// Package matomo's words about a token and a password as typed or
// pasted: why one cannot be used (matomo.TokenError, PasswordError),
// what looks unusual about it (TokenCheck.Warnings), what was taken away
// around it (TokenCheck.Unwrapped), and its fingerprint, which shows a
// token without showing it.
var (
	// TokenRefused is a TokenError or PasswordError as one sentence: the
	// reason, the hint.
	TokenRefused = &Message{
		En: "%s. %s",
		De: "%s. %s",
	}
	TokenEmpty = &Message{
		En: "the token is empty",
		De: "Der Token ist leer",
	}
	TokenTwo = &Message{
		En: "the text holds two different token_auth values",
		De: "Der Text enthält zwei verschiedene Werte für token_auth",
	}
	TokenAnonymous = &Message{
		En: "\"anonymous\" is Matomo's name for a visitor without a token, not a token",
		De: "„anonymous“ ist der Name, den Matomo einem Besucher ohne Token gibt, kein Token",
	}
	TokenTooLong = &Message{
		En: "the token is too long",
		De: "Der Token ist zu lang",
	}
	TokenControl = &Message{
		En: "the token contains a line break or control character",
		De: "Der Token enthält einen Zeilenumbruch oder ein Steuerzeichen",
	}
	TokenInvisible = &Message{
		En: "the token contains an invisible character (a zero-width space or byte-order mark)",
		De: "Der Token enthält ein unsichtbares Zeichen (ein Leerzeichen ohne Breite oder eine Byte-Order-Mark)",
	}
	// TokenHintTooLong: how many characters were pasted (a string, written
	// without digit grouping as before), how many a token has.
	TokenHintTooLong = &Message{
		En: "That was %s characters; a Matomo token is %d. Copy only the token that Matomo showed you.",
		De: "Das waren %s Zeichen; ein Matomo-Token hat %d. Kopieren Sie nur den Token, den Matomo Ihnen gezeigt hat.",
	}
	TokenHintEmpty = &Message{
		En: "Paste the token that Matomo showed you when you created it.",
		De: "Fügen Sie den Token ein, den Matomo Ihnen beim Erstellen gezeigt hat.",
	}
	TokenHintControl = &Message{
		En: "Copy the token on its own, without the text around it.",
		De: "Kopieren Sie nur den Token, ohne den Text darum herum.",
	}
	TokenHintInvisible = &Message{
		En: "Copy the token again straight from Matomo, or type it.",
		De: "Kopieren Sie den Token noch einmal direkt aus Matomo, oder tippen Sie ihn.",
	}
	TokenHintNothingAfter = &Message{
		En: "Nothing follows token_auth=. Paste the token itself, the 32 characters Matomo showed you.",
		De: "Nach token_auth= folgt nichts. Fügen Sie den Token selbst ein, die 32 Zeichen, die Matomo Ihnen gezeigt hat.",
	}
	TokenHintAnonymous = &Message{
		En: "Create a personal token in Matomo under Administration → Personal → Security.",
		De: "Erstellen Sie in Matomo einen persönlichen Token unter Administration → Persönlich → Sicherheit.",
	}
	TokenHintTwo = &Message{
		En: "Paste only one token: the value after one token_auth=, or the token alone.",
		De: "Fügen Sie nur einen Token ein: den Wert nach einem token_auth=, oder den Token allein.",
	}
	TokenInQuotes = &Message{
		En: "It is wrapped in quotes; the quotes are probably not part of the token.",
		De: "Er steht in Anführungszeichen; die gehören wahrscheinlich nicht zum Token.",
	}
	TokenHasSpaces = &Message{
		En: "It contains spaces; a Matomo token has none.",
		De: "Er enthält Leerzeichen; ein Matomo-Token hat keine.",
	}
	// TokenLength: its length, the length of Matomo's tokens.
	TokenLength = &Message{
		En: "It is %d characters long; Matomo tokens have %d.",
		De: "Er ist %d Zeichen lang; Matomo-Token haben %d.",
	}
	TokenNotHex = &Message{
		En: "It has characters other than 0-9 and a-f; Matomo tokens have only those.",
		De: "Er enthält andere Zeichen als 0-9 und a-f; Matomo-Token haben nur diese.",
	}
	TokenRemovedPrefix = &Message{
		En: "Removed \"token_auth=\" in front: only what follows it is the token.",
		De: "„token_auth=“ vorne entfernt: Nur was danach folgt, ist der Token.",
	}
	// TokenRemovedSetting: the token was written as a settings file or a
	// program writes it (token_auth: T, 'token_auth' => 'T').
	TokenRemovedSetting = &Message{
		En: "Removed \"token_auth\" and what stood between it and the token (as in a settings file): only the value is the token.",
		De: "„token_auth“ und was zwischen ihm und dem Token stand entfernt (wie in einer Einstellungsdatei): Nur der Wert ist der Token.",
	}
	TokenTookOut = &Message{
		En: "Took the token out of the token_auth= part of what was pasted; the rest of it is not sent.",
		De: "Den Token aus dem Teil token_auth= des Eingefügten genommen; der Rest davon wird nicht gesendet.",
	}
	TokenNone = &Message{
		En: "no token",
		De: "kein Token",
	}
	// TokenShort: its length (of a token too short to show its end).
	TokenShort = &Message{
		En: "%d characters",
		De: "%d Zeichen",
	}
	// TokenEnds: its length, its last four characters.
	TokenEnds = &Message{
		En: "%d characters, ends …%s",
		De: "%d Zeichen, endet auf …%s",
	}
	PasswordEmpty = &Message{
		En: "the password is empty",
		De: "Das Passwort ist leer",
	}
	PasswordTooLong = &Message{
		En: "the password is too long",
		De: "Das Passwort ist zu lang",
	}
	PasswordControl = &Message{
		En: "the password contains a line break or control character",
		De: "Das Passwort enthält einen Zeilenumbruch oder ein Steuerzeichen",
	}
	PasswordHintEmpty = &Message{
		En: "Type the password you log in to Matomo with.",
		De: "Geben Sie das Passwort ein, mit dem Sie sich bei Matomo anmelden.",
	}
	// PasswordHintTooLong: the most characters a password may have (a
	// string: "1024", as before).
	PasswordHintTooLong = &Message{
		En: "That is more than %s characters: type or paste only your Matomo password.",
		De: "Das sind mehr als %s Zeichen: Geben Sie nur Ihr Matomo-Passwort ein, oder fügen Sie nur es ein.",
	}
	PasswordHintControl = &Message{
		En: "Type the password, or paste it on its own.",
		De: "Tippen Sie das Passwort, oder fügen Sie es allein ein.",
	}
)
