package accessible

import (
	"bytes"
	"context"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// day fixes the suggested token description.
var day = time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)

// secrets are every token the fakes know; none may ever be printed.
var secrets = []string{
	demomatomo.TokenSuperUser, demomatomo.TokenSuperUserSecure, demomatomo.TokenViewer,
	demomatomo.TokenViewerExpired, demomatomo.TokenWriter, demomatomo.TokenNoAccess, demomatomo.TokenUnknown,
	demomatomo.DemoTokenViewer, demomatomo.DemoTokenAgency, demomatomo.DemoTokenSuperUser,
	demomatomo.DemoTokenNoSite, demomatomo.DemoTokenRejected, demomatomo.DemoTokenLockout,
}

type transcript struct {
	out     string
	outcome Outcome
	err     error
}

func startFake(t *testing.T, data demomatomo.Data, opts demomatomo.Options) *demomatomo.Server {
	t.Helper()
	srv := demomatomo.MustStart(data, opts)
	t.Cleanup(srv.Close)
	return srv
}

func newClient(t *testing.T, opts matomo.Options) *matomo.Client {
	t.Helper()
	c, err := matomo.NewClient(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	return c
}

// run drives a session with scripted answers, one per line, the token
// among them (ReadSecret unset reads it as a line), and checks what every
// session must keep: no escape sequence, no control character, no token.
func run(t *testing.T, cfg Config, answers ...string) transcript {
	t.Helper()
	var out bytes.Buffer
	cfg.In = strings.NewReader(strings.Join(answers, "\n") + "\n")
	cfg.Out = &out
	cfg.Echo = true
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return day }
	}
	if cfg.Client == nil {
		cfg.Client = newClient(t, matomo.Options{Timeout: 5 * time.Second})
	}
	o, err := Run(context.Background(), cfg)
	tr := transcript{out: out.String(), outcome: o, err: err}
	assertSafe(t, tr.out)
	if t.Failed() {
		t.Logf("transcript:\n%s", tr.out)
	}
	return tr
}

func assertSafe(t *testing.T, out string) {
	t.Helper()
	if i := strings.IndexByte(out, 0x1b); i >= 0 {
		t.Errorf("ESC (0x1b) at byte %d of the output", i)
	}
	for i, r := range out {
		if r < 0x20 && r != '\n' || r == 0x7f {
			t.Errorf("control character %U at byte %d of the output", r, i)
			break
		}
	}
	for _, s := range secrets {
		if strings.Contains(out, s) {
			t.Errorf("the output contains the token ending %s", s[28:])
		}
	}
}

func (tr transcript) has(t *testing.T, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(tr.out, w) {
			t.Errorf("the transcript lacks %q", w)
		}
	}
	if t.Failed() {
		t.Logf("transcript:\n%s", tr.out)
	}
}

func (tr transcript) lacks(t *testing.T, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(tr.out, w) {
			t.Errorf("the transcript has %q", w)
		}
	}
}

// explained checks that a failure was told in full, in this order: the
// class in words, what happened, Matomo's own message, what to do. The
// texts come from the error itself, which the matomo package words.
func (tr transcript) explained(t *testing.T, e *matomo.Error) {
	t.Helper()
	if e == nil {
		t.Fatal("no error in the outcome")
	}
	want := "Problem: " + e.Class.Title().String() + ".\n"
	if e.Detail.String() != "" {
		want += e.Detail.String() + "\n"
	}
	if e.Matomo != "" {
		want += `Matomo said: "` + e.Matomo + "\"\n"
	}
	if e.Hint.String() != "" {
		want += "What to do: " + e.Hint.String() + "\n"
	}
	tr.has(t, want)
}

// explainedInGerman is explained for a session in German: the matomo
// package's words in German, Matomo's own as they came.
func (tr transcript) explainedInGerman(t *testing.T, e *matomo.Error) {
	t.Helper()
	if e == nil {
		t.Fatal("no error in the outcome")
	}
	de := i18n.For("de")
	want := "Problem: " + de.Text(e.Class.Title()) + ".\n"
	if !e.Detail.IsZero() {
		want += de.Text(e.Detail) + "\n"
	}
	if e.Matomo != "" {
		want += "Matomo sagte: „" + e.Matomo + "“\n"
	}
	if !e.Hint.IsZero() {
		want += "Was Sie tun können: " + de.Text(e.Hint) + "\n"
	}
	tr.has(t, want)
}

// tokenOnlyInPOSTBodies checks where the fake saw the token.
func tokenOnlyInPOSTBodies(t *testing.T, srv *demomatomo.Server) {
	t.Helper()
	for _, r := range srv.Requests() {
		for _, s := range secrets {
			if strings.Contains(r.RawQuery, s) || strings.Contains(r.Path, s) {
				t.Errorf("token in the URL of %s %s", r.Method, r.Path)
			}
			if strings.Contains(r.Body, s) && r.Method != http.MethodPost {
				t.Errorf("token in the body of a %s", r.Method)
			}
		}
	}
}

// enters is n answers of Enter alone.
func enters(n int) []string { return make([]string, n) }

