package matomo

import (
	"errors"
	"strings"

	"matomo-onboard/internal/i18n"
)

// ErrorClass names what kind of failure happened, so callers can choose a
// way forward (and `verify` an exit code) without parsing messages.
type ErrorClass string

const (
	ClassNetwork       ErrorClass = "network"        // DNS, connection refused or reset
	ClassTimeout       ErrorClass = "timeout"        // no complete answer in time
	ClassTLS           ErrorClass = "tls"            // certificate or handshake problem
	ClassNotMatomo     ErrorClass = "not_matomo"     // something answered, but not Matomo's API
	ClassRedirect      ErrorClass = "redirect"       // the address moved; see Error.Location
	ClassTokenRejected ErrorClass = "token_rejected" // unknown, expired or mistyped token
	ClassNoAccess      ErrorClass = "no_access"      // valid token whose user has no site
	ClassBlocked       ErrorClass = "blocked"        // Matomo's brute-force lock for this IP
	ClassRateLimited   ErrorClass = "rate_limited"   // HTTP 429
	ClassServerError   ErrorClass = "server_error"   // 5xx, upgrade, maintenance, broken answers
	ClassPlainHTTP     ErrorClass = "plain_http"     // refused to send the token unencrypted
	ClassCanceled      ErrorClass = "canceled"       // the caller gave up (Esc, Ctrl+C)

	// The classes of CreateToken (the token made from login and password).
	ClassPasswordRejected ErrorClass = "password_rejected" // wrong password or unknown login: a failed login
	ClassTwoFactor        ErrorClass = "two_factor"        // the two-factor code was missing or wrong; a token was probably created
	ClassCreateInput      ErrorClass = "create_input"      // Matomo refused what was typed (a missing field, a too weak password, a long description)
	ClassCreateRefused    ErrorClass = "create_refused"    // this Matomo does not create tokens this way (Matomo 3, LDAP, 2FA not set up)
)

// Title describes the class in a few words, for headings.
func (c ErrorClass) Title() i18n.Text { return i18n.T(c.title()) }

func (c ErrorClass) title() *i18n.Message {
	switch c {
	case ClassNetwork:
		return i18n.ErrTitleNetwork
	case ClassTimeout:
		return i18n.ErrTitleTimeout
	case ClassTLS:
		return i18n.ErrTitleTLS
	case ClassNotMatomo:
		return i18n.ErrTitleNotMatomo
	case ClassRedirect:
		return i18n.ErrTitleRedirect
	case ClassTokenRejected:
		return i18n.ErrTitleTokenRejected
	case ClassNoAccess:
		return i18n.ErrTitleNoAccess
	case ClassBlocked:
		return i18n.ErrTitleBlocked
	case ClassRateLimited:
		return i18n.ErrTitleRateLimited
	case ClassServerError:
		return i18n.ErrTitleServerError
	case ClassPlainHTTP:
		return i18n.ErrTitlePlainHTTP
	case ClassCanceled:
		return i18n.ErrTitleCanceled
	case ClassPasswordRejected:
		return i18n.ErrTitlePasswordRejected
	case ClassTwoFactor:
		return i18n.ErrTitleTwoFactor
	case ClassCreateInput:
		return i18n.ErrTitleCreateInput
	case ClassCreateRefused:
		return i18n.ErrTitleCreateRefused
	}
	return i18n.ErrTitleOther
}

