package matomo

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"matomo-onboard/internal/i18n"
)

// "Create it for me": the token made through Matomo's API from the
// person's login and password (UsersManager.createAppSpecificTokenAuth,
// the call Matomo's own mobile app makes), instead of the guide's steps in
// the browser.
//
// The request is sent without any token. module, method and format are in
// its URL, as for every call (without them there Matomo answers failures
// as an HTML page); the login, the password, the description, the expiry
// and the two-factor code only in its POST body; never inside a bulk
// request (Matomo 5.13 and later refuse that). Measured on a real 5.1.2
// (../shared/matomo/README.md and issue 17):
//   - right login and password: 200 {"value":"<32 hex>"};
//   - wrong password or unknown login (or e-mail): 200 "The current
//     password you entered is not correct.", one failed login counted;
//   - a password that cannot be one (under 6 characters, or one character
//     repeated): "This password is too weak, please supply another value or
//     reset it.", not counted;
//   - a field missing: "Please specify a value for 'passwordConfirmation'.";
//     a description over 100 characters: "Description: The value contains
//     …"; an expiry date Matomo cannot read: "Date format must be: …";
//   - a login with two-factor authentication: Matomo creates and stores the
//     token first, then asks for the code: 401 "Please specify a
//     two-factor authentication code." or "Incorrect two-factor
//     authentication code." (also for a code used before), not counted
//     in 5.1.2 (5.13 counts them). Each such answer leaves a valid token
//     behind that nobody was shown;
//   - two-factor authentication required but not set up: "You must set up
//     two-factor authentication. Please log in to do so.";
//   - locked out: 200 "Too many failed logins. …".
// Matomo 3 has no such method ("The method 'createAppSpecificTokenAuth'
// does not exist …"). 5.1.2 has no secureOnly parameter and creates a
// token that also works in URLs whatever was asked; later 5.x honour it.

// CreateRequest is what CreateToken sends.
type CreateRequest struct {
	// Login is the Matomo login, or the user's e-mail address.
	Login    string
	Password Password
	// Description names the token in Matomo's list of tokens: 1 to
	// MaxDescriptionLength characters.
	Description string
	// ExpireDate is the day the token stops working, YYYY-MM-DD; "" for a
	// token that does not expire.
	ExpireDate string
	// AuthCode is the two-factor code (or a recovery code); "" for a login
	// without two-factor authentication.
	AuthCode string
}

// MaxDescriptionLength is the longest description Matomo takes.
const MaxDescriptionLength = 100

// Created is a token Matomo created for a CreateRequest.
type Created struct {
	// Token is the new token as ParseToken read it from Matomo's answer.
	Token TokenCheck
	// Login, Description and ExpireDate are as they were sent.
	Login, Description, ExpireDate string
	Trace                          Trace
}

// FieldError says what is wrong with one answer of the create form, in
// words for the person. It never holds the password. Field is the
// CreateRequest field (see Error.Field).
type FieldError struct {
	Field   string
	Problem i18n.Text
}

func (e *FieldError) Error() string { return e.Problem.String() }

// Text is the problem, to render in the person's language.
func (e *FieldError) Text() i18n.Text { return e.Problem }

// fieldError is a FieldError of a message.
func fieldError(field string, m *i18n.Message, a ...any) *FieldError {
	return &FieldError{Field: field, Problem: i18n.T(m, a...)}
}

// CheckLogin cleans a login or e-mail address as typed: no spaces around
// it (no Matomo login has them), nothing that is no login.
func CheckLogin(raw string) (string, error) {
	s := strings.TrimFunc(raw, isSpaceOrInvisible)
	switch {
	case s == "":
		return "", fieldError("login", i18n.CreateTypeLogin)
	case ContainsToken(s):
		return "", fieldError("login", i18n.CreateLoginIsToken)
	case utf8.RuneCountInString(s) > 255 || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || isInvisible(r) }):
		return "", fieldError("login", i18n.CreateLoginBad)
	}
	return s, nil
}

