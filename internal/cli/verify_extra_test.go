package cli

// Tests of verify --check-get and verify --report. The helpers here have
// their own names so that this file does not depend on verify_test.go.

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// watchedBuffer is a buffer that can tell, at the moment something is
// written, what the fake Matomo had received by then.
type watchedBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	onWrite func(p []byte)
}

func (l *watchedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.onWrite != nil {
		l.onWrite(p)
	}
	return l.b.Write(p)
}

func (l *watchedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

type verifyRunResult struct {
	code           int
	stdout, stderr string
}

// runVerifyWith runs "matomo-onboard verify ARGS" in-process with the token
// on standard input, as a script would.
func runVerifyWith(t *testing.T, stdin string, stderr *watchedBuffer, args ...string) verifyRunResult {
	t.Helper()
	var out bytes.Buffer
	if stderr == nil {
		stderr = &watchedBuffer{}
	}
	c := &Env{
		Stdin:      strings.NewReader(stdin),
		Stdout:     &out,
		Stderr:     stderr,
		Getenv:     func(string) string { return "" },
		IsTerminal: func(any) bool { return false },
	}
	code := c.Run(context.Background(), append([]string{"verify"}, args...))
	return verifyRunResult{code: code, stdout: out.String(), stderr: stderr.String()}
}

func decodeVerifyJSON(t *testing.T, stdout string) verifyOutput {
	t.Helper()
	var out verifyOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("no JSON document on stdout: %v\n%s", err, stdout)
	}
	return out
}

// tokenPlaces lists where the fake Matomo saw the token, one entry per
// request: "POST body", "GET query", and any other place spelled out.
func tokenPlaces(srv *demomatomo.Server, token string) []string {
	var places []string
	for _, r := range srv.Requests() {
		var where []string
		if strings.Contains(r.Body, token) {
			form, err := url.ParseQuery(r.Body)
			if err == nil && form.Get("token_auth") == token && r.Method == http.MethodPost {
				where = append(where, "POST body")
			} else {
				where = append(where, r.Method+" body (not as token_auth)")
			}
		}
		if strings.Contains(r.RawQuery, token) {
			q, err := url.ParseQuery(r.RawQuery)
			if err == nil && q.Get("token_auth") == token && r.Method == http.MethodGet {
				where = append(where, "GET query")
			} else {
				where = append(where, r.Method+" query (not as token_auth)")
			}
		}
		if strings.Contains(r.Path, token) {
			where = append(where, "path")
		}
		for name, vals := range r.Header {
			if strings.Contains(strings.Join(vals, " "), token) {
				where = append(where, "header "+name)
			}
		}
		places = append(places, strings.Join(where, "+"))
	}
	return places
}

func wantPlaces(t *testing.T, srv *demomatomo.Server, token string, want ...string) {
	t.Helper()
	got := tokenPlaces(srv, token)
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("the fake saw the token in %q, want %q", got, want)
	}
}

