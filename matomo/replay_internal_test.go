package matomo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo/internal/recording"

	"matomo-onboard/internal/i18n"
)

// These tests replay what a real Matomo 5.0.2 answered (testdata/
// recordings) to the code that reads answers, and check the outcome a user
// sees: verified with which sites, or which class of error with what
// message. Every recording is used: TestEveryRecordingIsClassified fails
// when one is added without a row here.

// outcome is what a user must be told.
type outcome struct {
	class      ErrorClass // "" for success
	matomo     string     // expected in Error.Matomo (Matomo's own words)
	detail     string     // expected in Error.Detail
	secureOnly bool
	suggested  string // Error.Suggested, for redirects
	// For success:
	version   string
	superUser bool
	sites     string // "1:view 2:view"
}

const (
	badTokenMsg  = "Unable to authenticate with the provided token. It is either invalid or expired."
	inURLMsg     = "It is either invalid, expired or is required to be sent as a POST parameter."
	blockedMsg   = "Too many failed logins. Please wait and try logging in again later."
	needsViewMsg = "You can't access this resource as it requires view access for at least one website."
)

var (
	rejected   = outcome{class: ClassTokenRejected, matomo: badTokenMsg, detail: "does not accept this token"}
	blocked    = outcome{class: ClassBlocked, matomo: blockedMsg, detail: "blocked requests from this computer"}
	noAccess   = outcome{class: ClassNoAccess, matomo: needsViewMsg, detail: "cannot see any site"}
	notAsked   = outcome{class: ClassServerError, detail: "not with what was asked for"}
	incomplete = outcome{class: ClassServerError, detail: "answer was incomplete"}
	unreadable = outcome{class: ClassServerError, detail: "could not be read"}
)

