package accessible

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

const (
	linePassword = "Line-Mode-Pw-2026"
	lineSecret   = "JBSWY3DPEHPK3PXP"
)

// createData is the recorded Matomo with viewer's password and a user
// with two-factor authentication.
func createData() demomatomo.Data {
	d := demomatomo.Recorded()
	for i := range d.Users {
		d.Users[i].Password = linePassword
	}
	d.Users = append(d.Users, demomatomo.User{Login: "twofa", Email: "twofa@example.com", Access: map[int]matomo.Access{1: matomo.AccessView},
		Password: linePassword, TwoFactorSecret: lineSecret})
	return d
}

// creates counts the fake's createAppSpecificTokenAuth requests, and
// checks that the password went nowhere but their bodies.
func creates(t *testing.T, srv *demomatomo.Server, password string) int {
	t.Helper()
	n := 0
	for _, r := range srv.Requests() {
		q, _ := url.ParseQuery(r.RawQuery)
		form, _ := url.ParseQuery(r.Body)
		if q.Get("method") == "UsersManager.createAppSpecificTokenAuth" {
			n++
			form.Del("passwordConfirmation")
		}
		if strings.Contains(r.RawQuery+r.Path+form.Encode(), password) {
			t.Errorf("the password outside a create body: %s %s?%s", r.Method, r.Path, r.RawQuery)
		}
	}
	return n
}

func noPassword(t *testing.T, tr transcript, passwords ...string) {
	t.Helper()
	for _, p := range passwords {
		if strings.Contains(tr.out, p) {
			t.Errorf("the transcript shows a password")
		}
	}
}

