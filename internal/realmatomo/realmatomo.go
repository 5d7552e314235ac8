// Package realmatomo connects integration tests to a real Matomo 5.1.2:
// the kit in ../shared/realmatomo (README there), started by .ci/run or by
// the person running the tests, never by a test.
//
// A test calls Use (or SpendFailedLogins) first. Without
// MATOMO_ONBOARD_REAL_URL the test is skipped with a message saying how to
// run it; with MATOMO_ONBOARD_REAL_REQUIRED=1 (set by .ci/run) a missing or
// unreachable Matomo fails it instead.
//
// Every request of every test comes from 127.0.0.1, and Matomo locks that
// address out after 20 failed logins in an hour, valid tokens included.
// `go test ./...` runs the test binaries of several packages at once, so
// the failed-login budget is guarded by a lock across processes: Use takes
// it shared for the length of a test, SpendFailedLogins exclusively, with
// the kit's unblock.sh before and after. A test that sends a wrong,
// expired or secure-only-in-a-URL token must use SpendFailedLogins; then
// no other test can meet a lock-out it did not cause, and each spender
// starts with the whole budget.
package realmatomo

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The environment that points tests at the real Matomo.
const (
	// EnvURL holds the base address up.sh printed, e.g. http://127.0.0.1:18080/.
	EnvURL = "MATOMO_ONBOARD_REAL_URL"
	// EnvKit holds the kit's folder, for unblock.sh.
	EnvKit = "MATOMO_ONBOARD_REAL_KIT"
	// EnvRequired=1 turns a skip for want of a real Matomo into a failure.
	EnvRequired = "MATOMO_ONBOARD_REAL_REQUIRED"
	// EnvLog names a file that gets one line per integration test and its
	// outcome, for .ci/run to list them (go test ./... prints no names).
	EnvLog = "MATOMO_ONBOARD_REAL_LOG"
)

// howTo is what a skipped test says.
const howTo = "start the kit as root on Debian 12 (bash ../shared/realmatomo/up.sh prints the URL), then set " +
	EnvURL + "=<that URL> and " + EnvKit + "=<the kit's folder>; see README, \"Tests against a real Matomo\""

// Instance is the real Matomo a test talks to.
type Instance struct {
	// URL is the base address without a trailing slash, as the product
	// normalises it: http://127.0.0.1:18080.
	URL string
	kit string
}

// Use returns the real Matomo for an ordinary test (one that sends no bad
// credentials), holding the shared lock until the test ends.
//
// A holder of the lock must never wait for other tests, or a spender
// waiting for the lock (in this test binary or another) waits for ever,
// and with it every test queued behind the spender:
//   - call Use after t.Parallel, not before (t.Parallel pauses the test
//     until the sequential tests, spenders among them, have finished);
//   - run the subtests of a holder one after another, without t.Parallel
//     (parallel subtests wait for a free slot of -parallel, and the slots
//     may all be taken by tests waiting for this very lock);
//   - do not call Use or SpendFailedLogins again in a subtest of a holder
//     (it is refused: a spender would wait for its own parent).
func Use(t testing.TB) *Instance {
	t.Helper()
	in := instance(t)
	hold(t, in, false)
	in.probe(t)
	return in
}

// holders are the tests of this process that hold the lock, by name.
var holders struct {
	sync.Mutex
	names map[string]bool
}

// hold takes the lock for the test until it ends, after checking that no
// test above it holds it already.
func hold(t testing.TB, in *Instance, exclusive bool) {
	t.Helper()
	name := t.Name()
	holders.Lock()
	for parent := name; strings.Contains(parent, "/"); {
		parent = parent[:strings.LastIndex(parent, "/")]
		if holders.names[parent] {
			holders.Unlock()
			t.Fatalf("%s holds the real Matomo's lock already; call realmatomo.Use in the parent test or in the subtests, not in both", parent)
		}
	}
	if holders.names == nil {
		holders.names = map[string]bool{}
	}
	holders.names[name] = true
	holders.Unlock()
	release := lock(t, in, exclusive)
	t.Cleanup(func() {
		release()
		holders.Lock()
		delete(holders.names, name)
		holders.Unlock()
	})
}