// verifyAnswers are recorded answers to requests that carried a token,
// read as the answer to Verify's request. Single-method answers (a version,
// a site list) are valid Matomo answers to a different question: they must
// come out as a server error naming the mismatch, never as success.
var verifyAnswers = map[string]outcome{
	"POSTmixed_format_noformat__invalid32hex__API.getMatomoVersion":        rejected, // XML error
	"POSTmixed_format_xml__invalid32hex__API.getMatomoVersion":             rejected, // XML error
	"POSTmixed_invalid32hex__API.getBulkRequest":                           rejected,
	"POSTmixed_invalid32hex__API.getMatomoVersion":                         rejected,
	"POSTmixed_invalid32hex__SitesManager.getSitesWithAtLeastViewAccess":   rejected,
	"POSTmixed_invalid32hex__UsersManager.getUser":                         rejected,
	"POSTmixed_invalid32hex__UsersManager.hasSuperUserAccess":              rejected,
	"POSTmixed_malformed_abc__API.getBulkRequest":                          rejected,
	"POSTmixed_malformed_abc__API.getMatomoVersion":                        rejected,
	"POSTmixed_malformed_abc__SitesManager.getSitesWithAtLeastViewAccess":  rejected,
	"POSTmixed_malformed_abc__UsersManager.getUser":                        rejected,
	"POSTmixed_malformed_abc__UsersManager.hasSuperUserAccess":             rejected,
	"POSTmixed_viewer_expired__API.getBulkRequest":                         rejected,
	"POSTmixed_viewer_expired__API.getMatomoVersion":                       rejected,
	"POSTmixed_viewer_expired__SitesManager.getSitesWithAtLeastViewAccess": rejected,
	"POSTmixed_viewer_expired__UsersManager.getUser":                       rejected,
	"POSTmixed_viewer_expired__UsersManager.hasSuperUserAccess":            rejected,
	"invalid32hex__API.getMatomoVersion":                                   rejected, // HTML error page
	"token_uppercase_su__API.getMatomoVersion":                             rejected, // HTML error page
	"token_with_space_su__API.getMatomoVersion":                            rejected, // HTML error page
	"bruteforce_attempt01__invalid32hex__API.getMatomoVersion":             rejected,
	"bruteforce_mixed_attempt01__invalid32hex__API.getMatomoVersion":       rejected,
	"bruteforce_mixed_attempt21__invalid32hex__API.getMatomoVersion":       rejected,
	"bruteforce_attempt22__invalid32hex__API.getMatomoVersion":             blocked, // HTML error page
	"bruteforce_mixed_attempt22__invalid32hex__API.getMatomoVersion":       blocked,
	"bruteforce_mixed_blocked__su_valid_token__API.getMatomoVersion":       blocked, // even a valid token
	"bruteforce_mixed_blocked__su_valid_token__xml__API.getMatomoVersion":  blocked, // XML error

	"POSTmixed_noaccess__API.getMatomoVersion":                            noAccess, // 401, but the token is fine
	"POSTmixed_noaccess__UsersManager.getUser":                            noAccess,
	"POSTmixed_noaccess__SitesManager.getSitesWithAtLeastViewAccess":      incomplete,
	"POSTmixed_noaccess__UsersManager.hasSuperUserAccess":                 notAsked,
	"POSTmixed_su__API.getMatomoVersion":                                  notAsked,
	"POSTmixed_su__SitesManager.getSitesWithAtLeastViewAccess":            unreadable,
	"POSTmixed_su__UsersManager.getUser":                                  notAsked,
	"POSTmixed_su__UsersManager.hasSuperUserAccess":                       notAsked,
	"POSTmixed_su_secureonly__API.getMatomoVersion":                       notAsked,
	"POSTmixed_su_secureonly__SitesManager.getSitesWithAtLeastViewAccess": unreadable,
	"POSTmixed_su_secureonly__UsersManager.getUser":                       notAsked,
	"POSTmixed_su_secureonly__UsersManager.hasSuperUserAccess":            notAsked,
	"POSTmixed_viewer__API.getMatomoVersion":                              notAsked,
	"POSTmixed_viewer__SitesManager.getSitesWithAtLeastViewAccess":        unreadable,
	"POSTmixed_viewer__UsersManager.getUser":                              notAsked,
	"POSTmixed_viewer__UsersManager.hasSuperUserAccess":                   notAsked,
	"POSTmixed_writer__API.getMatomoVersion":                              notAsked,
	"POSTmixed_writer__SitesManager.getSitesWithAtLeastViewAccess":        unreadable,
	"POSTmixed_writer__UsersManager.getUser":                              notAsked,
	"POSTmixed_writer__UsersManager.hasSuperUserAccess":                   notAsked,
	"format_noformat__su__API.getMatomoVersion":                           notAsked, // XML value
	"format_bogus__su__API.getMatomoVersion":                              notAsked, // text/plain renderer error
	"path_root_noslash__su__API.getMatomoVersion":                         notAsked,
	"path_root_slash__su__API.getMatomoVersion":                           notAsked,
	"path_subdir_nonexistent__su__API.getMatomoVersion":                   notAsked,
	"noaccess__SitesManager.getSitesIdWithAdminAccess":                    incomplete,
	"noaccess__SitesManager.getSitesIdWithViewAccess":                     incomplete,
	"noaccess__SitesManager.getSitesIdWithWriteAccess":                    incomplete,
	"su__SitesManager.getSitesIdWithAdminAccess":                          unreadable,
	"su__SitesManager.getSitesIdWithViewAccess":                           incomplete,
	"su__SitesManager.getSitesIdWithWriteAccess":                          incomplete,
	"viewer__SitesManager.getSitesIdWithAdminAccess":                      incomplete,
	"viewer__SitesManager.getSitesIdWithViewAccess":                       unreadable,
	"viewer__SitesManager.getSitesIdWithWriteAccess":                      incomplete,
	"writer__SitesManager.getSitesIdWithAdminAccess":                      incomplete,
	"writer__SitesManager.getSitesIdWithViewAccess":                       incomplete,
	"writer__SitesManager.getSitesIdWithWriteAccess":                      incomplete,
	"writer__SitesManager.getSitesWithAtLeastViewAccess":                  unreadable,

	"path_index.php_module_API_no_method__su": {class: ClassServerError, detail: "answered the request with an error",
		matomo: "The parameter 'method' isn't set in the Request"},
	"path_index.php_unknown_method__su": {class: ClassServerError, // entity decoded
		matomo: "The plugin Nope is not enabled. You can activate the plugin on Settings > Plugins page in Matomo."},
	"path_index.php_module_CoreHome__su": {class: ClassServerError, detail: "internal error (HTTP 500)",
		matomo: "Embedding widgets with super-user token authentication is not allowed. Check the FAQ"},
	"path_index.php_no_module__su__API.getMatomoVersion": {class: ClassServerError, detail: "internal error (HTTP 500)",
		matomo: "This user has super-user access."},
	"path_index.php_json_body__su": {class: ClassNotMatomo, detail: `web page ("Sign in - Matomo")`},
	"path_index.php_trailing_slash__su__API.getMatomoVersion": {class: ClassRedirect,
		detail: "redirects to another server: http://127.0.0.1:8089/index.php", suggested: "http://127.0.0.1:8089"},
	"path_matomo.php_tracker__su__API.getMatomoVersion": {class: ClassNotMatomo, detail: "Matomo's tracker"},
	"path_piwik.php_tracker__su__API.getMatomoVersion":  {class: ClassNotMatomo, detail: "Matomo's tracker"},
	"path_matomo.js__su":                             {class: ClassNotMatomo, detail: "tracking script"},
	"path_nonexistent_php__su__API.getMatomoVersion": {class: ClassNotMatomo, detail: "(404)"},
	"nonmatomo_server_GET_index.php":                 {class: ClassNotMatomo, detail: "(404)"},
	"nonmatomo_server_GET_root":                      {class: ClassNotMatomo, detail: `web page titled "Not Matomo"`},
	"nonmatomo_server_POST_root":                     {class: ClassNotMatomo, detail: `web page titled "Error response" (HTTP 501`},
}