func TestViewerSucceeds(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	answers := []string{""}                     // keep the offered address
	answers = append(answers, "n", "next", "b") // step 2, step 3, back to 2
	answers = append(answers, enters(7)...)     // steps 3 to 8, then on to the token
	answers = append(answers,
		" "+demomatomo.TokenViewer+"\t", // pasted with a space and a tab
		"",                              // check it
		"",                              // the first site
		"",                              // finish
		"",                              // finish again: the token is nowhere yet, asked once
	)
	tr := run(t, Config{URL: srv.URL}, answers...)
	if tr.err != nil {
		t.Fatalf("Run: %v\n%s", tr.err, tr.out)
	}
	o := tr.outcome
	if !o.Verified || o.Site.ID != 1 || o.TokenRequests != 2 || o.Rejected != 0 || o.Result == nil || o.Result.Version != "5.0.2" {
		t.Errorf("outcome %+v", o)
	}
	if n := srv.RequestCount(); n != 4 {
		t.Errorf("the fake got %d requests, want 4 (pre-flight and labels without token, one check, the data check)", n)
	}
	tokenOnlyInPOSTBodies(t, srv)
	tr.has(t,
		"Press Enter to use "+srv.URL+", or type another address.",
		"Plain http is fine here: "+strings.TrimPrefix(srv.URL, "http://")+" is this computer",
		"Checking "+srv.URL+" without a token (one request, up to 5 s)…",
		"Matomo answers at "+srv.URL+" (X-Matomo-Request-Id header;",
		"This mode never opens a browser",
		"Step 1 of 8: Log in to Matomo\n",
		"Link: "+srv.URL+"/\n",
		"Step 2 of 8: Open Administration\n",
		"Link: the same page as step 1.",
		"Step 3 of 8: Open Personal → Security\n",
		"Link: "+srv.URL+"/index.php?module=UsersManager&action=userSecurity\n",
		"Matomo 3 has one token per user",
		"Link: "+srv.URL+"/index.php?module=UsersManager&action=addNewToken\n",
		"Type: Acona 2026-11-28\n",
		"Step 8 of 8: Create the token and copy it now",
		"Answers: 1 next (enter the token, Enter), 2 back (step 7), 3 token (I already have a token), 4 quit.",
		"Typing is hidden",
		"Token received: 32 characters, ends …bff8.",
		"Removed spaces or a line break around the token.",
		"It has the usual form of a Matomo token",
		"Checking the token with "+srv.URL+" (one request, up to 5 s)…",
		"The token works: Matomo 5.0.2 at "+srv.URL+", token 32 characters, ends …bff8.",
		"Superuser: no, good for an integration.",
		"Sites: 2 in all; 0 with admin access, 0 with write access, 2 with view access.",
		"ID 1: Shop, https://shop.example, view access.\nID 2: Blog, https://blog.example, view access.\n",
		"Site ID [1]: ",
		"In Acona's data-source form:\nAPI Key: the token you verified (32 characters, ends …bff8).",
		"Matomo address: "+srv.URL+"\n",
		"Site ID: 1\n",
		`Site domain: shop.example (the site "Shop")`,
		"Keep the token safe, like a password",
		"Finished. matomo-onboard saved nothing",
	)
	if strings.Count(tr.out, "Step 2 of 8:") != 2 {
		t.Errorf("back did not show step 2 again")
	}
	tr.lacks(t, "Canceled")
}

