package i18n

// The line mode's walk through the guide's steps (the steps' own text is
// package steps').
var (
	// LineGuideHeading: how many steps.
	LineGuideHeading = &Message{
		Plural: 1,
		En:     "Creating the token: %d steps in Matomo, in your browser.",
		EnOne:  "Creating the token: %d step in Matomo, in your browser.",
		De:     "Den Token erstellen: %d Schritte in Matomo, in Ihrem Browser.",
		DeOne:  "Den Token erstellen: %d Schritt in Matomo, in Ihrem Browser.",
	}
	// LineNoBrowser: the line mode opens no browser.
	LineNoBrowser = &Message{
		En: "This mode never opens a browser: each step gives its link, to open or copy yourself.",
		De: "Dieser Modus öffnet nie einen Browser: Jeder Schritt nennt seinen Link, zum Öffnen oder Kopieren.",
	}
	// LineHaveToken labels the answer that skips to the token.
	LineHaveToken = &Message{
		En: "I already have a token",
		De: "ich habe schon einen Token",
	}
	// LineLabelsLanguage labels the answer that changes the labels'
	// language: the language now.
	LineLabelsLanguage = &Message{
		En: "of Matomo's labels: %s",
		De: "der Beschriftungen von Matomo: %s",
	}
	// LineOfferCreate offers "create it for me": the answer's word, the
	// trade-off.
	LineOfferCreate = &Message{
		En: "Or: create it for me with my Matomo password (answer %s). %s",
		De: "Oder: den Token für mich mit meinem Matomo-Passwort erstellen (Antwort %s). %s",
	}
	// LineCreateLabel labels "create it for me".
	LineCreateLabel = &Message{
		En: "create it for me with my Matomo password",
		De: "den Token für mich mit meinem Matomo-Passwort erstellen",
	}
	// LineVersionAnswered: the version.
	LineVersionAnswered = &Message{
		En: "You said %s: the steps show what it has. Answer 3, 4, 5 or 6 to change it.",
		De: "Sie haben %s angegeben: Die Schritte zeigen, was diese Version hat. Antworten Sie 3, 4, 5 oder 6, um das zu ändern.",
	}
	// LineWhichVersion asks which Matomo it is.
	LineWhichVersion = &Message{
		En: "Which Matomo version is it? The steps then show only what yours has: answer 3 (Matomo 3), 4 (Matomo 4), " +
			"5 (5.0 to 5.3) or 6 (5.4 or newer), or type the version, such as 5.1.2. Not sure? Go on with Enter: " +
			"each step then says which versions it applies to.",
		De: "Welche Matomo-Version ist es? Die Schritte zeigen dann nur, was Ihres hat: Antworten Sie 3 (Matomo 3), 4 (Matomo 4), " +
			"5 (5.0 bis 5.3) oder 6 (5.4 oder neuer), oder geben Sie die Version ein, etwa 5.1.2. Nicht sicher? Weiter mit der Eingabetaste: " +
			"Jeder Schritt sagt dann, für welche Versionen er gilt.",
	}
	// LineStepsNowFor: the version, how many steps.
	LineStepsNowFor = &Message{
		Plural: 2,
		En:     "The steps are now for %s: %d steps.", EnOne: "The steps are now for %s: %d step.",
		De: "Die Schritte gelten jetzt für %s: %d Schritte.", DeOne: "Die Schritte gelten jetzt für %s: %d Schritt.",
	}
	// LineLanguages: the Matomo's languages.
	LineLanguages = &Message{
		En: "Your Matomo has these languages: %s.",
		De: "Ihr Matomo hat diese Sprachen: %s.",
	}
	// LineLanguagePrompt asks for the language code.
	LineLanguagePrompt = &Message{
		En: "Language code",
		De: "Sprachcode",
	}
	// LineNotALanguage: the answer (quoted).
	LineNotALanguage = &Message{
		En: "%s is not one of its languages. Type a code from the list, such as de or en.",
		De: "%s ist keine seiner Sprachen. Geben Sie einen Code aus der Liste ein, etwa de oder en.",
	}
	// LineAskingLabels: the address, the language.
	LineAskingLabels = &Message{
		En: "Asking %s, without a token, for its labels in %s…",
		De: "%s wird ohne Token nach seinen Beschriftungen auf %s gefragt…",
	}
	// LineStepHeading: the step's number, how many, its title.
	LineStepHeading = &Message{
		En: "Step %s of %s: %s",
		De: "Schritt %s von %s: %s",
	}
	// LineVersionTold: the version Matomo told.
	LineVersionTold = &Message{
		En: "Matomo %s told its version: the steps show what it has.",
		De: "Matomo %s hat seine Version genannt: Die Schritte zeigen, was diese Version hat.",
	}
	// LineTypeLiteral: a literal to type, such as the description.
	LineTypeLiteral = &Message{
		En: "Type: %s",
		De: "Eingeben: %s",
	}
	// LineLinkSame: the step whose page it is.
	LineLinkSame = &Message{
		En: "Link: the same page as step %s.",
		De: "Link: dieselbe Seite wie in Schritt %s.",
	}
	// LineLink: the link.
	LineLink = &Message{
		En: "Link: %s",
		De: "Link: %s",
	}
	// LineEnterTheToken labels next on the last step.
	LineEnterTheToken = &Message{
		En: "enter the token",
		De: "den Token eingeben",
	}
	// LineStepN labels next and back: the step's number.
	LineStepN = &Message{
		En: "step %s",
		De: "Schritt %s",
	}
	// LineTheAddress labels back on the first step.
	LineTheAddress = &Message{
		En: "the address",
		De: "die Adresse",
	}
	// LineLanguageDeutsch, LineLanguageEnglish name the languages the
	// line mode knows without asking Matomo.
	LineLanguageDeutsch = &Message{
		En: "Deutsch (German)",
		De: "Deutsch",
	}
	LineLanguageEnglish = &Message{
		En: "English",
		De: "Englisch",
	}
)
