package i18n

// The steps command (internal/cli/stepscmd.go): the checklist's own
// options and notes; the checklist itself is in steps.go.
var (
	StepsUsage = &Message{
		En: "Usage: matomo-onboard steps --url URL [--format text|markdown] [--tool NAME] [--matomo-lang LANG] [--offline]\n\n" +
			"Prints the steps to create a Matomo token, with links built for that Matomo,\n" +
			"ready to paste into an email or chat. Matomo's menus and buttons are named in\n" +
			"the language of its screens (--matomo-lang, default the reader's language):\n" +
			"for a language other than English, that Matomo is asked once, without a token,\n" +
			"how it words them. The text is German or English, as --lang says. Example:\n\n" +
			"  matomo-onboard steps --url analytics.example.org --matomo-lang de --format markdown > steps.md\n",
		De: "Aufruf: matomo-onboard steps --url URL [--format text|markdown] [--tool NAME] [--matomo-lang SPRACHE] [--offline]\n\n" +
			"Gibt die Schritte zum Erstellen eines Matomo-Tokens aus, mit Links für dieses Matomo,\n" +
			"fertig zum Einfügen in eine E-Mail oder einen Chat. Menüs und Schaltflächen von Matomo\n" +
			"heißen so wie in der Sprache seiner Oberfläche (--matomo-lang, Standard: die Sprache des\n" +
			"Lesers): Für eine andere Sprache als Englisch wird dieses Matomo einmal ohne Token gefragt,\n" +
			"wie es sie nennt. Der Text ist deutsch oder englisch, wie --lang es sagt. Beispiel:\n\n" +
			"  matomo-onboard steps --url analytics.example.org --matomo-lang de --format markdown > schritte.md\n",
	}
	StepsArgsHint = &Message{
		En: "Give the address with --url, e.g. matomo-onboard steps --url https://analytics.example.org",
		De: "Geben Sie die Adresse mit --url an, z. B. matomo-onboard steps --url https://analytics.example.org",
	}
	StepsFlagURL = &Message{
		En: "the customer's Matomo address, e.g. https://analytics.example.org",
		De: "die Matomo-Adresse des Kunden, z. B. https://analytics.example.org",
	}
	StepsFlagFormat = &Message{
		En: "text (for email) or markdown (for chats, tickets, wikis)",
		De: "text (für E-Mails) oder markdown (für Chats, Tickets, Wikis)",
	}
	StepsFlagTool = &Message{
		En: "the integration the token is for; it names the token's description",
		De: "die Integration, für die der Token ist; ihr Name steht in der Beschreibung des Tokens",
	}
	StepsFlagLang = &Message{
		En: "the reader's language, e.g. de (default: from LC_ALL, LC_MESSAGES, LANG): the checklist's text in\n" +
			"German (de) or English, Matomo's labels in any of its languages",
		De: "die Sprache des Lesers, z. B. de (Standard: aus LC_ALL, LC_MESSAGES, LANG): der Text der Checkliste\n" +
			"auf Deutsch (de) oder Englisch, die Beschriftungen von Matomo in jeder seiner Sprachen",
	}
	StepsFlagMatomoLang = &Message{
		En: "the language of the customer's Matomo screens, e.g. de (default: --lang)",
		De: "die Sprache der Matomo-Oberfläche des Kunden, z. B. de (Standard: --lang)",
	}
	StepsFlagMatomoVersion = &Message{
		En: "the customer's Matomo version, e.g. 4.16 or 5.4, to list only its fields (default: all, each with its versions)",
		De: "die Matomo-Version des Kunden, z. B. 4.16 oder 5.4, um nur ihre Felder aufzuführen (Standard: alle, jeweils\n" +
			"mit ihren Versionen)",
	}
	StepsFlagOffline = &Message{
		En: "do not ask the customer's Matomo for its labels (one request without a token, for a language other than English)",
		De: "das Matomo des Kunden nicht nach seinen Beschriftungen fragen (eine Anfrage ohne Token, für eine andere\n" +
			"Sprache als Englisch)",
	}
	StepsFlagTimeout = &Message{
		En: "limit for that request",
		De: "Zeitlimit für diese Anfrage",
	}
	StepsTimeoutPositive = &Message{
		En: "--timeout must be longer than zero, for example --timeout 10s (the default).",
		De: "--timeout muss länger als null sein, zum Beispiel --timeout 10s (der Standard).",
	}
	StepsURLRequired = &Message{
		En: "--url is required: the links in the steps are built for that Matomo, e.g.\n" +
			"  matomo-onboard steps --url https://analytics.example.org",
		De: "--url ist erforderlich: Die Links in den Schritten werden für dieses Matomo gebaut, z. B.\n" +
			"  matomo-onboard steps --url https://analytics.example.org",
	}
	// StepsNotAVersion: the value given.
	StepsNotAVersion = &Message{
		En: "%q is not a Matomo version: use one such as 3, 4, 5.1 or 5.4 (or leave it out for all)",
		De: "%q ist keine Matomo-Version: Verwenden Sie eine wie 3, 4, 5.1 oder 5.4 (oder lassen Sie die Option " +
			"weg, für alle)",
	}
	// StepsNote: the note about the address, the address used.
	StepsNote = &Message{
		En: "Note: %s Using %s",
		De: "Hinweis: %s Verwendet wird %s",
	}
	// StepsPlainHTTP: the address.
	StepsPlainHTTP = &Message{
		En: "Warning: %s is plain http: a token sent there crosses the network unencrypted. " +
			"Ask the customer whether their Matomo has an https address.",
		De: "Warnung: %s ist einfaches http: Ein Token, der dorthin gesendet wird, geht unverschlüsselt durchs " +
			"Netzwerk. Fragen Sie den Kunden, ob sein Matomo eine https-Adresse hat.",
	}
	// StepsCannotWrite: why.
	StepsCannotWrite = &Message{
		En: "Cannot write the checklist: %v",
		De: "Die Checkliste kann nicht geschrieben werden: %v",
	}

	// Where the checklist's labels came from, said on stderr. The
	// arguments called "language" are a language's name (StepsEnglish,
	// StepsGerman, or as the customer's Matomo names it).
	StepsEnglish = &Message{
		En: "English",
		De: "Englisch",
	}
	StepsGerman = &Message{
		En: "German",
		De: "Deutsch",
	}
	// StepsLabelsBuiltIn: the screens' language.
	StepsLabelsBuiltIn = &Message{
		En: "%s, as Matomo 5.1 words them",
		De: "%s, wie Matomo 5.1 sie nennt",
	}
	// StepsLabelsBuiltInBrackets: the text's language, the screens'.
	StepsLabelsBuiltInBrackets = &Message{
		En: "%s, with the %s of Matomo 5.1 in brackets",
		De: "%s, in Klammern die von Matomo 5.1 auf %s",
	}
	// StepsLabelsOffline: where they came from, the host.
	StepsLabelsOffline = &Message{
		En: "Labels: %s (--offline: %s was not asked).",
		De: "Beschriftungen: %s (--offline: %s wurde nicht gefragt).",
	}
	// StepsLabelsNoClient: where they came from, why.
	StepsLabelsNoClient = &Message{
		En: "Labels: %s (%v).",
		De: "Beschriftungen: %s (%v).",
	}
	// StepsLabelsNotAsked: where they came from, the host, why.
	StepsLabelsNotAsked = &Message{
		En: "Labels: %s: %s could not be asked for its own (%s).",
		De: "Beschriftungen: %s: %s konnte nicht nach seinen eigenen gefragt werden (%s).",
	}
	StepsLabelsNoneSent = &Message{
		En: "it sent none",
		De: "es hat gar keine geschickt",
	}
	// StepsLabelsNoSuchLanguage: the language, the languages it has.
	StepsLabelsNoSuchLanguage = &Message{
		En: "it has no %s; its languages: %s",
		De: "es bietet %s nicht an; seine Sprachen: %s",
	}
	// StepsLabelsNotSent: where they came from, the host, why.
	StepsLabelsNotSent = &Message{
		En: "Labels: %s: %s sent no labels in that language (%s).",
		De: "Beschriftungen: %s: %s hat keine Beschriftungen in dieser Sprache geschickt (%s).",
	}
	// StepsLabelsFromMatomo: the screens' language, the host, the text's
	// language.
	StepsLabelsFromMatomo = &Message{
		En: "Labels: %s, as %s words them, with the %s in brackets.",
		De: "Beschriftungen: %s, wie %s sie nennt, in Klammern auf %s.",
	}
	// StepsLabelsFromMatomoSame: the language, the host.
	StepsLabelsFromMatomoSame = &Message{
		En: "Labels: %s, as %s words them.",
		De: "Beschriftungen: %s, wie %s sie nennt.",
	}
	// StepsVersionSaid: the version.
	StepsVersionSaid = &Message{
		En: "Version: Matomo %s (it says so): the steps show only the fields it has.",
		De: "Version: Matomo %s (laut eigener Angabe): Die Schritte zeigen nur die Felder, die es hat.",
	}
)