func TestVerifyCheckGETWithASecureOnlyToken(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	// The warning must be on stderr before the token goes into a URL: when
	// it is written, the fake has seen the verification request only.
	seenAtWarning := -1
	stderr := &watchedBuffer{}
	stderr.onWrite = func(p []byte) {
		if bytes.Contains(p, []byte(matomo.GETCheckWarning().String())) {
			seenAtWarning = srv.RequestCount()
		}
	}
	r := runVerifyWith(t, demomatomo.TokenSuperUserSecure+"\n", stderr, "--url", srv.URL, "--check-get")
	if r.code != exitOK {
		t.Fatalf("exit %d, want 0 (the token is verified; only URL tools fail)\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if seenAtWarning != 1 {
		t.Errorf("the warning was printed after %d requests, want after exactly 1 (before the URL check)", seenAtWarning)
	}
	for _, want := range []string{
		"✓ Token verified",
		"Tools that put the token in a URL (--check-get):",
		"✗ Tools that put the token in a URL (…&token_auth=…) will NOT work with this",
		"it is secure-only",
		`"Only allow secure requests" unticked`,
		"Create such a token here: " + srv.URL + "/index.php?module=UsersManager&action=addNewToken",
		"2 HTTP requests sent.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	wantPlaces(t, srv, demomatomo.TokenSuperUserSecure, "POST body", "GET query")

	srv.ResetRequests()
	r = runVerifyWith(t, demomatomo.TokenSuperUserSecure, nil, "--url", srv.URL, "--check-get", "--json")
	out := decodeVerifyJSON(t, r.stdout)
	g := out.GETCheck
	if r.code != exitOK || g == nil || !g.Ran || g.Works || !g.SecureOnly || out.HTTPRequests != 2 || out.ExitCode != 0 {
		t.Fatalf("exit %d, get_check %+v, http_requests %d:\n%s", r.code, g, out.HTTPRequests, r.stdout)
	}
	if !strings.Contains(g.MatomoMessage, "sent as a POST parameter") || !strings.Contains(g.Summary, "will NOT work") ||
		g.NewTokenURL != srv.URL+"/index.php?module=UsersManager&action=addNewToken" {
		t.Errorf("get_check = %+v", g)
	}
	if !strings.Contains(r.stderr, matomo.GETCheckWarning().String()) {
		t.Errorf("with --json the warning still goes to stderr; stderr:\n%s", r.stderr)
	}
}

func TestVerifyCheckGETWithANormalToken(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	r := runVerifyWith(t, demomatomo.TokenViewer, nil, "--url", srv.URL, "--check-get")
	if r.code != exitOK || !strings.Contains(r.stdout, "✓ Tools that put the token in a URL (…&token_auth=…) will work with this") {
		t.Fatalf("exit %d; stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if strings.Contains(r.stdout, "Create such a token") {
		t.Errorf("a token that works in URLs needs no new token:\n%s", r.stdout)
	}
	wantPlaces(t, srv, demomatomo.TokenViewer, "POST body", "GET query")

	srv.ResetRequests()
	r = runVerifyWith(t, demomatomo.TokenViewer, nil, "--url", srv.URL, "--check-get", "--json")
	out := decodeVerifyJSON(t, r.stdout)
	if g := out.GETCheck; g == nil || !g.Ran || !g.Works || g.SecureOnly || g.NewTokenURL != "" || out.HTTPRequests != 2 {
		t.Errorf("get_check = %+v, http_requests %d", g, out.HTTPRequests)
	}
}

func TestVerifyPutsTheTokenInAURLOnlyWithCheckGET(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	for _, tok := range []string{demomatomo.TokenViewer, demomatomo.TokenSuperUserSecure, demomatomo.TokenWriter} {
		srv.ResetRequests()
		r := runVerifyWith(t, tok, nil, "--url", srv.URL, "--json")
		out := decodeVerifyJSON(t, r.stdout)
		if r.code != exitOK || out.GETCheck != nil || out.HTTPRequests != 1 || strings.Contains(r.stdout, "get_check") {
			t.Errorf("without --check-get: exit %d, get_check %+v, http_requests %d", r.code, out.GETCheck, out.HTTPRequests)
		}
		if strings.Contains(r.stderr, matomo.GETCheckWarning().String()) {
			t.Errorf("without --check-get the URL-check warning was printed:\n%s", r.stderr)
		}
		wantPlaces(t, srv, tok, "POST body")
	}
}

func TestVerifyCheckGETRunsOnlyAfterASuccessfulVerify(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	for _, tc := range []struct {
		token string
		code  int
	}{{demomatomo.TokenUnknown, exitRejected}, {demomatomo.TokenNoAccess, exitNoAccess}, {demomatomo.TokenViewerExpired, exitRejected}} {
		srv.ResetRequests()
		r := runVerifyWith(t, tc.token, nil, "--url", srv.URL, "--check-get", "--json")
		out := decodeVerifyJSON(t, r.stdout)
		if r.code != tc.code || out.GETCheck == nil || out.GETCheck.Ran || out.HTTPRequests != 1 {
			t.Errorf("exit %d (want %d), get_check %+v, http_requests %d", r.code, tc.code, out.GETCheck, out.HTTPRequests)
		}
		if strings.Contains(r.stderr, matomo.GETCheckWarning().String()) {
			t.Errorf("the warning was printed although the check did not run:\n%s", r.stderr)
		}
		wantPlaces(t, srv, tc.token, "POST body")

		r = runVerifyWith(t, tc.token, nil, "--url", srv.URL, "--check-get")
		if !strings.Contains(r.stderr, "URL check (--check-get): Not run") {
			t.Errorf("the summary does not say the URL check was skipped:\n%s", r.stderr)
		}
	}
}

func TestVerifyCheckGETThatCannotComplete(t *testing.T) {
	// Matomo answers the POST, but the GET check meets a maintenance page.
	fake := demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		fake.ServeHTTP(w, r)
	}))
	defer ts.Close()
	r := runVerifyWith(t, demomatomo.TokenViewer, nil, "--url", ts.URL, "--check-get", "--json")
	out := decodeVerifyJSON(t, r.stdout)
	g := out.GETCheck
	if r.code != exitServer || !out.Verified || g == nil || !g.Ran || g.Error == nil || g.Error.Class != matomo.ClassServerError || out.ExitCode != exitServer {
		t.Fatalf("exit %d, verified %v, get_check %+v:\n%s", r.code, out.Verified, g, r.stdout)
	}
	r = runVerifyWith(t, demomatomo.TokenViewer, nil, "--url", ts.URL, "--check-get")
	if !strings.Contains(r.stdout, "✗ The URL check could not be completed") || !strings.Contains(r.stderr, "[server_error]") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
}

