package matomo

import (
	"bytes"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"matomo-onboard/internal/i18n"
)

// A server, or a proxy or firewall in front of it, may quote the request
// back: its URL (which holds the token in the GET check) or its body
// (which holds it in every token request). Whatever it quotes must not put
// the token on the screen, in a log or in a report. So echoes are removed
// where answers enter the package, before anything parses, cuts or shows
// them (a title cut after 80 characters could otherwise keep half a
// token), and once more from everything a method returns.

// tokenRemoved replaces an echo of the token, passwordRemoved one of the
// password (CreateToken).
const (
	tokenRemoved    = "[token removed]"
	passwordRemoved = "[password removed]"
)

// minStreamEcho is the shortest token removed from answer bodies as they
// arrive. Shorter ones ("abc") occur in ordinary JSON, where replacing them
// would break answers; they are still removed from every returned text.
const minStreamEcho = 8

// echoForms are the ways a server quotes the token: as sent, upper-cased,
// and URL-, HTML- or JSON-escaped.
func echoForms(secret string) []string {
	if secret == "" {
		return nil
	}
	jsonForm, _ := json.Marshal(secret)
	candidates := []string{
		secret, strings.ToUpper(secret), url.QueryEscape(secret), url.PathEscape(secret),
		html.EscapeString(secret), strings.Trim(string(jsonForm), `"`),
		strings.ReplaceAll(strings.Trim(string(jsonForm), `"`), "/", `\/`), // PHP's json_encode
	}
	var forms []string
	for _, f := range candidates {
		if f != "" && !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	return forms
}

// redactor removes echoes of one token; build it once per request, since
// a result with 100,000 sites has 200,000 texts to check.
type redactor struct {
	secret string
	forms  []string
	hex    bool
	// pieces finds near copies of the secret: see pieceFinder.
	pieces *pieceFinder
	// removed replaces an echo: tokenRemoved or passwordRemoved.
	removed string
}

func newRedactor(secret string) redactor {
	return redactor{secret: secret, forms: echoForms(secret), hex: isHex(secret), pieces: newPieceFinder(secret), removed: tokenRemoved}
}

// newPasswordRedactor removes echoes of the password as newRedactor does
// the token's, and says so with passwordRemoved, or with a shorter mark
// when the password is part of those words (a password "password" would
// otherwise be found again in its own replacement).
func newPasswordRedactor(secret string) redactor {
	r := newRedactor(secret)
	r.removed = passwordMark(secret)
	if r.pieces != nil {
		r.pieces.removed = r.removed
	}
	return r
}

// passwordMark is what replaces an echo of secret: the first of the marks
// that holds no run of it the piece finder would find.
func passwordMark(secret string) string {
	p := newPieceFinder(secret)
	for _, mark := range []string{passwordRemoved, "[hidden]", "[…]"} {
		if p == nil || p.redact(mark) == mark {
			return mark
		}
	}
	return "[…]"
}

// text removes every echo from s: the token as sent or escaped, a hex
// token in any mix of upper and lower case, and every near copy (see
// pieceFinder). Text that holds none comes back unchanged.
func (r redactor) text(s string) string {
	if r.secret == "" {
		return s
	}
	// A hex token's escaped forms are the token itself, and the pieces
	// include the whole token in any case: one pass does it all.
	if !r.hex && len(s) >= len(r.secret) { // every form is at least as long
		for _, f := range r.forms {
			if strings.Contains(s, f) {
				s = strings.ReplaceAll(s, f, r.removed)
			}
		}
	}
	return r.pieces.redact(s)
}

// redactText removes every echo of secret from s.
func redactText(s, secret string) string { return newRedactor(secret).text(s) }

// redactHeader removes echoes from every header value in place, replacing
// each with removed (tokenRemoved or passwordRemoved).
func redactHeader(h http.Header, secret, removed string) {
	if secret == "" {
		return
	}
	r := newRedactor(secret)
	if removed != tokenRemoved {
		r = newPasswordRedactor(secret)
	}
	for k, vs := range h {
		for i, v := range vs {
			h[k][i] = r.text(v)
		}
	}
}

// redactingReader removes echoes of the token from a stream. It holds
// back the last few bytes of what it has read until more arrive, so that an
// echo split across two reads is still found.
type redactingReader struct {
	r       io.Reader
	forms   [][]byte
	keep    int    // longest form - 1: the most that can be the start of a split echo
	pending []byte // read, not yet searched to the end
	ready   []byte // searched, to be handed out from readyAt
	readyAt int
	buf     []byte
	err     error
	removed string
}

func newRedactingReader(r io.Reader, secret string) io.Reader {
	return newLabelledRedactingReader(r, secret, tokenRemoved)
}

// newLabelledRedactingReader is newRedactingReader with removed for what
// replaces an echo.
func newLabelledRedactingReader(r io.Reader, secret, removed string) io.Reader {
	if len(secret) < minStreamEcho {
		return r
	}
	rr := &redactingReader{r: r, buf: make([]byte, 32<<10), removed: removed}
	for _, f := range echoForms(secret) {
		rr.forms = append(rr.forms, []byte(f))
		rr.keep = max(rr.keep, len(f)-1)
	}
	return rr
}

func (rr *redactingReader) Read(p []byte) (int, error) {
	for rr.readyAt == len(rr.ready) {
		if rr.err != nil {
			return 0, rr.err
		}
		n, err := rr.r.Read(rr.buf)
		rr.pending = append(rr.pending, rr.buf[:n]...)
		rr.err = err
		rr.search(err != nil)
	}
	n := copy(p, rr.ready[rr.readyAt:])
	rr.readyAt += n
	return n, nil
}

// search moves pending bytes to ready, replacing echoes; unless the
// stream ended, it keeps back what could be the start of an echo.
func (rr *redactingReader) search(ended bool) {
	ready, pending := rr.ready[:0], rr.pending
	for {
		at, form := rr.firstEcho(pending)
		if at < 0 {
			break
		}
		ready = append(ready, pending[:at]...)
		ready = append(ready, rr.removed...)
		pending = pending[at+len(form):]
	}
	keep := 0
	if !ended {
		keep = rr.partialEcho(pending)
	}
	if cut := len(pending) - keep; cut > 0 {
		ready = append(ready, pending[:cut]...)
		pending = pending[cut:]
	}
	rr.ready, rr.readyAt = ready, 0
	rr.pending = append(rr.pending[:0], pending...) // the kept tail, moved to the front
}

// partialEcho is the length of the longest end of b that is the start of
// an echo. Only that much waits for more bytes: a server that stalls after
// a complete answer must not have the answer's end held back.
func (rr *redactingReader) partialEcho(b []byte) int {
	for n := min(len(b), rr.keep); n > 0; n-- {
		for _, f := range rr.forms {
			if bytes.HasPrefix(f, b[len(b)-n:]) {
				return n
			}
		}
	}
	return 0
}

func (rr *redactingReader) firstEcho(b []byte) (int, []byte) {
	at, form := -1, []byte(nil)
	for _, f := range rr.forms {
		if i := bytes.Index(b, f); i >= 0 && (at < 0 || i < at) {
			at, form = i, f
		}
	}
	return at, form
}

// redact removes echoes of the token from everything the error shows.
func (e *Error) redact(secret string) *Error {
	if e == nil || secret == "" {
		return e
	}
	return e.redactWith(newRedactor(secret))
}

// redactWith removes what r finds from everything the error shows.
func (e *Error) redactWith(r redactor) *Error {
	if e == nil || r.secret == "" {
		return e
	}
	e.Detail, e.Matomo, e.Hint, e.Location = r.inText(e.Detail), r.text(e.Matomo), r.inText(e.Hint), r.text(e.Location)
	if s := e.Suggested.String(); s != r.text(s) {
		e.Suggested = Address{} // an address built around the token is no suggestion
	}
	if e.Trace != nil {
		e.Trace.redact(r)
	}
	return e
}

// inText is t with what r finds removed from its arguments, the words
// in it that came from outside (a server's, an error's); the catalogue's
// own words hold no secret.
func (r redactor) inText(t i18n.Text) i18n.Text {
	args := t.Args()
	var out []any
	for i, a := range args {
		var v any
		switch a := a.(type) {
		case string:
			if s := r.text(a); s != a {
				v = s
			}
		case i18n.Text:
			v = r.inText(a)
		case error:
			v = r.text(a.Error())
		}
		if v == nil {
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		out[i] = v
	}
	if out == nil {
		return t
	}
	return i18n.T(t.Message(), out...)
}

func (res *Result) redact(secret string) {
	r := newRedactor(secret)
	res.Version = r.text(res.Version)
	// Only what changed is stored back: a store of a string is a pointer
	// store, which costs a write barrier while the GC marks, and 100,000
	// sites are 200,000 of them.
	for i := range res.Sites {
		s := &res.Sites[i]
		if t := r.text(s.Name); t != s.Name {
			s.Name = t
		}
		if t := r.text(s.URL); t != s.URL {
			s.URL = t
		}
	}
	res.Trace.redact(r)
}

func (t *Trace) redact(r redactor) {
	t.URL, t.ContentType, t.RequestID, t.Server = r.text(t.URL), r.text(t.ContentType), r.text(t.RequestID), r.text(t.Server)
}