// SpendFailedLogins returns the real Matomo for a test that sends wrong,
// expired or secure-only-in-a-URL tokens, each a failed login. It holds
// the lock exclusively until the test ends and runs unblock.sh before (so
// the test has all 20 failures before the lock-out) and after (so nothing
// it spent is left for others).
func SpendFailedLogins(t testing.TB) *Instance {
	t.Helper()
	in := instance(t)
	if in.kit == "" {
		unavailable(t, EnvKit+" is not set, and this test needs the kit's unblock.sh; "+howTo)
	}
	if _, err := os.Stat(filepath.Join(in.kit, "unblock.sh")); err != nil {
		unavailable(t, fmt.Sprintf("%s=%s has no unblock.sh (%v); %s", EnvKit, in.kit, err, howTo))
	}
	hold(t, in, true)
	// Cleanups run last-in first-out: this one before the lock is released.
	t.Cleanup(func() {
		if _, err := in.unblock(); err != nil {
			t.Errorf("unblock.sh after the test: %v (the lock-out budget of 127.0.0.1 may be spent for everyone)", err)
		}
	})
	in.Unblock(t)
	if err := in.ask(); err != nil {
		unavailable(t, err.Error())
	}
	return in
}

// Unblock empties Matomo's failed-login log (unblock.sh): the lock-out
// lifts at once. It returns how many failed logins the log held. Only for
// tests that hold SpendFailedLogins.
func (in *Instance) Unblock(t testing.TB) int {
	t.Helper()
	n, err := in.unblock()
	if err != nil {
		t.Fatalf("unblock.sh: %v", err)
	}
	return n
}

// FailLogins sends the invalid token n times, each a failed login, so
// that a test can bring Matomo to the edge of its lock-out (20) or past it.
// Only for tests that hold SpendFailedLogins.
func (in *Instance) FailLogins(t testing.TB, n int) {
	t.Helper()
	for i := range n {
		status, body, err := in.post("API.getMatomoVersion", TokenInvalid)
		if err != nil || status != http.StatusUnauthorized && !strings.Contains(body, "Too many failed logins") {
			t.Fatalf("failed login %d of %d: HTTP %d %.200s %v", i+1, n, status, body, err)
		}
	}
}

// unblockedRE is what unblock.sh says on stderr.
var unblockedRE = regexp.MustCompile(`\((\d+) rows removed\)`)

