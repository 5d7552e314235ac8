package cli

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
	"matomo-onboard/ui"
)

// German is what LANG=de_DE.UTF-8 asks for, with no flag: the usual
// environment of a German-speaking person.
var german = []string{"LANG=de_DE.UTF-8"}

// transcript runs the built binary and writes down what a person saw:
// the command, what went to stdout and stderr, and the exit code, with
// the fake Matomo's address (its port changes) written as FAKE.
func transcript(t *testing.T, env []string, stdin string, fakeURL string, args ...string) string {
	t.Helper()
	code, stdout, stderr, _ := runBinary(t, env, stdin, args...)
	var b strings.Builder
	b.WriteString("$ " + strings.Join(env, " ") + " matomo-onboard " + strings.Join(args, " ") + "\n")
	if stdout != "" {
		b.WriteString("--- stdout\n" + stdout)
	}
	if stderr != "" {
		b.WriteString("--- stderr\n" + stderr)
	}
	b.WriteString("--- exit " + strconv.Itoa(code) + "\n")
	out := b.String()
	if fakeURL != "" {
		out = strings.ReplaceAll(out, fakeURL, "http://FAKE")
	}
	return out
}

// TestGermanVerifyTranscripts keeps verify's text output in German, as
// the built binary writes it with LANG=de_DE.UTF-8, in
// testdata/de/verify.golden. The failure's title, detail and hint are
// package matomo's messages, in German too; Matomo's own words are
// quoted as they came.
func TestGermanVerifyTranscripts(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	var all strings.Builder
	for _, tc := range []struct {
		stdin string
		args  []string
	}{
		{demomatomo.TokenViewer + "\n", []string{"verify", "--url", srv.URL}},
		{demomatomo.TokenSuperUserSecure + "\n", []string{"verify", "--url", srv.URL, "--check-get"}},
		{"token_auth=" + demomatomo.TokenViewer + "\n", []string{"verify", "--url", srv.URL, "--insecure-skip-verify"}},
		{"0123456789abcdef0123456789abcdef\n", []string{"verify", "--url", srv.URL, "--site", "3"}},
		{"", []string{"verify", "--url", srv.URL}},
		{demomatomo.TokenViewer + "\n", []string{"verify"}},
		{"", []string{"verify", "--url", srv.URL, "--timeout", "0"}},
		{"", []string{"verify", "--url", srv.URL, "stray"}},
		{"", []string{"verify", "--url", srv.URL, "--json=maybe"}},
	} {
		all.WriteString(transcript(t, german, tc.stdin, srv.URL, tc.args...) + "\n")
	}
	goldenFile(t, filepath.Join("testdata", "de", "verify.golden"), all.String())
}

// TestGermanStepsAndDemoServerTranscripts: the checklist's notes on
// stderr and demo-server's refusals, in German.
func TestGermanStepsAndDemoServerTranscripts(t *testing.T) {
	t.Parallel()
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{Version: "5.1.2"})
	t.Cleanup(srv.Close)
	var all strings.Builder
	for _, tc := range []struct {
		keepStdout bool
		args       []string
	}{
		{false, []string{"steps", "--url", srv.URL}},
		{false, []string{"steps", "--url", strings.TrimPrefix(srv.URL, "http://") + "/index.php", "--offline"}},
		{false, []string{"steps", "--url", srv.URL, "--matomo-lang", "en", "--offline"}},
		{false, []string{"steps", "--url", srv.URL, "--matomo-lang", "fr"}},
		{true, []string{"steps", "--url", srv.URL, "--format", "pdf"}},
		{true, []string{"steps", "--url", srv.URL, "--tool", "a`b"}},
		{true, []string{"steps", "--url", srv.URL, "--matomo-version", "neu"}},
		{true, []string{"steps"}},
		{true, []string{"demo-server", "--sites", "-1"}},
		{true, []string{"demo-server", "--addr", "8089"}},
		{true, []string{"demo-server", "--latency", "-1s"}},
	} {
		code, stdout, stderr, _ := runBinary(t, german, "", tc.args...)
		var b strings.Builder
		b.WriteString("$ LANG=de_DE.UTF-8 matomo-onboard " + strings.Join(tc.args, " ") + "\n")
		switch {
		case tc.keepStdout && stdout != "":
			b.WriteString("--- stdout\n" + stdout)
		case stdout != "":
			// The checklist itself is steps' golden files' (steps/testdata).
			b.WriteString("--- stdout: the checklist, " + firstLine(stdout) + "\n")
		}
		b.WriteString("--- stderr\n" + stderr + "--- exit " + strconv.Itoa(code) + "\n\n")
		all.WriteString(strings.ReplaceAll(b.String(), strings.TrimPrefix(srv.URL, "http://"), "FAKE"))
	}
	goldenFile(t, filepath.Join("testdata", "de", "steps-demo-server.golden"), all.String())
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// TestGermanHelpForEveryCommand keeps each command's help in German in
// testdata/de/help-<command>.golden, and checks that no option's help is
// its English unchanged: an option added with English help only fails
// here (or goes on notYetInGerman, to be said in German soon).
func TestGermanHelpForEveryCommand(t *testing.T) {
	t.Parallel()
	notYetInGerman := map[string]bool{} // "command --option"
	for _, cmd := range commands() {
		name := cmd.name
		if name == "" {
			name = "wizard"
		}
		code, stdout, stderr, _ := runBinary(t, german, "", cmdArgs(cmd, "--help")...)
		if code != exitOK || stderr != "" {
			t.Errorf("%s --help: exit %d, stderr %q", name, code, stderr)
		}
		if !strings.Contains(stdout, "Aufruf:") {
			t.Errorf("%s --help is not in German:\n%s", name, stdout)
		}
		goldenFile(t, filepath.Join("testdata", "de", "help-"+name+".golden"), stdout)
		en, de := cmd.flagSet(cmd.options(), i18n.English()), cmd.flagSet(cmd.options(), i18n.For("de"))
		en.VisitAll(func(f *flag.Flag) {
			if de.Lookup(f.Name).Usage == f.Usage && !notYetInGerman[name+" --"+f.Name] {
				t.Errorf("%s --%s: its help is English in German: %q", name, f.Name, f.Usage)
			}
		})
	}
}

