package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"testing"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// runCLI runs the command line in-process with the given stdin and
// environment, as a script would, and returns what it printed.
func runCLI(t *testing.T, stdin string, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := &Env{
		Stdin:      strings.NewReader(stdin),
		Stdout:     &out,
		Stderr:     &errOut,
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(any) bool { return false },
	}
	code = c.Run(context.Background(), args)
	return code, out.String(), errOut.String()
}

func startFake(t *testing.T, opts demomatomo.Options) *demomatomo.Server {
	t.Helper()
	srv := demomatomo.MustStart(demomatomo.Recorded(), opts)
	t.Cleanup(srv.Close)
	return srv
}

func decodeVerify(t *testing.T, stdout string) verifyOutput {
	t.Helper()
	var out verifyOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("verify --json printed no JSON document: %v\n%s", err, stdout)
	}
	return out
}

// assertTokenOnlyInPOSTBodies checks what the fake Matomo received: the
// token in form bodies of POSTs, never in a URL or a header.
func assertTokenOnlyInPOSTBodies(t *testing.T, srv *demomatomo.Server, token string) {
	t.Helper()
	for _, r := range srv.Requests() {
		if strings.Contains(r.RawQuery, token) || strings.Contains(r.Path, token) {
			t.Errorf("token in the URL of %s %s?%s", r.Method, r.Path, r.RawQuery)
		}
		for name, vals := range r.Header {
			for _, v := range vals {
				if strings.Contains(v, token) {
					t.Errorf("token in header %s", name)
				}
			}
		}
		if strings.Contains(r.Body, token) && r.Method != "POST" {
			t.Errorf("token in the body of a %s", r.Method)
		}
		if strings.Contains(r.Body, token) {
			form, err := url.ParseQuery(r.Body)
			if err != nil || form.Get("token_auth") != token {
				t.Errorf("token in the body, but not as the token_auth form field: %q", r.Body)
			}
		}
	}
}

func TestVerifyAgainstTheFakeMatomo(t *testing.T) {
	type site struct {
		id     int
		access string
	}
	cases := []struct {
		name      string
		token     string
		code      int
		superUser bool
		sites     []site
		class     string
	}{
		{name: "viewer sees sites 1 and 2 as view", token: demomatomo.TokenViewer, code: 0,
			sites: []site{{1, "view"}, {2, "view"}}},
		{name: "writer is admin on 1 and write on 2", token: demomatomo.TokenWriter, code: 0,
			sites: []site{{1, "admin"}, {2, "write"}}},
		{name: "superuser reaches all 3 sites as admin", token: demomatomo.TokenSuperUser, code: 0, superUser: true,
			sites: []site{{1, "admin"}, {2, "admin"}, {3, "admin"}}},
		{name: "secure-only token verifies through the POST body", token: demomatomo.TokenSuperUserSecure, code: 0, superUser: true,
			sites: []site{{1, "admin"}, {2, "admin"}, {3, "admin"}}},
		{name: "unknown token is rejected", token: demomatomo.TokenUnknown, code: 5, class: "token_rejected"},
		{name: "expired token is rejected", token: demomatomo.TokenViewerExpired, code: 5, class: "token_rejected"},
		{name: "valid token without site", token: demomatomo.TokenNoAccess, code: 6, class: "no_access"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := startFake(t, demomatomo.Options{})
			code, stdout, stderr := runCLI(t, tc.token+"\n", nil, "verify", "--url", srv.URL, "--json")
			if code != tc.code {
				t.Fatalf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, stdout, stderr)
			}
			out := decodeVerify(t, stdout)
			if out.HTTPRequests != 1 || srv.RequestCount() != 1 {
				t.Errorf("verify made %d requests (fake saw %d), want exactly 1", out.HTTPRequests, srv.RequestCount())
			}
			assertTokenOnlyInPOSTBodies(t, srv, tc.token)
			if strings.Contains(stdout+stderr, tc.token) {
				t.Errorf("the token was printed")
			}
			if tc.class != "" {
				if out.Error == nil || string(out.Error.Class) != tc.class {
					t.Fatalf("error = %+v, want class %s", out.Error, tc.class)
				}
				if out.Error.Hint == "" {
					t.Errorf("class %s came without a hint", tc.class)
				}
				return
			}
			if !out.Verified || out.SuperUser == nil || *out.SuperUser != tc.superUser || out.MatomoVersion != "5.0.2" {
				t.Errorf("verified=%v superuser=%v version=%q", out.Verified, isTrue(out.SuperUser), out.MatomoVersion)
			}
			var got []site
			for _, s := range out.Sites {
				got = append(got, site{s.ID, string(s.Access)})
			}
			if len(got) != len(tc.sites) {
				t.Fatalf("sites %v, want %v", got, tc.sites)
			}
			for i := range got {
				if got[i] != tc.sites[i] {
					t.Errorf("site %d: %v, want %v", i, got[i], tc.sites[i])
				}
			}
		})
	}
}

func TestVerifyReportsTheLockOut(t *testing.T) {
	srv := startFake(t, demomatomo.Options{})
	for i := 0; i < 21; i++ {
		if code, _, _ := runCLI(t, demomatomo.TokenUnknown, nil, "verify", "--url", srv.URL); code != 5 {
			t.Fatalf("wrong token %d: exit %d, want 5", i+1, code)
		}
	}
	srv.ResetRequests()
	code, stdout, stderr := runCLI(t, demomatomo.TokenViewer, nil, "verify", "--url", srv.URL, "--json")
	if code != 7 {
		t.Fatalf("a correct token while locked out: exit %d, want 7\n%s%s", code, stdout, stderr)
	}
	out := decodeVerify(t, stdout)
	if out.Error.Class != "blocked" || !strings.Contains(out.Error.Hint, "even a correct one") {
		t.Errorf("error %+v does not explain that even a correct token is refused", out.Error)
	}
	if srv.RequestCount() != 1 {
		t.Errorf("%d requests while blocked, want 1 (no retries)", srv.RequestCount())
	}
	assertTokenOnlyInPOSTBodies(t, srv, demomatomo.TokenViewer)
}

