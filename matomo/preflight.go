package matomo

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"matomo-onboard/internal/i18n"
)

// Preflight is what the check without a token found: that the address is
// Matomo, and how the connection looks.
type Preflight struct {
	Address Address
	// Version is known only when anonymous users may view a site; Matomo
	// otherwise tells its version to token holders only.
	Version string
	// Markers are the signs that Matomo answered, in words: messages,
	// whose String is the report's English.
	Markers []i18n.Text
	Trace   Trace
}

// Preflight checks an address without a token: DNS, TLS, redirects, and
// whether Matomo's API answers at <base>/index.php. It sends the request
// Verify will send, minus the token, so nothing counts as a failed login
// and the same proxies and rewrite rules are crossed.
func (c *Client) Preflight(ctx context.Context, addr Address) (*Preflight, error) {
	if addr.IsZero() {
		return nil, c.checkTransport(addr)
	}
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	target := addr.Link(apiQuery("API.getMatomoVersion"))
	k, err := c.send(ctx, http.MethodPost, target, addr.Endpoint(), url.Values{}, Token{}, false)
	if err != nil {
		return nil, withTrace(c.failedTransport(ctx, err, addr, k), k.finish())
	}
	p, perr := c.readPreflight(ctx, k, addr)
	trace := k.finish()
	if perr != nil {
		return nil, withTrace(perr, trace)
	}
	p.Trace = trace
	return p, nil
}

func (c *Client) readPreflight(ctx context.Context, k *call, addr Address) (*Preflight, *Error) {
	a, err := readAnswer(k.resp, k.body)
	if err != nil && len(a.body) == 0 {
		return nil, c.failedTransport(ctx, err, addr, k)
	}
	if a.status >= 300 && a.status < 400 {
		return nil, redirectError(a, addr, k.resp.Request.URL)
	}
	p := &Preflight{Address: addr}
	if id := a.header.Get("X-Matomo-Request-Id"); id != "" {
		p.Markers = append(p.Markers, i18n.T(i18n.CheckMarkerRequestID))
	}
	msg, hasMsg := matomoErrorMessage(a.body)
	switch {
	case a.status == http.StatusOK && !hasMsg && isJSONValue(a.body):
		// Anonymous users may view a site here, so Matomo told its version.
		var v flexString
		if v.UnmarshalJSON(a.body) == nil && v != "" {
			p.Version = cleanField(string(v), 40)
			p.Markers = append(p.Markers, i18n.T(i18n.CheckMarkerVersion, p.Version))
			return p, nil
		}
	case hasMsg && !looksHTML(a.body) && (a.status == http.StatusUnauthorized || a.status == http.StatusOK) &&
		(strings.Contains(msg, msgNeedsSiteView) || strings.Contains(msg, msgNotLoggedIn)):
		// The answer Matomo gives a request without a token.
		p.Markers = append(p.Markers, i18n.T(i18n.CheckMarkerAccessError))
		return p, nil
	}
	return nil, failure(a, addr, false)
}

func isJSONValue(b []byte) bool {
	s := strings.TrimSpace(string(b[:min(len(b), 64)]))
	return strings.HasPrefix(s, `{"value"`)
}
