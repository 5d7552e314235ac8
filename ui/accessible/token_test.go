package accessible

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// tokenChecksAnswer serves the fake Matomo, except that requests carrying
// a token get answer instead: the address passes its pre-flight check and
// the token check fails in the way the test needs.
func tokenChecksAnswer(t *testing.T, fake http.Handler, answer http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		if strings.Contains(string(body)+r.URL.RawQuery, "token_auth") {
			answer(w, r)
			return
		}
		fake.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestNoRetryWhereItCannotHelp checks a token check answered by something
// that is not Matomo: sending the same token there again would only hand
// it over once more, so retry is neither offered nor taken.
func TestNoRetryWhereItCannotHelp(t *testing.T) {
	var tokenRequests atomic.Int32
	srv := tokenChecksAnswer(t, demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{}),
		func(w http.ResponseWriter, r *http.Request) {
			tokenRequests.Add(1)
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<!doctype html><html><head><title>Welcome to nginx!</title></head><body>It works</body></html>")
		})
	tr := run(t, Config{URL: srv.URL}, "", "t", demomatomo.TokenViewer, "", "retry", "r", "quit")
	if n := tokenRequests.Load(); n != 1 || tr.outcome.TokenRequests != 1 {
		t.Errorf("the token was sent %d times (outcome: %d), want once", n, tr.outcome.TokenRequests)
	}
	if e := tr.outcome.LastError; e == nil || e.Class != matomo.ClassNotMatomo {
		t.Fatalf("last error %v, want not_matomo", e)
	}
	tr.has(t,
		"Problem: This address does not answer like Matomo.\n",
		"What next? Answers: 1 again (type another token), 2 address (change the address, Enter), 3 quit.\n",
		`"retry" is not one of the answers.`,
		`"r" is not one of the answers.`,
	)
}

// TestRetryFollowsRetryable checks every class against the session's
// rule, which the wizard follows too.
func TestRetryFollowsRetryable(t *testing.T) {
	classes := []matomo.ErrorClass{
		matomo.ClassNetwork, matomo.ClassTimeout, matomo.ClassTLS, matomo.ClassNotMatomo, matomo.ClassRedirect,
		matomo.ClassTokenRejected, matomo.ClassNoAccess, matomo.ClassBlocked, matomo.ClassRateLimited,
		matomo.ClassServerError, matomo.ClassPlainHTTP,
	}
	for _, class := range classes {
		e := &matomo.Error{Class: class}
		tc, err := matomo.ParseToken(demomatomo.TokenViewer)
		if err != nil {
			t.Fatal(err)
		}
		var found matomo.Session
		found.RecordVerify(tc, nil, e)
		s := &session{}
		choices, def := s.failureChoices(e, found.MayRetry())
		_, offered := s.pick(choices, "retry")
		if offered != e.Retryable() || offered != found.MayRetry() {
			t.Errorf("%s: retry offered %v, want %v", class, offered, e.Retryable())
		}
		if _, ok := s.pick(choices, def); !ok && def != "address" {
			t.Errorf("%s: the default %q is not among the answers", class, def)
		}
		if def == "retry" {
			t.Errorf("%s: Enter alone would send the token again", class)
		}
	}
}

func TestRetryAfterAServerProblem(t *testing.T) {
	var tokenRequests atomic.Int32
	srv := tokenChecksAnswer(t, demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{}),
		func(w http.ResponseWriter, r *http.Request) {
			tokenRequests.Add(1)
			http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
		})
	// Enter alone does not send the token again, however often: each one
	// could be a failed login. Only retry does.
	tr := run(t, Config{URL: srv.URL}, "", "t", demomatomo.TokenViewer, "", "", "", "", "", "", "quit")
	if n := tokenRequests.Load(); n != 1 || tr.outcome.TokenRequests != 1 {
		t.Errorf("Enter sent the token %d times (outcome: %d), want once", n, tr.outcome.TokenRequests)
	}
	tr.has(t, "What next? Answers: 1 retry (send the same token again, one request), 2 again (type another token, Enter), 3 address (change the address), 4 quit.\n")
	tokenRequests.Store(0)
	tr = run(t, Config{URL: srv.URL}, "", "t", demomatomo.TokenViewer, "", "retry", "quit")
	if n := tokenRequests.Load(); n != 2 || tr.outcome.TokenRequests != 2 {
		t.Errorf("the token was sent %d times (outcome: %d), want twice: once, and the retry asked for", n, tr.outcome.TokenRequests)
	}
}

// Enter alone never sends a token that already failed here, also when it
// comes back by the demo token list's default.
func TestEnterNeverResendsAFailedToken(t *testing.T) {
	var tokenRequests atomic.Int32
	srv := tokenChecksAnswer(t, demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{}),
		func(w http.ResponseWriter, r *http.Request) {
			tokenRequests.Add(1)
			http.Error(w, "Service Unavailable", http.StatusServiceUnavailable)
		})
	demo := []DemoToken{{Value: demomatomo.TokenViewer, Note: "a viewer"}}
	answers := []string{"", "t", "", ""}
	for range 10 {
		answers = append(answers, "")
	}
	tr := run(t, Config{URL: srv.URL, DemoTokens: demo}, append(answers, "quit")...)
	if n := tokenRequests.Load(); n != 1 {
		t.Errorf("Enter alone sent the token %d times, want once", n)
	}
	tr.has(t, "Check it now? Answers: 1 again (type the token again, Enter), 2 steps (back to the steps), 3 quit, check (send it to Matomo once; type the word).")
}
