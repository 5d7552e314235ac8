package matomo

import (
	"fmt"
	"net/url"
	"strings"
)

// LockoutLimit is how many failed logins an hour Matomo tolerates from one
// IP address by default. Recordings of Matomo: with 20 failures recorded
// the 21st token is still answered (401, and recorded), the 22nd meets the
// lock-out (500). So the 21st failed login is the one that locks.
const LockoutLimit = 20

// Session is what one run (the wizard, the line mode, one verify) has
// learnt from one Matomo, and the rules that follow from it: may a token
// be sent, may the same token be sent again, may the URL check be offered,
// how many failed logins are left before Matomo's lock-out, which site was
// chosen and its domain, and what the diagnostics report says. The front
// ends keep one Session each and only choose how to show it.
//
// The zero Session is ready to use. It does no I/O: callers make the
// requests with a Client and record what came back.
type Session struct {
	// address is the address of the last pre-flight check (passed or
	// failed), or the one verify was given; preflight and preflightErr are
	// that check's answer (at most one is set).
	address      Address
	preflight    *Preflight
	preflightErr *Error

	// token is the token of the last token check, with what ParseToken
	// said of it; result and verifyErr are that check's answer.
	token     TokenCheck
	result    *Result
	verifyErr *Error

	// get and getErr are the URL check's answer, for the verified token.
	get    *GETCheck
	getErr *Error

	site *Site // chosen for the integration
	// data is the data check of the chosen site (session_data.go).
	data dataFinding

	// rejected counts failed logins this run caused (a rejected token, a
	// token refused in a URL); blocked is set once Matomo answered with
	// its lock-out. Both last for the whole run, whatever address comes
	// next: a changed address is most often the same Matomo (https for
	// http, a redirect's target), and a wrong guess would cost the person
	// an hour.
	rejected int
	blocked  bool

	// rejectedTokens are the tokens Matomo rejected in this run, each with
	// the address that rejected it, kept as keyed digests (digestKey is
	// random, made on first use): enough to know the same token again,
	// nothing that could be sent.
	rejectedTokens map[[32]byte]Address
	digestKey      []byte
}

// RecordPreflight records a check of addr without a token: pre when it
// answered like Matomo, else err. A check of another address forgets what
// the token checks found, which says nothing about the new one. A canceled
// check learnt nothing and changes nothing.
func (s *Session) RecordPreflight(addr Address, pre *Preflight, err error) {
	e := AsError(err)
	if e != nil && e.Class == ClassCanceled {
		return
	}
	if addr.String() != s.address.String() {
		s.forgetToken()
	}
	s.address, s.preflight, s.preflightErr = addr, pre, e
	if e != nil {
		s.preflight = nil
	}
}

// UseAddress sets the address token checks go to without a pre-flight
// check (verify, which makes one request only).
func (s *Session) UseAddress(addr Address) {
	if addr.String() != s.address.String() {
		s.forgetToken()
		s.preflight, s.preflightErr = nil, nil
	}
	s.address = addr
}

// RecordVerify records a token check: res when the token was verified,
// else err. It replaces the previous token check and its URL check, and
// counts a rejection or the lock-out. A canceled check only forgets the
// previous one: the person moved on, and whether Matomo received the
// request is unknown.
func (s *Session) RecordVerify(tok TokenCheck, res *Result, err error) {
	s.forgetToken()
	e := AsError(err)
	if e != nil && e.Class == ClassCanceled {
		return
	}
	s.token, s.result, s.verifyErr = tok, res, e
	if e != nil {
		s.result = nil
		s.countFailure(e)
	}
	s.rememberRejection(tok.Token, e)
}

// rememberRejection keeps (or, once verified, forgets) that Matomo
// rejected tok.
func (s *Session) rememberRejection(tok Token, e *Error) {
	if tok.IsZero() {
		return
	}
	if s.digestKey == nil {
		s.digestKey = newDigestKey()
		s.rejectedTokens = map[[32]byte]Address{}
	}
	d := tok.digest(s.digestKey)
	switch {
	case e == nil:
		delete(s.rejectedTokens, d)
	case e.Class == ClassTokenRejected:
		s.rejectedTokens[d] = s.address
	}
}

// RejectedAt reports whether Matomo rejected this very token earlier in
// the run, and the address that did. Sent to the same Matomo again it is
// rejected again and counts as one more failed login, so the front ends
// send it again only when the person confirms that on purpose.
func (s *Session) RejectedAt(tok Token) (Address, bool) {
	if tok.IsZero() || s.digestKey == nil {
		return Address{}, false
	}
	addr, ok := s.rejectedTokens[tok.digest(s.digestKey)]
	return addr, ok
}

