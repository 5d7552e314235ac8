package matomo

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"matomo-onboard/internal/i18n"
)

// MaxPasswordLength bounds what ParsePassword accepts: far above any
// password a person types, far below a paste of the wrong thing.
const MaxPasswordLength = 1024

// Password is a Matomo login password, typed for "create it for me"
// (CreateToken). It is a secret like the token, and more: it opens the
// account itself. So the type shows nothing of it, not even a fingerprint:
// every way Go prints a value (String, GoString, Format with any verb,
// JSON, text, slog) says only that a password is hidden, and its length
// is not told either. The secret leaves the type through Reveal, which the
// code calls in one place that sends it, the POST body of CreateToken's
// one request, and in the removal of its echoes from the answer (a test
// keeps it that way).
type Password struct {
	// secret sits behind a pointer, as Token's does: a struct holding a
	// Password in an unexported field prints an address, not the secret.
	secret *string
}

// Password input errors, distinguishable with errors.Is. None of them
// holds the input.
var (
	ErrPasswordEmpty   = i18n.Errorf(i18n.PasswordEmpty)
	ErrPasswordTooLong = i18n.Errorf(i18n.PasswordTooLong)
	ErrPasswordControl = i18n.Errorf(i18n.PasswordControl)
)

// PasswordError explains why a typed or pasted password cannot be sent.
// It never contains the input, nor its length.
type PasswordError struct {
	Reason error
	Hint   i18n.Text
}

func (e *PasswordError) Error() string { return e.Text().String() }

// Text is the reason and the hint as one sentence, to render.
func (e *PasswordError) Text() i18n.Text {
	return i18n.T(i18n.TokenRefused, reasonText(e.Reason), e.Hint)
}
func (e *PasswordError) Unwrap() error { return e.Reason }

// ParsePassword takes a password as typed or pasted. Only the line end a
// paste brings along is removed: spaces may be part of a password, and
// Matomo compares what it gets. Control characters are refused (no
// Matomo password has one; a paste that holds one was a paste of the
// wrong thing).
func ParsePassword(raw string) (Password, error) {
	s := strings.TrimSuffix(strings.TrimSuffix(raw, "\n"), "\r")
	switch {
	case s == "":
		return Password{}, &PasswordError{Reason: ErrPasswordEmpty, Hint: i18n.T(i18n.PasswordHintEmpty)}
	case utf8.RuneCountInString(s) > MaxPasswordLength:
		return Password{}, &PasswordError{Reason: ErrPasswordTooLong,
			Hint: i18n.T(i18n.PasswordHintTooLong, strconv.Itoa(MaxPasswordLength))}
	case strings.IndexFunc(s, unicode.IsControl) >= 0:
		return Password{}, &PasswordError{Reason: ErrPasswordControl, Hint: i18n.T(i18n.PasswordHintControl)}
	}
	return Password{secret: &s}, nil
}

// IsZero reports whether the password is unset.
func (p Password) IsZero() bool { return p.value() == "" }

// Reveal returns the secret. Call it only to put the password into the
// POST body of CreateToken's request and to remove its echoes from the
// answer.
func (p Password) Reveal() string { return p.value() }

// In reports whether the password appears in s, as typed: a login or a
// description that holds it must not be shown or sent as such.
func (p Password) In(s string) bool { return p.value() != "" && strings.Contains(s, p.value()) }

func (p Password) value() string {
	if p.secret == nil {
		return ""
	}
	return *p.secret
}

// passwordShown is how every printing of a Password reads.
const passwordShown = "password (hidden)"

func (p Password) String() string { return passwordShown }

func (p Password) GoString() string { return passwordShown }

// Format prints the same for every verb, so %x or %q cannot slip past
// String.
func (p Password) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(passwordShown)) }

// MarshalText makes encoders (JSON, YAML, flags) print no secret.
func (p Password) MarshalText() ([]byte, error) { return []byte(passwordShown), nil }

// LogValue makes log/slog print no secret.
func (p Password) LogValue() slog.Value { return slog.StringValue(passwordShown) }