func reportFileMode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func TestVerifyReportOnSuccessAndFailure(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	dir := t.TempDir()
	cases := []struct {
		name, token string
		args        []string
		code        int
		want        []string
	}{
		{"verified", demomatomo.TokenWriter, nil, exitOK,
			[]string{"Outcome:            verified", "Sites:              2 (1 admin, 1 write, 0 view)", "ends …8295", "token in the POST body"}},
		{"verified with URL check", demomatomo.TokenSuperUserSecure, []string{"--check-get"}, exitOK,
			[]string{"Outcome:            verified", "URL check (token sent once in a URL", "will NOT work", "Request 2 of 2: URL check"}},
		{"rejected", demomatomo.TokenUnknown, nil, exitRejected,
			[]string{"FAILED at the token check: token_rejected", "HTTP status:        401", "Unable to authenticate"}},
		{"no site", demomatomo.TokenNoAccess, nil, exitNoAccess,
			[]string{"FAILED at the token check: no_access"}},
		// The later --url wins: an address with index.php, to see its note.
		{"notes on address and token", demomatomo.TokenViewer + "x", []string{"--url", srv.URL + "/index.php"}, exitRejected,
			[]string{`Note:               Removed "index.php" from the end`, "Note:               It is 33 characters long"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-")+".txt")
			args := append([]string{"--url", srv.URL, "--report", path}, tc.args...)
			r := runVerifyWith(t, tc.token, nil, args...)
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d\n%s\n%s", r.code, tc.code, r.stdout, r.stderr)
			}
			if want := "Diagnostics report written to this file (only you can read it; it does not contain the token):\n" + path + "\n"; !strings.Contains(r.stderr, want) {
				t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
			}
			if m := reportFileMode(t, path); m != 0o600 {
				t.Errorf("report mode %v, want -rw-------", m)
			}
			b, _ := os.ReadFile(path)
			for _, want := range tc.want {
				if !strings.Contains(string(b), want) {
					t.Errorf("report lacks %q:\n%s", want, b)
				}
			}
			for name, s := range map[string]string{"report": string(b), "stdout": r.stdout, "stderr": r.stderr} {
				if strings.Contains(s, tc.token) {
					t.Errorf("the token is in the %s", name)
				}
			}

			r = runVerifyWith(t, tc.token, nil, append(args, "--json")...)
			if out := decodeVerifyJSON(t, r.stdout); out.Report != path || out.ReportError != "" || out.ExitCode != tc.code {
				t.Errorf("JSON report %q, report_error %q, exit_code %d", out.Report, out.ReportError, out.ExitCode)
			}
		})
	}
}

func TestVerifyReportTightensAnExistingFileAndFillsAFolder(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	dir := t.TempDir()
	path := filepath.Join(dir, "old.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runVerifyWith(t, demomatomo.TokenViewer, nil, "--url", srv.URL, "--report", path); r.code != exitOK {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if m := reportFileMode(t, path); m != 0o600 {
		t.Errorf("an existing world-readable report file kept mode %v, want -rw-------", m)
	}

	sub := filepath.Join(dir, "reports")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	r := runVerifyWith(t, demomatomo.TokenViewer, nil, "--url", srv.URL, "--report", sub, "--json")
	out := decodeVerifyJSON(t, r.stdout)
	if filepath.Dir(out.Report) != sub || !strings.HasPrefix(filepath.Base(out.Report), "matomo-onboard-report-") {
		t.Fatalf("a folder should get a timestamped file inside it; report = %q", out.Report)
	}
	if m := reportFileMode(t, out.Report); m != 0o600 {
		t.Errorf("mode %v, want -rw-------", m)
	}
}

func TestVerifyReportThatCannotBeWritten(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.Recorded(), demomatomo.Options{})
	defer srv.Close()
	missing := filepath.Join(t.TempDir(), "no-such-folder", "report.txt")
	r := runVerifyWith(t, demomatomo.TokenViewer, nil, "--url", srv.URL, "--report", missing)
	if r.code != exitFailure {
		t.Fatalf("exit %d, want %d", r.code, exitFailure)
	}
	// The outcome is printed first, then what went wrong with the file.
	if !strings.Contains(r.stdout, "✓ Token verified") {
		t.Errorf("the verification outcome is missing:\n%s", r.stdout)
	}
	want := "✗ Cannot write the report to " + missing + ": no such file or directory."
	if !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "Choose a place you can write to") {
		t.Errorf("stderr lacks %q and a way forward:\n%s", want, r.stderr)
	}

	r = runVerifyWith(t, demomatomo.TokenViewer, nil, "--url", srv.URL, "--report", missing, "--json")
	out := decodeVerifyJSON(t, r.stdout)
	if r.code != exitFailure || out.ExitCode != exitFailure || !out.Verified || out.Report != "" ||
		!strings.Contains(out.ReportError, "no such file or directory") {
		t.Errorf("exit %d, JSON %+v", r.code, out)
	}
}