// TestSecretReader reads the token through ReadSecret, as at a terminal:
// never from the answers, with the hidden Enter's line ended by Run.
func TestSecretReader(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	var asked int
	var prompts []string
	cfg := Config{URL: srv.URL, ReadSecret: func(prompt string) (string, error) {
		asked++
		prompts = append(prompts, prompt)
		return demomatomo.TokenWriter, nil
	}}
	tr := run(t, cfg, "", "token", "check", "2", "finish", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil || asked != 1 {
		t.Fatalf("Run: %v, ReadSecret called %d times", tr.err, asked)
	}
	if tr.outcome.Site.ID != 2 || tr.outcome.Site.Access != matomo.AccessWrite {
		t.Errorf("chosen site %+v", tr.outcome.Site)
	}
	if len(prompts) != 1 || prompts[0] != "Token (hidden): " {
		t.Errorf("the reader was asked to show %q, want the token prompt", prompts)
	}
	tr.has(t,
		"\nToken received: 32 characters, ends …8295.",
		"Sites: 2 in all; 1 with admin access, 1 with write access, 0 with view access.",
		"An integration that only reads reports needs view access",
		"ID 2: Blog, https://blog.example, write access.",
	)
	tr.lacks(t, "(hidden)\n")
}

func TestSuperUserIsAdvisedAgainst(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "t", demomatomo.TokenSuperUser, "", "3", "", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil || tr.outcome.Site.ID != 3 || !tr.outcome.Result.SuperUser {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	tr.has(t,
		"Superuser: yes. This token can do everything in this Matomo, on every site. For an integration, create a dedicated user with view access",
		"Sites: 3 in all; 3 with admin access, 0 with write access, 0 with view access.",
		`Site domain: intranet.example (the site "Intranet")`,
	)
}

// TestTheDomainIsTheHostWithoutPort: an integration's "domain" field takes
// the host alone; the wizard shows the same (its own test).
func TestTheDomainIsTheHostWithoutPort(t *testing.T) {
	data := demomatomo.Recorded()
	data.Sites[0].MainURL = "https://shop.example.com:8443/de"
	srv := startFake(t, data, demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "t", demomatomo.TokenViewer, "", "1", "", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil || tr.outcome.Site.ID != 1 {
		t.Fatalf("Run: %v, outcome %+v", tr.err, tr.outcome)
	}
	tr.has(t, `Site domain: shop.example.com (the site "Shop")`)
}

func TestRejectedThenCorrected(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL},
		"", "t",
		demomatomo.TokenUnknown, "", // rejected
		"", // again (the default)
		demomatomo.TokenViewer, "check",
		"2", "", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil {
		t.Fatalf("Run: %v", tr.err)
	}
	o := tr.outcome
	if o.Rejected != 1 || o.TokenRequests != 3 || o.Site.ID != 2 || !o.Verified || o.LastError != nil {
		t.Errorf("outcome %+v", o)
	}
	if n := srv.RequestCount(); n != 5 {
		t.Errorf("the fake got %d requests, want 5 (pre-flight and labels without a token, two token checks, the data check)", n)
	}
	tr.has(t,
		"Problem: Matomo rejected this token.\n",
		`Matomo said: "Unable to authenticate with the provided token. It is either invalid or expired."`+"\nWhat to do: ",
		"Rejected tokens in this session: 1. Matomo locks this computer out for up to an hour after more than 20 failed logins in an hour: at most 20 more may be rejected, fewer if this computer had other failed logins.",
		"What next? Answers: 1 again (type the token again, Enter), 2 steps (back to the steps, to create a new token), 3 address (change the address), 4 quit.",
	)
	tr.lacks(t, "retry")
}

func TestTokenWithUnusualShapeIsConfirmedFirst(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "t",
		"abc",  // too short: the default is to type it again
		"",     // again
		"   ",  // empty after trimming: not a token at all
		"",     // again
		"quit", // the token prompt takes it as a token...
		"q")    // ...and its warning stops it from being sent
	if !errors.Is(tr.err, ErrQuit) || tr.outcome.TokenRequests != 0 || srv.RequestCount() != 2 {
		t.Fatalf("err %v, outcome %+v, %d requests", tr.err, tr.outcome, srv.RequestCount())
	}
	tr.has(t,
		"Token received: 3 characters.\nWarning: It is 3 characters long; Matomo tokens have 32.",
		"It does not have the form of a Matomo token, so Matomo will most likely reject it, and each rejected token counts as a failed login.",
		"Send it anyway? Answers: 1 again (type the token again, Enter), 2 steps (back to the steps), 3 quit, check (send it to Matomo anyway, once; type the word).\nChoice [1 again]: ",
		"That cannot be used as a token: The token is empty. Paste the token that Matomo showed you when you created it.",
		"Token received: 4 characters.",
		"Canceled, nothing was saved.",
	)
}

// TestTheSameRejectedTokenIsNotSentAgainByAccident: typed again after
// Matomo rejected it, the very token is recognised: the question says what
// sending it again costs, Enter alone types another, and only "check" sends
// it (one more failed login, counted).
func TestTheSameRejectedTokenIsNotSentAgainByAccident(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL},
		"", "t",
		demomatomo.TokenUnknown, "", // rejected
		"", // again
		" "+strings.ToUpper(demomatomo.TokenUnknown), "", // the same, pasted again: Enter does not send it
		// and once more: the number, letter and numbered word that went on
		// at every question before send nothing; only the word does
		"token_auth="+demomatomo.TokenUnknown, "4", "c", "4 check", "1 check", "check",
		"quit")
	if !errors.Is(tr.err, ErrQuit) {
		t.Fatalf("err %v", tr.err)
	}
	if o := tr.outcome; o.TokenRequests != 2 || o.Rejected != 2 {
		t.Errorf("outcome %+v, want 2 token requests and 2 rejections", o)
	}
	if n := srv.FailedLogins("127.0.0.1"); n != 2 {
		t.Errorf("Matomo counted %d failed logins, want 2", n)
	}
	host := strings.TrimPrefix(srv.URL, "http://")
	tr.has(t,
		"Matomo at "+host+" rejected this very token earlier in this session. Sent again to the same Matomo, it will be rejected again and count as one more failed login.",
		"Send it again anyway? Answers: 1 again (type the token again, Enter), 2 steps (back to the steps), 3 quit, check (send this same token again, once (one more failed login); type the word).",
		`Removed "token_auth=" in front: only what follows it is the token.`,
		`Nothing sent: "4" is not enough for this answer. To send it, type the word check.`,
		`Nothing sent: "c" is not enough for this answer. To send it, type the word check.`,
		`Nothing sent: "4 check" is not enough for this answer. To send it, type the word check.`,
		"Rejected tokens in this session: 2.",
	)
	if n := strings.Count(tr.out, "rejected this very token"); n != 2 {
		t.Errorf("the warning was said %d times, want 2 (once for each time the token came back)", n)
	}
}

func TestNoSiteToken(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL},
		"", "t", demomatomo.TokenNoAccess, "",
		"retry",   // after an administrator gave access (not yet)
		"address", // the token is kept while the address is checked again
		"",        // same address
		"quit")
	if !errors.Is(tr.err, ErrQuit) {
		t.Fatalf("err %v", tr.err)
	}
	o := tr.outcome
	if o.TokenRequests != 2 || o.Rejected != 0 || o.LastError == nil || o.LastError.Class != matomo.ClassNoAccess {
		t.Errorf("outcome %+v", o)
	}
	tr.explained(t, o.LastError)
	tr.has(t,
		"What next? Answers: 1 retry (check the same token again, once an administrator gave its user access), 2 again (type another token, Enter), 3 address (change the address), 4 quit.",
		"Press Enter to use "+srv.URL+", or type another address.",
	)
	// Back from the address, the same token is offered for a check.
	if c := strings.Count(tr.out, "Token received: 32 characters, ends …0228."); c != 2 {
		t.Errorf("the kept token was confirmed %d times, want 2", c)
	}
	if strings.Count(tr.out, "Problem: The token works, but its user has no site.") != 2 {
		t.Errorf("retry did not check again")
	}
}