// TestLineModeCreatesTheTokenForAPlainUser: create on the first step, the
// login, the password (hidden), the suggested description, no expiry,
// no two-factor: one request creates it, one checks it, and the session
// goes on to the sites and the end as if it had been typed.
func TestLineModeCreatesTheTokenForAPlainUser(t *testing.T) {
	srv := startFake(t, createData(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "create", "viewer", linePassword, "", "", "no", "2", "save", filepath.Join(t.TempDir(), "token.txt"), "")
	if tr.err != nil || !tr.outcome.Verified || tr.outcome.Site.ID != 2 {
		t.Fatalf("Run: %v, outcome %+v\n%s", tr.err, tr.outcome, tr.out)
	}
	tr.has(t,
		"Or: create it for me with my Matomo password (answer create). The password is typed here and sent once, only to "+strings.TrimPrefix(srv.URL, "http://"),
		"Password (hidden): (hidden)",
		`Login viewer, description "Acona 2026-11-28", no expiry.`,
		`Matomo created a token named "Acona 2026-11-28" for viewer. Checking it now, with one request, as if you had typed it.`,
		"The token works: Matomo 5.0.2",
		`Created for you as "Acona 2026-11-28" (login viewer). It does not expire. It also works in URLs`,
		`API Key: the token created for you, "Acona 2026-11-28"`,
	)
	noPassword(t, tr, linePassword)
	if n := creates(t, srv, linePassword); n != 1 || len(srv.CreatedTokens()) != 1 {
		t.Errorf("%d create requests, %d tokens; want 1, 1", n, len(srv.CreatedTokens()))
	}
}

// TestLineModeTwoFactorWithTheCode: the code is the last answer, after
// the two-factor question, which has no default: Enter alone sends
// nothing.
func TestLineModeTwoFactorWithTheCode(t *testing.T) {
	srv := startFake(t, createData(), demomatomo.Options{})
	code := demomatomo.TOTP(lineSecret, time.Now())
	tr := run(t, Config{URL: srv.URL}, "", "create", "twofa", linePassword, "", "", "", "yes", code, "", "finish", "finish")
	if tr.err != nil || !tr.outcome.Verified {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	tr.has(t,
		"Do you use two-factor authentication (a code from an app) for this login?",
		"Type a number from 1 to 5, or one of: no, yes, change, steps, quit.",
		"Type the code your app shows now: it is sent right away, with the password.",
		`Matomo created a token named "Acona 2026-11-28" for twofa.`)
	if n := creates(t, srv, linePassword); n != 1 {
		t.Errorf("%d create requests, want 1 (Enter alone at the two-factor question sends nothing)", n)
	}
	// Finished without the token: it is one more for Matomo's list.
	tr.has(t, `Matomo probably holds a token nobody saw, "Acona 2026-11-28": delete it under Administration → Personal → Security.`)
}

// TestLineModeTwoFactorForgotTheCode: no code; Matomo's refusal names the
// token it left behind, and the next round asks for the password and the
// code, with a description that tells the tokens apart.
func TestLineModeTwoFactorForgotTheCode(t *testing.T) {
	srv := startFake(t, createData(), demomatomo.Options{})
	code := demomatomo.TOTP(lineSecret, time.Now())
	tr := run(t, Config{URL: srv.URL}, "", "create", "twofa", linePassword, "", "", "no",
		"", linePassword, "yes", code, "", "save", filepath.Join(t.TempDir(), "token.txt"), "")
	if tr.err != nil || !tr.outcome.Verified {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	tr.has(t,
		`Matomo needs your two-factor code. A token named "Acona 2026-11-28" was probably created (Matomo checks the code only after creating it), and nobody was shown it: delete it under Administration → Personal → Security.`,
		"Refused passwords and two-factor codes in this session: 1.",
		`The next token will be named "Acona 2026-11-28 (2)"`,
		"You said yes before.",
		`Matomo created a token named "Acona 2026-11-28 (2)" for twofa.`,
		`Matomo probably holds a token nobody saw, "Acona 2026-11-28"`)
	noPassword(t, tr, linePassword)
	created := srv.CreatedTokens()
	if len(created) != 2 || created[0].Description != "Acona 2026-11-28" || created[1].Description != "Acona 2026-11-28 (2)" {
		t.Errorf("Matomo holds %+v", created)
	}
	if got := tr.outcome.Orphans; len(got) != 1 || got[0] != "Acona 2026-11-28" {
		t.Errorf("orphans %q", got)
	}
}

// TestLineModeWrongPassword: refused, counted, and sent again only after
// the password is typed again and the question answered.
func TestLineModeWrongPassword(t *testing.T) {
	srv := startFake(t, createData(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "create", "viewer", "not-the-password", "", "", "no", "quit")
	if !errors.Is(tr.err, ErrQuit) {
		t.Fatalf("Run: %v", tr.err)
	}
	tr.has(t, "Matomo did not accept this login and password", "Refused passwords and two-factor codes in this session: 1.",
		"What next? Answers: 1 again (type the password again (nothing is sent before the two-factor question), Enter)")
	if n := creates(t, srv, "not-the-password"); n != 1 || tr.outcome.Rejected != 1 || srv.FailedLogins("127.0.0.1") != 1 {
		t.Errorf("%d create requests, %d rejected, %d failed logins; want 1 each", n, tr.outcome.Rejected, srv.FailedLogins("127.0.0.1"))
	}
}

// TestLineModeCreateFallsBackToTheSteps: Matomo 3 (no such method) and a
// Matomo that refuses the method send the person to the steps, where
// create is no longer offered.
func TestLineModeCreateFallsBackToTheSteps(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts demomatomo.Options
		want string
	}{
		{"Matomo 3", demomatomo.Options{Legacy: true, Version: "3.14.1"}, "Step 1 of 4"},
		{"refusing", demomatomo.Options{RefuseTokenCreation: "Tokens for LDAP users are created in the browser."}, `Matomo said: "Tokens for LDAP users are created in the browser."`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := startFake(t, createData(), tc.opts)
			tr := run(t, Config{URL: srv.URL}, "", "create", "viewer", linePassword, "", "", "no", "create", "quit")
			tr.has(t, tc.want, "The steps below", `"create" is not one of the answers.`)
			if n := creates(t, srv, linePassword); n != 1 {
				t.Errorf("%d create requests, want 1", n)
			}
		})
	}
}

// TestRealLineModeCreate: viewer and twofa (with the code) against the
// real Matomo 5.1.2.
func TestRealLineModeCreate(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	for _, login := range []string{"viewer", "twofa"} {
		description := realmatomo.NewDescription("line mode " + login)
		answers := []string{"", "create", login, realmatomo.Password(login), description, ""}
		if login == "twofa" {
			answers = append(answers, "yes", in.TwoFactorCode(t))
		} else {
			answers = append(answers, "no")
		}
		tr := run(t, Config{URL: in.URL}, append(answers, "", "finish", "finish")...)
		if tr.err != nil || !tr.outcome.Verified {
			t.Fatalf("%s: Run: %v, outcome %+v", login, tr.err, tr.outcome)
		}
		tr.has(t, "The token works: Matomo 5.1.2", `Created for you as "`+description+`"`)
		noPassword(t, tr, realmatomo.Password(login))
		if n := in.TokensDescribed(t, login, description); n != 1 {
			t.Errorf("%s: the real Matomo holds %d tokens described %q, want 1", login, n, description)
		}
	}
}

// TestLineModeKeepsTheCreatedTokenWhenItsCheckFails: the created token's
// check meets a Matomo in maintenance; the token is kept, retry and save
// are offered (not another token, nor the steps, which would leave it),
// and quit asks first.
func TestLineModeKeepsTheCreatedTokenWhenItsCheckFails(t *testing.T) {
	srv := startFake(t, createData(), demomatomo.Options{})
	var broken atomic.Bool
	broken.Store(true)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if broken.Load() && strings.Contains(string(body), "token_auth=") {
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, "<html><body>Maintenance</body></html>")
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	file := filepath.Join(t.TempDir(), "token.txt")
	tr := run(t, Config{URL: front.URL}, "", "create", "viewer", linePassword, "", "", "no", "quit", "save", file, "quit", "quit")
	if !errors.Is(tr.err, ErrQuit) {
		t.Fatalf("Run: %v", tr.err)
	}
	tr.has(t,
		`The token Matomo created for you, "Acona 2026-11-28", is kept: Matomo showed it to nobody and will not show it again.`,
		"1 retry (check the created token again, one request)", "save (save the token to a new file that only you can read)",
		"The token is not saved anywhere yet, and Matomo does not show it again: save puts it into a new file. Choose quit again to stop without it.",
		"Saved the token to "+file)
	tr.lacks(t, "type another token", "back to the steps, to create a new token", "nobody saw")
	b, err := os.ReadFile(file)
	if err != nil || len(strings.TrimSpace(string(b))) != 32 {
		t.Errorf("the saved file holds %d bytes (%v)", len(b), err)
	}
	if n := creates(t, srv, linePassword); n != 1 {
		t.Errorf("%d create requests, want 1", n)
	}
}

// TestLineModeKeepsTheCreatedTokenOnTheSiteQuestion: token and address,
// which would leave the created token behind, are refused until it went
// somewhere.
func TestLineModeKeepsTheCreatedTokenOnTheSiteQuestion(t *testing.T) {
	srv := startFake(t, createData(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "create", "viewer", linePassword, "", "", "no", "token", "address", "quit", "quit")
	tr.has(t, `The token created for you, "Acona 2026-11-28", is not saved anywhere yet, and Matomo showed it to nobody: choose a site, then take it`)
	tr.lacks(t, "token (check another token)", "Token (hidden):")
	if n := strings.Count(tr.out, "\nMatomo address\n"); n != 1 {
		t.Errorf("the address was asked %d times, want once (at the start)", n)
	}
}
