package i18n

// The wizard's address screen: the field, what it hid or removed, the
// check without a token and its plain-http warning.
var (
	UIAddressTitle = &Message{
		En: "Your Matomo address",
		De: "Die Adresse Ihres Matomo",
	}
	UIAddressIntro = &Message{
		En: "The address you open to log in to Matomo, with its folder if it has one " +
			"(for example https://example.org/matomo). Copying it from the browser's address bar is fine.",
		De: "Die Adresse, unter der Sie sich bei Matomo anmelden, mit dem Ordner, falls es einen gibt " +
			"(zum Beispiel https://example.org/matomo). Sie können sie aus der Adressleiste des Browsers kopieren.",
	}
	UIAddressTokenDropped = &Message{
		En: "! That held a token. It was removed from this field and not sent: " +
			"the address goes here, the token comes later, hidden.",
		De: "! Darin war ein Token. Er wurde aus diesem Feld entfernt und nicht gesendet: " +
			"Hier steht die Adresse, der Token kommt später, verdeckt.",
	}
	UIAddressPieceDropped = &Message{
		En: "! That held 12 or more hex characters in a row, which no address has: " +
			"it may be part of a token, so it was removed from this field, not checked and not sent. " +
			"Check the address, then press Enter.",
		De: "! Darin waren 12 oder mehr Hex-Zeichen in Folge, wie sie keine Adresse hat: " +
			"Das kann ein Teil eines Tokens sein, darum wurde es aus diesem Feld entfernt, nicht geprüft und nicht gesendet. " +
			"Prüfen Sie die Adresse und drücken Sie dann Enter.",
	}
	UIAddressHiddenValue = &Message{
		En: "What you type after token_auth= is the token: it is not shown or " +
			"kept. Enter takes it out; & or # goes on with the address.",
		De: "Was Sie nach token_auth= tippen, ist der Token: Er wird weder angezeigt " +
			"noch behalten. Enter nimmt ihn heraus; mit & oder # geht die Adresse weiter.",
	}
	UIAddressHiddenPiece = &Message{
		En: "Not shown: 12 or more hex characters in a row, which no address " +
			"has (a token has 32). Typing anything else, or Enter, takes them out.",
		De: "Nicht angezeigt: 12 oder mehr Hex-Zeichen in Folge, wie sie keine Adresse " +
			"hat (ein Token hat 32). Jede andere Eingabe oder Enter nimmt sie heraus.",
	}
	// UIAddressChecking: the address.
	UIAddressChecking = &Message{
		En: "Checking %s (no token is sent)…",
		De: "%s wird geprüft (ohne Token)…",
	}
	UIAddressPlainHTTP = &Message{
		En: "! Matomo answers here, but over plain http.",
		De: "! Hier antwortet Matomo, aber über unverschlüsseltes http.",
	}
	UIAddressPlainHTTPWhy = &Message{
		En: "The token would cross the network unencrypted: anyone on the way could read it and act as you. " +
			"Use the https:// address of your Matomo.",
		De: "Der Token ginge unverschlüsselt durchs Netzwerk: Jeder auf dem Weg könnte ihn lesen und als Sie handeln. " +
			"Verwenden Sie die https://-Adresse Ihres Matomo.",
	}
	UIAddressAllowHTTP = &Message{
		En: "If this Matomo truly has no https, start the wizard with --allow-http.",
		De: "Wenn dieses Matomo wirklich kein https hat, starten Sie den Assistenten mit --allow-http.",
	}
	UIAddressNew = &Message{
		En: "New address",
		De: "Neue Adresse",
	}
	UIAddressCheckCanceled = &Message{
		En: "Check canceled.",
		De: "Prüfung abgebrochen.",
	}
)