// TestFailureExplainedInGerman: with a German Printer, the line mode
// explains a failure in the matomo package's German words.
func TestFailureExplainedInGerman(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL, Printer: i18n.For("de")},
		"", "t", demomatomo.TokenNoAccess, "", "quit")
	tr.explainedInGerman(t, tr.outcome.LastError)
	tr.has(t, "Problem: Der Token funktioniert, aber sein Benutzer hat keine Website.\n")
	tr.has(t, "Matomo hat den Token angenommen, aber sein Benutzer kann keine Website sehen.\n")
}

// countdownAt16 is what both front ends say after 16 rejections: the
// wizard's test (package ui) expects the same sentence.
const countdownAt16 = "Rejected tokens in this session: 16. Matomo locks this computer out for up to an hour " +
	"after more than 20 failed logins in an hour: at most 5 more may be rejected before the lock, " +
	"fewer if this computer had other failed logins. Check the token carefully before sending it."

func TestBlockedAfterLockout(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	answers := []string{"", "t"}
	// 21 wrong tokens: more than the 20 failed logins Matomo tolerates.
	for i := 1; i <= 21; i++ {
		answers = append(answers, fmt.Sprintf("%032x", i), "", "")
	}
	answers = append(answers[:len(answers)-1], // no "again" after the 21st: a choice instead
		"again",
		demomatomo.TokenViewer, "", // correct, but the lock is on
		"",                         // Enter to end
		demomatomo.TokenViewer, "") // never read: the session has ended
	tr := run(t, Config{URL: srv.URL}, answers...)
	if !errors.Is(tr.err, ErrCanceled) {
		t.Fatalf("err %v", tr.err)
	}
	o := tr.outcome
	if !o.Blocked || o.Rejected != 21 || o.TokenRequests != 22 || o.LastError == nil || o.LastError.Class != matomo.ClassBlocked {
		t.Fatalf("outcome %+v", o)
	}
	tr.explained(t, o.LastError)
	if n := srv.RequestCount(); n != 24 {
		t.Errorf("the fake got %d requests, want 24: a pre-flight, its labels and one per token", n)
	}
	tr.has(t,
		// The fake, like the recordings of Matomo, answers the 21st token
		// with a rejection and only the 22nd with the lock-out.
		"Rejected tokens in this session: 15. Matomo locks this computer out for up to an hour after more than 20 failed logins in an hour: at most 6 more may be rejected, fewer if this computer had other failed logins.",
		countdownAt16,
		"Rejected tokens in this session: 19. Matomo locks this computer out for up to an hour after more than 20 failed logins in an hour: at most 2 more may be rejected",
		"Rejected tokens in this session: 20. Matomo locks this computer out for up to an hour after more than 20 failed logins in an hour: at most 1 more may be rejected before the lock, none if this computer had other failed logins.",
		"Rejected tokens in this session: 21. Matomo locks this computer out for up to an hour after more than 20 failed logins in an hour: this session is past that limit",
		`Matomo said: "Too many failed logins. Please wait and try logging in again later."`,
		"No more tokens are sent in this session",
		"Press Enter to end: ",
		"Ended without a verified token. Nothing was saved.",
	)
}

// TestBlockedStopsEveryWayToSend checks that no path sends a token after
// the lock-out: with the lock-out token of the demo, then every command.
func TestBlockedStopsEveryWayToSend(t *testing.T) {
	srv := startFake(t, demomatomo.Demo(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL, DemoTokens: demoTokens()}, "", "t", "6", "", "quit")
	if !errors.Is(tr.err, ErrQuit) || !tr.outcome.Blocked || tr.outcome.TokenRequests != 1 {
		t.Fatalf("err %v outcome %+v", tr.err, tr.outcome)
	}
	for _, st := range []stage{stageToken, stageConfirm, stageVerify} {
		s := &session{ctx: context.Background(), cfg: Config{}, out: io.Discard, in: newLineReader(strings.NewReader("\n")),
			client: newClient(t, matomo.Options{})}
		s.found.RecordBlocked()
		before := srv.RequestCount()
		if _, err := s.stage(st); !errors.Is(err, ErrCanceled) {
			t.Errorf("stage %d after the lock-out: %v, want the session to end", st, err)
		}
		if srv.RequestCount() != before {
			t.Errorf("stage %d sent a request after the lock-out", st)
		}
	}
}

func demoTokens() []DemoToken {
	var out []DemoToken
	for _, t := range demomatomo.Demo().Tokens {
		if !t.Note.IsZero() {
			out = append(out, DemoToken{Value: t.Value, Note: t.Note.String()})
		}
	}
	return out
}

