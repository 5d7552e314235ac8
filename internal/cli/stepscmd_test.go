package cli

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// stepsRun runs `matomo-onboard steps ARGS` in-process on the goldens' day.
func stepsRun(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := &Env{
		Stdin:      strings.NewReader(""),
		Stdout:     &out,
		Stderr:     &errOut,
		Getenv:     func(string) string { return "" },
		IsTerminal: func(any) bool { return false },
		Now:        func() time.Time { return time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC) },
	}
	code = c.Run(context.Background(), append([]string{"steps"}, args...))
	return code, out.String(), errOut.String()
}

// TestStepsPrintsTheChecklist checks that the command prints exactly the
// golden checklists of the steps package, for the same address and day.
func TestStepsPrintsTheChecklist(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		golden string
	}{
		{[]string{"--url", "analytics.example.org/matomo/index.php"}, "../../steps/testdata/checklist.txt.golden"},
		{[]string{"--url", "analytics.example.org/matomo/index.php", "--format", "text"}, "../../steps/testdata/checklist.txt.golden"},
		{[]string{"--format", "markdown", "--url", "analytics.example.org/matomo/index.php"}, "../../steps/testdata/checklist.md.golden"},
		{[]string{"--format=md", "--url=analytics.example.org/matomo/index.php"}, "../../steps/testdata/checklist.md.golden"},
	} {
		code, stdout, stderr := stepsRun(t, tc.args...)
		if code != exitOK {
			t.Fatalf("steps %v: exit %d, stderr:\n%s", tc.args, code, stderr)
		}
		want, err := os.ReadFile(tc.golden)
		if err != nil {
			t.Fatal(err)
		}
		if stdout != string(want) {
			t.Errorf("steps %v printed something other than %s:\n%s", tc.args, tc.golden, stdout)
		}
		// What was changed in the address is said on stderr, so that
		// stdout can go into a file or the clipboard unchanged.
		for _, note := range []string{
			"Note: Added https:// in front. Using https://analytics.example.org/matomo",
			`Note: Removed "index.php" from the end (the wizard adds it itself). Using https://analytics.example.org/matomo`,
		} {
			if !strings.Contains(stderr, note) {
				t.Errorf("steps %v: stderr lacks %q:\n%s", tc.args, note, stderr)
			}
		}
	}
}

func TestStepsQuietForACleanAddress(t *testing.T) {
	code, stdout, stderr := stepsRun(t, "--url", "https://matomo.example.com")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "https://matomo.example.com/index.php?module=UsersManager&action=addNewToken") {
		t.Errorf("no deep link for the given address:\n%s", stdout)
	}
}

func TestStepsTool(t *testing.T) {
	code, stdout, _ := stepsRun(t, "--url", "https://matomo.example.com", "--tool", "Looker Studio")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(stdout, "Looker Studio 2026-11-28") || strings.Contains(stdout, "API Key") {
		t.Errorf("--tool did not change the description and the paste advice:\n%s", stdout)
	}
}

func TestStepsUsageErrors(t *testing.T) {
	_, badAddr := matomo.ParseAddress("ftp://analytics.example.org")
	tokenLike := "60738be3c528633522be304dd89bbff8"
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no url", nil, "--url is required"},
		{"empty url", []string{"--url", " "}, "--url: Enter your Matomo address, for example https://analytics.example.org"},
		{"bad scheme", []string{"--url", "ftp://analytics.example.org"}, "--url: " + badAddr.Error() + "\n"},
		{"token as address", []string{"--url", tokenLike}, "Not run: --url holds what looks like a Matomo token"},
		{"unknown format", []string{"--url", "example.org", "--format", "html"}, `--format: unknown format "html": use text or markdown`},
		{"bad tool", []string{"--url", "example.org", "--tool", "a`b"}, "--tool: the tool name contains ` < or >"},
		{"token as argument", []string{"--url", "example.org", tokenLike}, "Not run: the command line holds what looks like a Matomo token"},
		{"argument", []string{"--url", "example.org", "extra"}, "steps takes only options (1 other argument given besides them)"},
		{"unknown flag", []string{"--url", "example.org", "--color"}, "unknown option (not repeated here). The options are --format, --lang, --matomo-lang, --matomo-version, --offline, --timeout, --tool, --url."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := stepsRun(t, tc.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if stdout != "" {
				t.Errorf("printed a checklist despite the error:\n%s", stdout)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, stderr)
			}
			if strings.Contains(stderr, tokenLike) {
				t.Errorf("stderr repeats a token-like argument:\n%s", stderr)
			}
		})
	}
}

func TestStepsHelp(t *testing.T) {
	code, stdout, stderr := stepsRun(t, "--help")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"Usage: matomo-onboard steps --url URL [--format text|markdown] [--tool NAME]", "-format", "-tool"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help lacks %q:\n%s", want, stdout)
		}
	}
}

