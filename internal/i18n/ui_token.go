package i18n

// The wizard's token screen (the field, its live check, the questions
// before a token that will most likely be refused, the lock-out) and the
// screen while the token is verified.
var (
	UITokenPlaceholder = &Message{
		En: "paste the token here",
		De: "Token hier einfügen",
	}
	// UITokenPasteTooLong: the paste's length.
	UITokenPasteTooLong = &Message{
		En: "✗ That paste was %d characters long; a Matomo token has 32. " +
			"Nothing was inserted: copy only the token and paste again.",
		De: "✗ Das Eingefügte war %d Zeichen lang; ein Matomo-Token hat 32. " +
			"Nichts wurde übernommen: Kopieren Sie nur den Token und fügen Sie ihn erneut ein.",
	}
	UITokenTrimmed = &Message{
		En: "Removed the spaces or line break around the pasted text.",
		De: "Leerzeichen oder Zeilenumbruch um den eingefügten Text wurden entfernt.",
	}
	UITokenNotSentComputerLocked = &Message{
		En: "✗ Not sent: Matomo has locked this computer out (see below). Every token would be refused until the lock lifts.",
		De: "✗ Nicht gesendet: Matomo hat diesen Computer gesperrt (siehe unten). Bis die Sperre aufgehoben ist, würde jeder Token abgelehnt.",
	}
	UITokenNotSentUserLocked = &Message{
		En: "✗ Not sent: Matomo has locked this user out (see below). Every token would be refused until the lock lifts.",
		De: "✗ Nicht gesendet: Matomo hat diesen Benutzer gesperrt (siehe unten). Bis die Sperre aufgehoben ist, würde jeder Token abgelehnt.",
	}
	// UITokenAskRejected: the host, the key that sends.
	UITokenAskRejected = &Message{
		En: "Matomo at %s rejected this very token earlier in this session. " +
			"Sent again to the same Matomo, it will be rejected again and count as one more failed login. " +
			"Send it again anyway? %s sends it once; n keeps it here to change.",
		De: "Matomo unter %s hat genau diesen Token in dieser Sitzung schon abgelehnt. " +
			"Noch einmal an dasselbe Matomo gesendet, wird er wieder abgelehnt und zählt als eine weitere fehlgeschlagene Anmeldung. " +
			"Trotzdem noch einmal senden? %s sendet ihn einmal; n behält ihn hier zum Ändern.",
	}
	// UITokenAskForm: the key that sends.
	UITokenAskForm = &Message{
		En: "This does not have the form of a Matomo token, so Matomo will most likely reject it, " +
			"and each rejected token counts as a failed login. Send it anyway? %s sends it once; n keeps it here to change.",
		De: "Das hat nicht die Form eines Matomo-Tokens, Matomo wird ihn also sehr wahrscheinlich ablehnen, " +
			"und jeder abgelehnte Token zählt als fehlgeschlagene Anmeldung. Trotzdem senden? %s sendet ihn einmal; n behält ihn hier zum Ändern.",
	}
	UITokenNotSent = &Message{
		En: "Not sent. Change the token, or paste another (ctrl+u clears the field).",
		De: "Nicht gesendet. Ändern Sie den Token oder fügen Sie einen anderen ein (ctrl+u leert das Feld).",
	}
	UITokenCheckCanceled = &Message{
		En: "Check canceled. Matomo may have received the request; nothing more was sent.",
		De: "Prüfung abgebrochen. Matomo hat die Anfrage vielleicht erhalten; mehr wurde nicht gesendet.",
	}
	UITokenTitle = &Message{
		En: "Paste the token Matomo showed you",
		De: "Fügen Sie den Token ein, den Matomo Ihnen gezeigt hat",
	}
	UITokenHowToPaste = &Message{
		En: "Paste with your terminal's paste (often ctrl+shift+v, cmd+v or a right click). The token stays hidden.",
		De: "Fügen Sie ihn mit dem Einfügen Ihres Terminals ein (oft ctrl+shift+v, cmd+v oder ein Rechtsklick). Der Token bleibt verdeckt.",
	}
	// UITokenRejectedBefore and the others follow the fingerprint.
	UITokenRejectedBefore = &Message{
		En: " · ✗ Matomo rejected this very token earlier in this session",
		De: " · ✗ Matomo hat genau diesen Token in dieser Sitzung schon abgelehnt",
	}
	UITokenHasForm = &Message{
		En: " · has the form of a Matomo token",
		De: " · hat die Form eines Matomo-Tokens",
	}
	UITokenLooksValid = &Message{
		En: " · looks like a Matomo token ✓",
		De: " · sieht aus wie ein Matomo-Token ✓",
	}
	UITokenLowercased = &Message{
		En: " (upper case will be sent as lower case, as Matomo expects)",
		De: " (Großbuchstaben werden als Kleinbuchstaben gesendet, wie Matomo es erwartet)",
	}
	// UITokenGoesHTTPS and the others: the host.
	UITokenGoesHTTPS = &Message{
		En: "It is sent only to %s, in the body of an encrypted (https) request, and never shown or saved.",
		De: "Er wird nur an %s gesendet, im Inhalt einer verschlüsselten (https-)Anfrage, und nie angezeigt oder gespeichert.",
	}
	UITokenGoesUnchecked = &Message{
		En: "It is sent only to %s, in the body of an https request whose certificate is NOT checked, and never shown or saved.",
		De: "Er wird nur an %s gesendet, im Inhalt einer https-Anfrage, deren Zertifikat NICHT geprüft wird, und nie angezeigt oder gespeichert.",
	}
	UITokenGoesHTTP = &Message{
		En: "It is sent only to %s, in the body of an unencrypted http request, and never shown or saved.",
		De: "Er wird nur an %s gesendet, im Inhalt einer unverschlüsselten http-Anfrage, und nie angezeigt oder gespeichert.",
	}
	// UITokenGoesHTTPProxy: the host, the proxy (from the environment) it
	// goes through over plain http.
	UITokenGoesHTTPProxy = &Message{
		En: "It is sent only to %s, in the body of an unencrypted http request through the proxy %s, which can read it " +
			"(HTTP_PROXY); it is never shown or saved.",
		De: "Er wird nur an %s gesendet, im Inhalt einer unverschlüsselten http-Anfrage über den Proxy %s, der ihn lesen " +
			"kann (HTTP_PROXY); er wird nie angezeigt oder gespeichert.",
	}
	UITokenGoesLoopback = &Message{
		En: "It is sent only to %s, in the body of a request that stays on this computer, and never shown or saved.",
		De: "Er wird nur an %s gesendet, im Inhalt einer Anfrage, die auf diesem Computer bleibt, und nie angezeigt oder gespeichert.",
	}
	UILockoutNoRetry = &Message{
		En: "No token is sent until the lock lifts: this wizard will not try again.",
		De: "Bis die Sperre aufgehoben ist, wird kein Token gesendet: Dieser Assistent versucht es nicht noch einmal.",
	}
	UILockoutDemo = &Message{
		En: " (Demo: quit and start the demo again to lift it.)",
		De: " (Demo: Beenden und die Demo neu starten hebt sie auf.)",
	}
	UILockoutUser = &Message{
		En: "✗ Matomo has locked this user out after too many failed logins with it in the last hour. " +
			"No token is sent until the lock lifts, when those failed logins are an hour old.",
		De: "✗ Matomo hat diesen Benutzer nach zu vielen fehlgeschlagenen Anmeldungen in der letzten Stunde gesperrt. " +
			"Bis die Sperre aufgehoben ist, wird kein Token gesendet: sobald diese Anmeldungen eine Stunde alt sind.",
	}
	UILockoutComputer = &Message{
		En: "✗ Matomo has locked this computer out after too many failed logins. " +
			"No token is sent until the lock lifts: up to 60 minutes, or sooner if a Matomo superuser unblocks this IP.",
		De: "✗ Matomo hat diesen Computer nach zu vielen fehlgeschlagenen Anmeldungen gesperrt. " +
			"Bis die Sperre aufgehoben ist, wird kein Token gesendet: bis zu 60 Minuten, oder früher, wenn ein Matomo-Superuser diese IP freigibt.",
	}
	UITokenDemoTokens = &Message{
		En: "Demo tokens",
		De: "Demo-Token",
	}
	UITokenDemoTab = &Message{
		En: " (tab fills in the next one)",
		De: " (tab setzt den nächsten ein)",
	}
	UIVerifyingTitle = &Message{
		En: "Verifying the token",
		De: "Der Token wird geprüft",
	}
	UIVerifyingCreatedTitle = &Message{
		En: "Verifying the token Matomo just created",
		De: "Der eben von Matomo erstellte Token wird geprüft",
	}
	// UIVerifyingAsking: the host.
	UIVerifyingAsking = &Message{
		En: "Asking %s who this token belongs to…",
		De: "%s wird gefragt, wem dieser Token gehört…",
	}
	// UIVerifyingOneRequest: the time limit.
	UIVerifyingOneRequest = &Message{
		En: "One request: Matomo's version, superuser status, every site and its access level. Up to %s. Esc cancels.",
		De: "Eine Anfrage: die Matomo-Version, ob Superuser, jede Website und ihre Zugriffsstufe. Höchstens %s. Esc bricht ab.",
	}
)
