package i18n

// The line mode's token question, the confirmation before the token is
// sent, the check, and what follows a failure.
var (
	// LineTokenHeading heads the token question.
	LineTokenHeading = &Message{
		En: "Token",
		De: "Token",
	}
	// LinePasteToken asks for the token.
	LinePasteToken = &Message{
		En: "Paste or type the token Matomo showed you, then press Enter. " +
			"Typing is hidden: nothing appears while you type, not even dots.",
		De: "Fügen Sie den Token ein, den Matomo Ihnen gezeigt hat, oder tippen Sie ihn, und drücken Sie dann die Eingabetaste. " +
			"Die Eingabe bleibt verborgen: Beim Tippen erscheint nichts, nicht einmal Punkte.",
	}
	// LineTokenPrompt is the hidden token prompt.
	LineTokenPrompt = &Message{
		En: "Token (hidden): ",
		De: "Token (verborgen): ",
	}
	// LineNotAToken: why, in matomo's words.
	LineNotAToken = &Message{
		En: "That cannot be used as a token: %s",
		De: "Das kann nicht als Token verwendet werden: %s",
	}
	// LineTypeTokenAgain labels the answer that asks for the token again.
	LineTypeTokenAgain = &Message{
		En: "type the token again",
		De: "den Token noch einmal eingeben",
	}
	// LineBackToSteps labels the answer that goes back to the guide.
	LineBackToSteps = &Message{
		En: "back to the steps",
		De: "zurück zu den Schritten",
	}
	// LineChangeAddress labels the answer that asks for the address.
	LineChangeAddress = &Message{
		En: "change the address",
		De: "die Adresse ändern",
	}
	// LineDemoTokensAsBefore: how many demo tokens, the word that lists
	// them again.
	LineDemoTokensAsBefore = &Message{
		En: "Demo tokens 1 to %d, as listed before (type %s to hear them again).",
		De: "Demo-Token 1 bis %d, wie vorhin aufgezählt (mit %s hören Sie sie noch einmal).",
	}
	// LineDemoTokenHow: how many demo tokens, the word for one's own.
	LineDemoTokenHow = &Message{
		En: "Type a number from 1 to %d to use that demo token, or %s to type a token yourself.",
		De: "Geben Sie eine Nummer von 1 bis %d ein, um diesen Demo-Token zu verwenden, oder %s, um selbst einen Token einzugeben.",
	}
	// LineDemoTokenPrompt asks for the demo token.
	LineDemoTokenPrompt = &Message{
		En: "Demo token",
		De: "Demo-Token",
	}
	// LineDemoTokenNotAnAnswer: the answer (quoted), how many, the word
	// for one's own.
	LineDemoTokenNotAnAnswer = &Message{
		En: "%s is not one of the answers. Type a number from 1 to %d, or %s.",
		De: "%s ist keine der Antworten. Geben Sie eine Nummer von 1 bis %d ein oder %s.",
	}
	// LineDemoTokenUnusable: why, in matomo's words.
	LineDemoTokenUnusable = &Message{
		En: "That demo token cannot be used: %s",
		De: "Dieser Demo-Token kann nicht verwendet werden: %s",
	}
	// LineUsingDemoToken: its number.
	LineUsingDemoToken = &Message{
		En: "Using demo token %s.",
		De: "Verwendet wird Demo-Token %s.",
	}
	// LineDemoTokens introduces the demo's tokens.
	LineDemoTokens = &Message{
		En: "This is the demo Matomo. Its tokens, by what each one shows:",
		De: "Dies ist das Demo-Matomo. Seine Token, jeweils mit dem, was sie zeigen:",
	}
	// LineDemoTokenItem: the number, what it shows.
	LineDemoTokenItem = &Message{
		En: "%s: %s.",
		De: "%s: %s.",
	}
	// LineTrimmed: ParseToken took spaces off.
	LineTrimmed = &Message{
		En: "Removed spaces or a line break around the token.",
		De: "Leerzeichen oder ein Zeilenumbruch um den Token wurden entfernt.",
	}
	// LineLowercased: ParseToken changed the case.
	LineLowercased = &Message{
		En: "Changed the token to lower case, as Matomo's tokens are.",
		De: "Der Token wurde in Kleinbuchstaben umgewandelt, wie Matomo seine Token schreibt.",
	}
	// LineTokenReceived: the token's fingerprint.
	LineTokenReceived = &Message{
		En: "Token received: %s.",
		De: "Token erhalten: %s.",
	}
	// LineUsualForm: the token looks like Matomo's.
	LineUsualForm = &Message{
		En: "It has the usual form of a Matomo token (32 characters, 0 to 9 and a to f).",
		De: "Er hat die übliche Form eines Matomo-Tokens (32 Zeichen, 0 bis 9 und a bis f).",
	}
	// LineSentOnlyTo: the host.
	LineSentOnlyTo = &Message{
		En: "It will be sent only to %s, in the body of one request.",
		De: "Er wird nur an %s gesendet, im Inhalt einer einzigen Anfrage.",
	}
	// LineSentOnlyToEncrypted: the host.
	LineSentOnlyToEncrypted = &Message{
		En: "It will be sent only to %s, in the body of one request, encrypted (https).",
		De: "Er wird nur an %s gesendet, im Inhalt einer einzigen Anfrage, verschlüsselt (https).",
	}
	// LineCheckItNow asks to send the token.
	LineCheckItNow = &Message{
		En: "Check it now?",
		De: "Jetzt prüfen?",
	}
	// LineSendOnce labels the answer that sends the token.
	LineSendOnce = &Message{
		En: "send it to Matomo once",
		De: "einmal an Matomo senden",
	}
	// LineRejectedEarlier: the host.
	LineRejectedEarlier = &Message{
		En: "Matomo at %s rejected this very token earlier in this session. " +
			"Sent again to the same Matomo, it will be rejected again and count as one more failed login.",
		De: "Matomo unter %s hat genau diesen Token vorhin in dieser Sitzung abgelehnt. " +
			"Noch einmal an dasselbe Matomo gesendet, wird er wieder abgelehnt und zählt als eine weitere fehlgeschlagene Anmeldung.",
	}
	// LineSendAgainAnyway asks to send a rejected token again.
	LineSendAgainAnyway = &Message{
		En: "Send it again anyway?",
		De: "Trotzdem noch einmal senden?",
	}
	// LineSendSameAgain labels the answer that sends it again.
	LineSendSameAgain = &Message{
		En: "send this same token again, once (one more failed login)",
		De: "genau diesen Token noch einmal senden, einmal (eine weitere fehlgeschlagene Anmeldung)",
	}
	// LineOddForm: the token's form is not Matomo's.
	LineOddForm = &Message{
		En: "It does not have the form of a Matomo token, so Matomo will most likely reject it, " +
			"and each rejected token counts as a failed login.",
		De: "Er hat nicht die Form eines Matomo-Tokens, daher wird Matomo ihn sehr wahrscheinlich ablehnen, " +
			"und jeder abgelehnte Token zählt als fehlgeschlagene Anmeldung.",
	}
	// LineSendAnyway asks to send an odd token.
	LineSendAnyway = &Message{
		En: "Send it anyway?",
		De: "Trotzdem senden?",
	}
	// LineSendAnywayOnce labels the answer that sends it.
	LineSendAnywayOnce = &Message{
		En: "send it to Matomo anyway, once",
		De: "trotzdem einmal an Matomo senden",
	}
	// LineNotTyped: the host (twice), the word that sends.
	LineNotTyped = &Message{
		En: "You did not type %[1]s: a redirect led here. The token goes there only if you answer %[2]s.",
		De: "Sie haben %[1]s nicht eingegeben: Eine Weiterleitung hat hierher geführt. Der Token geht nur dorthin, wenn Sie %[2]s antworten.",
	}
	// LineSendToUntyped: the host.
	LineSendToUntyped = &Message{
		En: "send it to %s, which you did not type, once",
		De: "einmal an %s senden, obwohl Sie diese Adresse nicht eingegeben haben",
	}
	// LineCheckingToken: the address, the time limit.
	LineCheckingToken = &Message{
		En: "Checking the token with %s (one request, up to %s)…",
		De: "Der Token wird bei %s geprüft (eine Anfrage, bis zu %s)…",
	}
	// LineBackToStepsNewToken labels the answer after a rejection.
	LineBackToStepsNewToken = &Message{
		En: "back to the steps, to create a new token",
		De: "zurück zu den Schritten, um einen neuen Token zu erstellen",
	}
	// LineCheckTokenWith labels the answer that uses the address a
	// redirect names: the address.
	LineCheckTokenWith = &Message{
		En: "check the token with %s",
		De: "den Token bei %s prüfen",
	}
	// LineRetryAfterAccess labels the retry after "no site".
	LineRetryAfterAccess = &Message{
		En: "check the same token again, once an administrator gave its user access",
		De: "denselben Token noch einmal prüfen, sobald ein Administrator seinem Benutzer Zugriff gegeben hat",
	}
	// LineRetryOnce labels the retry.
	LineRetryOnce = &Message{
		En: "send the same token again, one request",
		De: "denselben Token noch einmal senden, eine Anfrage",
	}
	// LineTypeAnotherToken labels the answer that asks for another token.
	LineTypeAnotherToken = &Message{
		En: "type another token",
		De: "einen anderen Token eingeben",
	}
	// LineNoMoreTokens says what the lock-out means for the session.
	LineNoMoreTokens = &Message{
		En: "No more tokens are sent in this session: until the lock lifts, Matomo would refuse even the right one.",
		De: "In dieser Sitzung werden keine Token mehr gesendet: Bis die Sperre aufgehoben ist, würde Matomo sogar den richtigen ablehnen.",
	}
	// LineRunAgainLater follows LineNoMoreTokens at the end.
	LineRunAgainLater = &Message{
		En: "%s Run matomo-onboard again when it has lifted.",
		De: "%s Starten Sie matomo-onboard noch einmal, wenn sie aufgehoben ist.",
	}
	// LinePressEnterToEnd asks for Enter before the end.
	LinePressEnterToEnd = &Message{
		En: "Press Enter to end",
		De: "Drücken Sie die Eingabetaste zum Beenden",
	}
	// LineEndSession labels the answer that ends the session.
	LineEndSession = &Message{
		En: "end the session",
		De: "die Sitzung beenden",
	}
	// LineRetryCreated labels the retry of a created token.
	LineRetryCreated = &Message{
		En: "check the created token again, one request",
		De: "den erstellten Token noch einmal prüfen, eine Anfrage",
	}
)
