package steps

import (
	"strconv"
	"strings"

	"matomo-onboard/internal/i18n"
)

// The words of "create it for me" (the token made from the login and
// password) that the wizard and the line mode share, in the language of
// p (nil is English).

// CreateTradeOff is the one honest sentence that goes with the offer: what
// typing the password here means, against the browser's way.
func CreateTradeOff(p *i18n.Printer, host string) string { return p.Sprintf(i18n.CreateTradeOff, host) }

// SecurityPage names the page that lists a user's tokens, in the words of
// their Matomo: Administration → Personal → Security.
func SecurityPage(l Labels) string {
	return l.Name(KeyAdministration) + " → " + l.Name(KeyPersonal) + " → " + l.Name(KeySecurity)
}

// OrphanSentence asks for the tokens Matomo probably holds that nobody saw
// to be deleted, by their descriptions; "" when there are none.
func OrphanSentence(p *i18n.Printer, l Labels, orphans []string) string {
	if len(orphans) == 0 {
		return ""
	}
	q := make([]string, len(orphans))
	for i, o := range orphans {
		q[i] = quoted(p, o)
	}
	return p.Sprintf(i18n.CreateOrphans, strings.Join(q, ", "), SecurityPage(l), len(orphans))
}

// CodeRefused says what a refused two-factor code means and what to do:
// the token Matomo stored before it checked the code, named by its
// description, to be deleted, and the password and code again. given
// tells a wrong code from a missing one.
func CodeRefused(p *i18n.Printer, l Labels, description string, given bool) string {
	if given {
		return p.Sprintf(i18n.CreateCodeWrong, quoted(p, description), SecurityPage(l))
	}
	return p.Sprintf(i18n.CreateCodeMissing, quoted(p, description), SecurityPage(l))
}

// quoted is a token's description in the quotation marks of p's
// language, its characters as %q would let them through: no control
// character reaches the terminal.
func quoted(p *i18n.Printer, description string) string {
	inner := strconv.Quote(description)
	return p.Sprintf(i18n.CreateQuoted, strings.ReplaceAll(inner[1:len(inner)-1], `\"`, `"`))
}
