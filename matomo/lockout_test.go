package matomo_test

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"matomo-onboard/matomo"
)

const (
	ipLockoutEN   = "Too many failed logins. Please wait and try logging in again later."
	ipLockoutDE   = "Aufgrund zu vieler fehlgeschlagener Anmeldungen sind Sie aktuell nicht berechtigt sich anzumelden. Bitte versuchen Sie es später noch einmal."
	userLockoutEN = "Logging in has been turned off since a suspicious amount of failed attempts were made during the last hour."
	userLockoutDE = "Die Anmeldung wurde deaktiviert, weil eine verdächtige hohe Anzahl fehlgeschlagener Anmeldeversuche in der letzten Stunde registriert wurde."
)

// lockoutShape is one way a server may answer with Matomo's lock-out.
type lockoutShape struct {
	name        string
	status      int
	contentType string
	body        string
	userLocked  bool // the user's login, not this computer
}

// The elements of Verify's bulk answer, for bulkWith.
const (
	atVersion = iota
	atSuperUser
	atSites
	atAdmin
	atWrite
	atEmailExists
)

// bulkWith is a bulk answer for a view-only user of one site, with element
// put in the place of one part.
func bulkWith(element string, at int) string {
	b := matomo.Bulk{Sites: `[{"idsite":1,"name":"Shop","main_url":"https:\/\/shop.example"}]`}
	*[]*string{&b.Version, &b.SuperUser, &b.Sites, &b.Admin, &b.Write, &b.EmailExists}[at] = element
	return b.JSON()
}

func errorJSON(msg string) string { return fmt.Sprintf(`{"result":"error","message":%q}`, msg) }

func lockoutShapes() []lockoutShape {
	return []lockoutShape{
		{"Matomo's JSON error", 500, "application/json", errorJSON(ipLockoutEN), false},
		{"text/plain, 500", 500, "text/plain", ipLockoutEN, false},
		{"text/plain, 200", 200, "text/plain; charset=utf-8", ipLockoutEN + "\n", false},
		{"a 500 page without Matomo's markup", 500, "text/html",
			"<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Oops</h1><p>" + ipLockoutEN + "</p></body></html>", false},
		{"markup inside the words", 503, "text/html", "<p>Too many <b>failed</b>\n   logins</p>", false},
		{"inline in the bulk answer, first element", 200, "application/json", bulkWith(errorJSON(ipLockoutEN), atVersion), false},
		{"a bulk answer with the lock-out, as a 500", 500, "application/json", bulkWith(errorJSON(ipLockoutEN), atSites), false},
		{"inline in the bulk answer, the site list", 200, "application/json", bulkWith(errorJSON(ipLockoutEN), atSites), false},
		{"inline in the bulk answer, the probe of userEmailExists", 200, "application/json", bulkWith(errorJSON(ipLockoutEN), atEmailExists), false},
		{"a bare string in the bulk answer", 200, "application/json", bulkWith(fmt.Sprintf("%q", ipLockoutEN), atSuperUser), false},
		{"German, Matomo's JSON error", 500, "application/json", errorJSON(ipLockoutDE), false},
		{"German, HTML with entities", 500, "text/html", "<html><body><div>" + strings.ReplaceAll(ipLockoutDE, "ä", "&auml;") + "</div></body></html>", false},
		{"German, JSON with escaped umlauts", 500, "application/json", strings.ReplaceAll(errorJSON(ipLockoutDE), "ä", `\u00e4`), false},
		{"German, inline in the bulk answer", 200, "application/json", bulkWith(errorJSON(ipLockoutDE), atAdmin), false},
		{"the untranslated key", 500, "text/plain", "Login_LoginNotAllowedBecauseBlocked", false},
		{"XML error", 500, "text/xml", `<?xml version="1.0" encoding="utf-8" ?><result><error message="` + ipLockoutEN + `" /></result>`, false},
		{"the user's login, 403 JSON", 403, "application/json", errorJSON(userLockoutEN), true},
		{"the user's login, text/plain", 403, "text/plain", userLockoutEN, true},
		{"the user's login, German", 403, "text/html", "<p>" + userLockoutDE + "</p>", true},
		{"the user's login, inline in the bulk answer", 200, "application/json", bulkWith(errorJSON(userLockoutEN), atWrite), true},
		{"the user's login, the untranslated key", 403, "text/plain", "Login_LoginNotAllowedBecauseUserLoginBlocked", true},
		// Shapes attack1 found classed server_error (F2): the message as
		// read, not its bytes.
		{"JSON with an escaped letter, 500", 500, "application/json", strings.Replace(errorJSON(ipLockoutEN), "T", `\u0054`, 1), false},
		{"JSON with an escaped letter, 200", 200, "application/json", strings.Replace(errorJSON(ipLockoutEN), "T", `\u0054`, 1), false},
		{"JSON escaped throughout", 500, "application/json", `{"result":"error","message":"` + escapeAll(ipLockoutEN) + `"}`, false},
		{"a bulk answer with an escaped lock-out, as a 500", 500, "application/json",
			bulkWith(`{"result":"error","message":"\u0054oo many failed logins."}`, atSuperUser), false},
		{"a bare escaped string as the bulk answer", 200, "application/json", `["\u0054oo many failed logins."]`, false},
		{"after 64 KiB of markup", 500, "text/html", "<html><head><style>" + strings.Repeat("x", 70000) +
			`</style></head><body><div class="content"><h2>` + ipLockoutEN + `</h2></div></body></html>`, false},
		{"after 900 kB of markup", 500, "text/html", "<html><head><style>" + strings.Repeat("p{color:red}\n", 70000) +
			`</style></head><body><p>` + ipLockoutEN + `</p></body></html>`, false},
		{"a word split by an inline tag", 500, "text/html", `<div>Too many fa<i>i</i>led logins</div>`, false},
		{"a soft hyphen inside a word", 500, "text/plain", "Too many fai\u00adled logins.", false},
		{"an escaped soft hyphen and a line break", 500, "application/json", `{"result":"error","message":"Too many fai\u00adled\nlogins."}`, false},
		{"a line break inside the phrase", 500, "text/plain", "Too many failed\nlogins", false},
		{"French", 500, "application/json", errorJSON("Trop de connexions échouées, veuillez réessayer ultérieurement."), false},
		{"Spanish, HTML entities", 500, "text/html", "<p>" + html.EscapeString("Actualmente no se le está permitiendo iniciar sesión porque tuvo demasiados inicios de sesión fallidos, intente nuevamente más tarde.") + "</p>", false},
		{"Japanese, the user's login", 403, "application/json", errorJSON("過去 1 時間に不審な回数の試行が失敗したため、ログインは無効になっています。"), true},
	}
}

