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
