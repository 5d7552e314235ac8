package i18n

// The wizard's data check on the done screen (package matomo says what
// it found).
var (
	UIDataChecking = &Message{
		En: "Checking that the site has data: its last visit, asked with the token…",
		De: "Es wird geprüft, ob die Website Daten hat: ihr letzter Besuch, mit dem Token abgefragt…",
	}
	UIDataCanceled = &Message{
		En: "Data check canceled. r checks again (one request with the token).",
		De: "Datenprüfung abgebrochen. r prüft erneut (eine Anfrage mit dem Token).",
	}
	// UIDataTrackingCode: the site's ID.
	UIDataTrackingCode = &Message{
		En: "Tracking code of site %s",
		De: "Tracking-Code der Website %s",
	}
)
