package matomo

import (
	"context"
	"net/http"
	"net/url"
	"strings"
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
const GETCheckWarning = "This sends the token once inside a URL, the way some tools do. " +
	"URLs end up in the Matomo server's access log, so the token will be written there. " +
	"If the token is \"secure only\", Matomo refuses it and counts one failed login."

// CheckGET sends the token once in a URL, the way tools that build
// "…&token_auth=…" links do, and reports whether Matomo accepts it there.
// Call it only after Verify succeeded and only with the user's explicit
// consent (see GETCheckWarning): it is the one request in this package that
// puts the token into a URL, and Matomo records a refusal as a failed login.
func (c *Client) CheckGET(ctx context.Context, addr Address, tok Token) (*GETCheck, error) {
	if err := c.checkTransport(addr); err != nil {
		return nil, err
	}
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	q := apiQuery("API.getMatomoVersion") + "&token_auth=" + url.QueryEscape(tok.Reveal())
	k, err := c.send(ctx, http.MethodGet, addr.Link(q), addr.Endpoint(), nil)
	if err != nil {
		return nil, withTrace(c.failedTransport(ctx, err, addr), k.finish())
	}
	a, rerr := readAnswer(k.resp, k.body)
	trace := k.finish()
	if rerr != nil && len(a.body) == 0 {
		return nil, withTrace(c.failedTransport(ctx, rerr, addr), trace)
	}
	if a.status >= 300 && a.status < 400 {
		return nil, withTrace(redirectError(a, addr, k.resp.Request.URL), trace)
	}
	check := &GETCheck{Trace: trace}
	if a.status == http.StatusOK && isJSONValue(a.body) {
		check.Works = true
		return check, nil
	}
	e := failure(a, addr, true)
	if e.Class != ClassTokenRejected {
		return nil, withTrace(e, trace)
	}
	check.Matomo = e.Matomo
	check.SecureOnly = e.SecureOnly || strings.Contains(e.Matomo, msgBadToken)
	return check, nil
}