// stepsRunEnv is stepsRun with environment variables.
func stepsRunEnv(t *testing.T, vars map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := &Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv:     func(k string) string { return vars[k] },
		IsTerminal: func(any) bool { return false },
		Now:        func() time.Time { return time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC) },
	}
	code = c.Run(context.Background(), append([]string{"steps"}, args...))
	return code, out.String(), errOut.String()
}

// TestStepsInTheLabelsOfTheCustomersMatomo: --matomo-lang de asks that
// Matomo once, without a token, and names its screens as it does, with
// the English of the text in brackets; stderr says so.
func TestStepsInTheLabelsOfTheCustomersMatomo(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{Version: "5.1.2"})
	defer srv.Close()
	code, stdout, stderr := stepsRun(t, "--url", srv.URL, "--matomo-lang", "de")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	text := strings.Join(strings.Fields(stdout), " ")
	for _, want := range []string{"Open Persönlich (Personal) → Sicherheit (Security)", `Click "Neuen Token generieren" (Create new token)`,
		`under "Persönlich" (Personal), choose "Sicherheit" (Security)`, `"Nur sichere Anfragen zulassen" (Only allow secure requests)`} {
		if !strings.Contains(text, want) {
			t.Errorf("the checklist lacks %q:\n%s", want, stdout)
		}
	}
	if want := "Labels: German, as " + strings.TrimPrefix(srv.URL, "http://") + " words them, with the English in brackets.\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
	if srv.RequestCount() != 1 {
		t.Fatalf("%d requests, want 1", srv.RequestCount())
	}
	r := srv.Requests()[0]
	if strings.Contains(r.Body, "token_auth") || strings.Contains(r.RawQuery, "token_auth") {
		t.Errorf("the labels request carried token_auth: %s?%s %s", r.Path, r.RawQuery, r.Body)
	}
}

