package demomatomo_test

// The fake kept honest by a real Matomo 5.1.2 (../shared/realmatomo, see
// README "Tests against a real Matomo"): every request the product sends
// in its own flows goes to the real server and to the fake holding the
// same users, tokens and sites, and the answers must agree.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"matomo-onboard/internal/cli"
	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// TestRealFakeAnswersTheProductsRequestsLikeMatomo512 collects the requests
// mechanically: it runs the product's front ends (verify with the URL
// check, verify with the data check of a site with a visit and of one
// without, and the line-by-line wizard from the address to the URL check,
// and to a site's data check) for every token of the kit against the
// fake, and takes what the fake received. A request the product starts
// sending later is covered without touching this test. (The Bubble Tea
// wizard calls the same client methods as the line-by-line one: the check
// without a token, the verification, the URL check, the data check.)
//
// Each request then goes to the real Matomo and to a fresh fake, first as
// is, then after 21 failed logins locked the computer out, and status,
// Content-Type, Location, the request-id header and the JSON must match:
// keys in order and value types element by element, values too except
// inside site objects (creation times differ), so that every message the
// client classifies by is Matomo's own.
func TestRealFakeAnswersTheProductsRequestsLikeMatomo512(t *testing.T) {
	in := realmatomo.SpendFailedLogins(t)
	// Site 1 has a visit, as the fake's has (realmatomo.FakeData).
	in.TrackVisit(t, 1)
	created := createDescriptions{viewer: realmatomo.NewDescription("fidelity viewer"), twofa: realmatomo.NewDescription("fidelity twofa")}
	requests := productRequests(t, created)
	t.Logf("%d distinct requests from the product's flows", len(requests))
	floorOfRequests(t, requests)

	fake := demomatomo.MustStart(realmatomo.FakeData(), demomatomo.Options{Version: realmatomo.Version})
	defer fake.Close()
	for _, r := range requests {
		compareReplay(t, "", in, fake, r)
	}
	// Both must have counted the same failed logins for these requests.
	realFailures, fakeFailures := in.Unblock(t), fake.FailedLogins("127.0.0.1")
	if realFailures != fakeFailures {
		t.Errorf("the product's requests cost %d failed logins on the real Matomo, %d on the fake", realFailures, fakeFailures)
	}
	fake.Unblock()

	// Locked out: a request that costs a failed login, 21 times, then
	// everything again.
	spender := spendingRequest(t, requests)
	for i := 1; i <= 21; i++ {
		compareReplay(t, fmt.Sprintf("failed login %d: ", i), in, fake, spender)
	}
	for _, r := range requests {
		compareReplay(t, "locked out: ", in, fake, r)
	}
	// The create flows' requests made one token on each: viewer's, shown,
	// and twofa's, left behind by the missing code; none while locked out.
	for login, description := range map[string]string{"viewer": created.viewer, "twofa": created.twofa} {
		if n := in.TokensDescribed(t, login, description); n != 1 {
			t.Errorf("the real Matomo holds %d tokens of %s described %q, want 1", n, login, description)
		}
	}
}

// createDescriptions are the descriptions the line mode's "create it for
// me" runs type, one a login, so that the tokens they make can be found
// and removed.
type createDescriptions struct{ viewer, twofa string }

