package i18n

// The wizard's guide around package steps' text: the version question,
// the language of Matomo's labels and its picker, what the check found.
var (
	UIGuideDirectLink = &Message{
		En: "Direct link",
		De: "Direkter Link",
	}
	// UIGuideVersionSaid: the version Matomo told.
	UIGuideVersionSaid = &Message{
		En: "Matomo %s (it told its version): the steps show what it has.",
		De: "Matomo %s (so meldet es seine Version): Die Schritte zeigen, was es hat.",
	}
	// UIGuideVersionAnswered: the version as the question named it.
	UIGuideVersionAnswered = &Message{
		En: "%s, as you said: the steps show what it has. 3/4/5/6 change it.",
		De: "%s, wie Sie gesagt haben: Die Schritte zeigen, was es hat. 3/4/5/6 ändern das.",
	}
	UIGuideVersionQuestion = &Message{
		En: "Which Matomo version is it?",
		De: "Welche Matomo-Version ist es?",
	}
	UIGuideVersionNotSure = &Message{
		En: "Not sure? Go on: each step then says which versions it applies to.",
		De: "Nicht sicher? Machen Sie einfach weiter: Jeder Schritt sagt dann, für welche Versionen er gilt.",
	}
	// UIGuideLabels: the language of the labels, which is the text's.
	UIGuideLabels = &Message{
		En: "Matomo's labels: %s.",
		De: "Beschriftungen von Matomo: %s.",
	}
	// UIGuideLabelsFromMatomo: the language.
	UIGuideLabelsFromMatomo = &Message{
		En: "Matomo's labels: %s, as your Matomo shows them (English in brackets).",
		De: "Beschriftungen von Matomo: %s, wie Ihr Matomo sie zeigt (in Klammern auf Deutsch).",
	}
	// UIGuideLabelsBuiltIn: the language.
	UIGuideLabelsBuiltIn = &Message{
		En: "Matomo's labels: %s of Matomo 5.1, after the English.",
		De: "Beschriftungen von Matomo: %s, wie Matomo 5.1 sie nennt, in Klammern nach den deutschen.",
	}
	// UIGuideLabelsNone: the language asked for.
	UIGuideLabelsNone = &Message{
		En: "Matomo's labels: English (your Matomo sent none in %s).",
		De: "Beschriftungen von Matomo: Deutsch (Ihr Matomo hat keine auf %s gesendet).",
	}
	UIGuideAnotherLanguage = &Message{
		En: " l: another language.",
		De: " l: eine andere Sprache.",
	}
	// UIGuideLanguageEnglish and UIGuideLanguageGerman name the languages
	// when the Matomo did not list them.
	UIGuideLanguageEnglish = &Message{
		En: "English",
		De: "English (Englisch)",
	}
	UIGuideLanguageGerman = &Message{
		En: "Deutsch (German)",
		De: "Deutsch",
	}
	// UIGuideLabelsNotSent: the language.
	UIGuideLabelsNotSent = &Message{
		En: "Your Matomo did not send its labels in %s just now.",
		De: "Ihr Matomo hat seine Beschriftungen auf %s eben nicht gesendet.",
	}
	// UIGuideAskingLabels: the language.
	UIGuideAskingLabels = &Message{
		En: "Asking your Matomo for its labels in %s…",
		De: "Ihr Matomo wird nach seinen Beschriftungen auf %s gefragt…",
	}
	UIGuidePickerTitle = &Message{
		En: "Language of your Matomo's screens",
		De: "Sprache der Seiten Ihres Matomo",
	}
	// UIGuideReachableSkipVerify and the others: the TLS version.
	UIGuideReachableSkipVerify = &Message{
		En: "✓ Matomo reachable (%s, certificate NOT checked)",
		De: "✓ Matomo erreichbar (%s, Zertifikat NICHT geprüft)",
	}
	UIGuideReachableTLS = &Message{
		En: "✓ Matomo reachable (%s, certificate ok)",
		De: "✓ Matomo erreichbar (%s, Zertifikat in Ordnung)",
	}
	UIGuideReachableHTTP = &Message{
		En: "✓ Matomo reachable (plain http)",
		De: "✓ Matomo erreichbar (unverschlüsseltes http)",
	}
	UIGuideReachable = &Message{
		En: "✓ Matomo reachable",
		De: "✓ Matomo erreichbar",
	}
	UIGuideAddressChecked = &Message{
		En: " · ✓ address checked",
		De: " · ✓ Adresse geprüft",
	}
)
