package steps

import (
	"fmt"
	"strconv"
	"strings"
)

// The words of "create it for me" (the token made from the login and
// password) that the wizard and the line mode share.

// CreateTradeOff is the one honest sentence that goes with the offer: what
// typing the password here means, against the browser's way.
func CreateTradeOff(host string) string {
	return fmt.Sprintf("The password is typed here and sent once, only to %s; it is never kept, logged or shown. "+
		"The steps in the browser avoid typing it here.", host)
}

// SecurityPage names the page that lists a user's tokens, in the words of
// their Matomo: Administration → Personal → Security.
func SecurityPage(l Labels) string {
	return l.Name(KeyAdministration) + " → " + l.Name(KeyPersonal) + " → " + l.Name(KeySecurity)
}

// OrphanSentence asks for the tokens Matomo probably holds that nobody saw
// to be deleted, by their descriptions; "" when there are none.
func OrphanSentence(l Labels, orphans []string) string {
	switch len(orphans) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("Matomo probably holds a token nobody saw, %q: delete it under %s.", orphans[0], SecurityPage(l))
	}
	q := make([]string, len(orphans))
	for i, o := range orphans {
		q[i] = strconv.Quote(o)
	}
	return fmt.Sprintf("Matomo probably holds %d tokens nobody saw (%s): delete them under %s.", len(orphans), strings.Join(q, ", "), SecurityPage(l))
}

// CodeRefused says what a refused two-factor code means and what to do:
// the token Matomo stored before it checked the code, named by its
// description, to be deleted, and the password and code again. given
// tells a wrong code from a missing one.
func CodeRefused(l Labels, description string, given bool) string {
	if given {
		return fmt.Sprintf("Matomo did not take the two-factor code (each code works once, for about a minute). "+
			"A token named %q was probably created (Matomo checks the code only after creating it), and nobody was shown it: "+
			"delete it under %s. Type the password again, then the code your app shows now.", description, SecurityPage(l))
	}
	return fmt.Sprintf("Matomo needs your two-factor code. A token named %q was probably created "+
		"(Matomo checks the code only after creating it), and nobody was shown it: delete it under %s. "+
		"Type the password again, then the code your app shows now.", description, SecurityPage(l))
}
