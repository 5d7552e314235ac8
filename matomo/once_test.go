package matomo_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"matomo-onboard/internal/faultserver"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// faultCases are servers that break every request carrying a token the way
// that makes Go's HTTP client send it again by itself (HTTP/2 GOAWAY or
// RST_STREAM PROTOCOL_ERROR, or over HTTP/1.1 a connection closed without
// an answer), offering HTTP/2 and HTTP/1.1 or HTTP/2 only.
func faultCases() []faultserver.Options {
	return []faultserver.Options{
		{Fault: faultserver.GoAway},
		{Fault: faultserver.ResetProtocolError},
		{Fault: faultserver.GoAway, H2Only: true},
		{Fault: faultserver.ResetProtocolError, H2Only: true},
	}
}

func faultName(o faultserver.Options) string {
	name := o.Fault.String()
	if o.H2Only {
		return name + ", HTTP/2 only"
	}
	return name + ", HTTP/2 or HTTP/1.1"
}

// A request that carries the token goes out at most once per check,
// whatever the server does to the connection, and the client's request
// count is what arrived: the token check, and the URL check with the token
// in its URL.
func TestATokenGoesOutAtMostOncePerCheck(t *testing.T) {
	checks := []struct {
		name string
		run  func(*matomo.Client, matomo.Address, matomo.Token) error
	}{
		{"token check", func(c *matomo.Client, a matomo.Address, tok matomo.Token) error {
			_, err := c.Verify(context.Background(), a, tok)
			return err
		}},
		{"URL check", func(c *matomo.Client, a matomo.Address, tok matomo.Token) error {
			_, err := c.CheckGET(context.Background(), a, tok)
			return err
		}},
	}
	for _, opts := range faultCases() {
		for _, check := range checks {
			t.Run(faultName(opts)+", "+check.name, func(t *testing.T) {
				t.Parallel()
				srv := faultserver.Start(t, demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{}), opts)
				client, _ := testClient(t, matomo.Options{Timeout: 3 * time.Second, CAFile: srv.CAFile})
				addr, tok := address(t, srv.URL), token(t, canary)
				// The pre-flight check first, as in the wizard: the token
				// request may then meet a connection that was used before.
				if _, err := client.Preflight(context.Background(), addr); err != nil {
					t.Fatalf("the pre-flight check (no token) failed: %v", err)
				}
				start := time.Now()
				err := check.run(client, addr, tok)
				arrived := srv.TokenRequests()
				if arrived != 1 {
					t.Errorf("the token arrived %d times for one check (%d over HTTP/2), want once", arrived, srv.TokenRequestsOver("h2"))
				}
				if took := time.Since(start); took > 2*time.Second {
					t.Errorf("took %s; a broken answer must end the check, not be waited out", took.Round(time.Millisecond))
				}
				if client.Requests() != arrived+1 {
					t.Errorf("the client counts %d requests, the server received %d (and the pre-flight check)", client.Requests(), arrived)
				}
				e := classOf(t, err)
				if !e.Retryable() || e.Detail.String() == "" || strings.Contains(e.Error(), canary) {
					t.Errorf("want a transport error the user can retry, got %s: %s | %s", e.Class, e.Detail, e.Hint)
				}
				if e.Trace == nil || e.Trace.Written != arrived {
					t.Errorf("the trace says it was written %v times, %d arrived", e.Trace, arrived)
				}
				t.Logf("%s: %s", e.Class, e.Detail)
			})
		}
	}
}