// RecordGETCheck records the URL check of the verified token. A refusal
// in the URL is one failed login (Matomo records it as such); so is a
// rejection, and the lock-out stops all sending. A canceled check changes
// nothing.
func (s *Session) RecordGETCheck(check *GETCheck, err error) {
	e := AsError(err)
	if e != nil && e.Class == ClassCanceled {
		return
	}
	s.get, s.getErr = check, e
	switch {
	case e != nil:
		s.get = nil
		s.countFailure(e)
	case !check.Works:
		s.RecordRejection()
	}
}

// countFailure counts what an error means for the lock-out.
func (s *Session) countFailure(e *Error) {
	switch e.Class {
	case ClassTokenRejected:
		s.RecordRejection()
	case ClassBlocked:
		s.RecordBlocked()
	}
}

// RecordRejection counts one failed login Matomo recorded for this
// computer: a rejected token, a token refused in a URL, a wrong password.
func (s *Session) RecordRejection() { s.rejected++ }

// RecordBlocked records that Matomo answered with its lock-out: from now
// on no token (and no password) is sent in this run.
func (s *Session) RecordBlocked() { s.blocked = true }

// ChooseSite records the site the token is for, one of the verified
// token's sites.
func (s *Session) ChooseSite(site Site) { s.site, s.data = &site, dataFinding{} }

// ForgetToken drops the token itself, so that it does not sit in memory
// once the person went back to the guide. What was learnt with it stays,
// except what would need it again: no retry, no URL check.
func (s *Session) ForgetToken() { s.token.Token = Token{} }

func (s *Session) forgetToken() {
	s.token, s.result, s.verifyErr = TokenCheck{}, nil, nil
	s.get, s.getErr, s.site = nil, nil, nil
	s.data = dataFinding{}
}

// Address is the address of the last pre-flight check, passed or failed,
// or the one given to UseAddress.
func (s *Session) Address() Address { return s.address }

// Checked is the address that last answered like Matomo in a pre-flight
// check, or the zero Address when the last check failed or none ran.
func (s *Session) Checked() Address {
	if s.preflight == nil {
		return Address{}
	}
	return s.address
}

// Preflight is the last pre-flight check's answer when it passed.
func (s *Session) Preflight() *Preflight { return s.preflight }

// PreflightErr is why the last pre-flight check failed, or nil.
func (s *Session) PreflightErr() *Error { return s.preflightErr }

// Token is the token of the last token check (the zero Token before one,
// and after ForgetToken).
func (s *Session) Token() Token { return s.token.Token }

// TokenCheck is the last token check's token with what ParseToken said of
// it, to send the same token again.
func (s *Session) TokenCheck() TokenCheck { return s.token }

// Result is what the last token check found when it verified the token.
func (s *Session) Result() *Result { return s.result }

// VerifyErr is why the last token check failed, or nil.
func (s *Session) VerifyErr() *Error { return s.verifyErr }

// GETCheck is the URL check's answer, or nil when it did not complete.
func (s *Session) GETCheck() *GETCheck { return s.get }

// GETErr is why the URL check could not be completed, or nil.
func (s *Session) GETErr() *Error { return s.getErr }

// Site is the chosen site, or nil.
func (s *Session) Site() *Site { return s.site }

// Domain is the chosen site's domain, as integrations ask for it ("" when
// no site was chosen). See Site.Domain.
func (s *Session) Domain() string {
	if s.site == nil {
		return ""
	}
	return s.site.Domain()
}

// Domain is the host of the site's main URL without a port, what an
// integration's "domain" field asks for (Acona's, Matomo's own "domain"
// settings): https://shop.example.com:8443/de gives shop.example.com. The
// URL itself when it has no host.
func (s Site) Domain() string {
	u, err := url.Parse(s.URL)
	if err != nil || u.Hostname() == "" {
		return s.URL
	}
	return u.Hostname()
}

// Rejected is how many failed logins this run caused.
func (s *Session) Rejected() int { return s.rejected }

// Blocked reports whether Matomo locked this computer out during the run.
func (s *Session) Blocked() bool { return s.blocked }

// MaySendToken reports whether a token may be sent at all: never after
// the lock-out, when Matomo refuses even a correct one and each try could
// extend the lock.
func (s *Session) MaySendToken() bool { return !s.blocked }

// RejectionsLeft is how many more failed logins this run may cause before
// Matomo locks the computer out, at most: fewer when the computer had
// failed logins outside this run. 0 means the next one may meet the lock.
func (s *Session) RejectionsLeft() int { return max(0, LockoutLimit+1-s.rejected) }