func (in *Instance) unblock() (int, error) {
	cmd := exec.Command("bash", filepath.Join(in.kit, "unblock.sh"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("%v: %s", err, strings.TrimSpace(string(out)))
	}
	m := unblockedRE.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("unblock.sh did not say how many failed logins it removed: %q", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n, nil
}

// Host is the instance's host:port.
func (in *Instance) Host() string {
	u, _ := url.Parse(in.URL)
	return u.Host
}

func instance(t testing.TB) *Instance {
	t.Helper()
	logOutcome(t)
	raw := strings.TrimSpace(os.Getenv(EnvURL))
	if raw == "" {
		unavailable(t, "no real Matomo: "+EnvURL+" is not set; "+howTo)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		t.Fatalf("%s=%q is not an http(s) address like http://127.0.0.1:18080/", EnvURL, raw)
	}
	// Tests reach nothing but this computer.
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		t.Fatalf("%s=%q is not on this computer; tests talk to loopback only", EnvURL, raw)
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawQuery, u.Fragment = "", ""
	return &Instance{URL: u.String(), kit: strings.TrimSpace(os.Getenv(EnvKit))}
}

// unavailable skips the test, or fails it when the real Matomo is required.
func unavailable(t testing.TB, why string) {
	t.Helper()
	if os.Getenv(EnvRequired) == "1" {
		t.Fatalf("%s=1, but %s", EnvRequired, why)
	}
	t.Skip("SKIPPED (integration test against a real Matomo): " + why)
}

// probes remembers, per address and process, that the instance answered.
var probes sync.Map // URL -> error

// probe checks once per process that the address is the kit's Matomo and
// answers a valid token. It runs under the lock, so a lock-out it meets
// was left by someone outside these tests.
func (in *Instance) probe(t testing.TB) {
	t.Helper()
	v, ok := probes.Load(in.URL)
	if !ok {
		v, _ = probes.LoadOrStore(in.URL, in.ask())
	}
	if err, _ := v.(error); err != nil {
		unavailable(t, err.Error())
	}
}

type probeError struct{ msg string }

func (e *probeError) Error() string { return e.msg }

// ask sends the viewer's token in a POST body, as the product does.
func (in *Instance) ask() error {
	status, body, err := in.post("API.getMatomoVersion", TokenViewer)
	switch {
	case err != nil:
		return &probeError{fmt.Sprintf("the real Matomo at %s does not answer (%v); %s", in.URL, err, howTo)}
	case strings.Contains(body, "Too many failed logins"):
		return &probeError{fmt.Sprintf("the real Matomo at %s has locked 127.0.0.1 out (something outside these tests spent the failed logins): run bash %s/unblock.sh",
			in.URL, in.kitOr("../shared/realmatomo"))}
	case status != http.StatusOK || !strings.Contains(body, `"`+Version+`"`):
		return &probeError{fmt.Sprintf("%s does not answer like the kit's Matomo %s (HTTP %d: %.200s)", in.URL, Version, status, body)}
	}
	return nil
}

// TrackVisit records a visit of the site now: one tracking request to the
// real Matomo's matomo.php, without a token, as a site's tracking code
// sends it (the kit stores tracking requests; its seed has no visit). From
// 127.0.0.1 every such request belongs to the same visitor, so within
// Matomo's 30 minutes it extends the visit already there. The site's
// Live.getLastVisitsDetails then lists a visit whose last action is now.
func (in *Instance) TrackVisit(t testing.TB, siteID int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	q := url.Values{"rec": {"1"}, "idsite": {strconv.Itoa(siteID)}, "send_image": {"0"},
		"url": {SiteURL(siteID) + "/matomo-onboard-test"}, "action_name": {"matomo-onboard test"}}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, in.URL+"/matomo.php?"+q.Encode(), nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := direct.Do(req)
	if err != nil {
		t.Fatalf("tracking request for site %d: %v", siteID, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent && resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		t.Fatalf("tracking request for site %d: HTTP %d %s", siteID, resp.StatusCode, body)
	}
}

// direct reaches the real Matomo without any proxy from the environment.
var direct = &http.Client{Transport: &http.Transport{Proxy: nil}}

// post calls an API method with the token in the POST body.
func (in *Instance) post(method, token string) (int, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	target := in.URL + "/index.php?module=API&method=" + url.QueryEscape(method) + "&format=json"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target,
		strings.NewReader(url.Values{"token_auth": {token}}.Encode()))
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := direct.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return resp.StatusCode, string(body), nil
}

func (in *Instance) kitOr(def string) string {
	if in.kit != "" {
		return in.kit
	}
	return def
}

// logOutcome appends the test's name and outcome to EnvLog when it ends.
func logOutcome(t testing.TB) {
	path := os.Getenv(EnvLog)
	if path == "" {
		return
	}
	start := time.Now()
	pkg := packagePath()
	t.Cleanup(func() {
		outcome := "PASS"
		switch {
		case t.Failed():
			outcome = "FAIL"
		case t.Skipped():
			outcome = "SKIP"
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			t.Errorf("%s: %v", EnvLog, err)
			return
		}
		defer f.Close()
		// One write per line: appends of a few bytes do not interleave.
		fmt.Fprintf(f, "%s %-28s %s (%.1fs)\n", outcome, pkg, t.Name(), time.Since(start).Seconds())
	})
}

// packagePath names the package under test by its folder, relative to the
// module root (go test runs each test binary in its package's folder).
func packagePath() string {
	dir, err := os.Getwd()
	if err != nil {
		return "?"
	}
	for d := dir; ; {
		if f, err := os.Open(filepath.Join(d, "go.mod")); err == nil {
			line, _ := bufio.NewReader(f).ReadString('\n')
			f.Close()
			module := strings.TrimSpace(strings.TrimPrefix(line, "module"))
			rel, _ := filepath.Rel(d, dir)
			return filepath.ToSlash(filepath.Join(module, rel))
		}
		parent := filepath.Dir(d)
		if parent == d {
			return filepath.Base(dir)
		}
		d = parent
	}
}