// CheckDescription cleans the token's description as typed.
func CheckDescription(raw string) (string, error) {
	s := strings.TrimFunc(raw, isSpaceOrInvisible)
	n := utf8.RuneCountInString(s)
	switch {
	case s == "":
		return "", fieldError("description", i18n.CreateTypeDescription)
	case ContainsToken(s):
		return "", fieldError("description", i18n.CreateDescriptionIsToken)
	case strings.ContainsFunc(s, unicode.IsControl):
		return "", fieldError("description", i18n.CreateDescriptionControl)
	case n > MaxDescriptionLength:
		return "", fieldError("description", i18n.CreateDescriptionLong, MaxDescriptionLength, strconv.Itoa(n))
	}
	return s, nil
}

// CheckExpireDate reads an expiry date as typed: YYYY-MM-DD, after today
// (a date today or before would create a token that is expired at once).
func CheckExpireDate(raw string, today time.Time) (string, error) {
	s := strings.TrimSpace(raw)
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return "", fieldError("expiry", i18n.CreateDateForm, today.AddDate(1, 0, 0).Format("2006-01-02"))
	}
	y, m, day := today.Date()
	if !d.After(time.Date(y, m, day, 0, 0, 0, 0, time.UTC)) {
		return "", fieldError("expiry", i18n.CreateDateNotFuture)
	}
	return d.Format("2006-01-02"), nil
}

