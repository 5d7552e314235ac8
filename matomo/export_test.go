package matomo

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Hooks for the external tests (package matomo_test), which cannot reach
// unexported fields. Compiled only into tests.

// SetDialHook makes every connection of c go through dial, so a test can
// assert that nothing was dialled, or only loopback addresses were.
func SetDialHook(c *Client, dial func(ctx context.Context, network, addr string) (net.Conn, error)) {
	c.transport.DialContext = dial
	c.freshTransport.DialContext = dial
}

// Dialer is c's own dialer, for hooks that wrap it.
func Dialer(c *Client) *net.Dialer { return c.dialer }

// SetResolver points c's name lookups at r (a loopback fake DNS server), so
// that no test sends a DNS query off this machine.
func SetResolver(c *Client, r *net.Resolver) { c.dialer.Resolver = r }

// VerifyRequest is the query and body Verify sends for tok, for comparing
// with the same request made by curl.
func VerifyRequest(tok Token) (query string, form url.Values) { return verifyRequest(tok, 0) }

// Bulk is an answer to Verify's request written by meaning: each field is
// one element's JSON, put in the order Verify asks for them (verifyCalls),
// so that tests need not know that order. Empty fields are what Matomo 5
// answers a view-only user: version 5.0.2, not a superuser, the probe
// false, no admin or write ids, no sites.
type Bulk struct {
	Version, SuperUser, EmailExists, Admin, Write, Sites string
}

// Elements are the answer's elements in Verify's order.
func (b Bulk) Elements() []string {
	or := func(s, def string) string {
		if s == "" {
			return def
		}
		return s
	}
	byMethod := map[string]string{
		"API.getMatomoVersion":                       or(b.Version, `{"value":"5.0.2"}`),
		"UsersManager.hasSuperUserAccess":            or(b.SuperUser, `{"value":false}`),
		"UsersManager.userEmailExists":               or(b.EmailExists, `{"value":false}`),
		"SitesManager.getSitesIdWithAdminAccess":     or(b.Admin, `[]`),
		"SitesManager.getSitesIdWithWriteAccess":     or(b.Write, `[]`),
		"SitesManager.getSitesWithAtLeastViewAccess": or(b.Sites, `[]`),
	}
	var out []string
	for _, call := range verifyCalls {
		method, _, _ := strings.Cut(strings.TrimPrefix(call, "method="), "&")
		el, ok := byMethod[method]
		if !ok {
			panic("Bulk does not know " + method)
		}
		out = append(out, el)
	}
	return out
}

// JSON is the whole answer.
func (b Bulk) JSON() string { return "[" + strings.Join(b.Elements(), ",") + "]" }

// Prefix is the answer cut after its first n elements and a comma, with
// more appended: an answer that stops in the middle of element n.
func (b Bulk) Prefix(n int, more string) string {
	return "[" + strings.Join(b.Elements()[:n], ",") + "," + more
}

// VerifyAnswer does what Verify does with the answer to its request once
// it arrives, reading body from memory: echo removal, the size limit, the
// one-pass decode, the join, the sort and the final redaction. The
// benchmarks time it against a bare tokenizer over the same bytes.
func VerifyAnswer(c *Client, addr Address, tok Token, body io.Reader) (*Result, error) {
	reqURL, _ := url.Parse(addr.Link(apiQuery("API.getBulkRequest")))
	resp := &http.Response{StatusCode: http.StatusOK, Header: http.Header{"X-Matomo-Request-Id": {"bench"}},
		Body: io.NopCloser(body), Request: &http.Request{URL: reqURL}}
	resp.Body = readCloser{newRedactingReader(resp.Body, tok.value()), resp.Body}
	k := &call{resp: resp, body: &limitedBody{r: resp.Body, left: c.opts.MaxResponseBytes}, rec: &recorder{}, start: time.Now()}
	res, err := c.readVerify(context.Background(), k, addr, 0)
	k.finish()
	if err != nil {
		return nil, err.redact(tok.value())
	}
	res.redact(tok.value())
	return res, nil
}

// BaselineVerify is the decoder this package had before (see
// decode_baseline_test.go) over the same answer: decode, join and sort.
func BaselineVerify(body io.Reader) ([]Site, error) {
	_, _, sites, err := oldVerify(body)
	return sites, err
}
