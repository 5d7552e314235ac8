package i18n

// The wizard's words when a key came too soon to be meant for the screen
// it arrived on.
var (
	// UIEnterTooSoon: Enter came as the site list appeared (a second
	// press for the token's check, or a held key).
	UIEnterTooSoon = &Message{
		En: "The list of sites just appeared: press Enter again to choose the selected site.",
		De: "Die Liste der Websites ist gerade erschienen: Drücken Sie erneut Enter, um die markierte Website zu wählen.",
	}
)

// The token screen's question before the token goes to a server the
// person did not name.
var (
	// UITokenToUntypedHost: the host, the key that sends.
	UITokenToUntypedHost = &Message{
		En: "You did not type %s: a redirect led here. Send the token there? %s sends it once; n keeps it here.",
		De: "%s haben Sie nicht eingegeben: Eine Weiterleitung hat hierher geführt. Den Token dorthin senden? %s sendet ihn einmal; n behält ihn hier.",
	}
)
