package i18n

// The wizard's frame (its name, where the person is, the marker of a
// longer text) and its welcome screen.
var (
	// UIBrand is the wizard's name, in its header and the window's title.
	UIBrand = &Message{
		En: "Matomo onboarding",
		De: "Matomo-Onboarding",
	}
	UIPositionWelcome = &Message{En: "welcome", De: "Start"}
	UIPositionAddress = &Message{En: "address", De: "Adresse"}
	// UIPositionStep: the step's number, the number of steps.
	UIPositionStep = &Message{
		En: "step %s of %s",
		De: "Schritt %s von %s",
	}
	UIPositionToken  = &Message{En: "token", De: "Token"}
	UIPositionSites  = &Message{En: "sites", De: "Websites"}
	UIPositionResult = &Message{En: "result", De: "Ergebnis"}
	UIPositionDone   = &Message{En: "done", De: "Fertig"}
	UIPositionCreate = &Message{En: "create", De: "Erstellen"}

	// UIMoreLinesPgdn marks a body taller than the screen: the lines
	// below.
	UIMoreLinesPgdn = &Message{
		Plural: 1,
		En:     "↓ %d more lines (pgdn)", EnOne: "↓ %d more line (pgdn)",
		De: "↓ %d weitere Zeilen (pgdn)", DeOne: "↓ eine weitere Zeile (pgdn)",
	}
	UIEndPgup = &Message{
		En: "↑ end (pgup)",
		De: "↑ Ende (pgup)",
	}
	// UIMoreLinesHideKeys: while the full help takes the room.
	UIMoreLinesHideKeys = &Message{
		Plural: 1,
		En:     "↓ %d more lines (? hides the keys)", EnOne: "↓ %d more line (? hides the keys)",
		De: "↓ %d weitere Zeilen (? blendet die Tasten aus)", DeOne: "↓ eine weitere Zeile (? blendet die Tasten aus)",
	}
	// UIMoreLinesTaller: on a screen that does not scroll.
	UIMoreLinesTaller = &Message{
		Plural: 1,
		En:     "↓ %d more lines in a taller window", EnOne: "↓ %d more line in a taller window",
		De: "↓ %d weitere Zeilen in einem höheren Fenster", DeOne: "↓ eine weitere Zeile in einem höheren Fenster",
	}
	UIEnd = &Message{
		En: "↑ end",
		De: "↑ Ende",
	}

	UIWelcomeDemo = &Message{
		En: "Demo mode: a demo Matomo runs inside this program. Nothing goes over the network, and its tokens are not secret.",
		De: "Demo-Modus: Ein Demo-Matomo läuft in diesem Programm. Nichts geht über das Netzwerk, und seine Token sind nicht geheim.",
	}
	UIWelcomeTitle = &Message{
		En: "Create and verify your Matomo API token",
		De: "Matomo-API-Token erstellen und prüfen",
	}
	// UIWelcomeNeed: the tool's name.
	UIWelcomeNeed = &Message{
		En: "You need: a Matomo login (user name and password) with access to the sites the %s integration should read.",
		De: "Sie brauchen: ein Matomo-Login (Benutzername und Passwort) mit Zugriff auf die Websites, die %s lesen soll.",
	}
	UIWelcomeWhatHappens = &Message{
		En: "What happens",
		De: "So geht es",
	}
	UIWelcomeStep1 = &Message{
		En: "You enter your Matomo address; the wizard checks that it answers like Matomo (without any token).",
		De: "Sie geben die Adresse Ihres Matomo ein; der Assistent prüft, ob dort Matomo antwortet (ohne Token).",
	}
	UIWelcomeStep2 = &Message{
		En: "It guides you through creating a token in Matomo, step by step, with direct links.",
		De: "Er führt Sie Schritt für Schritt durch das Erstellen eines Tokens in Matomo, mit direkten Links.",
	}
	UIWelcomeStep3 = &Message{
		En: "You paste the token. It is checked live, with one request.",
		De: "Sie fügen den Token ein. Er wird sofort geprüft, mit einer einzigen Anfrage.",
	}
	UIWelcomeStep4 = &Message{
		En: "You see the Matomo version and every site the token reaches, with its access level.",
		De: "Sie sehen die Matomo-Version und jede Website, die der Token erreicht, mit ihrer Zugriffsstufe.",
	}
	UIWelcomeSecret = &Message{
		En: "The token is a secret",
		De: "Der Token ist geheim",
	}
	UIWelcomeSecretBody = &Message{
		En: "It works like your password: whoever has it can do in Matomo what you can. " +
			"Each user has their own tokens. This wizard sends it only to the Matomo you name, " +
			"inside the request (never in a link), encrypted unless that Matomo runs on this computer, " +
			"and never shows it, logs it or saves it.",
		De: "Er wirkt wie Ihr Passwort: Wer ihn hat, kann in Matomo alles tun, was Sie können. " +
			"Jeder Benutzer hat eigene Token. Dieser Assistent sendet ihn nur an das Matomo, das Sie angeben, " +
			"im Inhalt der Anfrage (nie in einem Link), verschlüsselt, außer wenn dieses Matomo auf diesem Computer läuft, " +
			"und er zeigt, protokolliert oder speichert ihn nie.",
	}
)
