package accessible

import (
	"io"
	"net/http"
	"sync/atomic"
	"testing"

	"matomo-onboard/matomo/demomatomo"
)

// Matomo's lock-out in shapes other than its usual JSON error, and its
// lock-out of the user's login: the line mode stops sending tokens, and
// Enter, however often, sends none.
func TestLineModeStopsOnEveryShapeOfTheLockOut(t *testing.T) {
	for _, lo := range []struct{ name, contentType, body, says string }{
		{"text/plain", "text/plain", "Too many failed logins. Please wait and try logging in again later.", "Matomo has locked this computer out"},
		{"a 500 page without Matomo's markup", "text/html", "<html><body><p>Too many failed logins.</p></body></html>", "Matomo has locked this computer out"},
		{"German", "text/plain", "Aufgrund zu vieler fehlgeschlagener Anmeldungen sind Sie aktuell nicht berechtigt sich anzumelden.", "Matomo has locked this computer out"},
		{"the user's login", "application/json", `{"result":"error","message":"Logging in has been turned off since a suspicious amount of failed attempts were made during the last hour."}`,
			"Matomo has locked this user out"},
	} {
		t.Run(lo.name, func(t *testing.T) {
			var tokenRequests atomic.Int32
			srv := tokenChecksAnswer(t, demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{}),
				func(w http.ResponseWriter, r *http.Request) {
					tokenRequests.Add(1)
					w.Header().Set("Content-Type", lo.contentType)
					w.WriteHeader(http.StatusInternalServerError)
					io.WriteString(w, lo.body)
				})
			tr := run(t, Config{URL: srv.URL}, "", "t", demomatomo.TokenViewer, "", "", "", "", "", "", "", "", "", "")
			if n := tokenRequests.Load(); n != 1 {
				t.Errorf("%d token requests, want 1", n)
			}
			if !tr.outcome.Blocked {
				t.Errorf("outcome %+v, want blocked", tr.outcome)
			}
			tr.has(t, "Problem: "+lo.says+".", noMoreTokens)
		})
	}
}