// productRequests runs the product's flows for every kit token against the
// fake and returns the distinct requests it received, in order.
func productRequests(t *testing.T, created createDescriptions) []demomatomo.Request {
	t.Helper()
	fake := demomatomo.MustStart(realmatomo.FakeData(), demomatomo.Options{Version: realmatomo.Version})
	defer fake.Close()
	ctx := context.Background()
	for _, c := range realmatomo.Tokens() {
		// verify, as a script runs it, asking for the URL check too.
		var out bytes.Buffer
		env := testEnv("", &out, map[string]string{"MATOMO_TOKEN_AUTH": c.Token})
		if code := env.Run(ctx, []string{"verify", "--url", fake.URL, "--json", "--check-get"}); code == 1 || code == 2 {
			t.Fatalf("verify for %s: exit %d\n%s", c.Name, code, out.String())
		}
		// verify with the data check: site 1 has a visit, site 2 none,
		// and most tokens reach neither.
		for _, site := range []string{"1", "2"} {
			out.Reset()
			env = testEnv("", &out, map[string]string{"MATOMO_TOKEN_AUTH": c.Token})
			if code := env.Run(ctx, []string{"verify", "--url", fake.URL, "--json", "--site", site}); code == 1 || code == 2 {
				t.Fatalf("verify --site %s for %s: exit %d\n%s", site, c.Name, code, out.String())
			}
		}
		// The line-by-line wizard: the address offered by --url, straight to
		// the token, check it, then the URL check with a yes (answers it does
		// not expect after a failure are asked again, and quit ends it).
		out.Reset()
		script := strings.Join([]string{"", "t", c.Token, "", "url-check", "y", "quit"}, "\n") + "\n"
		env = testEnv(script, &out, nil)
		if code := env.Run(ctx, []string{"--accessible", "--url", fake.URL}); code != 130 {
			t.Fatalf("the line-by-line wizard for %s: exit %d\n%s", c.Name, code, out.String())
		}
		// A verified token on to its first site, whose data is checked.
		if c.Class != "" {
			continue
		}
		out.Reset()
		script = strings.Join([]string{"", "t", c.Token, "", strconv.Itoa(firstSite(c.Access)), "quit"}, "\n") + "\n"
		env = testEnv(script, &out, nil)
		if code := env.Run(ctx, []string{"--accessible", "--url", fake.URL}); code != 130 || !strings.Contains(out.String(), "Data check") {
			t.Fatalf("the line-by-line wizard for %s to a site: exit %d\n%s", c.Name, code, out.String())
		}
	}
	lineModeCreates(t, ctx, fake.URL, created)
	seen := map[string]bool{}
	var distinct []demomatomo.Request
	for _, r := range fake.Requests() {
		key := r.Method + " " + r.Path + "?" + r.RawQuery + "\n" + r.Header.Get("Content-Type") + "\n" + r.Body
		if !seen[key] {
			seen[key] = true
			distinct = append(distinct, r)
		}
	}
	return distinct
}

// lineModeCreates runs the line mode's "create it for me" against the fake:
// viewer's token made and checked, twofa's round without the code (the
// token left behind), and a wrong password.
func lineModeCreates(t *testing.T, ctx context.Context, url string, created createDescriptions) {
	t.Helper()
	for _, run := range []struct {
		name    string
		answers []string
	}{
		{"viewer", []string{"", "create", "viewer", realmatomo.Password("viewer"), created.viewer, "", "no", "quit", "quit"}},
		{"twofa without the code", []string{"", "create", "twofa", realmatomo.Password("twofa"), created.twofa, "", "no", "quit"}},
		{"a wrong password", []string{"", "create", "viewer", "not-the-password", "x", "", "no", "quit"}},
	} {
		var out bytes.Buffer
		env := testEnv(strings.Join(run.answers, "\n")+"\n", &out, nil)
		if code := env.Run(ctx, []string{"--accessible", "--url", url}); code != 130 || !strings.Contains(out.String(), "to create the token") {
			t.Fatalf("the line mode's create run %s: exit %d\n%s", run.name, code, out.String())
		}
	}
}

func testEnv(stdin string, out io.Writer, vars map[string]string) *cli.Env {
	return &cli.Env{
		Stdin: strings.NewReader(stdin), Stdout: out, Stderr: out,
		Getenv: func(k string) string { return vars[k] }, Now: time.Now, Version: "test",
		IsTerminal: func(any) bool { return false },
	}
}

// firstSite is the lowest site id of a token's sites.
func firstSite(access map[int]matomo.Access) int {
	first := 0
	for id := range access {
		if first == 0 || id < first {
			first = id
		}
	}
	return first
}

