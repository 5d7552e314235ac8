package accessible

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// inURL counts the requests that carried tok in their URL.
func inURL(srv *demomatomo.Server, tok string) int {
	n := 0
	for _, r := range srv.Requests() {
		if strings.Contains(r.RawQuery, tok) {
			n++
		}
	}
	return n
}

func TestURLCheckOfASecureOnlyToken(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "t", demomatomo.TokenSuperUserSecure, "",
		"url-check", "", // Enter: no
		"url", "yes",
		"url-check", // not again
		"1", "", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil {
		t.Fatalf("Run: %v", tr.err)
	}
	o := tr.outcome
	if !o.Verified || o.Rejected != 1 || o.TokenRequests != 3 || o.Blocked {
		t.Errorf("outcome %+v, want verified, the refusal counted as 1 rejection, 3 token requests (the check, the URL check, the data check)", o)
	}
	if n := inURL(srv, demomatomo.TokenSuperUserSecure); n != 1 {
		t.Errorf("the token went into %d URLs, want exactly 1 (after the yes)", n)
	}
	tr.has(t,
		"url-check (whether tools that put the token in a URL can use it), token (check another token)",
		"\nURL check\nSome tools send the token inside URLs (…&token_auth=…). This check finds out whether Matomo accepts this token there.\n"+
			matomo.GETCheckWarning().String()+"\n"+
			"Send the token once in a URL? Answers: 1 no (do not send it, Enter), 2 yes (send it once in a URL).\nChoice [1 no]: \n"+
			"Not sent: the token did not go into a URL.\n",
		"Sending the token once in a URL to "+srv.URL+" (one request, up to 5 s)…\n"+
			"URL check: Tools that put the token in a URL (…&token_auth=…) will NOT work with this token: it is secure-only",
		"Only if the tool truly needs the token in a URL, create a separate token for it with \"Only allow secure requests\" unticked.",
		"Rejected tokens in this session: 1. Matomo locks this computer out",
		"Site ID [1]: url-check\nThe URL check was already run, and its answer stays the same: Tools that put the token in a URL (…&token_auth=…) will NOT work",
	)
	// Once run, it is no longer offered.
	after := tr.out[strings.Index(tr.out, "URL check: "):]
	if strings.Contains(after, "url-check (") {
		t.Errorf("the URL check is still offered after it ran")
	}
}

func TestURLCheckOfANormalToken(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	dir := t.TempDir()
	tr := run(t, Config{URL: srv.URL, Report: reportIn(dir)}, "", "t", demomatomo.TokenViewer, "",
		"url-check", "y", "report", "2", "", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil || tr.outcome.Rejected != 0 || tr.outcome.TokenRequests != 3 {
		t.Fatalf("err %v, outcome %+v", tr.err, tr.outcome)
	}
	tr.has(t, "URL check: Tools that put the token in a URL (…&token_auth=…) will work with this token.")
	tr.lacks(t, "Rejected tokens in this session")
	text := savedReport(t, tr, dir)
	if !strings.Contains(text, "URL check (token sent once in a URL, with the user's consent)") ||
		!strings.Contains(text, "will work with this token") {
		t.Errorf("the report lacks the URL check:\n%s", text)
	}
}

// TestURLCheckNotOfferedBeforeSuccess: the URL check is for a verified
// token only.
func TestURLCheckNotOfferedBeforeSuccess(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "t", demomatomo.TokenUnknown, "", "url-check", "quit")
	tr.lacks(t, "url-check (", "URL check")
	if n := inURL(srv, demomatomo.TokenUnknown); n != 0 {
		t.Errorf("the token went into %d URLs", n)
	}
}

