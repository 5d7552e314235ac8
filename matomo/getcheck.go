package matomo

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"matomo-onboard/internal/i18n"
)

// GETCheck is the outcome of CheckGET: whether tools that put the token in
// a URL (…&token_auth=…) can use this token.
type GETCheck struct {
	Works bool
	// SecureOnly is set when Matomo refused the token in a URL although it
	// accepts it in a POST body: it was created with "Only allow secure
	// requests" ticked.
	SecureOnly bool
	Matomo     string // Matomo's message when it refused
	Trace      Trace
}

// GETCheckWarning is what a person must hear before agreeing to CheckGET.
func GETCheckWarning() i18n.Text { return i18n.T(i18n.CheckGETWarning) }

// CheckGET sends the token once in a URL, the way tools that build
// "…&token_auth=…" links do, and reports whether Matomo accepts it there.
// Call it only after Verify succeeded and only with the user's explicit
// consent (see GETCheckWarning): it is the one request in this package that
// puts the token into a URL, and Matomo records a refusal as a failed login.
func (c *Client) CheckGET(ctx context.Context, addr Address, tok Token) (*GETCheck, error) {
	if err := c.checkTransport(addr); err != nil {
		return nil, err
	}
	q := apiQuery("API.getMatomoVersion") + "&token_auth=" + url.QueryEscape(tok.Reveal())
	check, err := c.checkGET(ctx, addr, q, tok)
	if err != nil {
		return nil, err.redact(tok.value())
	}
	r := newRedactor(tok.value())
	check.Matomo = r.text(check.Matomo)
	check.Trace.redact(r)
	return check, nil
}

// checkGET sends query, which holds the token, and reads the answer; tok
// is for removing echoes of it.
func (c *Client) checkGET(ctx context.Context, addr Address, query string, tok Token) (*GETCheck, *Error) {
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	// A connection of its own: Go's client re-sends a GET on a reused
	// connection that failed, and this one must go out once (it is logged,
	// and refused it counts as a failed login).
	k, err := c.send(ctx, http.MethodGet, addr.Link(query), addr.Endpoint(), nil, tok, true)
	if err != nil {
		return nil, withTrace(c.failedTransport(ctx, err, addr, k), k.finish())
	}
	check, gerr := c.readGETCheck(ctx, k, addr)
	trace := k.finish()
	if gerr != nil {
		return nil, withTrace(gerr, trace)
	}
	check.Trace = trace
	return check, nil
}

// readGETCheck interprets the answer to the token sent in a URL.
func (c *Client) readGETCheck(ctx context.Context, k *call, addr Address) (*GETCheck, *Error) {
	a, err := readAnswer(k.resp, k.body)
	if err != nil && len(a.body) == 0 {
		return nil, c.failedTransport(ctx, err, addr, k)
	}
	if a.status >= 300 && a.status < 400 {
		return nil, redirectError(a, addr, k.resp.Request.URL)
	}
	if a.status == http.StatusOK && isJSONValue(a.body) {
		return &GETCheck{Works: true}, nil
	}
	e := failure(a, addr, true)
	if e.Class != ClassTokenRejected {
		return nil, e
	}
	// Verify accepted this token in a POST body just before, so a refusal
	// in the URL means it is secure-only.
	return &GETCheck{Matomo: e.Matomo, SecureOnly: e.SecureOnly || strings.Contains(e.Matomo, msgBadToken)}, nil
}
