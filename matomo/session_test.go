package matomo_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

func sessionToken(t *testing.T) matomo.TokenCheck {
	t.Helper()
	tc, err := matomo.ParseToken("c0ffee0123456789abcdef0123456789")
	if err != nil {
		t.Fatal(err)
	}
	return tc
}

func sessionAddr(t *testing.T, s string) matomo.Address {
	t.Helper()
	a, err := matomo.ParseAddress(s)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func rejected() error { return &matomo.Error{Class: matomo.ClassTokenRejected} }

func TestSessionCountdown(t *testing.T) {
	for n, want := range map[int]string{
		// Matomo answers the 21st token still, and locks from the 22nd
		// on (the recordings), so after n rejections 21-n more can be.
		1:  "at most 20 more may be rejected, fewer if this computer had other failed logins.",
		15: "at most 6 more may be rejected, fewer if this computer had other failed logins.",
		16: "at most 5 more may be rejected before the lock",
		19: "at most 2 more may be rejected before the lock",
		20: "at most 1 more may be rejected before the lock",
		21: "this session is past that limit",
		25: "this session is past that limit",
	} {
		var s matomo.Session
		for range n {
			s.RecordRejection()
		}
		if got := s.Countdown().String(); !strings.Contains(got, want) || !strings.Contains(got, fmt.Sprintf("session: %d.", n)) {
			t.Errorf("after %d rejections: %q, want it to say %q", n, got, want)
		}
		if left := s.RejectionsLeft(); left != max(0, 21-n) {
			t.Errorf("after %d rejections: %d left, want %d", n, left, max(0, 21-n))
		}
	}
	var s matomo.Session
	if !s.Countdown().IsZero() || s.RejectionsLeft() != matomo.LockoutLimit+1 {
		t.Errorf("a fresh session says %q, %d left", s.Countdown(), s.RejectionsLeft())
	}
}

// TestSessionKnowsARejectedTokenAgain: the very token Matomo rejected is
// recognised (to ask before sending it again), whatever address comes
// next, until it is verified; another token is not.
func TestSessionKnowsARejectedTokenAgain(t *testing.T) {
	tc := sessionToken(t)
	other, _ := matomo.ParseToken("c0ffee0123456789abcdef0123456788")
	var s matomo.Session
	if _, ok := s.RejectedAt(tc.Token); ok {
		t.Fatal("a fresh session knows a rejected token")
	}
	a := sessionAddr(t, "https://a.example")
	s.RecordPreflight(a, &matomo.Preflight{Address: a}, nil)
	s.RecordVerify(tc, nil, &matomo.Error{Class: matomo.ClassServerError})
	if _, ok := s.RejectedAt(tc.Token); ok {
		t.Fatal("a server error counts as a rejection of the token")
	}
	s.RecordVerify(tc, nil, rejected())
	b := sessionAddr(t, "https://b.example")
	s.RecordPreflight(b, &matomo.Preflight{Address: b}, nil)
	s.ForgetToken()
	again, _ := matomo.ParseToken(" C0FFEE0123456789ABCDEF0123456789\n") // the same, pasted again
	if at, ok := s.RejectedAt(again.Token); !ok || at.String() != a.String() {
		t.Errorf("RejectedAt = %v, %v; want %v, true", at, ok, a)
	}
	if _, ok := s.RejectedAt(other.Token); ok {
		t.Error("another token counts as the rejected one")
	}
	s.RecordVerify(again, &matomo.Result{Address: b}, nil)
	if _, ok := s.RejectedAt(tc.Token); ok {
		t.Error("a token verified since still counts as rejected")
	}
}

// TestSessionCountsEveryFailedLogin: a rejected token and a token refused
// in a URL both count; other failures do not; the lock-out stops sending.
func TestSessionCountsEveryFailedLogin(t *testing.T) {
	tc := sessionToken(t)
	var s matomo.Session
	s.RecordVerify(tc, nil, rejected())
	s.RecordVerify(tc, nil, &matomo.Error{Class: matomo.ClassServerError})
	s.RecordVerify(tc, nil, fmt.Errorf("wrapped: %w", rejected()))
	if s.Rejected() != 2 || s.VerifyErr().Class != matomo.ClassTokenRejected {
		t.Fatalf("rejected %d, last error %v; want 2 and the rejection", s.Rejected(), s.VerifyErr())
	}
	s.RecordVerify(tc, &matomo.Result{}, nil)
	s.RecordVerify(tc, nil, &matomo.Error{Class: matomo.ClassCanceled})
	if s.Rejected() != 2 || s.VerifyErr() != nil || s.Result() != nil {
		t.Fatalf("after a canceled check: rejected %d, error %v, result %v; want the count kept and the last check forgotten",
			s.Rejected(), s.VerifyErr(), s.Result())
	}
	s.RecordVerify(tc, &matomo.Result{}, nil)
	s.RecordGETCheck(&matomo.GETCheck{Works: false, SecureOnly: true}, nil)
	if s.Rejected() != 3 {
		t.Fatalf("a refusal in the URL check was not counted: %d", s.Rejected())
	}
	if !s.MaySendToken() || s.Blocked() {
		t.Fatal("blocked before any lock-out")
	}
	s.RecordGETCheck(nil, &matomo.Error{Class: matomo.ClassBlocked})
	if s.MaySendToken() || !s.Blocked() || s.MayRetry() || s.OffersGETCheck() {
		t.Fatal("the lock-out did not stop all sending")
	}
	s.RecordPreflight(sessionAddr(t, "https://other.example.org"), &matomo.Preflight{}, nil)
	if s.MaySendToken() || s.Rejected() != 3 {
		t.Fatal("another address lifted the lock-out or the count: it lasts for the run")
	}
}

func TestSessionMayRetryFollowsRetryable(t *testing.T) {
	classes := []matomo.ErrorClass{
		matomo.ClassNetwork, matomo.ClassTimeout, matomo.ClassTLS, matomo.ClassNotMatomo, matomo.ClassRedirect,
		matomo.ClassTokenRejected, matomo.ClassNoAccess, matomo.ClassBlocked, matomo.ClassRateLimited,
		matomo.ClassServerError, matomo.ClassPlainHTTP,
	}
	for _, class := range classes {
		e := &matomo.Error{Class: class}
		var s matomo.Session
		s.RecordVerify(sessionToken(t), nil, e)
		if got := s.MayRetry(); got != e.Retryable() {
			t.Errorf("%s: may retry %v, want %v", class, got, e.Retryable())
		}
		s.ForgetToken()
		if s.MayRetry() {
			t.Errorf("%s: a retry offered after the token was forgotten", class)
		}
	}
	var s matomo.Session
	s.RecordBlocked()
	s.RecordVerify(sessionToken(t), nil, &matomo.Error{Class: matomo.ClassNetwork})
	if s.MayRetry() {
		t.Error("a retry offered after the lock-out")
	}
}

func TestSessionOffersTheURLCheckOnceForAVerifiedToken(t *testing.T) {
	tc := sessionToken(t)
	var s matomo.Session
	if s.OffersGETCheck() {
		t.Fatal("offered before any verification")
	}
	s.RecordVerify(tc, nil, rejected())
	if s.OffersGETCheck() {
		t.Fatal("offered for a rejected token")
	}
	s.RecordVerify(tc, &matomo.Result{}, nil)
	if !s.OffersGETCheck() {
		t.Fatal("not offered for a verified token")
	}
	for _, class := range []matomo.ErrorClass{matomo.ClassNetwork, matomo.ClassTimeout} {
		s.RecordGETCheck(nil, &matomo.Error{Class: class})
		if !s.OffersGETCheck() {
			t.Fatalf("not offered again after a %s failure, which a retry can mend", class)
		}
	}
	s.RecordGETCheck(nil, &matomo.Error{Class: matomo.ClassServerError})
	if s.OffersGETCheck() {
		t.Fatal("offered again after a server error")
	}
	s.RecordVerify(tc, &matomo.Result{}, nil)
	s.RecordGETCheck(&matomo.GETCheck{Works: true}, nil)
	if s.OffersGETCheck() || !s.GETCheck().Works {
		t.Fatal("offered again after it answered")
	}
	s.RecordVerify(tc, &matomo.Result{}, nil)
	if !s.OffersGETCheck() || s.GETCheck() != nil {
		t.Fatal("a new verification keeps the last token's URL check")
	}
}

// TestSessionForgetsTheTokenChecksOfAnotherAddress: a token check at one
// address says nothing about another, and the report must not mix them.
func TestSessionForgetsTheTokenChecksOfAnotherAddress(t *testing.T) {
	a := sessionAddr(t, "https://analytics.example.org")
	var s matomo.Session
	s.RecordPreflight(a, &matomo.Preflight{Address: a}, nil)
	s.RecordVerify(sessionToken(t), &matomo.Result{Address: a}, nil)
	s.ChooseSite(matomo.Site{ID: 1, URL: "https://shop.example.com"})
	s.RecordPreflight(a, &matomo.Preflight{Address: a}, nil)
	if s.Result() == nil || s.Site() == nil || s.Checked().String() != a.String() {
		t.Fatal("checking the same address again forgot its verification")
	}
	s.RecordPreflight(a, nil, &matomo.Error{Class: matomo.ClassCanceled})
	if s.Checked().IsZero() {
		t.Fatal("a canceled check changed what the session knows")
	}
	b := sessionAddr(t, "https://b.example.org")
	s.RecordPreflight(b, nil, &matomo.Error{Class: matomo.ClassNetwork})
	f := s.Findings()
	if s.Result() != nil || s.Site() != nil || !s.Token().IsZero() || f.Result != nil || f.Address.String() != b.String() ||
		matomo.ClassOf(f.PreflightErr) != matomo.ClassNetwork || f.Preflight != nil {
		t.Fatalf("the findings mix two addresses: %+v", f)
	}
	if !s.Checked().IsZero() {
		t.Fatalf("checked %s after a failed check", s.Checked())
	}
}

func TestSessionFindings(t *testing.T) {
	a := sessionAddr(t, "analytics.example.org")
	tc, err := matomo.ParseToken("C0FFEE0123456789ABCDEF012345678")
	if err != nil {
		t.Fatal(err)
	}
	var s matomo.Session
	if f := s.Findings(); f.PreflightErr != nil || f.VerifyErr != nil || f.GETErr != nil {
		// A nil *Error in an error interface is not nil: the report would
		// describe failures that did not happen.
		t.Fatalf("a fresh session has errors: %+v", f)
	}
	s.RecordPreflight(a, &matomo.Preflight{Address: a}, nil)
	s.RecordVerify(tc, &matomo.Result{Address: a}, nil)
	s.RecordGETCheck(nil, errors.New("outside the matomo package"))
	f := s.Findings()
	if !f.Token.Equal(tc.Token) || f.Result == nil || f.Preflight == nil || matomo.ClassOf(f.GETErr) != matomo.ClassServerError {
		t.Fatalf("findings %+v", f)
	}
	if len(f.Notes) != len(a.Notes)+len(tc.Warnings) || len(tc.Warnings) == 0 || len(a.Notes) == 0 {
		t.Fatalf("notes %q, want the address's %q and the token's %q", f.Notes, a.Notes, tc.Warnings)
	}
	if f.VerifyErr != nil || f.PreflightErr != nil {
		t.Fatalf("errors that did not happen: %+v", f)
	}
}

func TestSessionVerifyWithoutPreflight(t *testing.T) {
	a := sessionAddr(t, "https://analytics.example.org")
	var s matomo.Session
	s.UseAddress(a)
	s.RecordVerify(sessionToken(t), nil, rejected())
	if f := s.Findings(); f.Address.String() != a.String() || f.Preflight != nil || matomo.ClassOf(f.VerifyErr) != matomo.ClassTokenRejected {
		t.Fatalf("findings %+v", f)
	}
}

func TestSiteDomainIsTheHostWithoutPort(t *testing.T) {
	for url, want := range map[string]string{
		"https://shop.example.com:8443/de": "shop.example.com",
		"https://shop.example.com":         "shop.example.com",
		"http://[2001:db8::1]:8080/":       "2001:db8::1",
		"shop.example.com":                 "shop.example.com", // no scheme: kept as it is
		"":                                 "",
	} {
		if got := (matomo.Site{URL: url}).Domain(); got != want {
			t.Errorf("Domain of %q = %q, want %q", url, got, want)
		}
	}
	var s matomo.Session
	if s.Domain() != "" {
		t.Error("a domain before a site was chosen")
	}
	s.ChooseSite(matomo.Site{ID: 3, URL: "https://shop.example.com:8443"})
	if s.Domain() != "shop.example.com" || s.Site().ID != 3 {
		t.Errorf("chosen site %v, domain %q", s.Site(), s.Domain())
	}
}

// TestSessionEndNote: what a run that ended unverified leaves behind: the
// last failure and what to do, in two lines; nothing once a token was
// verified.
func TestSessionEndNote(t *testing.T) {
	tc := sessionToken(t)
	a := sessionAddr(t, "https://a.example")
	for _, c := range []struct {
		name string
		run  func(s *matomo.Session)
		want []string
	}{
		{"nothing happened", func(s *matomo.Session) {}, nil},
		{"the address failed", func(s *matomo.Session) {
			s.RecordPreflight(a, nil, &matomo.Error{Class: matomo.ClassNotMatomo, Hint: i18n.Verbatim("Check the address. Or not.")})
		}, []string{"✗ This address does not answer like Matomo [not_matomo].", "  Check the address."}},
		{"rejected twice", func(s *matomo.Session) {
			s.RecordVerify(tc, nil, rejected())
			s.RecordVerify(tc, nil, rejected())
		}, []string{"✗ Matomo rejected this token [token_rejected]: 2 rejected in this session, at most 19 more before the lock-out.",
			"  Copy the whole token again, or create a new one, then run matomo-onboard again."}},
		{"no site", func(s *matomo.Session) { s.RecordVerify(tc, nil, &matomo.Error{Class: matomo.ClassNoAccess}) },
			[]string{"✗ The token works, but its user has no site [no_access].", "  Ask a Matomo administrator to give this user view access; the same token then works."}},
		{"locked out, then the address changed", func(s *matomo.Session) {
			s.RecordVerify(tc, nil, rejected())
			s.RecordVerify(tc, nil, &matomo.Error{Class: matomo.ClassBlocked})
		}, []string{"✗ Matomo has locked this computer out [blocked]: no token was sent after that.",
			"  Wait up to an hour (or ask a Matomo superuser to unblock this IP), then run matomo-onboard again."}},
		{"the user locked out", func(s *matomo.Session) {
			s.RecordVerify(tc, nil, &matomo.Error{Class: matomo.ClassBlocked, UserLocked: true})
		}, []string{"✗ Matomo has locked this user out [blocked]: no token was sent after that.",
			"  Wait until the failed logins with this user are an hour old, then run matomo-onboard again."}},
		{"verified after a rejection", func(s *matomo.Session) {
			s.RecordVerify(tc, nil, rejected())
			s.RecordVerify(tc, &matomo.Result{}, nil)
		}, nil},
	} {
		var s matomo.Session
		c.run(&s)
		if got := s.EndNote(nil); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