// lockedForURLs serves the demo Matomo, which locks this computer out
// just before the first token sent in a URL arrives: as if other failed
// logins had reached the limit meanwhile.
func lockedForURLs(t *testing.T) *httptest.Server {
	t.Helper()
	fake := demomatomo.NewHandler(demomatomo.Demo(), demomatomo.Options{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("token_auth") {
			form := url.Values{"module": {"API"}, "method": {"API.getMatomoVersion"}, "format": {"json"},
				"token_auth": {demomatomo.DemoTokenLockout}}
			lock := httptest.NewRequest(http.MethodPost, "/index.php", strings.NewReader(form.Encode()))
			lock.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			lock.RemoteAddr = r.RemoteAddr
			fake.ServeHTTP(httptest.NewRecorder(), lock)
		}
		fake.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestURLCheckBlockedEndsTokenSending(t *testing.T) {
	srv := lockedForURLs(t)
	client := newClient(t, matomo.Options{Timeout: 5 * time.Second})
	tr := run(t, Config{URL: srv.URL, Client: client, DemoTokens: demoTokens()}, "", "t", "1", "",
		"url-check", "yes",
		"url-check", // refused: the lock is on
		"token",     // ends the session, as after a blocked token check
		"", "1", "")
	if !errors.Is(tr.err, errEnded) {
		t.Fatalf("err %v, want the session ended by the lock-out", tr.err)
	}
	o := tr.outcome
	if !o.Blocked || o.TokenRequests != 2 || o.LastError == nil || o.LastError.Class != matomo.ClassBlocked {
		t.Errorf("outcome %+v", o)
	}
	if n := client.Requests(); n != 4 {
		t.Errorf("%d requests, want 4: pre-flight, labels, token check, URL check", n)
	}
	tr.explained(t, o.LastError)
	tr.has(t,
		"The URL check could not be completed, so it is unknown whether tools that put the token in a URL will work.\nProblem: Matomo has locked this computer out.",
		"No more tokens are sent in this session: until the lock lifts, Matomo would refuse even the right one. "+
			"The token you verified is still good: you can still choose a site and see what to paste where.\n"+
			"Type a site's ID to use that site, or: filter and text (only matching sites), address (change the address), quit.\n",
		"Site ID [1]: url-check\nThe URL check is not run: no more tokens are sent in this session, because of Matomo's lock-out.\n",
		// Nothing more is sent: the token question ends the session.
		"Site ID [1]: token\nNo more tokens are sent in this session: until the lock lifts, Matomo would refuse even the right one. "+
			"Run matomo-onboard again when it has lifted.\nPress Enter to end: \nEnded without a verified token.",
	)
}

// TestURLCheckAgainOnlyAfterNetworkOrTimeout: a check that got no answer
// in time may be run again; one that Matomo answered, even with a server
// error, is not offered twice.
func TestURLCheckAgainOnlyAfterNetworkOrTimeout(t *testing.T) {
	t.Parallel() // the timeout waits beside the other tests
	for _, tc := range []struct {
		name  string
		fail  func(w http.ResponseWriter, r *http.Request)
		again bool
	}{
		{"timeout", func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}, true},
		{"server error", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fake := demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{})
			var gets atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Query().Has("token_auth") && gets.Add(1) == 1 {
					tc.fail(w, r)
					return
				}
				fake.ServeHTTP(w, r)
			}))
			defer srv.Close()
			client := newClient(t, matomo.Options{Timeout: 500 * time.Millisecond})
			tr := run(t, Config{URL: srv.URL, Client: client}, "", "t", demomatomo.TokenViewer, "",
				"url-check", "yes", "url-check", "yes", "1", "", "" /* the token is nowhere yet: finish asks once */)
			if tr.err != nil {
				t.Fatalf("Run: %v", tr.err)
			}
			if got := int(gets.Load()); got != map[bool]int{true: 2, false: 1}[tc.again] {
				t.Errorf("the token went into %d URLs", got)
			}
			tr.has(t, "The URL check could not be completed")
			offered := strings.Contains(tr.out, "You can run the URL check again: type url-check.")
			if offered != tc.again {
				t.Errorf("offered again: %v, want %v", offered, tc.again)
			}
			if tc.again {
				tr.has(t, "URL check: Tools that put the token in a URL (…&token_auth=…) will work with this token.")
			} else {
				tr.has(t, "Site ID [1]: url-check\nThe URL check was already run once. ")
			}
		})
	}
}
