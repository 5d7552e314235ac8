package ui_test

// "Create it for me" as a person goes through it, in teatest against the
// fake Matomo (and, for the plain and the two-factor user, the real 5.1.2
// of ../shared/realmatomo): the choice on the guide's first step, the
// questions, the code last, the orphan warning, a wrong password, and the
// fall back to the guide for Matomo 3 and a Matomo that refuses.

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
	"matomo-onboard/ui"
)

const (
	flowPassword = "Viewer-Pw-2026"
	flowSecret   = "JBSWY3DPEHPK3PXP"
)

// createFake is the recorded Matomo with passwords for viewer and a user
// with two-factor authentication.
func createFake(t *testing.T, opts demomatomo.Options) *demomatomo.Server {
	t.Helper()
	d := demomatomo.Recorded()
	for i := range d.Users {
		d.Users[i].Password = flowPassword
	}
	d.Users = append(d.Users, demomatomo.User{Login: "twofa", Email: "twofa@example.com", Access: map[int]matomo.Access{1: matomo.AccessView},
		Password: flowPassword, TwoFactorSecret: flowSecret})
	srv := demomatomo.MustStart(d, opts)
	t.Cleanup(srv.Close)
	return srv
}

// toCreate goes from the welcome screen to the create screen by the
// guide's first step.
func (f *flow) toCreate() {
	f.t.Helper()
	f.waitFor("Create and verify your Matomo API token")
	f.press("enter")
	f.waitFor("Your Matomo address")
	f.press("enter")
	f.waitFor("step 1 of", "m create it for me")
	f.press("m")
	f.waitFor("Create the token for me", "Your Matomo login (user name) or email address")
}

// answer types the login and password and goes to the two-factor
// question, with the description as suggested or as given, no expiry.
func (f *flow) answer(login, password, description string) {
	f.t.Helper()
	f.press(login, "enter")
	f.waitFor("Your Matomo password")
	f.press(password, "enter")
	f.waitFor("Description of the token")
	if description != "" {
		f.press("ctrl+u", description)
	}
	f.press("enter")
	f.waitFor("Should the token expire?")
	f.press("n")
	f.waitFor("Do you use two-factor authentication (a code from an app) for this login?")
}

// createRequests are the fake's createAppSpecificTokenAuth requests.
func createRequests(srv *demomatomo.Server) []demomatomo.Request {
	var out []demomatomo.Request
	for _, r := range srv.Requests() {
		if q, _ := url.ParseQuery(r.RawQuery); q.Get("method") == "UsersManager.createAppSpecificTokenAuth" {
			out = append(out, r)
		}
	}
	return out
}

// passwordOnlyInCreateBodies checks that the password reached the fake
// only as the passwordConfirmation of createAppSpecificTokenAuth's bodies.
func passwordOnlyInCreateBodies(t *testing.T, srv *demomatomo.Server, password string, want int) {
	t.Helper()
	n := 0
	for _, r := range srv.Requests() {
		form, _ := url.ParseQuery(r.Body)
		q, _ := url.ParseQuery(r.RawQuery)
		if form.Get("passwordConfirmation") == password && q.Get("method") == "UsersManager.createAppSpecificTokenAuth" && r.Method == "POST" {
			n++
			form.Del("passwordConfirmation")
		}
		if strings.Contains(r.RawQuery+form.Encode()+r.Path, password) || form.Get("token_auth") != "" && q.Get("method") == "UsersManager.createAppSpecificTokenAuth" {
			t.Errorf("the password (or a token) where it does not belong: %s %s?%s", r.Method, r.Path, r.RawQuery)
		}
	}
	if n != want {
		t.Errorf("the password went out %d times, want %d", n, want)
	}
}