// TestHelpIsTheFlagPackagesInEnglish: help writes the options itself, to
// write them in German; in English it writes exactly what the flag
// package's PrintDefaults does.
func TestHelpIsTheFlagPackagesInEnglish(t *testing.T) {
	for _, cmd := range commands() {
		fs := cmd.flagSet(cmd.options(), i18n.English())
		var want, got bytes.Buffer
		fs.SetOutput(&want)
		fs.PrintDefaults()
		printDefaults(&got, fs, i18n.English())
		if got.String() != want.String() {
			t.Errorf("%s: help's options\n%s\nthe flag package's\n%s", cmd.title(), got.String(), want.String())
		}
	}
}

// TestTheLanguageIsChosenAsLocalesAre: the catalogue's language for the
// whole run comes from --lang, else LC_ALL, LC_MESSAGES, LANG, English by
// default; a language it has no text in is English (Matomo's labels still
// follow it, see the steps tests).
func TestTheLanguageIsChosenAsLocalesAre(t *testing.T) {
	t.Parallel()
	const en, de = "--url is required.", "--url ist erforderlich."
	for _, tc := range []struct {
		env  []string
		args []string
		want string
	}{
		{nil, nil, en},
		{[]string{"LANG=de_DE.UTF-8"}, nil, de},
		{[]string{"LANG=de_AT.UTF-8"}, nil, de},
		{[]string{"LANG=de_DE.UTF-8", "LC_ALL=C"}, nil, en},
		{[]string{"LANG=C", "LC_MESSAGES=de_CH.UTF-8"}, nil, de},
		{[]string{"LANG=fr_FR.UTF-8"}, nil, en},
		{[]string{"LANG=de_DE.UTF-8"}, []string{"--lang", "en"}, en},
		{[]string{"LANG=de_DE.UTF-8"}, []string{"--lang=fr"}, en},
		{nil, []string{"--lang", "de"}, de},
		{nil, []string{"-lang=DE"}, de},
		// A --lang that is no language is refused, in the environment's
		// language.
		{[]string{"LANG=de_DE.UTF-8"}, []string{"--lang", "Klingonisch!"}, "--lang braucht einen Sprachcode"},
	} {
		_, _, stderr, _ := runBinary(t, tc.env, "", append([]string{"verify"}, tc.args...)...)
		if !strings.Contains(stderr, tc.want) {
			t.Errorf("%v %v: stderr lacks %q:\n%s", tc.env, tc.args, tc.want, stderr)
		}
	}
}

// TestALanguageThatIsNoneIsNeverRepeated: every command takes --lang and
// refuses a value that is no language without repeating it, in either
// language.
func TestALanguageThatIsNoneIsNeverRepeated(t *testing.T) {
	t.Parallel()
	const typed = "Deutsch-bitte"
	for _, cmd := range commands() {
		for _, env := range [][]string{nil, german} {
			args := cmdArgs(cmd, "--lang", typed)
			code, stdout, stderr, _ := runBinary(t, env, "", args...)
			if code != exitUsage || strings.Contains(stdout+stderr, typed) || !strings.Contains(stderr, "--lang") {
				t.Errorf("%v %v: exit %d, stdout %q, stderr %q", env, args, code, stdout, stderr)
			}
		}
	}
}