// floorOfRequests checks that the flows ran at all: the check without a
// token, a verification, a token in a URL and the data check, on its own
// and inside a verification, must be among what they sent. It names
// kinds, not requests, so the requests themselves stay whatever the
// product sends.
func floorOfRequests(t *testing.T, requests []demomatomo.Request) {
	t.Helper()
	var noToken, post, get, dataAlone, dataInBulk, creates bool
	for _, r := range requests {
		form, _ := url.ParseQuery(r.Body)
		query, _ := url.ParseQuery(r.RawQuery)
		dataAlone = dataAlone || query.Get("method") == "Live.getLastVisitsDetails"
		dataInBulk = dataInBulk || strings.Contains(r.Body, url.QueryEscape("method=Live.getLastVisitsDetails"))
		creates = creates || query.Get("method") == "UsersManager.createAppSpecificTokenAuth" && form.Get("passwordConfirmation") != ""
		switch {
		case r.Method == http.MethodGet && query.Get("token_auth") != "":
			get = true
		case r.Method == http.MethodPost && form.Get("token_auth") != "":
			post = true
		case r.Method == http.MethodPost:
			noToken = true
		}
	}
	if !noToken || !post || !get {
		t.Fatalf("the flows sent no request without a token (%v), with a token in a POST body (%v) or in a URL (%v)", noToken, post, get)
	}
	if !dataAlone || !dataInBulk {
		t.Fatalf("the flows sent no data check on its own (%v) or in a verification (%v)", dataAlone, dataInBulk)
	}
	if !creates {
		t.Fatal("the flows sent no request to create a token from a login and password")
	}
}

// spendingRequest is a request of the product's that costs a failed login
// on the fake.
func spendingRequest(t *testing.T, requests []demomatomo.Request) demomatomo.Request {
	t.Helper()
	fake := demomatomo.MustStart(realmatomo.FakeData(), demomatomo.Options{Version: realmatomo.Version})
	defer fake.Close()
	for _, r := range requests {
		before := fake.FailedLogins("127.0.0.1")
		send(t, fake.URL, r)
		if fake.FailedLogins("127.0.0.1") > before {
			return r
		}
	}
	t.Fatal("no request of the product's flows costs a failed login, so the lock-out cannot be reached")
	return demomatomo.Request{}
}

// answer is what came back to one request.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// send replays a recorded request against base: method, path, query,
// headers and body as the product sent them.
func send(t *testing.T, base string, r demomatomo.Request) answer {
	t.Helper()
	target := base + r.Path
	if r.RawQuery != "" {
		target += "?" + r.RawQuery
	}
	req, err := http.NewRequest(r.Method, target, strings.NewReader(r.Body))
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range r.Header {
		switch http.CanonicalHeaderKey(k) {
		case "Host", "Content-Length", "Accept-Encoding": // the transport's own
			continue
		}
		req.Header[k] = vs
	}
	client := &http.Client{Timeout: time.Minute,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", describe(r), err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s: %v", describe(r), err)
	}
	return answer{resp.StatusCode, resp.Header, body}
}

// describe names a request without its token.
func describe(r demomatomo.Request) string {
	q, _ := url.ParseQuery(r.RawQuery)
	what := r.Method + " " + q.Get("method")
	tok := q.Get("token_auth")
	if tok != "" {
		what += " with a token in the URL"
	} else if form, _ := url.ParseQuery(r.Body); form.Get("token_auth") != "" {
		tok = form.Get("token_auth")
	}
	if tok == "" {
		return what + " without a token"
	}
	if c, err := matomo.ParseToken(tok); err == nil {
		what += " (token " + c.Token.Fingerprint() + ")"
	}
	return what
}

