package i18n

// The command line (internal/cli): help, the reading of options, the
// wizard's start and what it leaves in the scrollback.
var (
	// CLIOverview is the overview that help and --help print.
	CLIOverview = &Message{
		En: "matomo-onboard: create and verify a Matomo API token (token_auth), step by step.\n" +
			"\n" +
			"Usage:\n" +
			"  matomo-onboard [--url URL] [--demo] [--accessible]   the wizard, in a terminal\n" +
			"  matomo-onboard verify --url URL [--json] [--check-get] [--report FILE]\n" +
			"                                                       check a token (from stdin or MATOMO_TOKEN_AUTH)\n" +
			"  matomo-onboard steps --url URL [--format text|markdown] [--tool NAME]\n" +
			"                                                       print the steps as a checklist to send\n" +
			"  matomo-onboard demo-server [--addr A] [--sites N] [--latency D]\n" +
			"                                                       run the demo Matomo on its own\n" +
			"  matomo-onboard version\n" +
			"  matomo-onboard help [COMMAND]\n" +
			"\n" +
			"Run \"matomo-onboard help COMMAND\" (or \"matomo-onboard COMMAND --help\") for a command's options.\n" +
			"Every command takes --lang de or --lang en (default: from LC_ALL, LC_MESSAGES, LANG).\n" +
			"Exit codes: 0 verified, 2 bad usage or input, 3 network/timeout/TLS, 4 not Matomo or redirect,\n" +
			"5 token rejected, 6 valid token without site, 7 blocked or rate limited, 8 server error, 130 canceled.\n",
		De: "matomo-onboard: einen Matomo-API-Token (token_auth) Schritt für Schritt erstellen und prüfen.\n" +
			"\n" +
			"Aufruf:\n" +
			"  matomo-onboard [--url URL] [--demo] [--accessible]   der Assistent, in einem Terminal\n" +
			"  matomo-onboard verify --url URL [--json] [--check-get] [--report DATEI]\n" +
			"                                                       einen Token prüfen (aus stdin oder MATOMO_TOKEN_AUTH)\n" +
			"  matomo-onboard steps --url URL [--format text|markdown] [--tool NAME]\n" +
			"                                                       die Schritte als Checkliste zum Verschicken ausgeben\n" +
			"  matomo-onboard demo-server [--addr A] [--sites N] [--latency D]\n" +
			"                                                       das Demo-Matomo allein starten\n" +
			"  matomo-onboard version\n" +
			"  matomo-onboard help [BEFEHL]\n" +
			"\n" +
			"„matomo-onboard help BEFEHL“ (oder „matomo-onboard BEFEHL --help“) zeigt die Optionen eines Befehls.\n" +
			"Jeder Befehl nimmt --lang de oder --lang en (Standard: aus LC_ALL, LC_MESSAGES, LANG).\n" +
			"Exit-Codes: 0 geprüft, 2 falscher Aufruf oder falsche Eingabe, 3 Netzwerk/Zeitüberschreitung/TLS,\n" +
			"4 kein Matomo oder Weiterleitung, 5 Token abgelehnt, 6 gültiger Token ohne Website,\n" +
			"7 gesperrt oder zu viele Anfragen, 8 Serverfehler, 130 abgebrochen.\n",
	}
	CLIVersionUsage = &Message{
		En: "Usage: matomo-onboard version\n\nPrints the version of matomo-onboard.\n",
		De: "Aufruf: matomo-onboard version\n\nZeigt die Version von matomo-onboard.\n",
	}
	CLIHelpUsage = &Message{
		En: "Usage: matomo-onboard help [COMMAND]\n\nPrints what matomo-onboard does, or what COMMAND does and its options.\n",
		De: "Aufruf: matomo-onboard help [BEFEHL]\n\nZeigt, was matomo-onboard tut, oder was BEFEHL tut und welche Optionen er hat.\n",
	}
	// CLIHelpOneName: the commands.
	CLIHelpOneName = &Message{
		En: "matomo-onboard help: give one command's name. The commands are %s.",
		De: "matomo-onboard help: Geben Sie den Namen eines einzigen Befehls an. Die Befehle sind %s.",
	}
	// CLIHelpNoSuchCommand: the commands.
	CLIHelpNoSuchCommand = &Message{
		En: "matomo-onboard help: there is no such command. The commands are %s.",
		De: "matomo-onboard help: Diesen Befehl gibt es nicht. Die Befehle sind %s.",
	}
	CLIWizardOptions = &Message{
		En: "Wizard options:",
		De: "Optionen des Assistenten:",
	}
	CLIOptions = &Message{
		En: "Options:",
		De: "Optionen:",
	}
	// CLIDefault follows an option's help: its default value.
	CLIDefault = &Message{
		En: " (default %s)",
		De: " (Standard: %s)",
	}
	// The kinds of value an option takes, as help names them after the
	// option when its help does not name the value itself.
	CLIValueText = &Message{
		En: "string",
		De: "Text",
	}
	CLIValueDuration = &Message{
		En: "duration",
		De: "Dauer",
	}
	CLIValueNumber = &Message{
		En: "int",
		De: "Zahl",
	}
	CLIValueOther = &Message{
		En: "value",
		De: "Wert",
	}
	// CLIFile names the file an option takes, in help (--ca-file FILE);
	// the option's help writes it in backquotes.
	CLIFile = &Message{
		En: "FILE",
		De: "DATEI",
	}
	CLINoOptions = &Message{
		En: "none",
		De: "keine",
	}
	CLISeeWizardHelp = &Message{
		En: "Run \"matomo-onboard --help\" for the commands and the wizard's options.",
		De: "„matomo-onboard --help“ zeigt die Befehle und die Optionen des Assistenten.",
	}
	// CLISeeHelp: the command as typed.
	CLISeeHelp = &Message{
		En: "Run \"%s --help\" for its options.",
		De: "„%s --help“ zeigt seine Optionen.",
	}
	// CLIUnknownCommand: how many arguments, the commands.
	CLIUnknownCommand = &Message{
		Plural: 1,
		En:     "unknown command (%d arguments not understood). The commands are %s; without one, the wizard starts.",
		EnOne:  "unknown command (%d argument not understood). The commands are %s; without one, the wizard starts.",
		De:     "unbekannter Befehl (%d Argumente nicht verstanden). Die Befehle sind %s; ohne Befehl startet der Assistent.",
		DeOne:  "unbekannter Befehl (ein Argument nicht verstanden). Die Befehle sind %s; ohne Befehl startet der Assistent.",
	}
	// CLIOnlyOptions: the command, how many arguments.
	CLIOnlyOptions = &Message{
		Plural: 2,
		En:     "%s takes only options (%d other arguments given besides them).",
		EnOne:  "%s takes only options (%d other argument given besides them).",
		De:     "%s nimmt nur Optionen (%d weitere Argumente angegeben).",
		DeOne:  "%s nimmt nur Optionen (ein weiteres Argument angegeben).",
	}
	// CLINeedsValue: the option's name.
	CLINeedsValue = &Message{
		En: "--%[1]s needs a value after it (--%[1]s VALUE or --%[1]s=VALUE).",
		De: "--%[1]s braucht einen Wert dahinter (--%[1]s WERT oder --%[1]s=WERT).",
	}
	// CLIUnknownOption: the options.
	CLIUnknownOption = &Message{
		En: "unknown option (not repeated here). The options are %s.",
		De: "unbekannte Option (hier nicht wiederholt). Die Optionen sind %s.",
	}
	// CLIBadOptionForm: the options.
	CLIBadOptionForm = &Message{
		En: "an option is not written the way options are (a dash or two, a name, and for most a value). The options are %s.",
		De: "eine Option ist nicht so geschrieben wie Optionen (ein oder zwei Bindestriche, ein Name und bei den meisten " +
			"ein Wert). Die Optionen sind %s.",
	}
	// CLINeedsDuration: the option's name.
	CLINeedsDuration = &Message{
		En: "--%s needs a duration such as 30s, 90s or 2m (the value given is not one, and is not repeated here).",
		De: "--%s braucht eine Dauer wie 30s, 90s oder 2m (der angegebene Wert ist keine und wird hier nicht wiederholt).",
	}
	// CLINeedsNumber: the option's name.
	CLINeedsNumber = &Message{
		En: "--%s needs a whole number (the value given is not one, and is not repeated here).",
		De: "--%s braucht eine ganze Zahl (der angegebene Wert ist keine und wird hier nicht wiederholt).",
	}
	// CLITakesNoValue: the option's name, twice.
	CLITakesNoValue = &Message{
		En: "--%[1]s takes no value: write just --%[1]s.",
		De: "--%[1]s nimmt keinen Wert: Schreiben Sie nur --%[1]s.",
	}
	// CLIUnusableValue: the option's name.
	CLIUnusableValue = &Message{
		En: "--%s has a value that cannot be used (not repeated here).",
		De: "--%s hat einen Wert, der nicht verwendet werden kann (hier nicht wiederholt).",
	}
	// CLINeedsLanguage: the option's name (lang, matomo-lang). The value
	// is not repeated: whatever was typed there, a person may have pasted.
	CLINeedsLanguage = &Message{
		En: "--%s needs a language code such as de, en, fr or pt-br (the value given is not one, and is not repeated here).",
		De: "--%s braucht einen Sprachcode wie de, en, fr oder pt-br (der angegebene Wert ist keiner und wird hier " +
			"nicht wiederholt).",
	}
	// CLIFlagLang is --lang's help, for the commands whose only text is
	// this program's.
	CLIFlagLang = &Message{
		En: "the language of this program's text: de or en (default: from LC_ALL, LC_MESSAGES, LANG)",
		De: "die Sprache der Texte dieses Programms: de oder en (Standard: aus LC_ALL, LC_MESSAGES, LANG)",
	}

	// A token on the command line. The first argument is where it was:
	// CLITheCommandLine or an option (--url).
	CLITheCommandLine = &Message{
		En: "the command line",
		De: "Die Befehlszeile",
	}
	// CLITokenOnCommandLine: where, the token's environment variable.
	CLITokenOnCommandLine = &Message{
		En: "✗ Not run: %s holds what looks like a Matomo token (32 or more hex characters, or a token_auth= value).\n" +
			"  Nothing was looked up or sent, and it is not repeated here.\n" +
			"  A token typed on a command line is now in your shell's history, and was in the process list that other users " +
			"of this computer can read. Treat it as known to others: delete it in Matomo (Administration → Personal → Security) " +
			"and create a new one.\n" +
			"  matomo-onboard takes a token only on standard input, in %s, or in the wizard's hidden field.",
		De: "✗ Nicht ausgeführt: %s enthält etwas, das wie ein Matomo-Token aussieht (32 oder mehr Hex-Zeichen oder " +
			"einen token_auth=-Wert).\n" +
			"  Es wurde nichts nachgeschlagen oder gesendet, und es wird hier nicht wiederholt.\n" +
			"  Ein Token auf einer Befehlszeile steht jetzt im Verlauf Ihrer Shell und stand in der Prozessliste, die andere " +
			"Benutzer dieses Computers lesen können. Betrachten Sie ihn als bekannt: Löschen Sie ihn in Matomo " +
			"(Administration → Persönlich → Sicherheit) und erstellen Sie einen neuen.\n" +
			"  matomo-onboard nimmt einen Token nur über die Standardeingabe, in %s oder im verborgenen Feld des " +
			"Assistenten an.",
	}
	// CLIPieceOnCommandLine: where, the token's environment variable.
	CLIPieceOnCommandLine = &Message{
		En: "✗ Not run: %s holds 12 or more hex characters (0-9, a-f) in a row, which no address, name or option " +
			"value has: it may be part of a Matomo token.\n" +
			"  Nothing was looked up or sent, and it is not repeated here.\n" +
			"  If it is part of your token, that part is now in your shell's history, and was in the process list that " +
			"other users of this computer can read: delete the token in Matomo (Administration → Personal → Security) " +
			"and create a new one.\n" +
			"  matomo-onboard takes a token only on standard input, in %s, or in the wizard's hidden field.",
		De: "✗ Nicht ausgeführt: %s enthält 12 oder mehr Hex-Zeichen (0-9, a-f) in Folge, wie sie keine Adresse, kein " +
			"Name und kein Optionswert hat: Es kann ein Teil eines Matomo-Tokens sein.\n" +
			"  Es wurde nichts nachgeschlagen oder gesendet, und es wird hier nicht wiederholt.\n" +
			"  Wenn es ein Teil Ihres Tokens ist, steht dieser Teil jetzt im Verlauf Ihrer Shell und stand in der " +
			"Prozessliste, die andere Benutzer dieses Computers lesen können: Löschen Sie den Token in Matomo " +
			"(Administration → Persönlich → Sicherheit) und erstellen Sie einen neuen.\n" +
			"  matomo-onboard nimmt einen Token nur über die Standardeingabe, in %s oder im verborgenen Feld des " +
			"Assistenten an.",
	}

	// The connection options, shared by the wizard and verify.
	CLIFlagURL = &Message{
		En: "your Matomo's address, e.g. https://analytics.example.org",
		De: "die Adresse Ihres Matomo, z. B. https://analytics.example.org",
	}
	// CLIFlagCAFile: the file's placeholder (CLIFile).
	CLIFlagCAFile = &Message{
		En: "PEM `%s` with extra certificate authorities to trust",
		De: "PEM-`%s` mit zusätzlichen Zertifizierungsstellen, denen vertraut wird",
	}
	CLIFlagInsecure = &Message{
		En: "DANGEROUS: do not check the server's certificate (anyone on the network path can read the token)",
		De: "GEFÄHRLICH: das Zertifikat des Servers nicht prüfen (jeder auf dem Weg durchs Netzwerk kann den Token lesen)",
	}
	CLIFlagAllowHTTP = &Message{
		En: "allow sending the token over unencrypted http to a host other than this computer",
		De: "erlauben, den Token über unverschlüsseltes http an einen anderen Computer als diesen zu senden",
	}
	CLIFlagTimeout = &Message{
		En: "limit for each request",
		De: "Zeitlimit für jede Anfrage",
	}
	CLITimeoutPositive = &Message{
		En: "--timeout must be longer than zero, for example --timeout 30s (the default) or --timeout 2m.",
		De: "--timeout muss länger als null sein, zum Beispiel --timeout 30s (der Standard) oder --timeout 2m.",
	}
	CLIInsecureWarning = &Message{
		En: "Certificate checks are OFF (--insecure-skip-verify): anyone between this computer and the server can read " +
			"the token. Use --ca-file instead if your Matomo has its own certificate authority.",
		De: "Die Zertifikatsprüfung ist AUS (--insecure-skip-verify): Jeder zwischen diesem Computer und dem Server " +
			"kann den Token lesen. Verwenden Sie stattdessen --ca-file, wenn Ihr Matomo eine eigene " +
			"Zertifizierungsstelle hat.",
	}
	// CLIWarning: a warning.
	CLIWarning = &Message{
		En: "Warning: %s",
		De: "Warnung: %s",
	}

	// The wizard's options and start.
	CLIFlagDemo = &Message{
		En: "run against a built-in demo Matomo (no network needed)",
		De: "mit einem eingebauten Demo-Matomo arbeiten (ohne Netzwerk)",
	}
	CLIFlagWizardLatency = &Message{
		En: "with --demo: delay before every answer of the demo Matomo, as demo-server's",
		De: "mit --demo: Verzögerung vor jeder Antwort des Demo-Matomo, wie bei demo-server",
	}
	CLIFlagAccessible = &Message{
		En: "plain line-by-line prompts, no redrawing screen (also ACCESSIBLE=1 or TERM=dumb)",
		De: "einfache Fragen Zeile für Zeile, ohne neu gezeichneten Bildschirm (auch ACCESSIBLE=1 oder TERM=dumb)",
	}
	CLIFlagWizardLang = &Message{
		En: "your language, e.g. de (default: from LC_ALL, LC_MESSAGES, LANG): de or en for matomo-onboard's " +
			"messages and the wizard's screens, any of Matomo's languages for its labels",
		De: "Ihre Sprache, z. B. de (Standard: aus LC_ALL, LC_MESSAGES, LANG): de oder en für die Meldungen von " +
			"matomo-onboard und die Bildschirme des Assistenten, jede Sprache von Matomo für seine Beschriftungen",
	}
	// CLILatencyNegative: the delay given.
	CLILatencyNegative = &Message{
		En: "--latency %s is negative: give a delay such as 0, 300ms or 2s.",
		De: "--latency %s ist negativ: Geben Sie eine Verzögerung wie 0, 300ms oder 2s an.",
	}
	// CLIDemoCannotStart: why.
	CLIDemoCannotStart = &Message{
		En: "Cannot start the demo Matomo: %v",
		De: "Das Demo-Matomo kann nicht starten: %v",
	}
	CLINoTerminal = &Message{
		En: "The wizard needs an interactive terminal, and this is not one (input or output is redirected).\n" +
			"In scripts, use: matomo-onboard verify --url URL < token.txt   (see matomo-onboard verify --help)\n" +
			"For plain line-by-line prompts, use: matomo-onboard --accessible",
		De: "Der Assistent braucht ein interaktives Terminal, und dies ist keins (Ein- oder Ausgabe ist umgeleitet).\n" +
			"In Skripten: matomo-onboard verify --url URL < token.txt   (siehe matomo-onboard verify --help)\n" +
			"Für einfache Fragen Zeile für Zeile: matomo-onboard --accessible",
	}
	// CLIWizardBug: what Bubble Tea said.
	CLIWizardBug = &Message{
		En: "The wizard stopped: %v. That is a bug in matomo-onboard; nothing was saved, and the terminal is restored.\n" +
			"Meanwhile, matomo-onboard verify --url URL < token.txt checks a token without the wizard.",
		De: "Der Assistent wurde beendet: %v. Das ist ein Fehler in matomo-onboard; es wurde nichts gespeichert, und " +
			"das Terminal ist wiederhergestellt.\n" +
			"Bis dahin prüft matomo-onboard verify --url URL < token.txt einen Token ohne den Assistenten.",
	}
	// CLIWizardStopped: what went wrong.
	CLIWizardStopped = &Message{
		En: "The wizard stopped: %v",
		De: "Der Assistent wurde beendet: %v",
	}
	CLICanceled = &Message{
		En: "Canceled, nothing was saved.",
		De: "Abgebrochen, nichts gespeichert.",
	}

	// The summary the wizard leaves in the scrollback.
	CLIVersionNotReported = &Message{
		En: "version not reported",
		De: "Version nicht gemeldet",
	}
	// CLIOutcomeVerified: the address, the Matomo version.
	CLIOutcomeVerified = &Message{
		En: "✓ Token verified with %s (Matomo %s).",
		De: "✓ Token geprüft mit %s (Matomo %s).",
	}
	// CLIOutcomeSite: the site's ID (a string: no digit grouping), name,
	// address.
	CLIOutcomeSite = &Message{
		En: "Site ID %s: %s (%s)",
		De: "Website-ID %s: %s (%s)",
	}
	CLIOutcomeSuperUser = &Message{
		En: "! A superuser's token: for an integration, use a user with view access only.",
		De: "! Der Token eines Hauptadministrators: Verwenden Sie für eine Integration einen Benutzer mit reinem " +
			"Ansichtszugriff.",
	}
	// CLIOutcomeSaved: the file.
	CLIOutcomeSaved = &Message{
		En: "The token is saved in %s (only you can read it); delete the file once it is stored where it belongs.",
		De: "Der Token ist gespeichert in %s (nur Sie können die Datei lesen); löschen Sie die Datei, sobald der " +
			"Token dort gespeichert ist, wo er hingehört.",
	}
)