// TestJSONAndTheReportStayEnglishInGerman: support reads --json and the
// diagnostics report, and scripts parse --json: with LANG=de_DE.UTF-8
// both are what they are in English, this program's own words included.
func TestJSONAndTheReportStayEnglishInGerman(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	for _, tc := range []struct {
		stdin string
		args  []string
	}{
		{demomatomo.TokenViewer + "\n", []string{"--insecure-skip-verify"}},
		{"", nil},
		{"0123456789abcdef0123456789abcdef\n", []string{"--check-get", "--site", "3"}},
	} {
		args := append([]string{"verify", "--url", srv.URL, "--json"}, tc.args...)
		_, enOut, _, _ := runBinary(t, nil, tc.stdin, args...)
		_, deOut, _, _ := runBinary(t, german, tc.stdin, args...)
		if deOut != enOut {
			t.Errorf("%v: the JSON differs in German:\n%s\nEnglish:\n%s", tc.args, deOut, enOut)
		}
		if tc.stdin == "" && !strings.Contains(deOut, `"detail": "no token: MATOMO_TOKEN_AUTH is empty`) {
			t.Errorf("the JSON's detail is not verify's English:\n%s", deOut)
		}
	}
	// The report of a failure of verify's own: its words English too.
	_, _, stderr, dir := runBinary(t, german, "", "verify", "--url", srv.URL, "--report", ".")
	if !strings.Contains(stderr, "Diagnosebericht in diese Datei geschrieben") {
		t.Fatalf("no report written:\n%s", stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "matomo-onboard-report-*.txt"))
	if len(files) != 1 {
		t.Fatalf("report files: %v", files)
	}
	report, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(report), "no token: MATOMO_TOKEN_AUTH is empty") || strings.Contains(string(report), "Kein Token") {
		t.Errorf("the report is not English:\n%s", report)
	}
}

// goldenFile compares got with the file at path, or rewrites it with
// -update.
func goldenFile(t *testing.T, path, got string) {
	t.Helper()
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./internal/cli -run %s -update writes it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs (go test ./internal/cli -run %s -update rewrites it after a deliberate change)\n--- got\n%s",
			path, t.Name(), got)
	}
}

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestTheWizardsSummaryInGerman: what the wizard leaves in the scrollback
// once its screen is gone is in the person's language.
func TestTheWizardsSummaryInGerman(t *testing.T) {
	var out bytes.Buffer
	c := &Env{Stdout: &out, Stderr: &out, IsTerminal: func(any) bool { return false }, p: i18n.For("de")}
	c.printOutcome(ui.Outcome{Verified: true, Address: mustParseAddress(t, "https://analytics.example.org"), Version: "5.1.2",
		Site: &matomo.Site{ID: 12345, Name: "Lindenhof Webshop", URL: "https://shop.example.de"}, SuperUser: true,
		SavedTo: "/home/lena/matomo-token.txt"})
	want := "✓ Token geprüft mit https://analytics.example.org (Matomo 5.1.2).\n" +
		"  Website-ID 12345: Lindenhof Webshop (https://shop.example.de)\n" +
		"  ! Der Token eines Hauptadministrators: Verwenden Sie für eine Integration\n" +
		"    einen Benutzer mit reinem Ansichtszugriff.\n" +
		"  Der Token ist gespeichert in /home/lena/matomo-token.txt (nur Sie können die\n" +
		"    Datei lesen); löschen Sie die Datei, sobald der Token dort gespeichert ist,\n" +
		"    wo er hingehört.\n"
	if out.String() != want {
		t.Errorf("the summary:\n%s\nwant\n%s", out.String(), want)
	}
}

func mustParseAddress(t *testing.T, raw string) matomo.Address {
	t.Helper()
	a, err := matomo.ParseAddress(raw)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestGermanAccessibleTranscripts keeps the line mode in German, as the
// built binary writes it with LANG=de_DE.UTF-8 and its answers piped in,
// in testdata/de/accessible.golden: a whole session answered with German
// words, and one whose token Matomo rejects.
func TestGermanAccessibleTranscripts(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{})
	var all strings.Builder
	for _, answers := range [][]string{
		{"", "token", demomatomo.TokenViewer, "prüfen", "2", "fertig", "fertig"},
		{"", "token", demomatomo.TokenUnknown, "", "schritte", "beenden"},
	} {
		all.WriteString(transcript(t, german, strings.Join(answers, "\n")+"\n", srv.URL, "--accessible", "--url", srv.URL) + "\n")
	}
	for _, tok := range []string{demomatomo.TokenViewer, demomatomo.TokenUnknown} {
		if strings.Contains(all.String(), tok) {
			t.Errorf("the transcript shows a token")
		}
	}
	got := strings.ReplaceAll(all.String(), strings.TrimPrefix(srv.URL, "http://"), "FAKE")
	goldenFile(t, filepath.Join("testdata", "de", "accessible.golden"), got)
}
