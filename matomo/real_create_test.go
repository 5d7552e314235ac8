package matomo_test

// "Create it for me" against the real Matomo 5.1.2 (../shared/realmatomo):
// the token made from the login and password of the kit's users viewer and
// twofa (two-factor authentication), and what a wrong password and a
// missing or wrong code do there.

import (
	"context"
	"testing"

	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
)

func realCreate(t *testing.T, c *matomo.Client, pre *matomo.Preflight, login, pw, description, code string) (*matomo.Created, error) {
	t.Helper()
	return c.CreateToken(context.Background(), pre, matomo.CreateRequest{Login: login, Password: password(t, pw), Description: description, AuthCode: code})
}

// TestRealCreateTokenForAPlainAndATwoFactorUser: viewer's token by login
// and by e-mail address, and twofa's with the code of now; each verifies
// with the user's sites, and Matomo holds each once, under its
// description.
func TestRealCreateTokenForAPlainAndATwoFactorUser(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	c := realClient(t)
	pre := checked(t, c, in.URL)
	for _, tc := range []struct{ name, login, user, code string }{
		{"viewer", "viewer", "viewer", ""},
		{"viewer by e-mail", "viewer@example.invalid", "viewer", ""},
		{"twofa with the code", "twofa", "twofa", "code"},
	} {
		description := realmatomo.NewDescription(tc.user)
		code := ""
		if tc.code != "" {
			code = in.TwoFactorCode(t)
		}
		got, err := realCreate(t, c, pre, tc.login, realmatomo.Password(tc.user), description, code)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !got.Token.LooksValid() || got.Trace.Status != 200 || got.Trace.RequestID == "" {
			t.Errorf("%s: token %s, HTTP %d", tc.name, got.Token.Token.Fingerprint(), got.Trace.Status)
		}
		res, err := c.Verify(context.Background(), pre.Address, got.Token.Token)
		if err != nil || res.SuperUser || len(res.Sites) == 0 || res.Sites[0].ID != 1 {
			t.Errorf("%s: the created token: %v, %+v", tc.name, err, res)
		}
		if n := in.TokensDescribed(t, tc.user, description); n != 1 {
			t.Errorf("%s: Matomo holds %d tokens described %q, want 1", tc.name, n, description)
		}
	}
}

// TestRealCreateTokenTwoFactorRefusalsLeaveATokenBehind: twofa's right
// password without a code, and with a wrong one: 401 and Matomo's words,
// and a token Matomo stored all the same, which nobody was shown.
func TestRealCreateTokenTwoFactorRefusalsLeaveATokenBehind(t *testing.T) {
	t.Parallel()
	in := realmatomo.Use(t)
	c := realClient(t)
	pre := checked(t, c, in.URL)
	for _, tc := range []struct {
		code, matomo string
		given        bool
	}{
		{"", "Please specify a two-factor authentication code.", false},
		{"000000", "Incorrect two-factor authentication code.", true},
	} {
		description := realmatomo.NewDescription("twofa orphan")
		_, err := realCreate(t, c, pre, "twofa", realmatomo.Password("twofa"), description, tc.code)
		e := classOf(t, err)
		if e.Class != matomo.ClassTwoFactor || e.Status != 401 || e.Matomo != tc.matomo || e.CodeGiven != tc.given {
			t.Errorf("code %q: %s (HTTP %d, code given %v), Matomo %q", tc.code, e.Class, e.Status, e.CodeGiven, e.Matomo)
		}
		if n := in.TokensDescribed(t, "twofa", description); n != 1 {
			t.Errorf("code %q: Matomo holds %d tokens described %q, want the 1 nobody saw", tc.code, n, description)
		}
	}
}

// TestRealCreateTokenWrongPassword spends one failed login: a wrong
// password is refused, and counted; a password that cannot be one, and a
// missing field, are refused without a failed login.
func TestRealCreateTokenWrongPassword(t *testing.T) {
	in := realmatomo.SpendFailedLogins(t)
	c := realClient(t)
	pre := checked(t, c, in.URL)
	_, err := realCreate(t, c, pre, "viewer", "not-the-password", "x", "")
	if e := classOf(t, err); e.Class != matomo.ClassPasswordRejected || e.Status != 200 || e.Matomo != "The current password you entered is not correct." {
		t.Errorf("wrong password: %s (HTTP %d), Matomo %q", e.Class, e.Status, e.Matomo)
	}
	_, err = realCreate(t, c, pre, "viewer", "abc", "x", "")
	if e := classOf(t, err); e.Class != matomo.ClassCreateInput || e.Matomo != "This password is too weak, please supply another value or reset it." {
		t.Errorf("a password that cannot be one: %s, Matomo %q", e.Class, e.Matomo)
	}
	if n := in.Unblock(t); n != 1 {
		t.Errorf("%d failed logins on the real Matomo, want 1 (the wrong password)", n)
	}
}
