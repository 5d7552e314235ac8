package cli

import (
	"strings"
	"testing"

	"matomo-onboard/internal/faultserver"
	"matomo-onboard/matomo/demomatomo"
)

// verify against servers that break every request carrying a token the way
// that makes Go's HTTP client send it again (HTTP/2 GOAWAY, RST_STREAM
// PROTOCOL_ERROR): the token goes out once, the error is the transport's,
// and the request count is what arrived.
func TestVerifySendsTheTokenOnceWhateverTheServerDoes(t *testing.T) {
	for _, fault := range []faultserver.Fault{faultserver.GoAway, faultserver.ResetProtocolError} {
		for _, tc := range []struct {
			name   string
			method string // the requests broken; the others are answered
			args   []string
		}{
			{"token check", "", nil},
			{"token check, json", "", []string{"--json"}},
			{"URL check (--check-get)", "GET", []string{"--check-get"}},
		} {
			t.Run(fault.String()+", "+tc.name, func(t *testing.T) {
				t.Parallel()
				srv := faultserver.Start(t, demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{}),
					faultserver.Options{Fault: fault, Method: tc.method})
				args := append([]string{"verify", "--url", srv.URL, "--ca-file", srv.CAFile, "--timeout", "3s"}, tc.args...)
				code, stdout, stderr := runCLI(t, demomatomo.TokenViewer, nil, args...)
				want := 1
				if tc.method == "GET" {
					want = 2 // the token check, answered, and the URL check
				}
				if n := srv.TokenRequests(); n != want {
					t.Errorf("the token arrived %d times, want %d (one per check)", n, want)
				}
				if code != exitNetwork {
					t.Errorf("exit %d, want %d (network)\n%s%s", code, exitNetwork, stdout, stderr)
				}
				if strings.Contains(stdout+stderr, demomatomo.TokenViewer) {
					t.Error("the token was printed")
				}
				switch {
				case strings.Contains(strings.Join(tc.args, " "), "--json"):
					if out := decodeVerify(t, stdout); out.HTTPRequests != want || out.Error == nil || out.Error.Class != "network" {
						t.Errorf("json: http_requests %d, error %+v; want %d and a network error", out.HTTPRequests, out.Error, want)
					}
				case tc.method == "GET":
					for _, w := range []string{"✓ Token verified", "The URL check could not be completed", "closed the connection before answering", "2 HTTP requests sent."} {
						if !strings.Contains(stdout+stderr, w) {
							t.Errorf("output lacks %q:\n%s%s", w, stdout, stderr)
						}
					}
				default:
					for _, w := range []string{"✗ Could not reach the server [network]", "closed the connection before answering", "1 HTTP request sent."} {
						if !strings.Contains(stderr, w) {
							t.Errorf("stderr lacks %q:\n%s", w, stderr)
						}
					}
				}
			})
		}
	}
}
