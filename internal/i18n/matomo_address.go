package i18n

// Package matomo's words about an address as a person typed it: why it
// cannot be used (matomo.AddressError), what was changed in it and what
// to look at (matomo.Address's notes and warnings).
var (
	// AddressExample shows what an address looks like, after a comma or
	// in brackets.
	AddressExample = &Message{
		En: "for example https://analytics.example.org or https://example.org/matomo",
		De: "zum Beispiel https://analytics.example.org oder https://example.org/matomo",
	}
)