// TestStepsLabelsFollowTheReadersLanguage: without --matomo-lang the
// labels follow --lang, then the locale; English asks nobody. The text
// follows the reader's language too: German text names German labels
// without brackets.
func TestStepsLabelsFollowTheReadersLanguage(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	_, stdout, _ := stepsRunEnv(t, map[string]string{"LANG": "de_DE.UTF-8"}, "--url", srv.URL)
	if !strings.Contains(stdout, "Persönlich → Sicherheit öffnen") || strings.Contains(stdout, "(Personal)") || srv.RequestCount() != 1 {
		t.Errorf("LANG=de_DE: %d requests\n%s", srv.RequestCount(), stdout)
	}
	_, stdout, _ = stepsRunEnv(t, map[string]string{"LANG": "de_DE.UTF-8"}, "--url", srv.URL, "--lang", "en")
	if strings.Contains(stdout, "Persönlich") || srv.RequestCount() != 1 {
		t.Errorf("--lang en over LANG=de_DE: %d requests\n%s", srv.RequestCount(), stdout)
	}
	_, stdout, _ = stepsRunEnv(t, map[string]string{"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, "--url", srv.URL, "--matomo-lang", "de")
	if !strings.Contains(stdout, "Persönlich (Personal)") || srv.RequestCount() != 2 {
		t.Errorf("--matomo-lang de with LC_ALL=C: %d requests\n%s", srv.RequestCount(), stdout)
	}
}

// TestStepsLabelsFallBack: offline, a Matomo that refuses the call, one
// that is not there: English with the built-in German in brackets, the
// reason on stderr, and the checklist all the same.
func TestStepsLabelsFallBack(t *testing.T) {
	refusing := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{NoLanguagesManager: true})
	defer refusing.Close()
	gone := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	gone.Close()
	for _, tc := range []struct {
		name   string
		args   []string
		stderr string
	}{
		{"offline", []string{"--url", refusing.URL, "--offline"}, "--offline: "},
		{"refused", []string{"--url", refusing.URL}, "sent no labels in that language (it sent none)"},
		{"gone", []string{"--url", gone.URL, "--timeout", "2s"}, "could not be asked for its own (Could not reach the server)"},
	} {
		code, stdout, stderr := stepsRun(t, append(tc.args, "--matomo-lang", "de")...)
		if code != exitOK {
			t.Fatalf("%s: exit %d\n%s", tc.name, code, stderr)
		}
		if !strings.Contains(stdout, "Open Personal (Persönlich) → Security (Sicherheit)") {
			t.Errorf("%s: not English with the German in brackets:\n%s", tc.name, stdout)
		}
		if !strings.HasPrefix(stderr, "Labels: English, with the German of Matomo 5.1 in brackets") || !strings.Contains(stderr, tc.stderr) {
			t.Errorf("%s: stderr %q, want it to contain %q", tc.name, stderr, tc.stderr)
		}
	}
	if refusing.RequestCount() != 1 {
		t.Errorf("%d requests to the refusing Matomo, want 1 (none offline)", refusing.RequestCount())
	}
	// A language Matomo does not have: said, with the ones it has.
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	_, stdout, stderr := stepsRun(t, "--url", srv.URL, "--matomo-lang", "xx")
	if !strings.Contains(stderr, "Labels: English: ") || !strings.Contains(stderr, "it has no xx; its languages: am, ar,") ||
		!strings.Contains(stdout, "Open Personal → Security") {
		t.Errorf("an unknown language: stderr %q\n%s", stderr, stdout)
	}
}

func TestStepsForOneVersion(t *testing.T) {
	code, stdout, _ := stepsRun(t, "--url", "https://matomo.example.com", "--matomo-version", "4.16")
	// Matomo 4's seven steps, then the checklist's two: entering the
	// token and what to send back.
	if code != exitOK || strings.Contains(stdout, "Only allow secure requests") || !strings.Contains(stdout, "\n7. Create the token") ||
		!strings.Contains(stdout, "\n8. Enter the token in Acona") || strings.Contains(stdout, "\n10. ") {
		t.Errorf("--matomo-version 4.16: exit %d\n%s", code, stdout)
	}
	code, _, stderr := stepsRun(t, "--url", "https://matomo.example.com", "--matomo-version", "latest")
	if code != exitUsage || !strings.Contains(stderr, `--matomo-version: "latest" is not a Matomo version`) {
		t.Errorf("--matomo-version latest: exit %d, %s", code, stderr)
	}
	// A language option's value that is no language is refused without
	// being repeated, like any bad value.
	for _, flag := range []string{"--matomo-lang", "--lang"} {
		code, _, stderr = stepsRun(t, "--url", "https://matomo.example.com", flag, "Deutsch")
		if code != exitUsage || !strings.Contains(stderr, flag+" needs a language code such as de, en, fr or pt-br") ||
			strings.Contains(stderr, "Deutsch") {
			t.Errorf("%s Deutsch: exit %d, %s", flag, code, stderr)
		}
	}
}

// TestRealStepsInGerman is the first check: against the real
// Matomo 5.1.2, --matomo-lang de names its screens as it does.
func TestRealStepsInGerman(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	code, stdout, stderr := stepsRun(t, "--url", in.URL, "--matomo-lang", "de")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"Persönlich", "Sicherheit", "Neuen Token generieren", "Nur sichere Anfragen zulassen"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the checklist lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.HasPrefix(stderr, "Labels: German, as "+in.Host()+" words them") {
		t.Errorf("stderr %q", stderr)
	}
}

// TestStepsBinaryChecklistSuggestsNothingRefused: the built binary's
// checklist for a plain-http Matomo, in both formats, tells the customer
// no command at all (they do not have this program, and a verify of that
// address would be refused without --allow-http); the support person
// reads on stderr what plain http means. Markdown has no backslash that a
// chat would show.
func TestStepsBinaryChecklistSuggestsNothingRefused(t *testing.T) {
	t.Parallel()
	for _, format := range []string{"text", "markdown"} {
		code, stdout, stderr, _ := runBinary(t, nil, "", "steps", "--url", "http://analytics.example.org/matomo", "--format", format)
		if code != exitOK {
			t.Fatalf("%s: exit %d; stderr:\n%s", format, code, stderr)
		}
		for _, not := range []string{"matomo-onboard", "--url", "--allow-http", `token\_auth`, `\_`} {
			if strings.Contains(stdout, not) {
				t.Errorf("%s: the checklist says %q:\n%s", format, not, stdout)
			}
		}
		for _, want := range []string{"http://analytics.example.org/matomo/index.php?module=UsersManager&action=addNewToken",
			"Send back the site's ID and the Matomo address, not the token", "Matomo address: http://analytics.example.org/matomo"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("%s: the checklist lacks %q:\n%s", format, want, stdout)
			}
		}
		if !strings.Contains(flatText(stderr), "Warning: http://analytics.example.org/matomo is plain http: a token sent there crosses the network unencrypted.") {
			t.Errorf("%s: stderr does not warn of plain http:\n%s", format, stderr)
		}
	}
}

// TestStepsBinaryInternationalName: links in the form DNS uses, the
// Unicode form beside the address, and a look-alike name flagged to the
// support person.
func TestStepsBinaryInternationalName(t *testing.T) {
	t.Parallel()
	code, stdout, stderr, _ := runBinary(t, nil, "", "steps", "--url", "https://\u0430nalytics.example.org")
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "Matomo:             https://xn--nalytics-06g.example.org (\u0430nalytics.example.org)\n") ||
		!strings.Contains(stdout, "https://xn--nalytics-06g.example.org/index.php?module=UsersManager&action=addNewToken") {
		t.Errorf("the checklist:\n%s", stdout)
	}
	if !strings.Contains(stderr, "Warning: The host name \u0430nalytics.example.org (xn--nalytics-06g.example.org) mixes Cyrillic and Latin letters") {
		t.Errorf("stderr does not flag the look-alike name:\n%s", stderr)
	}
}