// composedBulks are Verify's answer put together from what the real
// Matomo answered for the same token: version, superuser, sites (full
// objects: the recordings did not ask for showColumns) and admin ids from
// the recorded bulk answer, which asked these four calls; write ids from
// the token's recorded single call. The recordings hold no answer of UsersManager.userEmailExists,
// Verify's seventh call: it is written here in the shape Matomo uses for
// every boolean ({"value":false}, as hasSuperUserAccess above) or, for a
// user without a site, the recorded "requires view access" error that the
// same access check throws.
var composedBulks = map[string]struct {
	singles string // prefix of the recorded single calls for write and view ids
	want    outcome
}{
	"POSTmixed_viewer__API.getBulkRequest":        {"viewer", outcome{version: "5.0.2", sites: "1:view 2:view"}},
	"POSTmixed_writer__API.getBulkRequest":        {"writer", outcome{version: "5.0.2", sites: "1:admin 2:write"}},
	"POSTmixed_su__API.getBulkRequest":            {"su", outcome{version: "5.0.2", superUser: true, sites: "1:admin 2:admin 3:admin"}},
	"POSTmixed_su_secureonly__API.getBulkRequest": {"su", outcome{version: "5.0.2", superUser: true, sites: "1:admin 2:admin 3:admin"}},
	"su__API.getBulkRequest":                      {"su", outcome{version: "5.0.2", superUser: true, sites: "1:admin 2:admin 3:admin"}},
	"POSTmixed_noaccess__API.getBulkRequest":      {"noaccess", noAccess},
	// Matomo 3 and 4 go on after a wrong token as nobody (status 200,
	// every call fails its access check, the probe says "You must be logged
	// in"), which where anonymous may view no site reads like the recorded
	// no-token answer: it must read as rejected.
	"POSTmixed_notoken__API.getBulkRequest": {"noaccess", outcome{class: ClassTokenRejected,
		matomo: "You must be logged in", detail: `it answered as it answers nobody logged in (no version, no sites, and "You must be logged in")`}},
}

// getAnswers are answers to the token sent in a URL (CheckGET).
var getAnswers = map[string]struct {
	check   GETCheck
	failure outcome // what the same answer means to failure()
}{
	"GET_su__API.getMatomoVersion":            {GETCheck{Works: true}, outcome{}},
	"GET_su_secureonly__API.getMatomoVersion": {GETCheck{SecureOnly: true}, outcome{class: ClassTokenRejected, matomo: inURLMsg, secureOnly: true}},
	"GET_invalid32hex__API.getMatomoVersion":  {GETCheck{SecureOnly: true}, outcome{class: ClassTokenRejected, matomo: inURLMsg, secureOnly: true}},
}

var preflightOK = outcome{detail: "API answered with its access error for requests without a token"}

