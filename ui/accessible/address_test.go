package accessible

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// otherShapedToken is a token that is not Matomo's 32 hex characters, as
// some installs have: only token_auth= gives it away, and assertSafe's
// list of the fakes' tokens does not know it.
const otherShapedToken = "Zq8-secret-Kw3"

func TestTokenInTheAddressAnswerIsNeitherKeptNorShown(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	for _, tc := range []struct {
		name, answer string
	}{
		{"API link, other token shape", srv.URL + "/index.php?module=API&method=API.getMatomoVersion&token_auth=" + otherShapedToken},
		{"API link, Matomo token", srv.URL + "/index.php?module=API&format=json&token_auth=" + demomatomo.TokenViewer},
		{"query without token_auth", srv.URL + "/?tok=" + demomatomo.TokenViewer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv.ResetRequests()
			tr := run(t, Config{}, tc.answer, "", "quit")
			tr.lacks(t, otherShapedToken, "token_auth", "tok=")
			tr.has(t,
				"That answer held a token. It was removed: not kept, not shown, and not sent anywhere, not even to check the address. "+
					"The token is asked for later, hidden. The address in it is kept: "+srv.URL+".",
				"Press Enter to use "+srv.URL+", or type another address.\nAddress ["+srv.URL+"]: \n",
				"Checking "+srv.URL+" without a token",
			)
			// Only the pre-flight of the kept address, after the Enter, and
			// its labels.
			reqs := srv.Requests()
			if len(reqs) != 2 {
				t.Fatalf("%d requests, want 2", len(reqs))
			}
			for _, r := range reqs {
				if strings.Contains(r.RawQuery+r.Body, otherShapedToken) || strings.Contains(r.Body, "token_auth") {
					t.Errorf("the token went out without a token check: %+v", r)
				}
			}
		})
	}
}

func TestTokenThatIsNoAddressIsDropped(t *testing.T) {
	tr := run(t, Config{}, "token_auth="+otherShapedToken, "quit")
	tr.lacks(t, otherShapedToken)
	tr.has(t,
		"That looks like a token, not an address. It was removed",
		"Type the address you open Matomo with in the browser, for example https://analytics.example.org.\nAddress: quit",
	)
}

func TestTokenInTheGivenAddressIsDropped(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL + "/index.php?module=API&token_auth=" + otherShapedToken}, "quit")
	tr.lacks(t, otherShapedToken, "token_auth")
	tr.has(t,
		"The address given to matomo-onboard held a token. It was removed",
		"The address in it is kept: "+srv.URL+".\nPress Enter to use "+srv.URL+", or type another address.\nAddress ["+srv.URL+"]: ",
	)
}

func TestTokenInTheSiteFilterIsNotEchoed(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "t", demomatomo.TokenViewer, "",
		"filter token_auth="+otherShapedToken,
		"/https://shop.example/?token_auth="+otherShapedToken,
		"quit")
	tr.lacks(t, otherShapedToken, "No site matches")
	if c := strings.Count(tr.out, "That looks like a token; the filter looks for text in site names and addresses."); c != 2 {
		t.Errorf("the filter refused %d tokens, want 2", c)
	}
	if c := strings.Count(tr.out, "Site ID [1]: (hidden: it looks like a token)\n"); c != 2 {
		t.Errorf("%d echoes of the filter answers were hidden, want 2", c)
	}
}

// TestCertificateNotCheckedIsSaid runs with certificate checks off, as
// --insecure-skip-verify does: the pre-flight must not call the
// certificate valid.
func TestCertificateNotCheckedIsSaid(t *testing.T) {
	p, _ := startTLSProxy(t, demomatomo.Recorded())
	proxyURL, _ := url.Parse(p.URL)
	insecure := newClient(t, matomo.Options{Timeout: 5 * time.Second, InsecureSkipVerify: true,
		Proxy: func(*http.Request) (*url.URL, error) { return proxyURL, nil }})
	tr := run(t, Config{URL: "https://example.com", Client: insecure}, "", "quit")
	tr.has(t, "Encrypted connection (TLS 1.3), but the certificate was NOT checked (--insecure-skip-verify): "+
		"nothing confirms that this server is your Matomo.")
	tr.lacks(t, "certificate valid", "Secure connection")
}