func TestDemoTokensByNumber(t *testing.T) {
	srv := startFake(t, demomatomo.Demo(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL, DemoTokens: demoTokens()},
		"", "t",
		"5", "", // the rejected one
		"",     // again: the list is not read out again...
		"list", // ...unless asked for
		"9",
		"2", "", // the agency
		"filter lindenhof", "", "")
	if tr.err != nil {
		t.Fatalf("Run: %v", tr.err)
	}
	o := tr.outcome
	if o.Rejected != 1 || o.TokenRequests != 3 || !o.Verified { // two token checks, the data check
		t.Errorf("outcome %+v", o)
	}
	tr.has(t,
		"This is the demo Matomo. Its tokens, by what each one shows:\n1: a dedicated user with view access to two sites (what an integration should use).\n",
		"5: a token Matomo does not know: rejected, and counted as a failed login.\n",
		"6: runs into Matomo's lock-out, as after 20 failed logins in an hour.\n",
		"Type a number from 1 to 6 to use that demo token, or own to type a token yourself.\nDemo token [1]: ",
		"Using demo token 5.",
		"Problem: Matomo rejected this token.",
		`"9" is not one of the answers. Type a number from 1 to 6, or own.`,
		"Demo tokens 1 to 6, as listed before (type list to hear them again).\nType a number from 1 to 6",
		"Demo token [1]: list\nThis is the demo Matomo. Its tokens, by what each one shows:\n1: ",
		"Using demo token 2.",
		"Sites: 340 in all;",
		"Sites 1 to 20 of 340, by ID:",
	)
	if !strings.Contains(tr.out, "sites match \"lindenhof\":\n") {
		t.Errorf("filter not applied:\n%s", tr.out)
	}
	if !strings.Contains(strings.ToLower(o.Site.Name+o.Site.URL), "lindenhof") {
		t.Errorf("the default after filtering should be the first match, got %+v", o.Site)
	}
}

func TestDemoOwnToken(t *testing.T) {
	srv := startFake(t, demomatomo.Demo(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL, DemoTokens: demoTokens()},
		"", "t", "own", demomatomo.DemoTokenViewer, "", "", "")
	if tr.err != nil || tr.outcome.Site.ID != 1 {
		t.Fatalf("err %v outcome %+v", tr.err, tr.outcome)
	}
	tr.has(t, "Paste or type the token Matomo showed you", "Token (hidden): (hidden)")
}

func TestSiteFilterAndPaging(t *testing.T) {
	srv := startFake(t, demomatomo.WithSites(45), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL},
		"", "t", demomatomo.TokenViewer, "",
		"next", "n", "next", // to the last page, and one too far
		"prev",
		"/blog",
		"filter zzzz",
		"filter",
		"all",
		"9999",
		"3",
		"banana",
		"help",
		"2",
		"sites", // from Done back to the list
		"1", "", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil {
		t.Fatalf("Run: %v", tr.err)
	}
	if tr.outcome.Site.ID != 1 {
		t.Errorf("chose %+v, want site 1", tr.outcome.Site)
	}
	tr.has(t,
		"Sites: 47 in all; 0 with admin access, 0 with write access, 47 with view access.",
		"Sites 1 to 20 of 47, by ID:\nID 1: Shop,",
		"Type a site's ID to use that site, or: next (more sites), filter and text (only matching sites), url-check (whether tools that put the token in a URL can use it), token (check another token), address (change the address), quit.\nSite ID [1]: ",
		"Sites 21 to 40 of 47, by ID:\nID 22: ", // 3 is not reachable
		"Sites 41 to 47 of 47, by ID:\nID 42: ",
		"Site ID [42]: next\nThis is the last page. Type prev for the one before, or a site's ID.",
		"5 of the 47 sites match \"blog\":\nID 2: Blog, https://blog.example, view access.\n",
		"ID 2: Blog, https://blog.example, view access.",
		"all (every site)",
		`No site matches "zzzz". Type all to list every site again, or filter and other text.`,
		"Type filter and the text to look for, for example: filter shop",
		"This token reaches no site with ID 9999. Type an ID from the list, or filter to find a site.",
		"This token reaches no site with ID 3.",
		`"banana" is neither a site ID nor a command.`,
		"Site ID: 2\n",
		"Answers: 1 finish (end here, Enter), 2 save (save the token to a new file that only you can read), 3 sites (choose another site).",
		"Site ID: 1\n",
	)
	if c := strings.Count(tr.out, "Sites 21 to 40 of 47"); c != 2 {
		t.Errorf("prev listed page 2 %d times in all, want 2", c)
	}
}

