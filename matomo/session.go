package matomo

import (
	"net/url"
	"strings"

	"matomo-onboard/internal/i18n"
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
	// named are the hosts the person gave (Name): a token goes to any
	// other, one a redirect's answer chose, only when they say so for it.
	named map[string]bool
	// refusedPasswords counts the failed logins among rejected that were
	// a password or two-factor code CreateToken sent, for the countdown's
	// words.
	refusedPasswords int

	// The token made from login and password (CreateToken): created is
	// the last one Matomo created in this run, kept (with its token in
	// token) until the person takes it or leaves; createRounds counts the
	// rounds that sent the password and gave no token (a refused password
	// or code); createRefused is why this Matomo creates no token this way
	// (then the guide's steps are the way); orphans are the descriptions
	// of tokens Matomo probably created and showed to nobody (a refused
	// two-factor code comes after the token was stored); createErr is the
	// last round's failure.
	created       *Created
	createRounds  int
	createRefused *Error
	orphans       []string
	createErr     *Error

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

// CreateRoundLimit is how many rounds of "create it for me" that sent the
// password and gave no token a run allows: each may be a failed login,
// and each refused two-factor code may leave a token behind. After that,
// the guide's steps are the way.
const CreateRoundLimit = 3

// RecordCreate records a round of CreateToken for a token described as
// description: created when Matomo made one, else err. A refused password
// is one failed login; so is a refused two-factor code (Matomo 5.13 and
// later count it, and the count is an upper bound), which also leaves the
// token Matomo had already stored behind, described as sent; both count
// as a round. A refusal of the method itself (Matomo 3, a login through
// LDAP or the web server) ends creating in this run, the lock-out all
// sending. A canceled round may have created a token too.
func (s *Session) RecordCreate(description string, created *Created, err error) {
	e := AsError(err)
	s.createErr = e
	if e == nil {
		// The new token is the session's token from now on, as a pasted
		// one would be, before its check.
		s.forgetToken()
		s.created, s.token = created, created.Token
		return
	}
	if e.TokenLeft || e.Class == ClassCanceled {
		s.orphans = append(s.orphans, description)
	}
	switch e.Class {
	case ClassPasswordRejected, ClassTwoFactor:
		s.RecordRejection()
		s.refusedPasswords++
		s.createRounds++
	case ClassCreateRefused:
		s.createRefused = e
	case ClassBlocked:
		s.RecordBlocked()
	}
}

// MayCreate reports whether "create it for me" may send the password (once
// more): not after the lock-out, nor after Matomo refused the method, nor
// after CreateRoundLimit refused rounds, nor when the next failed login
// may meet the lock-out.
func (s *Session) MayCreate() bool {
	return !s.blocked && s.createRefused == nil && s.createRounds < CreateRoundLimit && s.RejectionsLeft() > 1
}

// CreateRoundsLeft is how many more refused rounds MayCreate allows.
func (s *Session) CreateRoundsLeft() int { return max(0, CreateRoundLimit-s.createRounds) }

// CreateRefused is why this Matomo creates no token from a login and
// password, or nil.
func (s *Session) CreateRefused() *Error { return s.createRefused }

// CreateErr is why the last round of CreateToken failed, or nil.
func (s *Session) CreateErr() *Error { return s.createErr }

// Created is the token "create it for me" made in this run, or nil: while
// it is the session's token (Token), it is the one the wizard made.
func (s *Session) Created() *Created {
	if s.created == nil || s.token.Token.IsZero() || !s.created.Token.Token.Equal(s.token.Token) {
		return nil
	}
	return s.created
}

// Orphans are the descriptions of the tokens Matomo probably created in
// this run and showed to nobody, oldest first: each should be deleted in
// Matomo (Personal → Security).
func (s *Session) Orphans() []string { return append([]string(nil), s.orphans...) }

// RecordBlocked records that Matomo answered with its lock-out: from now
// on no token (and no password) is sent in this run.
func (s *Session) RecordBlocked() { s.blocked = true }

// ChooseSite records the site the token is for, one of the verified
// token's sites.
func (s *Session) ChooseSite(site Site) { s.site, s.data = &site, dataFinding{} }

// ForgetToken drops the token itself, so that it does not sit in memory
// once the person went back to the guide. What was learnt with it stays,
// except what would need it again: no retry, no URL check. A token the
// wizard created goes too: nobody was shown it, and Matomo keeps it.
func (s *Session) ForgetToken() {
	if s.created != nil && s.created.Token.Token.Equal(s.token.Token) {
		s.created = nil
	}
	s.token.Token = Token{}
}

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
// sentence for the person; the zero Text before any. Matomo counts failed
// logins per IP address, from this run and from anything else on this
// computer, so the number left is an upper bound.
func (s *Session) Countdown() i18n.Text {
	n := s.rejected
	if n == 0 {
		return i18n.Text{}
	}
	count, careful := i18n.T(i18n.SessionRejected, n), i18n.T(i18n.SessionCarefulToken)
	switch {
	case s.refusedPasswords == n:
		count, careful = i18n.T(i18n.SessionRefusedPasswords, n), i18n.T(i18n.SessionCarefulPassword)
	case s.refusedPasswords > 0:
		count, careful = i18n.T(i18n.SessionRejectedBoth, n), i18n.T(i18n.SessionCarefulBoth)
	}
	line := i18n.T(i18n.SessionLockLine, count, LockoutLimit)
	switch left := s.RejectionsLeft(); {
	case left > 5:
		return i18n.T(i18n.SessionLeftMany, line, left)
	case left > 1:
		return i18n.T(i18n.SessionLeftFew, line, left, careful)
	case left == 1:
		return i18n.T(i18n.SessionLeftOne, line, careful)
	}
	return i18n.T(i18n.SessionPastLimit, line)
}

// EndNote is what a run that ends without a verified token leaves behind
// once its screen is gone, as verify would say it, in p's language (nil
// is English): what failed last, and what to do, in two short lines. Nil
// when nothing failed, or when the last token check succeeded.
func (s *Session) EndNote(p *i18n.Printer) []string {
	e := s.verifyErr
	if e == nil && s.result == nil && s.token.Token.IsZero() {
		e = s.preflightErr
		if s.createErr != nil && s.createErr.Class != ClassCanceled {
			e = s.createErr
		}
	}
	if s.result != nil {
		return nil
	}
	if e == nil {
		return s.orphanNote(p)
	}
	var what string
	switch {
	case s.blocked:
		title := ClassBlocked.Title()
		if e.Class == ClassBlocked {
			title = e.Title() // this computer, or the user's login
		}
		what = p.Sprintf(i18n.SessionEndBlocked, title, string(ClassBlocked))
	case e.Class == ClassTokenRejected:
		what = p.Sprintf(i18n.SessionEndRejected, e.Title(), string(e.Class), s.rejected, s.RejectionsLeft())
	case e.Class == ClassPasswordRejected || e.Class == ClassTwoFactor:
		what = p.Sprintf(i18n.SessionEndFailedLogins, e.Title(), string(e.Class), s.rejected, s.RejectionsLeft())
	default:
		what = p.Sprintf(i18n.SessionEndOther, e.Title(), string(e.Class))
	}
	return append([]string{what, "  " + endAdvice(p, e, s.blocked)}, s.orphanNote(p)...)
}

// orphanNote says which tokens Matomo probably holds that nobody saw, in
// a line; nil when there are none.
func (s *Session) orphanNote(p *i18n.Printer) []string {
	if len(s.orphans) == 0 {
		return nil
	}
	return []string{"  " + p.Sprintf(i18n.SessionOrphans, len(s.orphans), quotedList(s.orphans))}
}

// quotedList is texts quoted, one after another: "a", "b".
func quotedList(texts []string) i18n.Text {
	q := i18n.T(i18n.SessionQuoted, texts[0])
	if len(texts) == 1 {
		return q
	}
	return i18n.T(i18n.SessionList, q, quotedList(texts[1:]))
}

// AbandonCreated records that the token the wizard created was left
// without being taken anywhere (the person quit without it): Matomo keeps
// it, and nobody has it, so it is one more to delete.
func (s *Session) AbandonCreated() {
	if s.created != nil {
		s.orphans = append(s.orphans, s.created.Description)
		s.created = nil
	}
}

// endAdvice is what to do after a run that ended with e, in a line in
// p's language.
func endAdvice(p *i18n.Printer, e *Error, blocked bool) string {
	var m *i18n.Message
	switch {
	case blocked && e.UserLocked:
		m = i18n.SessionAdviceUserLocked
	case blocked:
		m = i18n.SessionAdviceBlocked
	case e.Class == ClassTokenRejected:
		m = i18n.SessionAdviceRejected
	case e.Class == ClassPasswordRejected:
		m = i18n.SessionAdvicePassword
	case e.Class == ClassTwoFactor:
		m = i18n.SessionAdviceTwoFactor
	case e.Class == ClassCreateRefused || e.Class == ClassCreateInput:
		m = i18n.SessionAdviceBrowser
	case e.Class == ClassNoAccess:
		m = i18n.SessionAdviceNoAccess
	default:
		// The hint's first sentence, as the person reads it.
		hint, _, _ := strings.Cut(p.Text(e.Hint), ". ")
		if hint == "" {
			return p.Sprintf(i18n.SessionAdviceReport)
		}
		return strings.TrimSuffix(hint, ".") + "."
	}
	return p.Sprintf(m)
}

// Findings is what the diagnostics report describes: the last pre-flight
// check, token check and URL check, and the warnings about the address
// and the token as typed. Tool, Version and Time are the caller's to set.
func (s *Session) Findings() Findings {
	var notes []string // the report's, in English
	for _, n := range s.address.Notes {
		notes = append(notes, n.String())
	}
	if w := s.address.HostWarning(); !w.IsZero() {
		notes = append(notes, w.String())
	}
	for _, w := range s.token.Warnings {
		notes = append(notes, w.String())
	}
	return Findings{
		Address: s.address, Token: s.token.Token, Notes: notes,
		Preflight: s.preflight, PreflightErr: s.preflightErr.OrNil(),
		Result: s.result, VerifyErr: s.verifyErr.OrNil(),
		GETCheck: s.get, GETErr: s.getErr.OrNil(),
		DataCheck: s.data.check, DataErr: s.data.err.OrNil(), DataSkipped: s.data.skipped,
	}
}

// Name records addr as one the person gave (typed, or passed on the
// command line), not one a server's answer suggested.
func (s *Session) Name(addr Address) {
	if addr.IsZero() {
		return
	}
	if s.named == nil {
		s.named = map[string]bool{}
	}
	s.named[addr.Host()] = true
}

// Named reports whether the person gave addr's host (Name): when not,
// a redirect led there, and the token goes there only when they say so.
func (s *Session) Named(addr Address) bool { return s.named[addr.Host()] }
