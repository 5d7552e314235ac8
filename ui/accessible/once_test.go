package accessible

import (
	"net/http"
	"testing"
	"time"

	"matomo-onboard/internal/faultserver"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// The line mode against a server that breaks every request carrying a
// token the way that makes Go's HTTP client send it again (HTTP/2 GOAWAY,
// RST_STREAM PROTOCOL_ERROR): each check sends the token once, a retry only
// when asked for by name, and the URL check once after its yes.
func TestLineModeSendsTheTokenOncePerAnswerWhateverTheServerDoes(t *testing.T) {
	for _, fault := range []faultserver.Fault{faultserver.GoAway, faultserver.ResetProtocolError} {
		t.Run(fault.String()+", token check", func(t *testing.T) {
			srv := faultserver.Start(t, demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{}), faultserver.Options{Fault: fault})
			client := newClient(t, matomo.Options{CAFile: srv.CAFile, Timeout: 3 * time.Second})
			tr := run(t, Config{URL: srv.URL, Client: client}, "", "t", demomatomo.TokenViewer, "", "retry", "quit")
			if n := srv.TokenRequests(); n != 2 || tr.outcome.TokenRequests != 2 {
				t.Errorf("the token arrived %d times (counted %d), want 2: the check and the one retry asked for", n, tr.outcome.TokenRequests)
			}
			tr.has(t, "Problem: Could not reach the server.", "closed the connection before answering")
		})
		t.Run(fault.String()+", URL check", func(t *testing.T) {
			srv := faultserver.Start(t, demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{}),
				faultserver.Options{Fault: fault, Method: http.MethodGet})
			client := newClient(t, matomo.Options{CAFile: srv.CAFile, Timeout: 3 * time.Second})
			tr := run(t, Config{URL: srv.URL, Client: client}, "", "t", demomatomo.TokenViewer, "", "url-check", "yes", "", "")
			if n := srv.TokenRequests(); n != 3 || tr.outcome.TokenRequests != 3 {
				t.Errorf("the token arrived %d times (counted %d), want 3: the token check, one URL check and the data check of the site chosen", n, tr.outcome.TokenRequests)
			}
			tr.has(t, "The URL check could not be completed", "closed the connection before answering", "You can run the URL check again: type url-check.")
		})
	}
}