func TestRedirectOffersTheNewAddress(t *testing.T) {
	target := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	moved := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	moved.SetFault(&demomatomo.Fault{Status: http.StatusMovedPermanently, Location: target.URL + "/index.php?module=API"})
	// The token goes to the redirect's target only when asked for by name:
	// the person never typed that server (attack1 U6).
	tr := run(t, Config{URL: moved.URL}, "", "", "t", demomatomo.TokenViewer, "check", "", "", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil {
		t.Fatalf("Run: %v", tr.err)
	}
	if got := tr.outcome.Address.String(); got != target.URL {
		t.Errorf("verified at %s, want the redirect's target %s", got, target.URL)
	}
	tr.has(t,
		"Problem: The address redirects elsewhere.\n",
		"What next? Answers: 1 use (use "+target.URL+", Enter), 2 change (type another address), 3 again (check "+moved.URL+" again), 4 quit.",
		"Matomo answers at "+target.URL,
		"You did not type "+strings.TrimPrefix(target.URL, "http://")+": a redirect led here. The token goes there only if you answer check.",
		"Answers: 1 again (type the token again, Enter), 2 steps (back to the steps), 3 quit, check (send it to "+strings.TrimPrefix(target.URL, "http://")+", which you did not type, once; type the word).",
	)
	for _, r := range moved.Requests() {
		if strings.Contains(r.Body, "token_auth") {
			t.Errorf("the redirecting server received a token")
		}
	}
	if moved.RequestCount() != 1 {
		t.Errorf("the redirecting server got %d requests, want 1", moved.RequestCount())
	}
}

func TestNotMatomoThenTheRightAddress(t *testing.T) {
	nginx := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<!doctype html><html><head><title>Welcome to nginx!</title></head><body>It works</body></html>")
	}))
	defer nginx.Close()
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: nginx.URL},
		"",       // the offered address: not Matomo
		"again",  // same answer
		"change", // type another: the typed one is the default
		srv.URL+"/index.php",
		"t", demomatomo.TokenViewer, "", "", "", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil {
		t.Fatalf("Run: %v", tr.err)
	}
	tr.has(t,
		"Problem: This address does not answer like Matomo.\n",
		"Welcome to nginx!",
		"What to do: ",
		"What next? Answers: 1 change (type another address, Enter), 2 again (check "+nginx.URL+" again), 3 quit.",
		"Press Enter to use "+nginx.URL+", or type another address.\nAddress ["+nginx.URL+"]: ",
		`Removed "index.php" from the end (the wizard adds it itself).`+"\nUsing "+srv.URL+".",
	)
	if c := strings.Count(tr.out, "Problem: This address does not answer like Matomo."); c != 2 {
		t.Errorf("again checked %d times in all, want 2", c)
	}
}

func TestUnreachableAndBadAddresses(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	tr := run(t, Config{},
		"",                     // nothing offered, nothing typed
		"help",                 // what is meant
		"ftp://example.org",    // wrong scheme
		demomatomo.TokenViewer, // a token in the address field
		closed,
		"quit")
	if !errors.Is(tr.err, ErrQuit) {
		t.Fatalf("err %v", tr.err)
	}
	tr.has(t,
		"Type the address you open Matomo with in the browser, for example https://analytics.example.org.\nAddress: ",
		"That address cannot be used. Enter your Matomo address, for example https://analytics.example.org or https://example.org/matomo.",
		"Address: help\nThe address is what the browser's address bar shows when Matomo is open",
		`That address cannot be used. "ftp://" is not a web address scheme Matomo uses.`,
		"That looks like a token, not an address. It was removed: not kept, not shown, and not sent anywhere, not even to check the address. The token is asked for later, hidden.",
		"Canceled, nothing was saved.",
	)
	if e := tr.outcome.LastError; e == nil || e.Class != matomo.ClassNetwork {
		t.Fatalf("last error %v, want a network error", e)
	}
	tr.explained(t, tr.outcome.LastError)
}

// tlsProxy is an HTTP proxy on loopback that tunnels CONNECT to a TLS
// fake and answers plain requests with a plain fake, so that a host name
// that is not loopback (example.com, which httptest's certificate names)
// can be checked without leaving this computer.
type tlsProxy struct {
	*httptest.Server
	mu   sync.Mutex
	seen []string
}

func startTLSProxy(t *testing.T, data demomatomo.Data) (*tlsProxy, string) {
	t.Helper()
	plain := demomatomo.NewHandler(data, demomatomo.Options{})
	secure := httptest.NewTLSServer(demomatomo.NewHandler(data, demomatomo.Options{}))
	t.Cleanup(secure.Close)
	caFile := filepath.Join(t.TempDir(), "ca.pem")
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: secure.Certificate().Raw})
	if err := os.WriteFile(caFile, pemBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	p := &tlsProxy{}
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.seen = append(p.seen, r.Method+" "+r.Host)
		p.mu.Unlock()
		if r.Method != http.MethodConnect {
			plain.ServeHTTP(w, r)
			return
		}
		dst, err := net.Dial("tcp", secure.Listener.Addr().String())
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			dst.Close()
			return
		}
		io.WriteString(conn, "HTTP/1.1 200 Connection established\r\n\r\n")
		go func() { io.Copy(dst, conn); dst.Close() }()
		io.Copy(conn, dst)
		conn.Close()
	}))
	t.Cleanup(p.Close)
	return p, caFile
}

func (p *tlsProxy) requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.seen...)
}

func proxyClient(t *testing.T, p *tlsProxy, caFile string) *matomo.Client {
	proxyURL, _ := url.Parse(p.URL)
	return newClient(t, matomo.Options{Timeout: 5 * time.Second, CAFile: caFile,
		Proxy: func(*http.Request) (*url.URL, error) { return proxyURL, nil }})
}