// CheckAuthCode cleans a two-factor code as typed: the six digits an
// authenticator app shows (spaces in it, as apps group them, go), or one
// of the recovery codes Matomo handed out.
func CheckAuthCode(raw string) (string, error) {
	s := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '-' {
			return -1
		}
		return r
	}, raw)
	switch {
	case s == "":
		return "", fieldError("code", i18n.CreateTypeCode)
	case len(s) > 64 || strings.ContainsFunc(s, func(r rune) bool { return !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') }):
		return "", fieldError("code", i18n.CreateCodeBad)
	}
	return s, nil
}

// check is CheckLogin and the other checks for the whole request, and that
// no field holds the password: typed into the wrong field, it would be
// shown and sent as something else.
func (r CreateRequest) check() (CreateRequest, error) {
	for _, f := range []struct {
		field, value string
		problem      *i18n.Message
	}{
		{"login", r.Login, i18n.CreateLoginHoldsPassword},
		{"description", r.Description, i18n.CreateDescriptionHoldsPassword},
		{"code", r.AuthCode, i18n.CreateCodeHoldsPassword},
	} {
		if r.Password.In(f.value) || r.Password.In(strings.Map(dropSpace, f.value)) {
			return r, fieldError(f.field, f.problem)
		}
	}
	var err error
	if r.Login, err = CheckLogin(r.Login); err != nil {
		return r, err
	}
	if r.Password.IsZero() {
		return r, fieldError("password", i18n.CreateTypePassword)
	}
	if r.Description, err = CheckDescription(r.Description); err != nil {
		return r, err
	}
	if r.ExpireDate != "" {
		if _, perr := time.Parse("2006-01-02", r.ExpireDate); perr != nil {
			return r, fieldError("expiry", i18n.CreateExpiryNotDate)
		}
	}
	if r.AuthCode != "" {
		if r.AuthCode, err = CheckAuthCode(r.AuthCode); err != nil {
			return r, err
		}
	}
	return r, nil
}

// dropSpace drops white space in strings.Map.
func dropSpace(r rune) rune {
	if unicode.IsSpace(r) {
		return -1
	}
	return r
}

// createForm is the POST body of the request: the credentials, the
// description, secureOnly=1 always (older versions ignore what they do not
// know), the expiry and the code only when there are some. No token.
func createForm(r CreateRequest) url.Values {
	form := url.Values{
		"userLogin":            {r.Login},
		"passwordConfirmation": {r.Password.Reveal()},
		"description":          {r.Description},
		"secureOnly":           {"1"},
	}
	if r.ExpireDate != "" {
		form.Set("expireDate", r.ExpireDate)
	}
	if r.AuthCode != "" {
		form.Set("authCode", r.AuthCode)
	}
	return form
}

// CreateToken asks Matomo to create a token from req's login and password,
// with one request, and returns it, or an *Error that says why not. The
// password is sent only:
//   - to an address the pre-flight check found to be Matomo (checked, the
//     Preflight of that check; nil refuses);
//   - over https, or plain http to this computer, never across a network
//     unencrypted (not even with Options.AllowHTTP, which is for tokens),
//     nor through a proxy over plain http;
//   - in the POST body, never in a URL, and never across a redirect;
//   - once per call: nothing is ever sent again by itself (a wrong password
//     counts toward Matomo's lock-out, and a refused two-factor code may
//     leave a token behind).
//
// Echoes of the password are removed from everything it returns. A
// Created token is not verified yet: Verify it next.
func (c *Client) CreateToken(ctx context.Context, checked *Preflight, req CreateRequest) (*Created, error) {
	if checked == nil || checked.Address.IsZero() {
		return nil, &Error{Class: ClassNotMatomo, Detail: i18n.T(i18n.ErrDetailNotChecked),
			Hint: i18n.T(i18n.ErrHintCheckAddressFirst)}
	}
	addr := checked.Address
	if addr.PlainHTTP() && !addr.IsLoopback() {
		return nil, &Error{
			Class:     ClassPlainHTTP,
			Detail:    i18n.T(i18n.ErrDetailPlainHTTPPassword, addr.Host()),
			Hint:      i18n.T(i18n.ErrHintPlainHTTPPassword),
			Suggested: addr.WithScheme("https"),
		}
	}
	if c.opts.InsecureSkipVerify && !addr.IsLoopback() {
		// Without the certificate check, anyone on the path can pose as the
		// server and read the password: as good as unencrypted.
		// --insecure-skip-verify, like --allow-http, is for tokens (which
		// can be deleted), never for the password (the account itself).
		return nil, &Error{
			Class:  ClassTLS,
			Detail: i18n.T(i18n.ErrDetailUncheckedTLSPassword, addr.Host()),
			Hint:   i18n.T(i18n.ErrHintUncheckedTLSPassword),
		}
	}
	req, err := req.check()
	if err != nil {
		return nil, &Error{Class: ClassCreateInput, Field: err.(*FieldError).Field, Detail: err.(*FieldError).Problem, Hint: i18n.T(i18n.ErrHintNothingSent)}
	}
	secret := req.Password.Reveal()
	created, cerr := c.createToken(ctx, addr, req, secret)
	r := newPasswordRedactor(secret)
	if cerr != nil {
		return nil, cerr.redactWith(r)
	}
	created.Trace.redact(r)
	return created, nil
}

func (c *Client) createToken(ctx context.Context, addr Address, req CreateRequest, secret string) (*Created, *Error) {
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	target := addr.Link(apiQuery("UsersManager.createAppSpecificTokenAuth"))
	// The body is not cleaned as it arrives, as a token's answer is: the
	// password may be a word of Matomo's own messages ("password", say),
	// which are read as they came (readCreate); everything shown is cleaned
	// of it afterwards, whole, before anything cuts it.
	k, err := c.sendSecret(ctx, http.MethodPost, target, addr.Endpoint(), createForm(req),
		sentSecret{value: secret, what: "password", removed: passwordRemoved}, false)
	if err != nil {
		return nil, withTrace(c.failedTransport(ctx, err, addr, k), k.finish())
	}
	created, cerr := c.readCreate(ctx, k, addr, req, secret)
	trace := k.finish()
	if cerr != nil {
		return nil, withTrace(cerr, trace)
	}
	created.Trace = trace
	return created, nil
}

// Matomo's messages of createAppSpecificTokenAuth, in English (the request
// asks for it), as a real 5.1.2 words them.
const (
	msgWrongPassword   = "The current password you entered is not correct"
	msgCodeMissing     = "Please specify a two-factor authentication code"
	msgCodeWrong       = "Incorrect two-factor authentication code"
	msgTwoFactorNotSet = "You must set up two-factor authentication"
	msgTooWeak         = "This password is too weak"
	msgMissingValue    = "Please specify a value for '"
	msgDescriptionLong = "should contain at most"
	msgDateFormat      = "Date format must be"
	msgNoSuchMethod    = "does not exist or is not available in the module"
)

// readCreate classifies the answer. Matomo's own messages are recognised
// in the answer as it came, so that a password that is a word of them does
// not hide them; everything the result shows (Matomo's message, the
// titles of pages) is taken from the answer cleaned of the password first.
func (c *Client) readCreate(ctx context.Context, k *call, addr Address, req CreateRequest, secret string) (*Created, *Error) {
	raw, err := readAnswer(k.resp, k.body)
	if err != nil && len(raw.body) == 0 {
		return nil, c.failedTransport(ctx, err, addr, k)
	}
	shown := raw
	shown.body = []byte(withoutHexRuns(newPasswordRedactor(secret).text(string(raw.body))))
	if raw.status >= 300 && raw.status < 400 {
		return nil, redirectErrorFor(shown, addr, k.resp.Request.URL, passwordWords)
	}
	said, _ := matomoErrorMessage(shown.body)
	if l := lockoutIn(string(raw.body)); l != nil {
		l.Status, l.Matomo = raw.status, said
		if said == "" {
			l.Matomo = withoutHexRuns(newPasswordRedactor(secret).text(l.found))
		}
		return nil, l.Error
	}
	if raw.status == http.StatusOK && isJSONValue(raw.body) {
		return createdToken(raw.body, req, secret)
	}
	msg, hasMsg := matomoErrorMessage(raw.body)
	if hasMsg && !looksHTML(raw.body) {
		if e := createRefusal(msg, req); e != nil {
			e.Status, e.Matomo = raw.status, said
			return nil, e
		}
	}
	e := failure(shown, addr, false)
	if e.Class == ClassServerError && hasMsg && raw.status < 500 {
		// Matomo itself said no, for a reason of its own: a plugin (LDAP,
		// single sign-on, a login through the web server) or a rule of a
		// newer version. The browser's way may still work.
		e.Class = ClassCreateRefused
		e.Detail = i18n.T(i18n.ErrDetailCreateRefused)
		e.Hint = i18n.T(i18n.ErrHintCreateInBrowser)
	}
	return nil, e
}

// tokenLikeRun is a run of hex characters as long as a token or longer.
var tokenLikeRun = onFirstUse(`[0-9A-Fa-f]{32,}`)

// withoutHexRuns replaces every run of a token's length of hex characters
// in an answer of createAppSpecificTokenAuth before anything shows it.
// Matomo stores the new token before it checks the two-factor code (and
// whatever a plugin checks after), so a refusal is the one answer that
// may quote a valid token nobody was meant to see, and one this session
// does not know, so that the removal of echoes cannot find it.
func withoutHexRuns(s string) string {
	return tokenLikeRun().ReplaceAllLiteralString(s, tokenRemoved)
}

// createdToken reads the new token out of {"value":"…"}.
func createdToken(body []byte, req CreateRequest, secret string) (*Created, *Error) {
	var v struct {
		Value string `json:"value"`
	}
	bad := &Error{Class: ClassServerError, Status: http.StatusOK,
		Detail: i18n.T(i18n.ErrDetailNoTokenInAnswer),
		Hint:   i18n.T(i18n.ErrHintNoTokenInAnswer)}
	if err := json.Unmarshal(body, &v); err != nil || v.Value == "" {
		return nil, bad
	}
	check, err := ParseToken(v.Value)
	// A value that holds the password (or is held by it) would put part
	// of it on the screen as the token's fingerprint.
	if err != nil || strings.Contains(v.Value, secret) || strings.Contains(secret, v.Value) {
		return nil, bad
	}
	return &Created{Token: check, Login: req.Login, Description: req.Description, ExpireDate: req.ExpireDate}, nil
}

// createRefusal recognises Matomo's own refusals of the method, or returns
// nil.
func createRefusal(msg string, req CreateRequest) *Error {
	switch {
	case strings.Contains(msg, msgWrongPassword):
		return &Error{Class: ClassPasswordRejected,
			Detail: i18n.T(i18n.ErrDetailWrongPassword),
			Hint:   i18n.T(i18n.ErrHintWrongPassword)}
	case strings.Contains(msg, msgCodeMissing) || strings.Contains(msg, msgCodeWrong):
		e := &Error{Class: ClassTwoFactor, CodeGiven: req.AuthCode != "" && strings.Contains(msg, msgCodeWrong), TokenLeft: true,
			Detail: i18n.T(i18n.ErrDetailCodeMissing),
			Hint:   i18n.T(i18n.ErrHintCodeAgain)}
		if e.CodeGiven {
			e.Detail = i18n.T(i18n.ErrDetailCodeWrong)
		}
		return e
	case strings.Contains(msg, msgTwoFactorNotSet):
		return &Error{Class: ClassCreateRefused, TokenLeft: true,
			Detail: i18n.T(i18n.ErrDetailTwoFactorNotSet),
			Hint:   i18n.T(i18n.ErrHintTwoFactorNotSet)}
	case strings.Contains(msg, msgTooWeak):
		return &Error{Class: ClassCreateInput, Field: "password",
			Detail: i18n.T(i18n.ErrDetailTooWeak),
			Hint:   i18n.T(i18n.ErrHintTooWeak)}
	case strings.Contains(msg, msgMissingValue):
		return &Error{Class: ClassCreateInput, Field: "login", Detail: i18n.T(i18n.ErrDetailFieldEmpty), Hint: i18n.T(i18n.ErrHintFillIn)}
	case strings.Contains(msg, msgDescriptionLong):
		return &Error{Class: ClassCreateInput, Field: "description", Detail: i18n.T(i18n.ErrDetailDescriptionLong),
			Hint: i18n.T(i18n.ErrHintShorten, MaxDescriptionLength)}
	case strings.Contains(msg, msgDateFormat):
		return &Error{Class: ClassCreateInput, Field: "expiry", Detail: i18n.T(i18n.ErrDetailDateFormat), Hint: i18n.T(i18n.ErrHintDateFormat)}
	case strings.Contains(msg, msgNoSuchMethod) && strings.Contains(msg, "createAppSpecificTokenAuth"):
		return &Error{Class: ClassCreateRefused, Matomo3: true,
			Detail: i18n.T(i18n.ErrDetailMatomo3),
			Hint:   i18n.T(i18n.ErrHintMatomo3)}
	}
	return nil
}

// Summary says plainly what the created token is, for a Matomo of version
// (the verified token's; "" when unknown): its name in Matomo, its login,
// its expiry, and whether it works in URLs. check is what to do to find
// out where the version does not tell (the wizard's g, the line mode's
// url-check).
func (c *Created) Summary(version, check string) i18n.Text {
	expiry := i18n.T(i18n.CreateNoExpiry)
	if c.ExpireDate != "" {
		expiry = i18n.T(i18n.CreateExpires, c.ExpireDate)
	}
	urls := i18n.T(i18n.CreateSecureOnlyAsked, check)
	if IgnoresSecureOnly(version) {
		urls = i18n.T(i18n.CreateWorksInURLs, version)
	}
	return i18n.T(i18n.CreateSummary, c.Description, c.Login, expiry, urls)
}

// IgnoresSecureOnly reports whether a Matomo version creates tokens that
// also work in URLs whatever createAppSpecificTokenAuth was asked: 4.x and
// 5 up to 5.2 have no secureOnly parameter (read in their source; 5.1.2
// measured); later ones honour it.
func IgnoresSecureOnly(version string) bool {
	parts := strings.SplitN(version, ".", 3)
	major, err := strconv.Atoi(parts[0])
	if err != nil || len(parts) < 2 {
		return false
	}
	minor, err := strconv.Atoi(strings.TrimRightFunc(parts[1], func(r rune) bool { return r < '0' || r > '9' }))
	return err == nil && (major == 4 || major == 5 && minor <= 2)
}

var roundSuffix = onFirstUse(` \((\d+)\)$`)

// NextDescription is the description for the next round after a token
// described as d was left behind: "Acona 2026-11-28 (2)", so that the
// token that will be kept and the ones to delete can be told apart.
func NextDescription(d string, orphans []string) string {
	taken := map[string]bool{}
	for _, o := range orphans {
		taken[o] = true
	}
	base, n := d, 1
	if m := roundSuffix().FindStringSubmatch(d); m != nil {
		base = strings.TrimSuffix(d, m[0])
		n, _ = strconv.Atoi(m[1])
	}
	for next := d; ; {
		if !taken[next] {
			return next
		}
		n++
		suffix := fmt.Sprintf(" (%d)", n)
		if r := []rune(base); len(r)+len(suffix) > MaxDescriptionLength {
			base = string(r[:MaxDescriptionLength-len(suffix)])
		}
		next = base + suffix
	}
}