func compareReplay(t *testing.T, stage string, in *realmatomo.Instance, fake *demomatomo.Server, r demomatomo.Request) {
	t.Helper()
	real := send(t, in.URL, r)
	got := send(t, fake.URL, r)
	what := stage + describe(r)
	if got.status != real.status {
		t.Errorf("%s: the fake answered %d, the real Matomo %d (%.200s)", what, got.status, real.status, real.body)
	}
	for _, h := range []string{"Content-Type", "Location"} {
		g := strings.ReplaceAll(got.header.Get(h), strings.TrimPrefix(fake.URL, "http://"), in.Host())
		if w := real.header.Get(h); g != w {
			t.Errorf("%s: %s %q from the fake, %q from the real Matomo", what, h, g, w)
		}
	}
	if g, w := got.header.Get("X-Matomo-Request-Id") != "", real.header.Get("X-Matomo-Request-Id") != ""; g != w {
		t.Errorf("%s: X-Matomo-Request-Id from the fake: %v, from the real Matomo: %v", what, g, w)
	}
	if !strings.HasPrefix(real.header.Get("Content-Type"), "application/json") {
		if htmlTitle(got.body) != htmlTitle(real.body) || htmlMessage(got.body) != htmlMessage(real.body) {
			t.Errorf("%s: the fake's page says %q, the real one %q", what, htmlTitle(got.body)+" | "+htmlMessage(got.body),
				htmlTitle(real.body)+" | "+htmlMessage(real.body))
		}
		return
	}
	g, err := parseOrdered(got.body)
	if err != nil {
		t.Errorf("%s: the fake's answer is not JSON: %v\n%.300s", what, err, got.body)
		return
	}
	w, err := parseOrdered(real.body)
	if err != nil {
		t.Errorf("%s: the real Matomo's answer is not JSON: %v\n%.300s", what, err, real.body)
		return
	}
	exact := true
	if q, _ := url.ParseQuery(r.RawQuery); q.Get("method") == "UsersManager.createAppSpecificTokenAuth" {
		// Each creates its own token: both must be one, of Matomo's form.
		exact = false
		if tokenValue(got.body) != tokenValue(real.body) {
			t.Errorf("%s: the fake's answer holds a token: %v, the real Matomo's: %v", what, tokenValue(got.body), tokenValue(real.body))
		}
	}
	if d := g.diff(w, "$", exact); d != "" {
		t.Errorf("%s: %s\n fake: %.400s\n real: %.400s", what, d, got.body, real.body)
		return
	}
	t.Logf("%s: %d %s, %s, same answer", what, real.status, real.header.Get("Content-Type"), sizeOf(len(real.body)))
}