// TestFlowCreateForAPlainUser: m on the guide's first step, the login and
// password, the suggested description, no expiry, no two-factor: the
// token is created with one request, verified with one, and the wizard
// goes on to the sites and Done as if it had been pasted; at 100 and at
// 40 columns.
func TestFlowCreateForAPlainUser(t *testing.T) {
	t.Parallel()
	for _, width := range []int{100, 40} {
		t.Run(map[int]string{100: "100 columns", 40: "40 columns"}[width], func(t *testing.T) {
			t.Parallel()
			srv := createFake(t, demomatomo.Options{})
			f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, width, 30)
			f.toCreate()
			f.answer("viewer", flowPassword, "")
			f.press("n")
			f.waitFor("✓ Token verified · Matomo 5.0.2", `Created for you as "Acona 2026-11-28" (login viewer). It does not expire.`)
			if f.wizard.Outcome().Verified != true {
				t.Fatal("not verified")
			}
			f.press("enter")
			f.waitFor("Ready for Acona", `the token created for you, "Acona 2026-11-28"`)
			f.press("q")
			f.waitFor("The token is not saved anywhere yet")
			f.press("q")
			out := f.finish(flowPassword)
			if !out.Verified || len(out.Orphans) != 1 || out.Orphans[0] != "Acona 2026-11-28" {
				t.Errorf("outcome %+v: quitting without the created token leaves it for deleting", out)
			}
			created := srv.CreatedTokens()
			if len(created) != 1 || created[0].Description != "Acona 2026-11-28" || created[0].Login != "viewer" {
				t.Fatalf("Matomo holds %+v", created)
			}
			if reqs := createRequests(srv); len(reqs) != 1 {
				t.Errorf("%d create requests, want 1", len(reqs))
			}
			passwordOnlyInCreateBodies(t, srv, flowPassword, 1)
			tokenOnlyInPOSTBodies(t, srv, created[0].Value)
			if strings.Contains(f.screen(), flowPassword) {
				t.Error("the password is on the screen")
			}
		})
	}
}

// TestFlowCreateForATwoFactorUserWithTheCode: the code given up front, as
// the last answer.
func TestFlowCreateForATwoFactorUserWithTheCode(t *testing.T) {
	t.Parallel()
	srv := createFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
	f.toCreate()
	f.answer("twofa", flowPassword, "")
	f.press("y")
	f.waitFor("Two-factor code", "enter create the token")
	f.press(demomatomo.TOTP(flowSecret, time.Now()), "enter")
	f.waitFor("✓ Token verified · Matomo 5.0.2", `Created for you as "Acona 2026-11-28" (login twofa).`, "1 site")
	f.press("ctrl+c")
	f.finish(flowPassword)
	if created := srv.CreatedTokens(); len(created) != 1 {
		t.Errorf("Matomo holds %d tokens, want 1", len(created))
	}
	reqs := createRequests(srv)
	if len(reqs) != 1 {
		t.Fatalf("%d create requests", len(reqs))
	}
	if form, _ := url.ParseQuery(reqs[0].Body); form.Get("authCode") == "" || form.Get("secureOnly") != "1" {
		t.Errorf("body %q", reqs[0].Body)
	}
}

// TestFlowCreateForATwoFactorUserWhoForgotTheCode: "no" to the two-factor
// question; Matomo asks for the code after storing a token: the warning
// names that token's description, the second round asks for the password
// and the code, with a description that tells the tokens apart, and Done
// repeats which token to delete.
func TestFlowCreateForATwoFactorUserWhoForgotTheCode(t *testing.T) {
	t.Parallel()
	srv := createFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
	f.toCreate()
	f.answer("twofa", flowPassword, "")
	f.press("n")
	f.waitFor(`A token named "Acona 2026-11-28" was probably created`, "delete it under Administration → Personal → Security",
		"Refused passwords and two-factor codes in this session: 1.", "Your Matomo password")
	if created := srv.CreatedTokens(); len(created) != 1 {
		t.Fatalf("Matomo holds %d tokens after the missing code, want the 1 nobody saw", len(created))
	}
	f.press(flowPassword, "enter")
	f.waitFor("You said yes before.", "Acona 2026-11-28 (2)")
	f.press("y")
	f.waitFor("Two-factor code")
	f.press(demomatomo.TOTP(flowSecret, time.Now()), "enter")
	f.waitFor("✓ Token verified", `Created for you as "Acona 2026-11-28 (2)"`)
	f.press("enter")
	f.waitFor("Ready for Acona", `Matomo probably holds a token nobody saw, "Acona 2026-11-28": delete it under Administration → Personal → Security.`)
	f.press("ctrl+c")
	out := f.finish(flowPassword)
	created := srv.CreatedTokens()
	// Ctrl+C left the second token too, which nobody took: both are for
	// deleting now, and the end says so.
	if len(created) != 2 || created[1].Description != "Acona 2026-11-28 (2)" || strings.Join(out.Orphans, "|") != "Acona 2026-11-28|Acona 2026-11-28 (2)" {
		t.Errorf("Matomo holds %+v; orphans %q", created, out.Orphans)
	}
	passwordOnlyInCreateBodies(t, srv, flowPassword, 2)
}