// preflightAnswers are answers to requests without a token (Preflight).
var preflightAnswers = map[string]outcome{
	"POSTmixed_notoken__API.getMatomoVersion":                       preflightOK,
	"token_anonymous__API.getMatomoVersion":                         preflightOK,
	"token_empty__API.getMatomoVersion":                             preflightOK,
	"bruteforce_mixed_blocked__notoken__API.getMatomoVersion":       preflightOK, // a lock-out does not hide Matomo
	"POSTmixed_notoken__SitesManager.getSitesWithAtLeastViewAccess": notAsked,
	"POSTmixed_notoken__UsersManager.hasSuperUserAccess":            notAsked,
	"POSTmixed_notoken__UsersManager.getUser": {class: ClassServerError,
		matomo: "The user has to be either a Super User or the user 'admin' itself."},
	"path_index.php_GET_plain__nothing": {class: ClassNotMatomo, detail: "Sign in - Matomo"},
}

// unanswered are the recordings where nothing answered; the end-to-end
// test recreates them on loopback.
var unanswered = map[string]outcome{
	"nonmatomo_closed_port_8091":   {class: ClassNetwork, detail: "refused the connection"},
	"nonmatomo_https_to_http_port": {class: ClassTLS, detail: "answers plain http on this port"},
}

func TestEveryRecordingIsClassified(t *testing.T) {
	names, err := recording.Names()
	if err != nil {
		t.Fatal(err)
	}
	covered := map[string]int{}
	for n := range verifyAnswers {
		covered[n]++
	}
	for n := range composedBulks {
		covered[n]++
	}
	for n := range getAnswers {
		covered[n]++
	}
	for n := range preflightAnswers {
		covered[n]++
	}
	for n := range unanswered {
		covered[n]++
	}
	for _, n := range names {
		if covered[n] != 1 {
			t.Errorf("%s is in %d tables, want exactly 1", n, covered[n])
		}
		delete(covered, n)
	}
	for n := range covered {
		t.Errorf("%s is in a table but not a recording", n)
	}
}

