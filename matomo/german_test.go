package matomo_test

import (
	"testing"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// classes are every error class the package returns.
var classes = []matomo.ErrorClass{
	matomo.ClassNetwork, matomo.ClassTimeout, matomo.ClassTLS, matomo.ClassNotMatomo, matomo.ClassRedirect,
	matomo.ClassTokenRejected, matomo.ClassNoAccess, matomo.ClassBlocked, matomo.ClassRateLimited,
	matomo.ClassServerError, matomo.ClassPlainHTTP, matomo.ClassCanceled, matomo.ClassPasswordRejected,
	matomo.ClassTwoFactor, matomo.ClassCreateInput, matomo.ClassCreateRefused,
}

// TestEveryClassHasAGermanTitle: the title of every class, and of the two
// lock-outs and the two-factor cases, reads in German for a German
// reader and stays the same English for --json and the report.
func TestEveryClassHasAGermanTitle(t *testing.T) {
	de := i18n.For("de")
	seen := map[string]matomo.ErrorClass{}
	for _, c := range classes {
		en, ger := c.Title().String(), de.Text(c.Title())
		if ger == "" || ger == en || en == "Something went wrong" {
			t.Errorf("%s: English %q, German %q", c, en, ger)
		}
		if other, ok := seen[ger]; ok {
			t.Errorf("%s and %s have the same German title %q", c, other, ger)
		}
		seen[ger] = c
	}
	for _, tc := range []struct {
		e      *matomo.Error
		en, de string
	}{
		{&matomo.Error{Class: matomo.ClassTokenRejected}, "Matomo rejected this token", "Matomo hat diesen Token abgelehnt"},
		{&matomo.Error{Class: matomo.ClassBlocked}, "Matomo has locked this computer out", "Matomo hat diesen Computer gesperrt"},
		{&matomo.Error{Class: matomo.ClassBlocked, UserLocked: true}, "Matomo has locked this user out", "Matomo hat diesen Benutzer gesperrt"},
		{&matomo.Error{Class: matomo.ClassTwoFactor, CodeGiven: true}, "Matomo did not accept the two-factor code",
			"Matomo hat den Code der Zwei-Faktor-Authentifizierung nicht angenommen"},
	} {
		if got := tc.e.Title().String(); got != tc.en {
			t.Errorf("%s: English %q, want %q", tc.e.Class, got, tc.en)
		}
		if got := de.Text(tc.e.Title()); got != tc.de {
			t.Errorf("%s: German %q, want %q", tc.e.Class, got, tc.de)
		}
	}
}