// A token glued to the address, or in it, is taken out and the address
// kept; nothing of the token is printed, kept as the default or looked up.
func TestTokenNextToTheAddressIsTakenOut(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tok := demomatomo.TokenViewer
	for _, tc := range []struct{ name, answer, kept string }{
		{"glued to the port", srv.URL + tok, srv.URL},
		{"glued, upper case", srv.URL + strings.ToUpper(tok) + "/", srv.URL},
		{"in the path", srv.URL + "/web" + tok, srv.URL + "/web"},
		{"as the host", "https://" + tok + ".example.org", "https://.example.org"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv.ResetRequests()
			tr := run(t, Config{}, tc.answer, "quit")
			tr.lacks(t, tok[:12], tok[12:24], tok[20:], strings.ToUpper(tok[:12]))
			tr.has(t, "That answer held a token. It was removed: not kept, not shown, and not sent anywhere",
				"The address in it is kept: "+tc.kept+".", "Address ["+tc.kept+"]: quit")
			if n := len(srv.Requests()); n != 0 {
				t.Errorf("%d requests before the kept address was confirmed", n)
			}
		})
	}
}

// noPiece fails if any 12 characters of tok in a row are in out.
func noPiece(t *testing.T, out, tok string) {
	t.Helper()
	for i := 0; i+12 <= len(tok); i++ {
		if strings.Contains(strings.ToLower(out), tok[i:i+12]) {
			t.Errorf("the transcript shows 12 characters of the token (%s…)", tok[i:i+4])
			return
		}
	}
}

// TestAPieceOfATokenIsNeverKeptShownOrLookedUp (attack1 U2, U3/F7): a
// token wrapped onto two lines comes as two answers of 16 hex characters;
// a token with a character missing, or split by a space, has no 32 in a
// row. Each is 12 or more hex characters in a row, which no address has:
// it is dropped like a token, never quoted, kept as the default or looked
// up, and the next answer (the other half) is dropped too.
func TestAPieceOfATokenIsNeverKeptShownOrLookedUp(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tok := demomatomo.TokenViewer
	for _, tc := range []struct {
		name    string
		answers []string
		kept    string
	}{
		{"wrapped onto two lines", []string{tok[:16], tok[16:]}, ""},
		{"a character missing", []string{srv.URL + "/" + tok[:31]}, srv.URL},
		{"split by a space", []string{srv.URL + "/" + tok[:16] + " " + tok[16:]}, srv.URL},
		{"%-escaped, a character missing", []string{srv.URL + "/" + percent(tok[:31])}, srv.URL},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv.ResetRequests()
			tr := run(t, Config{}, append(tc.answers, "quit")...)
			noPiece(t, tr.out, tok)
			tr.has(t, "12 or more hex characters in a row", "It was removed: not kept, not shown, and not sent anywhere")
			if tc.kept != "" {
				tr.has(t, "The address in it is kept: "+tc.kept+".")
			}
			if n := len(srv.Requests()); n != 0 {
				t.Errorf("%d requests; nothing was confirmed", n)
			}
			tr.lacks(t, "Checking")
		})
	}
	// At any other question, such an answer is not repeated either.
	tr := run(t, Config{URL: srv.URL}, "", tok[16:], "quit")
	noPiece(t, tr.out, tok)
	tr.has(t, "What you typed (it looks like a token, so it is not repeated)")
}

func percent(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteString(url.PathEscape("%"))
		b.WriteString(strings.ToUpper(hex2(s[i])))
	}
	return strings.ReplaceAll(b.String(), "%25", "%")
}

func hex2(c byte) string { return string("0123456789abcdef"[c>>4]) + string("0123456789abcdef"[c&15]) }

// TestARedirectedTokenCheckSendsNothingOnEnter (attack1 U6): the token's
// POST is answered with a redirect to another server. Using the new
// address is the default (it is checked without a token first), but no
// Enter sends the token there: the person never typed that server.
func TestARedirectedTokenCheckSendsNothingOnEnter(t *testing.T) {
	other := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	demo := demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{})
	moved := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if strings.Contains(string(body), "token_auth") {
			http.Redirect(w, r, other.URL+"/", http.StatusFound)
			return
		}
		r.Body = io.NopCloser(strings.NewReader(string(body)))
		demo.ServeHTTP(w, r)
	}))
	t.Cleanup(moved.Close)
	answers := append([]string{moved.URL, "", "t", demomatomo.TokenViewer}, enters(12)...)
	tr := run(t, Config{}, append(answers, "quit")...)
	for _, r := range other.Requests() {
		if strings.Contains(r.Body+r.RawQuery, "token_auth") {
			t.Fatalf("Enter alone sent the token to %s, which the person never typed", other.URL)
		}
	}
	if other.RequestCount() == 0 {
		t.Fatalf("the new address was never checked; the test proves nothing")
	}
	tr.has(t, "You did not type "+strings.TrimPrefix(other.URL, "http://")+": a redirect led here.")
}
