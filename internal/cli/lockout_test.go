package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"matomo-onboard/matomo/demomatomo"
)

// odd lock-out answers: Matomo's lock-out in shapes other than its usual
// JSON error, and its second lock-out, of the user's login.
var oddLockouts = []struct {
	name, contentType, body string
	status                  int
	user                    bool
}{
	{"text/plain", "text/plain", "Too many failed logins. Please wait and try logging in again later.", 500, false},
	{"a 500 page without Matomo's markup", "text/html", "<html><body><h1>Error</h1><p>Too many failed logins. Please wait and try logging in again later.</p></body></html>", 500, false},
	{"inline in the bulk answer", "application/json", `[{"value":"5.0.2"},{"result":"error","message":"Too many failed logins. Please wait and try logging in again later."},[],[],[],[],{"value":false}]`, 200, false},
	{"German", "application/json", `{"result":"error","message":"Aufgrund zu vieler fehlgeschlagener Anmeldungen sind Sie aktuell nicht berechtigt sich anzumelden. Bitte versuchen Sie es sp\u00e4ter noch einmal."}`, 500, false},
	{"the user's login", "application/json", `{"result":"error","message":"Logging in has been turned off since a suspicious amount of failed attempts were made during the last hour."}`, 403, true},
}

func oddLockoutServer(t *testing.T, i int) (*httptest.Server, *atomic.Int64) {
	var tokenRequests atomic.Int64
	lo := oddLockouts[i]
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		if r.Form.Get("token_auth") != "" {
			tokenRequests.Add(1)
		}
		w.Header().Set("Content-Type", lo.contentType)
		w.WriteHeader(lo.status)
		fmt.Fprint(w, lo.body)
	}))
	t.Cleanup(srv.Close)
	return srv, &tokenRequests
}

// verify: every shape of the lock-out, both lock-outs, is "blocked" with
// exit 7, after one request.
func TestVerifyExitsBlockedOnEveryShapeOfTheLockOut(t *testing.T) {
	for i, lo := range oddLockouts {
		t.Run(lo.name, func(t *testing.T) {
			srv, sent := oddLockoutServer(t, i)
			code, stdout, stderr := runCLI(t, demomatomo.TokenViewer, nil, "verify", "--url", srv.URL, "--check-get", "--json")
			out := decodeVerify(t, stdout)
			if code != exitBlocked || out.Error == nil || out.Error.Class != "blocked" {
				t.Fatalf("exit %d, error %+v; want 7 and blocked\n%s", code, out.Error, stderr)
			}
			if want := "Matomo has locked this computer out"; lo.user {
				if out.Error.Title != "Matomo has locked this user out" {
					t.Errorf("title %q", out.Error.Title)
				}
			} else if out.Error.Title != want {
				t.Errorf("title %q, want %q", out.Error.Title, want)
			}
			if n := sent.Load(); n != 1 || out.HTTPRequests != 1 {
				t.Errorf("%d token requests (counted %d), want 1", n, out.HTTPRequests)
			}
			if strings.Contains(stdout+stderr, demomatomo.TokenViewer) {
				t.Error("the token was printed")
			}
		})
	}
}