func TestPlainHTTPWarningOffersHTTPS(t *testing.T) {
	p, caFile := startTLSProxy(t, demomatomo.Recorded())
	tr := run(t, Config{URL: "http://example.com", Client: proxyClient(t, p, caFile)},
		"", "", // keep the address, take https
		"t", demomatomo.TokenViewer, "", "", "", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil {
		t.Fatalf("Run: %v", tr.err)
	}
	if got := tr.outcome.Address.String(); got != "https://example.com" {
		t.Errorf("verified at %s", got)
	}
	tr.has(t,
		"Warning: http://example.com is plain http. A token sent there crosses the network in clear text, readable by anyone on the way.",
		"Use https instead? Answers: 1 https (use https://example.com, Enter), 2 http (keep http and check the address anyway), 3 change (type another address), 4 quit.",
		"Checking https://example.com without a token",
		"Secure connection (TLS 1.3), certificate valid until ",
		"encrypted (https)",
		"Matomo address: https://example.com\n",
	)
	for _, r := range p.requests() {
		if !strings.HasPrefix(r, "CONNECT ") {
			t.Errorf("a request went out unencrypted: %s", r)
		}
	}
}

func TestPlainHTTPKeptSendsNoToken(t *testing.T) {
	p, caFile := startTLSProxy(t, demomatomo.Recorded())
	tr := run(t, Config{URL: "http://example.com", Client: proxyClient(t, p, caFile)},
		"", "http", // keep http: the pre-flight (no token) may go
		"t", demomatomo.TokenViewer, "", // the client refuses to send the token
		"", // use https, as offered
		"", // check the token there
		"", "", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil {
		t.Fatalf("Run: %v", tr.err)
	}
	if tr.outcome.TokenRequests != 2 || tr.outcome.Address.String() != "https://example.com" { // the check, the data check
		t.Errorf("outcome %+v", tr.outcome)
	}
	tr.has(t,
		"Checking http://example.com without a token",
		"Problem: Not sent: the address is unencrypted http.\n",
		"What next? Answers: 1 use (check the token with https://example.com, Enter), 2 address (change the address), 3 quit.",
		"The token works: Matomo 5.0.2 at https://example.com",
	)
	reqs := p.requests()
	if len(reqs) < 2 || reqs[0] != "POST example.com" || reqs[1] != "POST example.com" {
		t.Errorf("proxy saw %q, want the pre-flight and the labels (neither with a token) first", reqs)
	}
	for _, r := range reqs[min(2, len(reqs)):] {
		if !strings.HasPrefix(r, "CONNECT ") {
			t.Errorf("after the refusal, a request went out unencrypted: %s", r)
		}
	}
}

func TestTokenTypedAtTheWrongQuestionIsNotRepeated(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL},
		"",
		demomatomo.TokenViewer, // at the step's question
		"t", demomatomo.TokenViewer, demomatomo.TokenViewer, "check",
		"filter "+demomatomo.TokenViewer, demomatomo.TokenViewer, "quit", "quit" /* the first is held back: the token is nowhere yet */)
	if !errors.Is(tr.err, ErrQuit) {
		t.Fatalf("err %v", tr.err)
	}
	if c := strings.Count(tr.out, "(hidden: it looks like a token)"); c != 4 {
		t.Errorf("%d echoes were hidden, want 4 (the one at the hidden prompt says only \"(hidden)\")", c)
	}
	tr.has(t,
		"What you typed (it looks like a token, so it is not repeated) is not one of the answers. Type a number from 1 to 10, or one of: next, back, 3, 4, 5.0, 5.4, token, language, create, quit.",
		"What you typed (it looks like a token, so it is not repeated) is not one of the answers. Type a number from 1 to 4, or one of: check, again, steps, quit.",
		"That looks like a token; the filter looks for text in site names and addresses.",
		"What you typed (it looks like a token, so it is not repeated) is neither a site ID nor a command.",
	)
}

// TestCtrlCWhileReadingToken cancels the context while ReadSecret blocks,
// as Ctrl+C does at the hidden prompt: Run returns at once.
func TestCtrlCWhileReadingToken(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reading := make(chan struct{})
	release := make(chan struct{})
	defer close(release)
	var out bytes.Buffer
	cfg := Config{
		In: strings.NewReader("\nt\n"), Out: &out, Client: newClient(t, matomo.Options{}), URL: srv.URL,
		// A reader that keeps its contract: it ends when the context does.
		ReadSecret: func(prompt string) (string, error) {
			io.WriteString(&out, prompt)
			close(reading)
			select {
			case <-release:
			case <-ctx.Done():
			}
			return "", io.EOF
		},
	}
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, cfg)
		done <- err
	}()
	select {
	case <-reading:
	case <-time.After(5 * time.Second):
		t.Fatalf("the token was never asked for:\n%s", out.String())
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, ErrCanceled) || errors.Is(err, ErrQuit) {
			t.Errorf("err %v, want ErrCanceled", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Run did not return after the cancel")
	}
	if !strings.HasSuffix(out.String(), "Token (hidden): \nCanceled, nothing was saved.\n") {
		t.Errorf("output ends %q", out.String()[max(0, out.Len()-80):])
	}
	assertSafe(t, out.String())
}