// TestFlowCreateWrongPassword: a wrong password is refused, counted toward
// the lock-out and not sent again by itself; the field is empty for the
// next try, which sends once more only on Enter.
func TestFlowCreateWrongPassword(t *testing.T) {
	t.Parallel()
	srv := createFake(t, demomatomo.Options{})
	f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
	f.toCreate()
	f.answer("viewer", "not-the-password", "")
	f.press("n")
	f.waitFor("Matomo did not accept this login and password", "Refused passwords and two-factor codes in this session: 1.",
		"at most 20 more may be rejected", "Your Matomo password")
	time.Sleep(100 * time.Millisecond)
	if n := len(createRequests(srv)); n != 1 || srv.FailedLogins("127.0.0.1") != 1 {
		t.Fatalf("%d create requests, %d failed logins: a refused password is counted once and not sent again", n, srv.FailedLogins("127.0.0.1"))
	}
	f.press(flowPassword, "enter")
	f.waitFor("Do you use two-factor authentication")
	f.press("n")
	f.waitFor("✓ Token verified")
	f.press("ctrl+c")
	f.finish(flowPassword, "not-the-password")
	if n := len(createRequests(srv)); n != 2 {
		t.Errorf("%d create requests, want 2", n)
	}
}

// TestFlowCreateFallsBackToTheGuide: Matomo 3 (no such method) gets its
// own steps; a Matomo that refuses the method (LDAP, say) is quoted; both
// end on the guide's first step, without the offer.
func TestFlowCreateFallsBackToTheGuide(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		opts demomatomo.Options
		want []string
	}{
		{"Matomo 3", demomatomo.Options{Legacy: true, Version: "3.14.1"}, []string{"step 1 of 4", "it is Matomo 3 or older"}},
		{"a refusing Matomo", demomatomo.Options{RefuseTokenCreation: "Tokens for LDAP users are created in the browser."},
			[]string{"step 1 of 8", "This Matomo does not create a token this way", `(Matomo said: "Tokens for LDAP users are created in the browser.")`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := createFake(t, tc.opts)
			f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: srv.URL}, 100, 30)
			f.toCreate()
			f.answer("viewer", flowPassword, "")
			f.press("n")
			f.waitFor(tc.want...)
			if strings.Contains(f.screen(), "m create it for me") {
				t.Error("the guide still offers to create the token")
			}
			f.press("ctrl+c")
			f.finish(flowPassword)
			if n := len(createRequests(srv)); n != 1 || len(srv.CreatedTokens()) != 0 {
				t.Errorf("%d create requests, %d tokens", n, len(srv.CreatedTokens()))
			}
		})
	}
}

// TestRealFlowCreate: the plain user and the two-factor user against the
// real Matomo 5.1.2; each token verifies with the user's sites, Matomo
// holds it under the description typed, and no password leaves the body.
func TestRealFlowCreate(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	for _, login := range []string{"viewer", "twofa"} {
		description := realmatomo.NewDescription("wizard " + login)
		f := startFlow(t, ui.Config{Client: newClient(t, matomo.Options{}), URL: in.URL}, 100, 30)
		f.toCreate()
		f.answer(login, realmatomo.Password(login), description)
		if login == "twofa" {
			f.press("y")
			f.waitFor("Two-factor code")
			f.press(in.TwoFactorCode(t), "enter")
		} else {
			f.press("n")
		}
		f.waitFor("✓ Token verified · Matomo 5.1.2", `Created for you as "`+description+`" (login `+login+`).`,
			"It also works in URLs (…&token_auth=…): Matomo 5.1.2 makes no secure-only tokens this way")
		f.press("ctrl+c")
		f.finish(realmatomo.Password(login))
		if n := in.TokensDescribed(t, login, description); n != 1 {
			t.Errorf("%s: the real Matomo holds %d tokens described %q, want 1", login, n, description)
		}
	}
}
