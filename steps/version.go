package steps

import (
	"strconv"
	"strings"

	"matomo-onboard/internal/i18n"
)

// Version is the Matomo release family the guide is written for: the
// screens that create a token differ between them.
type Version int

const (
	// VersionUnknown writes the guide for every version at once: each
	// field says which versions have it.
	VersionUnknown Version = iota
	// Matomo3 shows each user's one token under Administration → Platform
	// → API; it has no Security page and no way to create more tokens.
	Matomo3
	// Matomo4 creates tokens under Personal → Security; its form has the
	// description only.
	Matomo4
	// Matomo50 is 5.0 to 5.3: the form adds "Only allow secure requests",
	// ticked.
	Matomo50
	// Matomo54 is 5.4 and later: the form adds an expiry date, its box
	// ticked and a date filled in (see ExpiryFrom).
	Matomo54
)

// ExpiryFrom is the first release whose token form has the expiry date
// (the "Expire date" section, its box ticked by default with a date a set
// number of days ahead): 5.4.0. Read in Matomo's source: the form came
// with matomo-org/matomo#23340, merged into 5.x-dev by #23354 in June
// 2025, after 5.3.2; 5.1.2 and 5.2 have no expiry on the form (their
// token list shows an expiry column only for tokens the system made).
const ExpiryFrom = "5.4.0"

// Versions are the answers to "which Matomo is it?", in the order asked.
var Versions = []Version{Matomo3, Matomo4, Matomo50, Matomo54, VersionUnknown}

// ParseVersion reads a version Matomo reported ("5.1.2", "4.16.1",
// "5.4.0-b1"). Anything it cannot read is VersionUnknown; Matomo 2 (then
// Piwik) showed its token like 3, and releases after 5 keep 5.4's form
// until known otherwise.
func ParseVersion(s string) Version {
	parts := strings.SplitN(strings.TrimSpace(s), ".", 3)
	major, err := strconv.Atoi(parts[0])
	if err != nil || major < 1 {
		return VersionUnknown
	}
	minor := 0
	if len(parts) > 1 {
		digits := strings.TrimRightFunc(parts[1], func(r rune) bool { return r < '0' || r > '9' })
		if minor, err = strconv.Atoi(digits); err != nil {
			return VersionUnknown
		}
	}
	switch {
	case major <= 3:
		return Matomo3
	case major == 4:
		return Matomo4
	case major == 5 && minor < 4:
		return Matomo50
	}
	return Matomo54
}

// String names the version as the question offers it, in English.
func (v Version) String() string { return v.Name(i18n.English()) }

// Name names the version as the question offers it, in p's language.
func (v Version) Name(p *i18n.Printer) string {
	switch v {
	case Matomo3:
		return "Matomo 3"
	case Matomo4:
		return "Matomo 4"
	case Matomo50:
		return p.Sprintf(i18n.StepsVersion50)
	case Matomo54:
		return p.Sprintf(i18n.StepsVersion54)
	}
	return p.Sprintf(i18n.StepsVersionUnknown)
}

// has reports whether the token form of v has a field that came with
// from; VersionUnknown has every field, each said with its versions.
func (v Version) has(from Version) bool { return v == VersionUnknown || v >= from }