// Error is what every failed request of this package returns: a class, a
// sentence about what happened, Matomo's own message when it sent one, and
// a hint saying what to do. It never holds the token: requests carry the
// token only in their body, which no error mentions.
//
// Its words are messages of the catalogue (internal/i18n), rendered by
// the front end in the person's language: Title, Detail and Hint are
// Texts, whose String is the English that Error(), --json and the
// diagnostics report keep. Matomo's own words are quoted as they came.
type Error struct {
	Class ErrorClass
	// Detail says what happened in this case, beyond the class title.
	Detail i18n.Text
	// Matomo is Matomo's own error message, verbatim but cleaned of HTML
	// entities and control characters. Empty when Matomo sent none.
	Matomo string
	// Hint tells the user what to do next.
	Hint i18n.Text
	// Status is the HTTP status, when a response arrived.
	Status int
	// Location is the redirect target, for ClassRedirect.
	Location string
	// Suggested is the Matomo address the redirect points to, when it can
	// be derived (same path, new scheme or host).
	Suggested Address
	// SecureOnly is set when Matomo's message says a token may have to be
	// sent as a POST parameter (Matomo 5's "Only allow secure requests").
	SecureOnly bool
	// UserLocked is set for Matomo's lock-out of the user's login (from
	// every computer) rather than of this computer's IP address; both are
	// ClassBlocked.
	UserLocked bool
	// CodeGiven is set, for ClassTwoFactor, when a code was sent and
	// Matomo found it wrong (rather than missing).
	CodeGiven bool
	// Matomo3 is set, for ClassCreateRefused, when the answer shows a
	// Matomo without createAppSpecificTokenAuth: Matomo 3 or older.
	Matomo3 bool
	// Field names, for ClassCreateInput, the CreateRequest field that was
	// refused: "login", "password", "description", "expiry" or "code".
	Field string
	// TokenLeft is set when Matomo refused CreateToken after it had stored
	// the new token (its two-factor check comes after): a token nobody was
	// shown is probably there, to be deleted.
	TokenLeft bool
	// Trace describes the request that failed, for the diagnostics report.
	Trace *Trace

	err error
}

// Title describes the failure in a few words, for headings: the class's
// title, told apart for the two lock-outs.
func (e *Error) Title() i18n.Text {
	if e.Class == ClassBlocked && e.UserLocked {
		return i18n.T(i18n.ErrTitleUserLocked)
	}
	if e.Class == ClassTwoFactor && e.CodeGiven {
		return i18n.T(i18n.ErrTitleCodeWrong)
	}
	return e.Class.Title()
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(string(e.Class))
	b.WriteString(": ")
	if !e.Detail.IsZero() {
		b.WriteString(e.Detail.String())
	} else {
		b.WriteString(e.Title().String())
	}
	if e.Matomo != "" {
		b.WriteString(` (Matomo said: "` + e.Matomo + `")`)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.err }

// AsError returns err as an *Error. The Client's methods return only
// *Error; anything else (from a caller's own code) becomes a server_error
// that shows its text, cleaned for a terminal. Nil stays nil.
func AsError(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	detail := i18n.Verbatim(cleanText(err.Error(), 300))
	if ie, ok := err.(*i18n.Error); ok {
		detail = ie.Text // the catalogue's words, in the person's language
	}
	return &Error{Class: ClassServerError, Detail: detail, Hint: i18n.T(i18n.ErrHintTryAgain), err: err}
}

// ClassOf returns the class of err, or "" when err is nil or not an *Error.
func ClassOf(err error) ErrorClass {
	var e *Error
	if errors.As(err, &e) {
		return e.Class
	}
	return ""
}

// Retryable reports whether sending the same request again can help:
// after a network or server problem, a rate limit, or when access may have
// been granted since (no_access). Never after a rejection, which would
// only add a failed login, nor a lock-out, nor for an address that is
// wrong (not Matomo, a redirect, plain http): the fix there is elsewhere.
func (e *Error) Retryable() bool {
	if e == nil {
		return false
	}
	switch e.Class {
	case ClassNetwork, ClassTimeout, ClassTLS, ClassServerError, ClassRateLimited, ClassNoAccess:
		return true
	}
	return false
}

// OrNil returns e as an error, or a true nil for a nil *Error (an error
// interface holding a nil pointer is not nil).
func (e *Error) OrNil() error {
	if e == nil {
		return nil
	}
	return e
}