// A canary token through verify --check-get --report: it may be only in the
// POST body of the verification and in the URL of the consented GET check,
// and nowhere in what verify prints or writes.
func TestVerifyCanaryWithCheckGETAndReport(t *testing.T) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	canary := hex.EncodeToString(b)
	for _, tc := range []struct {
		name   string
		token  demomatomo.Token
		places []string
	}{
		{"works in URLs", demomatomo.Token{Value: canary, Login: "viewer"}, []string{"POST body", "GET query"}},
		{"secure-only", demomatomo.Token{Value: canary, Login: "viewer", SecureOnly: true}, []string{"POST body", "GET query"}},
		{"rejected", demomatomo.Token{}, []string{"POST body"}},
		{"lock-out", demomatomo.Token{Value: canary, Lockout: true}, []string{"POST body"}},
	} {
		for _, asJSON := range []bool{false, true} {
			d := demomatomo.Recorded()
			if tc.token.Value != "" {
				d.Tokens = append(d.Tokens, tc.token)
			}
			srv := demomatomo.MustStart(d, demomatomo.Options{})
			path := filepath.Join(t.TempDir(), "report.txt")
			args := []string{"--url", srv.URL, "--check-get", "--report", path}
			if asJSON {
				args = append(args, "--json")
			}
			r := runVerifyWith(t, strings.ToUpper(canary)+"\r\n", nil, args...)
			report, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%s: no report: %v", tc.name, err)
			}
			for name, s := range map[string]string{"stdout": r.stdout, "stderr": r.stderr, "report": string(report)} {
				if strings.Contains(strings.ToLower(s), canary) {
					t.Errorf("%s (json %v): the canary is in %s:\n%s", tc.name, asJSON, name, s)
				}
			}
			wantPlaces(t, srv, canary, tc.places...)
			srv.Close()
		}
	}
}

// A server (or a proxy or firewall in front of it) that quotes the token in
// its answer must not make verify print it.
func TestVerifyRedactsATokenTheServerEchoes(t *testing.T) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	canary := hex.EncodeToString(b)
	d := demomatomo.Recorded()
	d.Tokens = append(d.Tokens, demomatomo.Token{Value: canary, Login: "viewer"})
	fake := demomatomo.NewHandler(d, demomatomo.Options{})
	echo := func(w http.ResponseWriter, r *http.Request, status int) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Matomo-Request-Id", "e0e0e")
		w.WriteHeader(status)
		io.WriteString(w, `{"result":"error","message":"Refused token_auth=`+canary+` (`+strings.ToUpper(canary)+`)"}`)
	}
	for _, tc := range []struct {
		name  string
		fault func(w http.ResponseWriter, r *http.Request) bool
		code  int
	}{
		{"verification", func(w http.ResponseWriter, r *http.Request) bool { echo(w, r, 500); return true }, exitServer},
		{"URL check", func(w http.ResponseWriter, r *http.Request) bool {
			if r.Method != http.MethodGet {
				return false
			}
			echo(w, r, 500)
			return true
		}, exitServer},
	} {
		ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !tc.fault(w, r) {
				fake.ServeHTTP(w, r)
			}
		}))
		for _, asJSON := range []bool{false, true} {
			args := []string{"--url", ts.URL, "--check-get", "--report", filepath.Join(t.TempDir(), "r.txt")}
			if asJSON {
				args = append(args, "--json")
			}
			r := runVerifyWith(t, canary, nil, args...)
			if r.code != tc.code {
				t.Errorf("%s: exit %d, want %d", tc.name, r.code, tc.code)
			}
			all := strings.ToLower(r.stdout + r.stderr)
			if strings.Contains(all, canary) {
				t.Errorf("%s (json %v): the echoed token was printed:\n%s\n%s", tc.name, asJSON, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout+r.stderr, "Refused token_auth=[token removed] ([token removed])") {
				t.Errorf("%s (json %v): the message is not shown with the token removed:\n%s\n%s", tc.name, asJSON, r.stdout, r.stderr)
			}
		}
		ts.Close()
	}
}