func load(t *testing.T, name string) *recording.Recording {
	t.Helper()
	rec, err := recording.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// recordedRequest is the request the recording answered, as Go builds it.
func recordedRequest(rec *recording.Recording) *http.Request {
	return &http.Request{Method: rec.Method, URL: rec.URL, Header: rec.Header}
}

// The address the user typed is localhost:8089 for the internal tests:
// a redirect to 127.0.0.1:8089 then names another server, as it would for
// a Matomo whose configured host differs from the one typed.
const typedAddress = "http://localhost:8089"

func TestClassifierReadsRecordedAnswersToVerify(t *testing.T) {
	c := loopbackClient(t, Options{})
	addr := mustAddress(t, typedAddress)
	for name, want := range verifyAnswers {
		t.Run(name, func(t *testing.T) {
			rec := load(t, name)
			if rec.Token() == "" {
				t.Fatalf("recording carries no token; it belongs in preflightAnswers")
			}
			res, err := c.readVerify(context.Background(), newCall(c, rec.Response(recordedRequest(rec))), addr, 0)
			checkOutcome(t, res, err, want)
		})
	}
}

func TestClassifierReadsComposedBulkAnswers(t *testing.T) {
	c := loopbackClient(t, Options{})
	addr := mustAddress(t, typedAddress)
	for name, tc := range composedBulks {
		t.Run(name, func(t *testing.T) {
			rec := load(t, name)
			resp := rec.Response(recordedRequest(rec))
			body := composeBulk(t, rec, tc.singles)
			resp.Body, resp.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
			res, err := c.readVerify(context.Background(), newCall(c, resp), addr, 0)
			checkOutcome(t, res, err, tc.want)
		})
	}
}

func TestClassifierReadsRecordedAnswersToTheGETCheck(t *testing.T) {
	c := loopbackClient(t, Options{})
	addr := mustAddress(t, typedAddress)
	for name, tc := range getAnswers {
		t.Run(name, func(t *testing.T) {
			rec := load(t, name)
			got, err := c.readGETCheck(context.Background(), newCall(c, rec.Response(recordedRequest(rec))), addr)
			if err != nil {
				t.Fatalf("GET check failed: %v", err)
			}
			if got.Works != tc.check.Works || got.SecureOnly != tc.check.SecureOnly {
				t.Errorf("GET check: works=%v secureOnly=%v, want works=%v secureOnly=%v", got.Works, got.SecureOnly, tc.check.Works, tc.check.SecureOnly)
			}
			if tc.failure.class != "" {
				a := answer{status: rec.Status, header: rec.RespHeader, body: rec.RespBody}
				checkOutcome(t, nil, failure(a, addr, true), tc.failure)
			}
		})
	}
}

func TestClassifierReadsRecordedAnswersToPreflight(t *testing.T) {
	c := loopbackClient(t, Options{})
	addr := mustAddress(t, typedAddress)
	for name, want := range preflightAnswers {
		t.Run(name, func(t *testing.T) {
			rec := load(t, name)
			if tok := rec.Token(); tok != "" && tok != "anonymous" {
				t.Fatalf("recording carries a token; it belongs in verifyAnswers")
			}
			p, err := c.readPreflight(context.Background(), newCall(c, rec.Response(recordedRequest(rec))), addr)
			checkPreflightOutcome(t, p, err, want)
		})
	}
}

// composeBulk builds the answer to Verify's request from the recordings
// (see composedBulks).
func composeBulk(t *testing.T, bulk *recording.Recording, singles string) []byte {
	t.Helper()
	var parts []json.RawMessage
	if err := json.Unmarshal(bulk.RespBody, &parts); err != nil || len(parts) < 4 {
		t.Fatalf("recorded bulk answer: %v", err)
	}
	write := load(t, singles+"__SitesManager.getSitesIdWithWriteAccess").RespBody
	probe := `{"value":false}`
	switch {
	case bulk.Token() == "":
		probe = `{"result":"error","message":"You must be logged in to access this functionality."}`
	case strings.Contains(string(parts[0]), `"result":"error"`):
		probe = string(parts[0]) // the same "requires view access" check
	}
	return []byte(Bulk{Version: string(parts[0]), SuperUser: string(parts[1]), EmailExists: probe,
		Admin: string(parts[3]), Write: string(write), Sites: string(parts[2])}.JSON())
}

func checkOutcome(t *testing.T, res *Result, err *Error, want outcome) {
	t.Helper()
	if want.class == "" {
		if err != nil {
			t.Fatalf("want success, got %v (hint: %s)", err, err.Hint)
		}
		if res.Version != want.version || res.SuperUser != want.superUser || siteList(res.Sites) != want.sites {
			t.Errorf("got version %q superuser %v sites %q, want %q %v %q", res.Version, res.SuperUser, siteList(res.Sites), want.version, want.superUser, want.sites)
		}
		return
	}
	if err == nil {
		t.Fatalf("want %s, got success with sites %q", want.class, siteList(res.Sites))
	}
	checkError(t, err, want)
}

func checkError(t *testing.T, err *Error, want outcome) {
	t.Helper()
	if err.Class != want.class {
		t.Errorf("class %s, want %s (%v)", err.Class, want.class, err)
	}
	if !strings.Contains(err.Matomo, want.matomo) {
		t.Errorf("Matomo's message %q, want it to contain %q", err.Matomo, want.matomo)
	}
	if !strings.Contains(err.Detail.String(), want.detail) {
		t.Errorf("detail %q, want it to contain %q", err.Detail, want.detail)
	}
	if err.SecureOnly != want.secureOnly {
		t.Errorf("SecureOnly %v, want %v", err.SecureOnly, want.secureOnly)
	}
	if got := err.Suggested.String(); got != want.suggested {
		t.Errorf("suggested address %q, want %q", got, want.suggested)
	}
	if err.Hint.String() == "" || err.Detail.String() == "" {
		t.Errorf("error without detail or hint: %+v", err)
	}
}

func checkPreflightOutcome(t *testing.T, p *Preflight, err *Error, want outcome) {
	t.Helper()
	if want.class == "" {
		if err != nil {
			t.Fatalf("want Matomo found, got %v", err)
		}
		if !strings.Contains(joinEnglish(p.Markers), want.detail) {
			t.Errorf("markers %q, want %q", p.Markers, want.detail)
		}
		return
	}
	if err == nil {
		t.Fatalf("want %s, got Matomo found (%q)", want.class, p.Markers)
	}
	checkError(t, err, want)
}

func siteList(sites []Site) string {
	var parts []string
	for _, s := range sites {
		parts = append(parts, fmt.Sprintf("%d:%s", s.ID, s.Access))
	}
	return strings.Join(parts, " ")
}

// The same recordings, end to end: a loopback server replays the recorded
// answer and the public methods run over real HTTP.

func replayServer(t *testing.T, status int, header http.Header, body []byte) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := recording.Recording{Status: status, RespHeader: header, RespBody: body}
		rec.Replay(w)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestClientVerifiesAgainstReplayedAnswers(t *testing.T) {
	c := loopbackClient(t, Options{Timeout: 5 * time.Second})
	for name, want := range verifyAnswers {
		t.Run(name, func(t *testing.T) {
			rec := load(t, name)
			srv := replayServer(t, rec.Status, rec.RespHeader, rec.RespBody)
			res, err := c.Verify(context.Background(), mustAddress(t, srv.URL), mustToken(t, rec.Token()))
			checkOutcome(t, res, asError(t, err), want)
		})
	}
	for name, tc := range composedBulks {
		t.Run(name, func(t *testing.T) {
			rec := load(t, name)
			srv := replayServer(t, rec.Status, rec.RespHeader, composeBulk(t, rec, tc.singles))
			tok := rec.Token()
			if tok == "" {
				tok = "9b2f4c7e1a3d5f60718293a4b5c6d7e8" // Matomo 4 answers a wrong token like none
			}
			res, err := c.Verify(context.Background(), mustAddress(t, srv.URL), mustToken(t, tok))
			checkOutcome(t, res, asError(t, err), tc.want)
		})
	}
}

func TestClientPreflightAndGETCheckAgainstReplayedAnswers(t *testing.T) {
	c := loopbackClient(t, Options{Timeout: 5 * time.Second})
	for name, want := range preflightAnswers {
		t.Run(name, func(t *testing.T) {
			rec := load(t, name)
			srv := replayServer(t, rec.Status, rec.RespHeader, rec.RespBody)
			p, err := c.Preflight(context.Background(), mustAddress(t, srv.URL))
			checkPreflightOutcome(t, p, asError(t, err), want)
		})
	}
	for name, tc := range getAnswers {
		t.Run(name, func(t *testing.T) {
			rec := load(t, name)
			srv := replayServer(t, rec.Status, rec.RespHeader, rec.RespBody)
			got, err := c.CheckGET(context.Background(), mustAddress(t, srv.URL), mustToken(t, rec.Token()))
			if err != nil {
				t.Fatal(err)
			}
			if got.Works != tc.check.Works || got.SecureOnly != tc.check.SecureOnly {
				t.Errorf("works=%v secureOnly=%v, want %v %v", got.Works, got.SecureOnly, tc.check.Works, tc.check.SecureOnly)
			}
		})
	}
}

// TestClientWhereNothingAnswered recreates the two recordings without a
// response on loopback: a closed port, and https to an http port.
func TestClientWhereNothingAnswered(t *testing.T) {
	c := loopbackClient(t, Options{Timeout: 5 * time.Second})
	tok := mustToken(t, load(t, "nonmatomo_closed_port_8091").Token())

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	ln.Close()
	_, verr := c.Verify(context.Background(), mustAddress(t, "http://"+closed), tok)
	checkError(t, asError(t, verr), unanswered["nonmatomo_closed_port_8091"])

	plain := replayServer(t, 200, http.Header{}, nil)
	httpsAddr := mustAddress(t, strings.Replace(plain.URL, "http://", "https://", 1))
	_, verr = c.Verify(context.Background(), httpsAddr, tok)
	want := unanswered["nonmatomo_https_to_http_port"]
	want.suggested = plain.URL
	checkError(t, asError(t, verr), want)
}

func asError(t *testing.T, err error) *Error {
	t.Helper()
	if err == nil {
		return nil
	}
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("error of type %T, want *Error: %v", err, err)
	}
	return e
}

// joinEnglish is texts in English, one after another.
func joinEnglish(ts []i18n.Text) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.String())
	}
	return strings.Join(out, "; ")
}