func sizeOf(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

// TestRealFakeLanguagesManagerLikeMatomo512 compares what the fake and the
// real Matomo say about their labels and languages beyond the product's
// own requests: both answer shapes of a filtered list (a list, and with
// filter_limit=-1 an object keyed by the rows' positions), a pattern that
// matches nothing, a language Matomo lacks, a missing language, and both
// lists of languages.
func TestRealFakeLanguagesManagerLikeMatomo512(t *testing.T) {
	in := realmatomo.Use(t)
	fake := demomatomo.MustStart(realmatomo.FakeData(), demomatomo.Options{Version: realmatomo.Version})
	defer fake.Close()
	const api = "module=API&format=json&method=LanguagesManager."
	pattern := url.QueryEscape("^(General_Security|UsersManager_MenuPersonal|UsersManager_CreateNewToken|CoreAdminHome_Administration|UsersManager_OnlyAllowSecureRequests)$")
	form := "application/x-www-form-urlencoded"
	for _, r := range []demomatomo.Request{
		{Method: http.MethodPost, Path: "/index.php", RawQuery: api + "getTranslationsForLanguage&languageCode=de&filter_column[]=label&filter_pattern=" + pattern},
		{Method: http.MethodPost, Path: "/index.php", RawQuery: api + "getTranslationsForLanguage", Header: http.Header{"Content-Type": {form}},
			Body: "languageCode=en&filter_column%5B%5D=label&filter_pattern=" + pattern},
		{Method: http.MethodPost, Path: "/index.php", RawQuery: api + "getTranslationsForLanguage&languageCode=de&filter_limit=-1&filter_column[]=label&filter_pattern=" + pattern},
		{Method: http.MethodPost, Path: "/index.php", RawQuery: api + "getTranslationsForLanguage&languageCode=en&filter_column[]=label&filter_pattern=Personal%24"},
		{Method: http.MethodPost, Path: "/index.php", RawQuery: api + "getTranslationsForLanguage&languageCode=de&filter_column[]=label&filter_pattern=NoSuchLabel"},
		{Method: http.MethodPost, Path: "/index.php", RawQuery: api + "getTranslationsForLanguage&languageCode=xx"},
		{Method: http.MethodPost, Path: "/index.php", RawQuery: api + "getTranslationsForLanguage"},
		{Method: http.MethodPost, Path: "/index.php", RawQuery: api + "getAvailableLanguages"},
		{Method: http.MethodPost, Path: "/index.php", RawQuery: api + "getAvailableLanguageNames"},
	} {
		compareReplay(t, "", in, fake, r)
	}
}

// TestRealFakeLiveLikeMatomo512 compares the fake's Live plugin with the
// real one beyond what the product's flows send: a site the token does
// not reach (401 alone, inline in a bulk answer), a superuser's site id
// that does not exist, no site, a site id that is no number, and no token
// at all. (The visits log and the plugin switched off cannot be compared
// here: the kit is shared; their messages were read from a copy of the
// kit with the settings changed, and from Matomo's source.)
func TestRealFakeLiveLikeMatomo512(t *testing.T) {
	in := realmatomo.Use(t)
	in.TrackVisit(t, 1)
	fake := demomatomo.MustStart(realmatomo.FakeData(), demomatomo.Options{Version: realmatomo.Version})
	defer fake.Close()
	const api = "module=API&format=json&language=en&method="
	form := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
	post := func(query, body string) demomatomo.Request {
		return demomatomo.Request{Method: http.MethodPost, Path: "/index.php", RawQuery: query, Header: form, Body: body}
	}
	live := "&filter_limit=1&doNotFetchActions=1&showColumns=lastActionTimestamp"
	for _, r := range []demomatomo.Request{
		post(api+"Live.getLastVisitsDetails", "token_auth="+realmatomo.TokenViewer+"&idSite=3"+live),
		post(api+"Live.getLastVisitsDetails", "token_auth="+realmatomo.TokenViewer+"&idSite=1&filter_limit=1&doNotFetchActions=1"),
		post(api+"Live.getLastVisitsDetails", "token_auth="+realmatomo.TokenAdmin+"&idSite=999999"+live),
		post(api+"Live.getLastVisitsDetails", "token_auth="+realmatomo.TokenAdmin+live),
		post(api+"Live.getLastVisitsDetails", "token_auth="+realmatomo.TokenAdmin+"&idSite=abc"+live),
		post(api+"Live.getLastVisitsDetails", "idSite=1"+live),
		post(api+"API.getBulkRequest", "token_auth="+realmatomo.TokenViewer+"&urls%5B0%5D="+
			url.QueryEscape("method=Live.getLastVisitsDetails&idSite=3"+live)+"&urls%5B1%5D="+
			url.QueryEscape("method=Live.getLastVisitsDetails&idSite=2"+live)),
	} {
		compareReplay(t, "", in, fake, r)
	}
}

// tokenValue reports whether an answer is {"value":"<32 lowercase hex>"},
// as Matomo answers a created token.
func tokenValue(body []byte) bool {
	var v struct {
		Value string `json:"value"`
	}
	if json.Unmarshal(body, &v) != nil || len(v.Value) != 32 {
		return false
	}
	return strings.Trim(v.Value, "0123456789abcdef") == ""
}
