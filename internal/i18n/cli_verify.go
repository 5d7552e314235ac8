package i18n

// verify's text output (internal/cli/verify.go). Its --json stays English:
// the same messages, rendered with English().
var (
	VerifyUsage = &Message{
		En: "Usage: matomo-onboard verify --url URL [options] < token-file\n\n" +
			"Checks a Matomo token with one HTTP request and lists the sites it reaches; with --site,\n" +
			"the same request asks whether that site has data (its last visit).\n" +
			"The token is read from MATOMO_TOKEN_AUTH or, if that is empty, from the first line of standard input.\n",
		De: "Aufruf: matomo-onboard verify --url URL [Optionen] < token-datei\n\n" +
			"Prüft einen Matomo-Token mit einer HTTP-Anfrage und listet die Websites auf, die er erreicht; mit --site\n" +
			"fragt dieselbe Anfrage, ob diese Website Daten hat (ihren letzten Besuch).\n" +
			"Der Token wird aus MATOMO_TOKEN_AUTH gelesen oder, wenn das leer ist, aus der ersten Zeile der Standardeingabe.\n",
	}
	VerifyArgsHint = &Message{
		En: "Pass the token on standard input or in MATOMO_TOKEN_AUTH, never as an argument (other users of this " +
			"computer can see arguments).",
		De: "Übergeben Sie den Token über die Standardeingabe oder in MATOMO_TOKEN_AUTH, nie als Argument (andere " +
			"Benutzer dieses Computers können Argumente sehen).",
	}
	VerifyFlagJSON = &Message{
		En: "print a JSON document instead of a summary",
		De: "ein JSON-Dokument statt einer Zusammenfassung ausgeben (auf Englisch, wie jedes JSON dieses Programms)",
	}
	// VerifyFlagReport: the file's placeholder (CLIFile).
	VerifyFlagReport = &Message{
		En: "also write a diagnostics report for support to `%s` (never the token; only you can read it;\n" +
			"a folder gets a file name with the time in it)",
		De: "zusätzlich einen Diagnosebericht für den Support in `%s` schreiben (nie mit dem Token; nur Sie\n" +
			"können ihn lesen; ein Ordner bekommt einen Dateinamen mit der Uhrzeit; der Bericht ist englisch)",
	}
	VerifyFlagCheckGET = &Message{
		En: "after a successful check, try the token once in a URL, the way tools that build\n" +
			"…&token_auth=… links do, and say whether they will work. The token is then written\n" +
			"into the server's access log, and a secure-only token counts as one failed login",
		De: "nach erfolgreicher Prüfung den Token einmal in einer URL versuchen, so wie Programme,\n" +
			"die …&token_auth=…-Links bauen, und sagen, ob sie funktionieren werden. Der Token landet\n" +
			"dann im Zugriffsprotokoll des Servers, und ein Token nur für sichere Anfragen zählt als\n" +
			"eine fehlgeschlagene Anmeldung",
	}
	VerifyFlagSite = &Message{
		En: "also check that the site with this `ID` has data: its last visit, asked in the same\n" +
			"one request (it never changes the exit code)",
		De: "zusätzlich prüfen, ob die Website mit dieser `ID` Daten hat: ihren letzten Besuch, in\n" +
			"derselben einen Anfrage erfragt (ändert nie den Exit-Code)",
	}
	VerifySitePositive = &Message{
		En: "--site takes a site's ID, a whole number from 1 up (it is in the site's Matomo links as idSite=), " +
			"for example --site 3.",
		De: "--site nimmt die ID einer Website, eine ganze Zahl ab 1 (sie steht in den Matomo-Links der Website als " +
			"idSite=), zum Beispiel --site 3.",
	}
	VerifyStdoutClosed = &Message{
		En: "✗ Standard output is closed, so verify could not print its result. Nothing was sent.\n" +
			"  Let its output go to a terminal, a file or a pipe (> /dev/null, to discard it on purpose).",
		De: "✗ Die Standardausgabe ist geschlossen, daher konnte verify kein Ergebnis ausgeben. Es wurde nichts " +
			"gesendet.\n" +
			"  Leiten Sie die Ausgabe in ein Terminal, eine Datei oder eine Pipe (> /dev/null, um sie absichtlich " +
			"zu verwerfen).",
	}
	VerifyCannotCheck = &Message{
		En: "Cannot check the token",
		De: "Der Token kann nicht geprüft werden",
	}
	VerifyURLRequired = &Message{
		En: "--url is required.",
		De: "--url ist erforderlich.",
	}
	VerifyGiveURL = &Message{
		En: "Give your Matomo's address, e.g. --url https://analytics.example.org",
		De: "Geben Sie die Adresse Ihres Matomo an, z. B. --url https://analytics.example.org",
	}
	// VerifyTokenFromEnv: the environment variable.
	VerifyTokenFromEnv = &Message{
		En: "Token from %s (standard input was not read).",
		De: "Token aus %s (die Standardeingabe wurde nicht gelesen).",
	}
	// VerifyPipeToken: the environment variable.
	VerifyPipeToken = &Message{
		En: "Pipe the token in (matomo-onboard verify --url … < token.txt) or set %s.",
		De: "Leiten Sie den Token ein (matomo-onboard verify --url … < token.txt) oder setzen Sie %s.",
	}
	// VerifyPlainHTTPProxy warns, before the token goes out, that it goes
	// through a proxy over plain http: the proxy's host and port.
	VerifyPlainHTTPProxy = &Message{
		En: "The request goes through the proxy %s over plain http, so the proxy reads the token (and, with " +
			"--check-get, writes the URL that holds it into its log). Use https, or exclude this address from the " +
			"proxy (NO_PROXY).",
		De: "Die Anfrage geht unverschlüsselt per http über den Proxy %s, der Proxy liest den Token also mit (und " +
			"schreibt mit --check-get die URL, die ihn enthält, in sein Protokoll). Verwenden Sie https, oder nehmen " +
			"Sie diese Adresse vom Proxy aus (NO_PROXY).",
	}
	VerifySentAnyway = &Message{
		En: "Sent anyway: verify sends the token it is given (some Matomo setups, Matomo for WordPress for one, use " +
			"tokens of other shapes).",
		De: "Trotzdem gesendet: verify sendet den Token, den es bekommt (manche Matomo-Installationen, etwa Matomo " +
			"für WordPress, verwenden Token anderer Form).",
	}
	VerifyCheckCAFile = &Message{
		En: "Check the --ca-file path.",
		De: "Prüfen Sie den Pfad bei --ca-file.",
	}
	// VerifyEnvOnlySpaces: the environment variable.
	VerifyEnvOnlySpaces = &Message{
		En: "%s is set but holds only spaces",
		De: "%s ist gesetzt, enthält aber nur Leerzeichen",
	}
	VerifyTokenPrompt = &Message{
		En: "Token (typing is hidden): ",
		De: "Token (die Eingabe bleibt verborgen): ",
	}
	VerifyCannotReadTerminal = &Message{
		En: "could not read the token from the terminal",
		De: "Der Token konnte nicht vom Terminal gelesen werden",
	}
	VerifyCannotReadStdin = &Message{
		En: "could not read the token from standard input",
		De: "Der Token konnte nicht aus der Standardeingabe gelesen werden",
	}
	// VerifyNoToken: the environment variable.
	VerifyNoToken = &Message{
		En: "no token: %s is empty and standard input has no token on its first line",
		De: "Kein Token: %s ist leer, und die Standardeingabe hat in ihrer ersten Zeile keinen Token",
	}
	VerifyGETCheckIncomplete = &Message{
		En: "The URL check could not be completed, so it is unknown whether tools that put the token in a URL will work.",
		De: "Die URL-Prüfung konnte nicht abgeschlossen werden; daher ist unklar, ob Programme funktionieren, die den " +
			"Token in eine URL setzen.",
	}
	VerifyGETCheckNotRun = &Message{
		En: "Not run: the URL check runs only after the token passed verification.",
		De: "Nicht ausgeführt: Die URL-Prüfung läuft erst, wenn der Token die Prüfung bestanden hat.",
	}
	VerifyDataCheckNotRun = &Message{
		En: "The data check could not run: it travels with the token check, which failed.",
		De: "Die Datenprüfung konnte nicht laufen: Sie gehört zur Token-Prüfung, und die ist fehlgeschlagen.",
	}
	// VerifySiteNotReached: the site's ID (a string).
	VerifySiteNotReached = &Message{
		En: "--site %[1]s: this token does not reach site %[1]s, so its data was not checked. Give the ID of one " +
			"of its sites (listed below), or ask a Matomo administrator for view access to it.",
		De: "--site %[1]s: Dieser Token erreicht die Website %[1]s nicht, daher wurden ihre Daten nicht geprüft. " +
			"Geben Sie die ID einer seiner Websites an (unten aufgeführt), oder bitten Sie einen Matomo-Administrator " +
			"um Ansichtszugriff darauf.",
	}
	// VerifyCannotWriteResult: why (the system's words).
	VerifyCannotWriteResult = &Message{
		En: "✗ Could not write the result to standard output: %s.",
		De: "✗ Das Ergebnis konnte nicht in die Standardausgabe geschrieben werden: %s.",
	}
	// VerifyReportWritten: the file's path, on a line of its own.
	VerifyReportWritten = &Message{
		En: "Diagnostics report written to this file (only you can read it; it does not contain the token):\n%s",
		De: "Diagnosebericht in diese Datei geschrieben (nur Sie können ihn lesen; er enthält den Token nicht; " +
			"er ist englisch, für den Support):\n%s",
	}
	// VerifyReportFailed: why.
	VerifyReportFailed = &Message{
		En: "✗ %s.\n  Choose a place you can write to, e.g. --report ~/matomo-report.txt (a folder gets a file name with the time).",
		De: "✗ %s.\n  Wählen Sie einen Ort, an dem Sie schreiben dürfen, z. B. --report ~/matomo-report.txt (ein " +
			"Ordner bekommt einen Dateinamen mit der Uhrzeit).",
	}
	// VerifyURLCheckLine: the URL check's summary.
	VerifyURLCheckLine = &Message{
		En: "  URL check (--check-get): %s",
		De: "  URL-Prüfung (--check-get): %s",
	}
	// VerifyDataCheckLine: the site's ID (a string), the summary.
	VerifyDataCheckLine = &Message{
		En: "  Data check (--site %s): %s",
		De: "  Datenprüfung (--site %s): %s",
	}

	// The summary of a verified token.
	VerifyNotSuperUser = &Message{
		En: "no (good for an integration)",
		De: "nein (gut für eine Integration)",
	}
	VerifySuperUser = &Message{
		En: "yes (an integration should use a user with view access only)",
		De: "ja (eine Integration braucht nur Ansichtszugriff)",
	}
	VerifyNoVersion = &Message{
		En: "(version not reported)",
		De: "(Version nicht gemeldet)",
	}
	// VerifyVerified: the Matomo version, its address.
	VerifyVerified = &Message{
		En: "✓ Token verified: Matomo %s at %s\n",
		De: "✓ Token geprüft: Matomo %s unter %s\n",
	}
	// VerifyTokenLine: the token's fingerprint. The labels of the lines
	// below it are padded to one width.
	VerifyTokenLine = &Message{
		En: "  Token:     %s\n",
		De: "  Token:              %s\n",
	}
	// VerifySuperUserLine: VerifySuperUser or VerifyNotSuperUser.
	VerifySuperUserLine = &Message{
		En: "  Superuser: %s\n",
		De: "  Hauptadministrator: %s\n",
	}
	// VerifySitesLine: the sites, then those with admin, write and view
	// access.
	VerifySitesLine = &Message{
		En: "  Sites:     %d (%d admin · %d write · %d view)\n\n",
		De: "  Websites:           %d (%d Administrator · %d Schreiben · %d Ansicht)\n\n",
	}
	// VerifySitesHead is the site table's head, its columns separated by
	// tabs.
	VerifySitesHead = &Message{
		En: "      ID\tACCESS\tNAME\tURL",
		De: "      ID\tZUGRIFF\tNAME\tURL",
	}
	// The access levels, as Matomo's German names its roles.
	// VerifyMoreSites: how many are not listed.
	VerifyMoreSites = &Message{
		En: "          … and %d more (--json lists all)\n",
		De: "          … und %d weitere (--json listet alle)\n",
	}
	VerifyNoRequest = &Message{
		En: "No HTTP request went out: the token was not sent.",
		De: "Es ging keine HTTP-Anfrage hinaus: Der Token wurde nicht gesendet.",
	}
	// VerifyRequestsSent: how many.
	VerifyRequestsSent = &Message{
		Plural: 1,
		En:     "%d HTTP requests sent.", EnOne: "%d HTTP request sent.",
		De: "%d HTTP-Anfragen gesendet.", DeOne: "%d HTTP-Anfrage gesendet.",
	}
	VerifyGETCheckHead = &Message{
		En: "\nTools that put the token in a URL (--check-get):",
		De: "\nProgramme, die den Token in eine URL setzen (--check-get):",
	}
	// VerifyMatomoSaid: Matomo's words, quoted as they came.
	VerifyMatomoSaid = &Message{
		En: "Matomo said: %q",
		De: "Matomo sagte: %q",
	}
	// VerifyCreateSuchToken: where.
	VerifyCreateSuchToken = &Message{
		En: "    Create such a token here: %s",
		De: "    Einen solchen Token erstellen Sie hier: %s",
	}
	// VerifyDataCheckHead: the site's ID (a string), ", " and its name or
	// nothing.
	VerifyDataCheckHead = &Message{
		En: "\nData check (--site %s%s):",
		De: "\nDatenprüfung (--site %s%s):",
	}
	// VerifyTrackingCode: the page's address.
	VerifyTrackingCode = &Message{
		En: "    The site's tracking code in Matomo: %s",
		De: "    Der Tracking-Code der Website in Matomo: %s",
	}
	// VerifyTry: an address.
	VerifyTry = &Message{
		En: "  Try: %s",
		De: "  Versuchen Sie: %s",
	}
)
