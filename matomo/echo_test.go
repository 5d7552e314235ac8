package matomo_test

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"matomo-onboard/matomo"
)

// A proxy, firewall or broken server may quote the request back: its URL
// (which holds the token in the GET check) or its body (which holds it in
// every other request). Whatever it quotes, the token must not reach an
// error, a result or a trace the user sees.
func TestEchoedTokenIsRemovedFromWhatTheUserSees(t *testing.T) {
	echo := func(r *http.Request) string {
		body, _ := io.ReadAll(r.Body)
		return r.URL.RequestURI() + " " + string(body)
	}
	servers := []struct {
		name    string
		handler http.HandlerFunc
	}{
		{"page title, cut after 80 characters", func(w http.ResponseWriter, r *http.Request) {
			// The token starts at character 70: cutting the title first
			// would leave its first 10 characters on the screen.
			e := echo(r)
			tok := e[strings.Index(e, "token_auth=")+len("token_auth="):]
			fmt.Fprintf(w, "<html><head><title>%s%s</title></head></html>", strings.Repeat("Blocked ", 70/8)+"......", html.EscapeString(tok))
		}},
		{"Matomo error message", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Matomo-Request-Id", "abc12")
			fmt.Fprintf(w, `{"result":"error","message":%q}`, "Bad request "+echo(r))
		}},
		{"redirect target", func(w http.ResponseWriter, r *http.Request) {
			form, _ := url.ParseQuery(echo(r)[strings.Index(echo(r), " ")+1:])
			tok := r.URL.Query().Get("token_auth") + form.Get("token_auth")
			http.Redirect(w, r, "https://login.example/"+tok+"/index.php", http.StatusFound)
		}},
		{"site names", func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			form, _ := url.ParseQuery(string(body))
			tok := strings.ToUpper(form.Get("token_auth") + r.URL.Query().Get("token_auth"))
			w.Header().Set("Server", "echo/"+tok)
			if r.Method == http.MethodGet {
				fmt.Fprintf(w, `{"result":"error","message":"unknown %s"}`, url.QueryEscape(tok))
				return
			}
			io.WriteString(w, matomo.Bulk{Version: fmt.Sprintf(`{"value":"5.0.2 %s"}`, tok),
				Sites: fmt.Sprintf(`[{"idsite":1,"name":"Shop %[1]s","main_url":"https:\/\/%[1]s.example"}]`, tok)}.JSON())
		}},
	}
	for _, s := range servers {
		t.Run(s.name, func(t *testing.T) {
			srv := (&hostileEnv{t: t}).httpServer(s.handler)
			client, _ := testClient(t, matomo.Options{})
			addr, tok := address(t, srv), token(t, canary)
			res, err := client.Verify(context.Background(), addr, tok)
			shown := shownText(res, err)
			check, gerr := client.CheckGET(context.Background(), addr, tok)
			shown += shownText(nil, gerr)
			if check != nil {
				shown += check.Matomo + fmt.Sprintf("%+v", check.Trace)
			}
			for _, form := range []string{canary, strings.ToUpper(canary), canary[:10]} {
				if strings.Contains(shown, form) {
					t.Errorf("the token reached what the user sees:\n%s", shown)
				}
			}
			if !strings.Contains(shown, "[token re") && !strings.Contains(shown, "%5Btoken%20removed%5D") {
				t.Errorf("no echo was found, so the test proves nothing:\n%s", shown)
			}
		})
	}
}

func shownText(res *matomo.Result, err error) string {
	var b strings.Builder
	if res != nil {
		fmt.Fprintf(&b, "%s %+v %+v\n", res.Version, res.Sites, res.Trace)
	}
	if e, ok := err.(*matomo.Error); ok {
		fmt.Fprintf(&b, "%s\n%s\n%s\n%s\n%s\n%+v\n", e.Error(), e.Detail, e.Hint, e.Location, e.Suggested.String(), e.Trace)
	}
	return b.String()
}

// A server that writes near copies of the token into what comes back (its
// first 28 characters, spaced out, split by zero-width characters, soft
// hyphens or a colour sequence): none of them reaches a site name, a URL,
// an error or a report.
func TestNearCopiesOfTheTokenAreRemovedFromWhatTheUserSees(t *testing.T) {
	near := func(tok string) []string {
		return []string{
			tok[:28],
			strings.Join(strings.Split(tok, ""), " "),
			tok[:10] + "\u200b" + tok[10:21] + "\u200d" + tok[21:],
			strings.Join([]string{tok[:8], tok[8:16], tok[16:24], tok[24:]}, "\u00ad"),
			tok[:14] + "\x1b[1;31m" + tok[14:],
			strings.ToUpper(tok[4:30]),
		}
	}
	srv := (&hostileEnv{t: t}).httpServer(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		tok := form.Get("token_auth")
		var sites []string
		for i, n := range near(tok) {
			name, _ := json.Marshal("Site " + n)
			u, _ := json.Marshal("https://x.example/" + n)
			sites = append(sites, fmt.Sprintf(`{"idsite":%d,"name":%s,"main_url":%s}`, i+1, name, u))
		}
		io.WriteString(w, matomo.Bulk{Sites: "[" + strings.Join(sites, ",") + "]"}.JSON())
	})
	client, _ := testClient(t, matomo.Options{})
	addr, tok := address(t, srv), token(t, canary)
	res, err := client.Verify(context.Background(), addr, tok)
	if err != nil || len(res.Sites) != len(near(canary)) {
		t.Fatalf("verify: %v", err)
	}
	report := matomo.NewReport(matomo.Findings{Token: tok, Result: res}).Text()
	for _, s := range res.Sites {
		for _, text := range []string{s.Name, s.URL} {
			if piece := tokenPiece(text, canary); piece != "" || !strings.Contains(text, "[token removed]") {
				t.Errorf("%q shows a piece of the token (%q)", text, piece)
			}
		}
	}
	if piece := tokenPiece(report, canary); piece != "" {
		t.Errorf("the report shows a piece of the token (%q)", piece)
	}
}

// tokenPiece finds 12 characters of tok in a row in s, with white space,
// invisible characters and colour sequences between them ignored.
func tokenPiece(s, tok string) string {
	var b strings.Builder
	for _, r := range regexp.MustCompile(`\x1b?\[[0-9;]*m`).ReplaceAllString(s, "") {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && r != '\u2028' && r != '\u2029' {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	flat := b.String()
	for i := 0; i+12 <= len(tok); i++ {
		if strings.Contains(flat, tok[i:i+12]) {
			return tok[i : i+12]
		}
	}
	return ""
}
