package matomo_test

import (
	"strings"
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

// TestTheSessionSpeaksGerman: the countdown toward Matomo's lock-out and
// the note a failed run leaves behind read in German for a German
// reader, in English by default.
func TestTheSessionSpeaksGerman(t *testing.T) {
	de := i18n.For("de")
	tc := sessionToken(t)
	var s matomo.Session
	for range 3 {
		s.RecordVerify(tc, nil, rejected())
	}
	s.RecordCreate("Acona 2026-12-02", nil, &matomo.Error{Class: matomo.ClassTwoFactor, TokenLeft: true})
	if got, want := de.Text(s.Countdown()), "Abgelehnte Token und Passwörter in dieser Sitzung: 4. Matomo sperrt diesen Computer "+
		"für bis zu eine Stunde, wenn es in einer Stunde mehr als 20 fehlgeschlagene Anmeldungen gab: Höchstens 17 weitere "+
		"dürfen abgelehnt werden, weniger, wenn dieser Computer andere fehlgeschlagene Anmeldungen hatte."; got != want {
		t.Errorf("German countdown\n%q, want\n%q", got, want)
	}
	if got := s.Countdown().String(); !strings.HasPrefix(got, "Rejected tokens and refused passwords in this session: 4.") {
		t.Errorf("English countdown %q", got)
	}
	want := []string{
		"✗ Matomo hat diesen Token abgelehnt [token_rejected]: 4 in dieser Sitzung abgelehnt, höchstens 17 weitere bis zur Sperre.",
		"  Kopieren Sie den ganzen Token noch einmal, oder erstellen Sie einen neuen, und starten Sie matomo-onboard dann noch einmal.",
		"  Matomo hat wahrscheinlich einen Token, den niemand gesehen hat, „Acona 2026-12-02“: Löschen Sie ihn unter Persönlich → Sicherheit.",
	}
	if got := s.EndNote(de); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("German end note\n%q, want\n%q", got, want)
	}
	if got := strings.Join(s.EndNote(nil), "\n"); !strings.Contains(got, `Matomo probably holds a token nobody saw, "Acona 2026-12-02"`) {
		t.Errorf("English end note %q", got)
	}
}

// TestRefusalsOfWhatWasTypedSpeakGerman: the refusals of an address, a
// token, a password and a field of the create form are errors whose
// English stays Error() and which a German Printer renders in German.
func TestRefusalsOfWhatWasTypedSpeakGerman(t *testing.T) {
	de := i18n.For("de")
	_, aerr := matomo.ParseAddress("https://exa mple.org")
	_, terr := matomo.ParseToken("")
	_, perr := matomo.ParsePassword("")
	_, ferr := matomo.CheckLogin("")
	for _, tc := range []struct {
		err    error
		en, de string
	}{
		{aerr, "The address contains a space. Addresses have no spaces; for example https://analytics.example.org or https://example.org/matomo.",
			"Die Adresse enthält ein Leerzeichen. Adressen haben keine Leerzeichen; zum Beispiel https://analytics.example.org oder https://example.org/matomo."},
		{terr, "the token is empty. Paste the token that Matomo showed you when you created it.",
			"Der Token ist leer. Fügen Sie den Token ein, den Matomo Ihnen beim Erstellen gezeigt hat."},
		{perr, "the password is empty. Type the password you log in to Matomo with.",
			"Das Passwort ist leer. Geben Sie das Passwort ein, mit dem Sie sich bei Matomo anmelden."},
		{ferr, "Type your Matomo login (user name) or the email address of your Matomo user.",
			"Geben Sie Ihren Matomo-Benutzernamen oder die E-Mail-Adresse Ihres Matomo-Benutzers ein."},
	} {
		if tc.err == nil {
			t.Fatalf("no error for %q", tc.en)
		}
		if got := tc.err.Error(); got != tc.en {
			t.Errorf("English %q, want %q", got, tc.en)
		}
		if got := de.Error(tc.err); got != tc.de {
			t.Errorf("German %q, want %q", got, tc.de)
		}
	}
}