// escapeAll writes every character of s as a JSON \u escape.
func escapeAll(s string) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, `\u%04x`, r)
	}
	return b.String()
}

func lockoutServer(t *testing.T, sh lockoutShape) (*httptest.Server, *atomic.Int64) {
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", sh.contentType)
		w.WriteHeader(sh.status)
		fmt.Fprint(w, sh.body)
	}))
	t.Cleanup(srv.Close)
	return srv, &requests
}

// Matomo's lock-out, in every shape it comes in, is a lock-out: class
// blocked, never retryable, with the explanation of the lock-out it is;
// for the token check and for the URL check.
func TestEveryShapeOfTheLockOutIsBlocked(t *testing.T) {
	for _, sh := range lockoutShapes() {
		t.Run(sh.name, func(t *testing.T) {
			srv, _ := lockoutServer(t, sh)
			client, _ := testClient(t, matomo.Options{})
			addr, tok := address(t, srv.URL), token(t, canary)
			_, err := client.Verify(context.Background(), addr, tok)
			check := func(what string, err error) {
				e := classOf(t, err)
				if e.Class != matomo.ClassBlocked || e.UserLocked != sh.userLocked || e.Retryable() {
					t.Fatalf("%s: class %s (user locked %v, retryable %v), want blocked (user locked %v): %s | %s",
						what, e.Class, e.UserLocked, e.Retryable(), sh.userLocked, e.Detail, e.Matomo)
				}
				wantTitle, wantDetail := "Matomo has locked this computer out", "this computer's IP address"
				if sh.userLocked {
					wantTitle, wantDetail = "Matomo has locked this user out", "turned off logging in for this user"
				}
				if e.Title().String() != wantTitle || !strings.Contains(e.Detail.String(), wantDetail) {
					t.Errorf("%s: %q / %q, want %q / %q", what, e.Title(), e.Detail, wantTitle, wantDetail)
				}
				if e.Matomo == "" || strings.ContainsAny(e.Matomo, "<>{}[]") {
					t.Errorf("%s: Matomo's words shown as %q", what, e.Matomo)
				}
			}
			check("token check", err)
			_, err = client.CheckGET(context.Background(), addr, tok)
			check("URL check", err)
		})
	}
}

// Nothing else is taken for a lock-out: the words must be Matomo's
// message, not a site's name.
func TestALockOutIsNotSeenWhereThereIsNone(t *testing.T) {
	sh := lockoutShape{status: 200, contentType: "application/json",
		body: bulkWith(`[{"idsite":1,"name":"Too many failed logins (a site)","main_url":"https:\/\/shop.example"}]`, atSites)}
	srv, _ := lockoutServer(t, sh)
	client, _ := testClient(t, matomo.Options{})
	res, err := client.Verify(context.Background(), address(t, srv.URL), token(t, canary))
	if err != nil || len(res.Sites) != 1 {
		t.Fatalf("a site named like the lock-out: %v", err)
	}
}