func TestVerifyReadsTheTokenFromTheEnvironment(t *testing.T) {
	srv := startFake(t, demomatomo.Options{})
	code, stdout, _ := runCLI(t, "", map[string]string{tokenEnv: demomatomo.TokenWriter}, "verify", "--url", srv.URL)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"✓ Token verified: Matomo 5.0.2", "ends …8295", "1 admin · 1 write · 0 view", "Blog", "1 HTTP request sent."} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, demomatomo.TokenWriter) {
		t.Error("the summary printed the token")
	}
}

func TestVerifyCleansAPastedToken(t *testing.T) {
	srv := startFake(t, demomatomo.Options{})
	// Upper case, surrounding spaces and a Windows line end: what a paste
	// from some password managers looks like.
	code, _, stderr := runCLI(t, "  "+strings.ToUpper(demomatomo.TokenViewer)+" \r\n", nil, "verify", "--url", srv.URL)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
}

func TestVerifyUsageErrors(t *testing.T) {
	cases := []struct {
		name  string
		stdin string
		args  []string
		want  string
	}{
		{"no url", demomatomo.TokenViewer, []string{"verify"}, "--url is required"},
		{"bad url", demomatomo.TokenViewer, []string{"verify", "--url", "ftp://x.example"}, "not a web address scheme"},
		{"no token", "", []string{"verify", "--url", "http://127.0.0.1:1"}, "no token"},
		{"token as argument", "", []string{"verify", "--url", "http://127.0.0.1:1", demomatomo.TokenViewer}, "a token only on standard input, in MATOMO_TOKEN_AUTH"},
		{"argument", "", []string{"verify", "--url", "http://127.0.0.1:1", "extra"}, "never as an argument"},
		{"anonymous", "anonymous\n", []string{"verify", "--url", "http://127.0.0.1:1"}, "anonymous"},
		{"http to another host", demomatomo.TokenViewer, []string{"verify", "--url", "http://analytics.example.org"}, "unencrypted"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tc.stdin, nil, tc.args...)
			if code != 2 {
				t.Fatalf("exit %d, want 2\n%s%s", code, stdout, stderr)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, stderr)
			}
			if strings.Contains(stdout+stderr, demomatomo.TokenViewer) {
				t.Error("an argument or input that may be a token was echoed")
			}
		})
	}
}

// BenchmarkVerify20000Sites runs the whole verify command against the fake
// Matomo holding 20,000 sites the viewer can see.
func BenchmarkVerify20000Sites(b *testing.B) {
	srv := demomatomo.MustStart(demomatomo.WithSites(20000), demomatomo.Options{})
	defer srv.Close()
	var out bytes.Buffer
	c := &Env{Getenv: func(string) string { return "" }, IsTerminal: func(any) bool { return false }, Stderr: &out}
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		c.Stdin = strings.NewReader(demomatomo.TokenViewer)
		c.Stdout = &out
		if code := c.Run(context.Background(), []string{"verify", "--url", srv.URL, "--json"}); code != 0 {
			b.Fatalf("exit %d: %s", code, out.String())
		}
	}
}

func TestVerifySummaryListsTheFirstSitesInTidyColumns(t *testing.T) {
	srv := demomatomo.MustStart(demomatomo.WithSites(40), demomatomo.Options{})
	t.Cleanup(srv.Close)
	code, stdout, _ := runCLI(t, demomatomo.TokenViewer, nil, "verify", "--url", srv.URL)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(stdout, "… and 17 more (--json lists all)") {
		t.Errorf("the summary does not say how many sites it left out:\n%s", stdout)
	}
	for _, line := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "ID") && !strings.Contains(line, "ID  ACCESS  NAME") {
			t.Errorf("the columns drifted apart: %q", line)
		}
	}
}

func TestVerifySaysLoudlyWhenCertificateChecksAreOff(t *testing.T) {
	srv := startFake(t, demomatomo.Options{})
	code, stdout, stderr := runCLI(t, demomatomo.TokenViewer, nil, "verify", "--url", srv.URL, "--insecure-skip-verify")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(stderr, "Certificate checks are OFF") {
		t.Errorf("no warning about --insecure-skip-verify:\n%s%s", stdout, stderr)
	}
}

// TestVerifyConvertsErrorsAsTheFrontEndsDo: an error from outside the
// matomo package is a server_error in verify's output and exit code, as in
// the wizard and the line mode (matomo.AsError), not a class of its own.
func TestVerifyConvertsErrorsAsTheFrontEndsDo(t *testing.T) {
	err := errors.New("an error from outside the matomo package")
	v := &verifyRun{text: verifyText{p: i18n.English()}}
	out := v.errorFor(err, matomo.Token{})
	want := matomo.AsError(err)
	if out.Class != matomo.ClassServerError || out.Class != want.Class || out.Detail != want.Detail.String() || out.Hint != want.Hint.String() {
		t.Errorf("errorFor = %+v, want the fields of %+v", out, want)
	}
	if code := exitCodeFor(err); code != exitServer {
		t.Errorf("exit code %d, want %d (server error)", code, exitServer)
	}
}
