package accessible

import (
	"errors"
	"strings"
	"testing"

	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo/demomatomo"
)

// TestLineModeNamesMatomosScreensInItsLanguage: the same labels as the
// wizard, from the same one request after the check.
func TestLineModeNamesMatomosScreensInItsLanguage(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{Version: "5.1.2"})
	tr := run(t, Config{URL: srv.URL, LabelLang: "de"}, "", "", "", "", "quit")
	tr.has(t,
		"Also asked it, without a token, for its labels in Deutsch (German): the steps name its screens as it shows them, with the English in brackets.",
		"Step 3 of 8: Open Persönlich (Personal) → Sicherheit (Security)\n",
		`In the left menu of Administration, under "Persönlich" (Personal), choose "Sicherheit" (Security).`,
		`Step 4 of 8: Click "Neuen Token generieren" (Create new token)`,
		"8 language (of Matomo's labels: Deutsch (German))",
	)
	if srv.RequestCount() != 2 {
		t.Errorf("%d requests, want 2 (the check and the labels, both without a token)", srv.RequestCount())
	}
}

// TestLineModeAsksTheVersionOnce: the first step asks; an answer writes
// the steps for that version and goes on; an exact version is read too.
func TestLineModeAsksTheVersionOnce(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "4", "b", "5.1.2", "quit")
	tr.has(t,
		"Which Matomo version is it? The steps then show only what yours has",
		"Choice [1 next]: 4\nThe steps are now for Matomo 4: 7 steps.\n\nStep 2 of 7: Open Administration\n",
		"You said Matomo 4: the steps show what it has. Answer 3, 4, 5 or 6 to change it.",
		"Choice [1 next]: 5.1.2\nThe steps are now for Matomo 5.0 to 5.3: 8 steps.\n",
	)
	tr = run(t, Config{URL: srv.URL}, "", "3", "", "", "quit")
	tr.has(t, "Step 3 of 4: Open Platform → API\n", "Link: "+srv.URL+"/index.php?module=API&action=listAllAPI\n",
		"Step 4 of 4: Copy your token\n")
	tr.lacks(t, "Security")
}

// TestLineModeTakesTheVersionMatomoTold: with anonymous view Matomo says
// its version, and nothing is asked.
func TestLineModeTakesTheVersionMatomoTold(t *testing.T) {
	data := demomatomo.Recorded()
	data.AnonymousView = []int{2}
	srv := startFake(t, data, demomatomo.Options{Version: "4.16.1", Legacy: true})
	tr := run(t, Config{URL: srv.URL}, "", "quit")
	tr.has(t, "Step 1 of 7: Log in to Matomo\n", "Matomo 4.16.1 told its version: the steps show what it has.\n",
		"Answers: 1 next (step 2, Enter), 2 back (the address), 3 token (I already have a token), 4 language")
	tr.lacks(t, "Which Matomo version is it?")
}

// TestLineModeLanguageChoice: language lists the Matomo's languages;
// one chosen is asked for once.
func TestLineModeLanguageChoice(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "language", "klingon", "de", "", "", "quit")
	tr.has(t,
		"Your Matomo has these languages: am አማርኛ (Amharic), ",
		", de Deutsch (German), ",
		`"klingon" is not one of its languages. Type a code from the list, such as de or en.`,
		"Asking "+srv.URL+", without a token, for its labels in Deutsch (German)…\n",
		"Step 3 of 8: Open Persönlich (Personal) → Sicherheit (Security)\n",
	)
	if srv.RequestCount() != 3 {
		t.Errorf("%d requests, want 3 (the check, its labels, the German ones)", srv.RequestCount())
	}
}

// TestLineModeFallsBackWhenMatomoRefusesTheLabels: English, with the
// built-in German in brackets, said plainly.
func TestLineModeFallsBackWhenMatomoRefusesTheLabels(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{NoLanguagesManager: true})
	tr := run(t, Config{URL: srv.URL, LabelLang: "de"}, "", "", "", "quit")
	if !errors.Is(tr.err, ErrQuit) {
		t.Fatalf("err %v", tr.err)
	}
	tr.has(t,
		"Its labels in Deutsch (German) did not come back, so the steps name its screens in English, with the Deutsch (German) of Matomo 5.1 in brackets.",
		"Step 3 of 8: Open Personal (Persönlich) → Security (Sicherheit)\n",
	)
	tr.lacks(t, "Problem:", "language (")
}

// TestRealLineModeInGerman: the real Matomo 5.1.2's German labels.
func TestRealLineModeInGerman(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	tr := run(t, Config{URL: in.URL, LabelLang: "de"}, "", "", "", "", "quit")
	for _, want := range []string{"Persönlich", "Sicherheit", "Neuen Token generieren"} {
		if !strings.Contains(tr.out, want) {
			t.Errorf("the line mode does not name %q", want)
		}
	}
	tr.has(t, "Step 3 of 8: Open Persönlich (Personal) → Sicherheit (Security)\n")
}
