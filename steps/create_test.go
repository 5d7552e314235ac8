package steps

import (
	"testing"

	"matomo-onboard/internal/i18n"
)

// TestCreateSentencesInBothLanguages: the shared words of "create it for
// me" name the tokens to delete by description, one or many, on the page
// in the person's Matomo's words, in English and German.
func TestCreateSentencesInBothLanguages(t *testing.T) {
	de := Labels{Lang: "de", TextLang: "de"}
	for _, tc := range []struct{ got, want string }{
		{OrphanSentence(nil, Labels{}, []string{"Acona 2026-11-28"}),
			`Matomo probably holds a token nobody saw, "Acona 2026-11-28": delete it under Administration → Personal → Security.`},
		{OrphanSentence(nil, Labels{}, []string{"a", "b"}),
			`Matomo probably holds 2 tokens nobody saw ("a", "b"): delete them under Administration → Personal → Security.`},
		{OrphanSentence(i18n.For("de"), de, []string{"a", "b"}),
			`Matomo hat wahrscheinlich 2 Token, die niemand gesehen hat („a“, „b“): Löschen Sie sie unter Administration → Persönlich → Sicherheit.`},
		{OrphanSentence(nil, Labels{}, nil), ""},
		{CodeRefused(nil, Labels{}, "x", false), `Matomo needs your two-factor code. A token named "x" was probably created ` +
			`(Matomo checks the code only after creating it), and nobody was shown it: delete it under Administration → Personal → Security. ` +
			`Type the password again, then the code your app shows now.`},
		{CreateTradeOff(i18n.For("de"), "analytics.example.org"), "Das Passwort wird hier eingegeben und einmal gesendet, nur an analytics.example.org; " +
			"es wird nie gespeichert, protokolliert oder angezeigt. Die Schritte im Browser kommen ohne Ihr Passwort hier aus."},
	} {
		if tc.got != tc.want {
			t.Errorf("got  %q\nwant %q", tc.got, tc.want)
		}
	}
}
