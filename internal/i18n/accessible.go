package i18n

// The line mode (ui/accessible): its start, its end, and the words of
// every question (the list of answers, what is said when an answer is
// none of them).
var (
	// LineWelcome opens the session: the tool the token is for.
	LineWelcome = &Message{
		En: "Matomo onboarding: create and check a Matomo API token for %s.",
		De: "Matomo einrichten: einen Matomo-API-Token für %s erstellen und prüfen.",
	}
	// LineYouNeed: the tool.
	LineYouNeed = &Message{
		En: "You need: a Matomo login with access to the sites %s should read.",
		De: "Sie brauchen: einen Matomo-Zugang mit Zugriff auf die Websites, die %s lesen soll.",
	}
	// LineWhatHappens: how many steps the guide has.
	LineWhatHappens = &Message{
		Plural: 1,
		En: "What happens: first your Matomo's address is checked, without a token. Then %d short steps in Matomo, " +
			"in your browser, create the token. You type the token here and it is checked with one request. " +
			"At the end you see the sites it reaches and what to paste where.",
		EnOne: "What happens: first your Matomo's address is checked, without a token. Then %d short step in Matomo, " +
			"in your browser, creates the token. You type the token here and it is checked with one request. " +
			"At the end you see the sites it reaches and what to paste where.",
		De: "So läuft es ab: Zuerst wird die Adresse Ihres Matomo geprüft, ohne Token. Dann erstellen %d kurze Schritte " +
			"in Matomo, in Ihrem Browser, den Token. Sie geben den Token hier ein, und er wird mit einer Anfrage geprüft. " +
			"Am Ende sehen Sie die Websites, die er erreicht, und was Sie wo einfügen.",
		DeOne: "So läuft es ab: Zuerst wird die Adresse Ihres Matomo geprüft, ohne Token. Dann erstellt %d kurzer Schritt " +
			"in Matomo, in Ihrem Browser, den Token. Sie geben den Token hier ein, und er wird mit einer Anfrage geprüft. " +
			"Am Ende sehen Sie die Websites, die er erreicht, und was Sie wo einfügen.",
	}
	// LineTheTokenIsASecret explains the token.
	LineTheTokenIsASecret = &Message{
		En: "The token is a secret: it acts as your password in Matomo's API, and each user has their own. " +
			"Typing it is hidden here, and it is never shown, only its length and last 4 characters.",
		De: "Der Token ist ein Geheimnis: Er wirkt in der API von Matomo wie Ihr Passwort, und jeder Benutzer hat seinen eigenen. " +
			"Die Eingabe bleibt hier verborgen, und er wird nie angezeigt, nur seine Länge und seine letzten 4 Zeichen.",
	}
	// LineHowToAnswer explains the questions: the word that stops.
	LineHowToAnswer = &Message{
		En: "Every question lists its answers: type the number or the word, then press Enter. " +
			"Enter alone takes the answer in brackets. Type %s at any question to stop.",
		De: "Jede Frage nennt ihre Antworten: Geben Sie die Nummer oder das Wort ein und drücken Sie die Eingabetaste. " +
			"Die Eingabetaste allein nimmt die Antwort in eckigen Klammern. Mit %s hören Sie bei jeder Frage auf.",
	}
	// LineEnded ends a session that cannot go on (after the lock-out).
	LineEnded = &Message{
		En: "Ended without a verified token. Nothing was saved.",
		De: "Beendet ohne geprüften Token. Es wurde nichts gespeichert.",
	}
	// LineCanceled ends a session the person stopped.
	LineCanceled = &Message{
		En: "Canceled, nothing was saved.",
		De: "Abgebrochen, nichts gespeichert.",
	}
	// LineChooseAnotherSite heads the site list when it comes back.
	LineChooseAnotherSite = &Message{
		En: "Choose another site",
		De: "Eine andere Website wählen",
	}

	// LineAnswers lists a question's answers: the list.
	LineAnswers = &Message{
		En: "Answers: %s.",
		De: "Antworten: %s.",
	}
	// LineEnterKey marks the answer that Enter alone chooses.
	LineEnterKey = &Message{
		En: "Enter",
		De: "Eingabetaste",
	}
	// LineChoicePrompt asks for the answer to a list.
	LineChoicePrompt = &Message{
		En: "Choice",
		De: "Auswahl",
	}
	// LineTypeANumber: how many answers, their words.
	LineTypeANumber = &Message{
		En: "Type a number from 1 to %d, or one of: %s.",
		De: "Geben Sie eine Nummer von 1 bis %d ein oder eines dieser Wörter: %s.",
	}
	// LineNotAnAnswer: the answer typed (quoted, or a sentence saying it
	// is not repeated), how many answers, their words.
	LineNotAnAnswer = &Message{
		En: "%s is not one of the answers. Type a number from 1 to %d, or one of: %s.",
		De: "%s ist keine der Antworten. Geben Sie eine Nummer von 1 bis %d ein oder eines dieser Wörter: %s.",
	}
	// LineStillWaiting tells that a request still runs: for how long.
	LineStillWaiting = &Message{
		En: "Still waiting for the answer (%s so far).",
		De: "Noch keine Antwort (bisher %s).",
	}
	// LineEchoHiddenToken repeats an answer that may be a token.
	LineEchoHiddenToken = &Message{
		En: "(hidden: it looks like a token)",
		De: "(verborgen: es sieht aus wie ein Token)",
	}
	// LineEchoHidden repeats a hidden answer in a transcript.
	LineEchoHidden = &Message{
		En: "(hidden)",
		De: "(verborgen)",
	}
	// LineQuoteHiddenToken stands for an answer that may be a token, at
	// the start of a sentence.
	LineQuoteHiddenToken = &Message{
		En: "What you typed (it looks like a token, so it is not repeated)",
		De: "Ihre Eingabe (sie sieht aus wie ein Token und wird daher nicht wiederholt)",
	}
	// LineQuoted quotes an answer typed.
	LineQuoted = &Message{
		En: "\"%s\"",
		De: "„%s“",
	}
	// LineSeconds is a duration in seconds, the number written already.
	LineSeconds = &Message{
		En: "%s s",
		De: "%s Sek.",
	}
)
