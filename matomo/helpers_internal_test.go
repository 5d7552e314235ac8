package matomo

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"testing"
	"time"
)

// loopbackClient is a Client for package tests that can only ever talk to
// this computer: no proxy from the environment, and every dial checked.
// A dial of a name is allowed only when the test gave the client its own
// resolver (a loopback fake DNS server).
func loopbackClient(t testing.TB, opts Options) *Client {
	t.Helper()
	if opts.Proxy == nil {
		opts.Proxy = func(*http.Request) (*url.URL, error) { return nil, nil }
	}
	c, err := NewClient(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	dial := c.dialer.DialContext
	c.transport.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if err := loopbackOnly(addr, c.dialer.Resolver != nil); err != nil {
			t.Errorf("test tried to leave this computer: %v", err)
			return nil, err
		}
		return dial(ctx, network, addr)
	}
	return c
}

func loopbackOnly(addr string, fakeDNS bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return err
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		if !ip.IsLoopback() {
			return errors.New("dial of " + addr)
		}
		return nil
	}
	if host != "localhost" && !fakeDNS {
		return errors.New("dial of the name " + host + " without a loopback resolver")
	}
	return nil
}

// newCall wraps a response that did not come from the network, so that
// the code reading real answers can read it.
func newCall(c *Client, resp *http.Response) *call {
	return &call{resp: resp, body: &limitedBody{r: resp.Body, left: c.opts.MaxResponseBytes}, rec: &recorder{}, start: time.Now()}
}

func mustAddress(t testing.TB, raw string) Address {
	t.Helper()
	a, err := ParseAddress(raw)
	if err != nil {
		t.Fatalf("ParseAddress(%q): %v", raw, err)
	}
	return a
}

func mustToken(t testing.TB, raw string) Token {
	t.Helper()
	c, err := ParseToken(raw)
	if err != nil {
		t.Fatalf("ParseToken: %v", err)
	}
	return c.Token
}
