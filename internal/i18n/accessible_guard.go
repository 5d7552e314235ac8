package i18n

// The line mode's words for an answer that is taken only as its word
// (one that sends a token Matomo will most likely refuse, or to a server
// the person did not name).
var (
	// LineWordOnly follows such an answer's label in the list of answers.
	LineWordOnly = &Message{
		En: "type the word",
		De: "nur als Wort",
	}
	// LineTypeTheWord: the answer typed (its number or letter), the word
	// that gives it.
	LineTypeTheWord = &Message{
		En: "Nothing sent: %s is not enough for this answer. To send it, type the word %s.",
		De: "Nichts gesendet: %s genügt für diese Antwort nicht. Um ihn zu senden, geben Sie das Wort %s ein.",
	}
)
