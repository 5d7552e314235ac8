package matomo_test

import (
	"strings"
	"testing"

	"matomo-onboard/matomo"
)

// TestSessionCountsRefusedPasswordsAndCodes: a refused password and a
// refused two-factor code each count as a failed login and a round; the
// third refused round ends creating, a refusal of the method too, and the
// countdown says what was refused.
func TestSessionCountsRefusedPasswordsAndCodes(t *testing.T) {
	var s matomo.Session
	if !s.MayCreate() || s.CreateRoundsLeft() != matomo.CreateRoundLimit {
		t.Fatal("a fresh session may create")
	}
	s.RecordCreate("Acona 2026-11-28", nil, &matomo.Error{Class: matomo.ClassPasswordRejected})
	if s.Rejected() != 1 || !s.MayCreate() || len(s.Orphans()) != 0 {
		t.Fatalf("after a wrong password: %d rejected, may create %v, orphans %v", s.Rejected(), s.MayCreate(), s.Orphans())
	}
	if c := s.Countdown().String(); !strings.HasPrefix(c, "Refused passwords and two-factor codes in this session: 1.") {
		t.Errorf("countdown %q", c)
	}
	s.RecordCreate("Acona 2026-11-28", nil, &matomo.Error{Class: matomo.ClassTwoFactor, TokenLeft: true})
	s.RecordCreate("Acona 2026-11-28 (2)", nil, &matomo.Error{Class: matomo.ClassCreateInput})
	if s.Rejected() != 2 || s.CreateRoundsLeft() != 1 || !s.MayCreate() {
		t.Fatalf("a form problem is no round: %d rejected, %d rounds left", s.Rejected(), s.CreateRoundsLeft())
	}
	s.RecordCreate("Acona 2026-11-28 (2)", nil, &matomo.Error{Class: matomo.ClassTwoFactor, CodeGiven: true, TokenLeft: true})
	if s.MayCreate() || s.Rejected() != 3 {
		t.Errorf("after three refused rounds: may create %v, %d rejected", s.MayCreate(), s.Rejected())
	}
	if o := s.Orphans(); len(o) != 2 || o[0] != "Acona 2026-11-28" || o[1] != "Acona 2026-11-28 (2)" {
		t.Errorf("orphans %q", o)
	}
	note := strings.Join(s.EndNote(nil), "\n")
	for _, want := range []string{"[two_factor]: 3 failed logins in this session", `Matomo probably holds 2 tokens nobody saw ("Acona 2026-11-28", "Acona 2026-11-28 (2)")`} {
		if !strings.Contains(note, want) {
			t.Errorf("end note lacks %q:\n%s", want, note)
		}
	}
	s.RecordVerify(matomo.TokenCheck{}, nil, rejected())
	if c := s.Countdown().String(); !strings.HasPrefix(c, "Rejected tokens and refused passwords in this session: 4.") {
		t.Errorf("countdown %q", c)
	}

	var refused matomo.Session
	refused.RecordCreate("x", nil, &matomo.Error{Class: matomo.ClassCreateRefused, Matomo3: true})
	if refused.MayCreate() || refused.CreateRefused() == nil || refused.Rejected() != 0 {
		t.Error("a refusal of the method ends creating, without a failed login")
	}
	var blocked matomo.Session
	blocked.RecordCreate("x", nil, &matomo.Error{Class: matomo.ClassBlocked})
	if blocked.MayCreate() || blocked.MaySendToken() {
		t.Error("the lock-out ends all sending")
	}
	var near matomo.Session
	for range matomo.LockoutLimit {
		near.RecordRejection()
	}
	if near.MayCreate() {
		t.Error("with one failed login left, no password is sent")
	}
}

// TestSessionKeepsTheCreatedToken: the created token is the session's
// token at once, stays through a failed check (for a retry), and is no
// longer "created" once another token is checked; leaving it behind makes
// it an orphan.
func TestSessionKeepsTheCreatedToken(t *testing.T) {
	var s matomo.Session
	tok := sessionToken(t)
	created := &matomo.Created{Token: tok, Description: "Acona 2026-11-28", Login: "viewer"}
	s.RecordCreate(created.Description, created, nil)
	if s.Created() != created || !s.Token().Equal(tok.Token) {
		t.Fatal("the created token is not the session's")
	}
	s.RecordVerify(tok, nil, &matomo.Error{Class: matomo.ClassNetwork})
	if s.Created() != created || !s.MayRetry() {
		t.Fatalf("after a network failure: created %v, may retry %v", s.Created(), s.MayRetry())
	}
	s.AbandonCreated()
	if s.Created() != nil || len(s.Orphans()) != 1 {
		t.Errorf("abandoned: created %v, orphans %v", s.Created(), s.Orphans())
	}
	other, _ := matomo.ParseToken("0123456789abcdef0123456789abcdef")
	s.RecordCreate(created.Description, created, nil)
	s.RecordVerify(other, nil, rejected())
	if s.Created() != nil {
		t.Error("another token checked: the created one is no longer the session's")
	}
}