// MayRetry reports whether sending the same token again can help: after a
// network or server problem, or when access may have been granted since
// (Error.Retryable). Never after a rejection (it would only add a failed
// login) or the lock-out.
func (s *Session) MayRetry() bool {
	return s.MaySendToken() && !s.token.Token.IsZero() && s.verifyErr.Retryable()
}

// OffersGETCheck reports whether the URL check may be offered: for a
// verified token, once, again only after it failed for a reason a retry
// can mend (network, timeout), never after the lock-out.
func (s *Session) OffersGETCheck() bool {
	if s.result == nil || s.blocked || s.get != nil || s.token.Token.IsZero() {
		return false
	}
	return s.getErr == nil || s.getErr.Class == ClassNetwork || s.getErr.Class == ClassTimeout
}

// Countdown puts the run's failed logins against Matomo's lock-out, in one
// sentence for the person; "" before any. Matomo counts failed logins per
// IP address, from this run and from anything else on this computer, so
// the number left is an upper bound.
func (s *Session) Countdown() string {
	n := s.rejected
	if n == 0 {
		return ""
	}
	line := fmt.Sprintf("Rejected tokens in this session: %d. Matomo locks this computer out for up to an hour "+
		"after more than %d failed logins in an hour", n, LockoutLimit)
	switch left := s.RejectionsLeft(); {
	case left > 5:
		return line + fmt.Sprintf(": at most %d more may be rejected, fewer if this computer had other failed logins.", left)
	case left > 1:
		return line + fmt.Sprintf(": at most %d more may be rejected before the lock, fewer if this computer had "+
			"other failed logins. Check the token carefully before sending it.", left)
	case left == 1:
		return line + ": at most 1 more may be rejected before the lock, none if this computer had other failed logins. " +
			"Check the token carefully before sending it."
	}
	return line + ": this session is past that limit, so Matomo may refuse the next token, even a correct one, with its lock-out."
}

// EndNote is what a run that ends without a verified token leaves behind
// once its screen is gone, as verify would say it: what failed last, and
// what to do, in two short lines. Nil when nothing failed, or when the
// last token check succeeded.
func (s *Session) EndNote() []string {
	e := s.verifyErr
	if e == nil && s.result == nil && s.token.Token.IsZero() {
		e = s.preflightErr
	}
	if e == nil || s.result != nil {
		return nil
	}
	var what string
	switch {
	case s.blocked:
		title := ClassBlocked.Title()
		if e.Class == ClassBlocked {
			title = e.Title() // this computer, or the user's login
		}
		what = "✗ " + title + " [" + string(ClassBlocked) + "]: no token was sent after that."
	case e.Class == ClassTokenRejected:
		what = fmt.Sprintf("✗ %s [%s]: %d rejected in this session, at most %d more before the lock-out.",
			e.Title(), e.Class, s.rejected, s.RejectionsLeft())
	default:
		what = "✗ " + e.Title() + " [" + string(e.Class) + "]."
	}
	return []string{what, "  " + endAdvice(e, s.blocked)}
}

// endAdvice is what to do after a run that ended with e, in a line.
func endAdvice(e *Error, blocked bool) string {
	switch {
	case blocked && e.UserLocked:
		return "Wait until the failed logins with this user are an hour old, then run matomo-onboard again."
	case blocked:
		return "Wait up to an hour (or ask a Matomo superuser to unblock this IP), then run matomo-onboard again."
	case e.Class == ClassTokenRejected:
		return "Copy the whole token again, or create a new one, then run matomo-onboard again."
	case e.Class == ClassNoAccess:
		return "Ask a Matomo administrator to give this user view access; the same token then works."
	}
	hint, _, _ := strings.Cut(e.Hint, ". ")
	if hint == "" {
		return "matomo-onboard verify --url … --report FILE writes a diagnostics report for support."
	}
	return strings.TrimSuffix(hint, ".") + "."
}

// Findings is what the diagnostics report describes: the last pre-flight
// check, token check and URL check, and the warnings about the address
// and the token as typed. Tool, Version and Time are the caller's to set.
func (s *Session) Findings() Findings {
	notes := append([]string(nil), s.address.Notes...)
	if w := s.address.HostWarning(); w != "" {
		notes = append(notes, w)
	}
	notes = append(notes, s.token.Warnings...)
	return Findings{
		Address: s.address, Token: s.token.Token, Notes: notes,
		Preflight: s.preflight, PreflightErr: s.preflightErr.OrNil(),
		Result: s.result, VerifyErr: s.verifyErr.OrNil(),
		GETCheck: s.get, GETErr: s.getErr.OrNil(),
		DataCheck: s.data.check, DataErr: s.data.err.OrNil(), DataSkipped: s.data.skipped,
	}
}
