package matomo

import (
	"context"
	"net"
	"net/url"
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
func VerifyRequest(tok Token) (query string, form url.Values) { return verifyRequest(tok) }
