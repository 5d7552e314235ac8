package i18n

// The line mode's address question, its pre-flight check without a
// token, and the guide's labels it asks for.
var (
	// LineAddressHeading heads the address question.
	LineAddressHeading = &Message{
		En: "Matomo address",
		De: "Adresse Ihres Matomo",
	}
	// LineAddressPrompt is the address question's prompt.
	LineAddressPrompt = &Message{
		En: "Address",
		De: "Adresse",
	}
	// LineURLHadToken: the address given on the command line held a
	// token; LineTokenRemoved follows.
	LineURLHadToken = &Message{
		En: "The address given to matomo-onboard held a token. %s",
		De: "Die Adresse, die matomo-onboard bekommen hat, enthielt einen Token. %s",
	}
	// LineAddressKept: the address part that is kept.
	LineAddressKept = &Message{
		En: "The address in it is kept: %s.",
		De: "Die Adresse darin bleibt erhalten: %s.",
	}
	// LinePressEnterToUse: the address offered.
	LinePressEnterToUse = &Message{
		En: "Press Enter to use %s, or type another address.",
		De: "Drücken Sie die Eingabetaste, um %s zu verwenden, oder geben Sie eine andere Adresse ein.",
	}
	// LineTypeTheAddress asks for the address when none is offered.
	LineTypeTheAddress = &Message{
		En: "Type the address you open Matomo with in the browser, for example https://analytics.example.org.",
		De: "Geben Sie die Adresse ein, mit der Sie Matomo im Browser öffnen, zum Beispiel https://analytics.example.org.",
	}
	// LineAddressHelp explains the address: the word that stops.
	LineAddressHelp = &Message{
		En: "The address is what the browser's address bar shows when Matomo is open, up to the folder Matomo is in, " +
			"for example https://analytics.example.org or https://example.org/matomo. Type %s to stop.",
		De: "Die Adresse ist das, was die Adressleiste des Browsers zeigt, wenn Matomo offen ist, bis zu dem Ordner, in dem Matomo liegt, " +
			"zum Beispiel https://analytics.example.org oder https://example.org/matomo. Mit %s hören Sie auf.",
	}
	// LineTokenNotAddress: a token typed where the address belongs.
	LineTokenNotAddress = &Message{
		En: "That looks like a token, not an address; it was not kept. " +
			"Type the address of your Matomo here, for example https://analytics.example.org. The token comes later.",
		De: "Das sieht aus wie ein Token, nicht wie eine Adresse; es wurde nicht behalten. " +
			"Geben Sie hier die Adresse Ihres Matomo ein, zum Beispiel https://analytics.example.org. Der Token kommt später.",
	}
	// LineAddressUnusable: why, in matomo's words.
	LineAddressUnusable = &Message{
		En: "That address cannot be used. %s",
		De: "Diese Adresse kann nicht verwendet werden. %s",
	}
	// LineWarning: a warning, in matomo's words.
	LineWarning = &Message{
		En: "Warning: %s",
		De: "Warnung: %s",
	}
	// LineUsing: the address used, as it reads.
	LineUsing = &Message{
		En: "Using %s.",
		De: "Verwendet wird %s.",
	}
	// LineTokenRemoved says what happened to a token found where an
	// address belongs.
	LineTokenRemoved = &Message{
		En: "It was removed: not kept, not shown, and not sent anywhere, not even to check the address. " +
			"The token is asked for later, hidden.",
		De: "Er wurde entfernt: nicht behalten, nicht angezeigt und nirgendwohin gesendet, auch nicht, um die Adresse zu prüfen. " +
			"Der Token wird später abgefragt, verborgen.",
	}
	// LineLooksLikeToken: an answer that is only a token (or part of
	// one); LineTokenRemoved follows.
	LineLooksLikeToken = &Message{
		En: "That looks like a token, not an address. %s Type the address of your Matomo here, for example https://analytics.example.org.",
		De: "Das sieht aus wie ein Token, nicht wie eine Adresse. %s Geben Sie hier die Adresse Ihres Matomo ein, zum Beispiel https://analytics.example.org.",
	}
	// LineLooksLikeTokenPiece is LineLooksLikeToken for part of a token.
	LineLooksLikeTokenPiece = &Message{
		En: "That looks like part of a token (12 or more hex characters in a row), not an address. %s " +
			"Type the address of your Matomo here, for example https://analytics.example.org.",
		De: "Das sieht aus wie ein Teil eines Tokens (12 oder mehr Hex-Zeichen in Folge), nicht wie eine Adresse. %s " +
			"Geben Sie hier die Adresse Ihres Matomo ein, zum Beispiel https://analytics.example.org.",
	}
	// LineAnswerHeldToken: an address with a token in it;
	// LineTokenRemoved, the address kept.
	LineAnswerHeldToken = &Message{
		En: "That answer held a token. %s The address in it is kept: %s.",
		De: "Diese Antwort enthielt einen Token. %s Die Adresse darin bleibt erhalten: %s.",
	}
	// LineAnswerHeldTokenPiece is LineAnswerHeldToken for part of one.
	LineAnswerHeldTokenPiece = &Message{
		En: "That answer held 12 or more hex characters in a row, which no address has: it may be part of a token. %s " +
			"The address in it is kept: %s.",
		De: "Diese Antwort enthielt 12 oder mehr Hex-Zeichen in Folge, wie sie keine Adresse hat: Es kann ein Teil eines Tokens sein. %s " +
			"Die Adresse darin bleibt erhalten: %s.",
	}
	// LinePlainHTTPFine: the host, which is this computer.
	LinePlainHTTPFine = &Message{
		En: "Plain http is fine here: %s is this computer, so the token does not cross a network.",
		De: "Unverschlüsseltes http ist hier in Ordnung: %s ist dieser Computer, der Token geht also durch kein Netzwerk.",
	}
	// LineCheckingAddress: the address, the time limit.
	LineCheckingAddress = &Message{
		En: "Checking %s without a token (one request, up to %s)…",
		De: "%s wird ohne Token geprüft (eine Anfrage, bis zu %s)…",
	}
	// LinePlainHTTPWarning: the address.
	LinePlainHTTPWarning = &Message{
		En: "Warning: %s is plain http. A token sent there crosses the network in clear text, " +
			"readable by anyone on the way. matomo-onboard does not send a token over http to another computer " +
			"unless it was started with --allow-http.",
		De: "Warnung: %s ist unverschlüsseltes http. Ein Token, der dorthin geht, läuft im Klartext durchs Netzwerk, " +
			"lesbar für jeden auf dem Weg. matomo-onboard sendet keinen Token über http an einen anderen Computer, " +
			"außer es wurde mit --allow-http gestartet.",
	}
	// LineUseHTTPS asks whether to use https instead.
	LineUseHTTPS = &Message{
		En: "Use https instead?",
		De: "Stattdessen https verwenden?",
	}
	// LineUseAddress labels the answer that uses an address.
	LineUseAddress = &Message{
		En: "use %s",
		De: "%s verwenden",
	}
	// LineKeepHTTP labels the answer that keeps plain http.
	LineKeepHTTP = &Message{
		En: "keep http and check the address anyway",
		De: "bei http bleiben und die Adresse trotzdem prüfen",
	}
	// LineTypeAnotherAddress labels the answer that asks for another
	// address.
	LineTypeAnotherAddress = &Message{
		En: "type another address",
		De: "eine andere Adresse eingeben",
	}
	// LineMatomoAnswers: the address, what says it is Matomo (or "").
	LineMatomoAnswers = &Message{
		En: "Matomo answers at %s.",
		De: "Matomo antwortet unter %s.",
	}
	// LineMatomoAnswersMarkers: the address, what says it is Matomo.
	LineMatomoAnswersMarkers = &Message{
		En: "Matomo answers at %s (%s).",
		De: "Matomo antwortet unter %s (%s).",
	}
	// LineMatomoVersion: the version Matomo told.
	LineMatomoVersion = &Message{
		En: "Matomo version %s.",
		De: "Matomo-Version %s.",
	}
	// LineTLSNotChecked: the TLS version.
	LineTLSNotChecked = &Message{
		En: "Encrypted connection (%s), but the certificate was NOT checked " +
			"(--insecure-skip-verify): nothing confirms that this server is your Matomo.",
		De: "Verschlüsselte Verbindung (%s), aber das Zertifikat wurde NICHT geprüft " +
			"(--insecure-skip-verify): Nichts bestätigt, dass dieser Server Ihr Matomo ist.",
	}
	// LineTLS: the TLS version.
	LineTLS = &Message{
		En: "Secure connection (%s).",
		De: "Sichere Verbindung (%s).",
	}
	// LineTLSUntil: the TLS version, the day the certificate expires.
	LineTLSUntil = &Message{
		En: "Secure connection (%s), certificate valid until %s.",
		De: "Sichere Verbindung (%s), Zertifikat gültig bis %s.",
	}
	// LineCheckAgain labels the answer that checks an address again.
	LineCheckAgain = &Message{
		En: "check %s again",
		De: "%s noch einmal prüfen",
	}
	// LineWhatNext asks for the way forward.
	LineWhatNext = &Message{
		En: "What next?",
		De: "Wie geht es weiter?",
	}

	// LineLabelsOwnWords: the Matomo's words in the guide's language.
	LineLabelsOwnWords = &Message{
		En: "Also asked it, without a token, how its screens are worded: the steps use its words.",
		De: "Außerdem wurde Matomo, ohne Token, gefragt, wie seine Seiten beschriftet sind: Die Schritte verwenden seine Wörter.",
	}
	// LineLabelsIn: the language of the Matomo's screens.
	LineLabelsIn = &Message{
		En: "Also asked it, without a token, for its labels in %s: the steps name its screens as it shows them, with the English in brackets.",
		De: "Außerdem wurde Matomo, ohne Token, nach seinen Beschriftungen auf %s gefragt: Die Schritte nennen seine Seiten so, wie es sie zeigt, mit dem Deutschen in Klammern.",
	}
	// LineLabelsMissingBuiltIn: the language (twice).
	LineLabelsMissingBuiltIn = &Message{
		En: "Its labels in %[1]s did not come back, so the steps name its screens in English, with the %[1]s of Matomo 5.1 in brackets.",
		De: "Die Beschriftungen von Matomo auf %[1]s kamen nicht zurück, daher nennen die Schritte seine Seiten auf Deutsch, mit den Beschriftungen von Matomo 5.1 auf %[1]s in Klammern.",
	}
	// LineLabelsMissing: the language.
	LineLabelsMissing = &Message{
		En: "Its labels in %s did not come back, so the steps name its screens in English.",
		De: "Die Beschriftungen von Matomo auf %s kamen nicht zurück, daher nennen die Schritte seine Seiten auf Deutsch.",
	}
	// LineLabelsNone: a Matomo asked that sent no labels.
	LineLabelsNone = &Message{
		En: "Its labels did not come back; the steps use their own words, those of Matomo 5.",
		De: "Die Beschriftungen von Matomo kamen nicht zurück; die Schritte verwenden ihre eigenen Wörter, die von Matomo 5.",
	}
	// LineLabelsNotAsked: no labels were asked for.
	LineLabelsNotAsked = &Message{
		En: "The steps use their own words for its screens, those of Matomo 5.",
		De: "Die Schritte verwenden für die Seiten von Matomo ihre eigenen Wörter, die von Matomo 5.",
	}
)