// TestCtrlCWhileVerifying cancels during the check: the request stops,
// nothing is retried.
func TestCtrlCWhileVerifying(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var out syncBuffer
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, Config{In: pr, Out: &out, Client: newClient(t, matomo.Options{}), URL: srv.URL})
		done <- err
	}()
	io.WriteString(pw, "\nt\n"+demomatomo.TokenViewer+"\n")
	waitFor(t, &out, "Check it now?")
	srv.SetLatency(time.Minute)
	io.WriteString(pw, "\n")
	waitFor(t, &out, "Checking the token with")
	for deadline := time.Now().Add(5 * time.Second); srv.RequestCount() < 3; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the check never reached the fake")
		}
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, ErrCanceled) {
			t.Errorf("err %v", err)
		}
	case <-time.After(3 * time.Second):
		t.Fatal("Run did not return after the cancel")
	}
	if n := srv.RequestCount(); n != 3 {
		t.Errorf("%d requests, want 3 (pre-flight, labels, the canceled check)", n)
	}
	if !strings.HasSuffix(out.String(), "Canceled, nothing was saved.\n") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestEndOfInputCancels(t *testing.T) {
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "n")
	if !errors.Is(tr.err, ErrCanceled) || errors.Is(tr.err, ErrQuit) {
		t.Fatalf("err %v", tr.err)
	}
	if !strings.HasSuffix(tr.out, "Choice [1 next]: \nCanceled, nothing was saved.\n") {
		t.Errorf("output ends %q", tr.out[len(tr.out)-60:])
	}
}

func TestConfigIsChecked(t *testing.T) {
	if _, err := Run(context.Background(), Config{Out: io.Discard}); err == nil {
		t.Error("Run without In and Client succeeded")
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func waitFor(t *testing.T, b *syncBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(b.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("waited in vain for %q:\n%s", want, b.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// TestProgressWhileWaiting checks the sentence that replaces a spinner.
func TestProgressWhileWaiting(t *testing.T) {
	saved := progressEvery
	progressEvery = 30 * time.Millisecond
	defer func() { progressEvery = saved }()
	srv := startFake(t, demomatomo.Recorded(), demomatomo.Options{Latency: 200 * time.Millisecond})
	tr := run(t, Config{URL: srv.URL}, "", "quit")
	tr.has(t, "without a token (one request, up to 5 s)…\nStill waiting for the answer (0 s so far).\n")
}

// TestTimeoutAndTLSAskAgain checks that the pre-flight's transport
// failures give their hint and keep what was typed for another try.
func TestTimeoutAndTLSAskAgain(t *testing.T) {
	t.Parallel() // the timeout waits beside the other tests
	slow := startFake(t, demomatomo.Recorded(), demomatomo.Options{Latency: 2 * time.Second})
	selfSigned := httptest.NewUnstartedServer(demomatomo.NewHandler(demomatomo.Recorded(), demomatomo.Options{}))
	selfSigned.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes are expected
	selfSigned.StartTLS()
	t.Cleanup(selfSigned.Close)
	for _, tc := range []struct {
		name, url string
		class     matomo.ErrorClass
	}{
		{"timeout", slow.URL, matomo.ClassTimeout},
		{"tls", selfSigned.URL, matomo.ClassTLS},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			client := newClient(t, matomo.Options{Timeout: 300 * time.Millisecond})
			tr := run(t, Config{URL: tc.url, Client: client}, "", "change", "", "quit")
			if !errors.Is(tr.err, ErrQuit) {
				t.Fatalf("err %v", tr.err)
			}
			if e := tr.outcome.LastError; e == nil || e.Class != tc.class {
				t.Fatalf("last error %v, want class %s", e, tc.class)
			}
			tr.explained(t, tr.outcome.LastError)
			tr.has(t, "What next? Answers: 1 change (type another address, Enter), 2 again (check "+tc.url+" again), 3 quit.")
			// What was typed is offered again after "change".
			if c := strings.Count(tr.out, "Address ["+tc.url+"]: "); c != 2 {
				t.Errorf("the address was offered %d times, want 2", c)
			}
		})
	}
}

// TestCountsHaveThousandsSeparators: the line mode writes counts as the
// wizard does (1,047), and a site ID as it is typed.
func TestCountsHaveThousandsSeparators(t *testing.T) {
	srv := startFake(t, demomatomo.WithSites(1045), demomatomo.Options{})
	tr := run(t, Config{URL: srv.URL}, "", "t", demomatomo.TokenViewer, "", "/shop", "1045", "", "" /* the token is nowhere yet: finish asks once */)
	if tr.err != nil {
		t.Fatalf("Run: %v", tr.err)
	}
	tr.has(t,
		"Sites: 1,047 in all; 0 with admin access, 0 with write access, 1,047 with view access.",
		"Sites 1 to 20 of 1,047, by ID:",
		"Site ID: 1045\n",
	)
	if !regexp.MustCompile(`Sites matching "shop": 1 to 20 of \d{1,3} \(of 1,047 in all\)`).MatchString(tr.out) {
		t.Errorf("the filtered list's counts are not written with separators:\n%s", tr.out)
	}
}

// TestInternationalHostName: the line mode says the address in the form
// it sends, with the Unicode form beside it, and warns of a look-alike.
func TestInternationalHostName(t *testing.T) {
	tr := run(t, Config{}, "http://münchen.example:1/", "quit")
	tr.has(t, "Using http://xn--mnchen-3ya.example:1 (münchen.example).")
	tr.lacks(t, "Checking")
	// Plain http to another computer is questioned before anything is
	// looked up, so neither run leaves this computer.
	tr = run(t, Config{}, "http://\u0430nalytics.example.org", "quit")
	tr.has(t, "Warning: The host name \u0430nalytics.example.org (xn--nalytics-06g.example.org) mixes Cyrillic and Latin letters",
		"Using http://xn--nalytics-06g.example.org (\u0430nalytics.example.org).")
}

// noMoreTokens is what the line mode says of the lock-out, in English.
var noMoreTokens = i18n.LineNoMoreTokens.En
