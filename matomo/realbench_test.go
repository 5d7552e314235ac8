package matomo_test

import (
	"bytes"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"matomo-onboard/internal/realmatomo"
	"matomo-onboard/matomo"
)

// BenchmarkVerifyAgainstTheRealMatomo is verify end to end against the
// real Matomo 5.1.2 of ../shared/realmatomo (user big, 20,000 sites): the
// built binary (`matomo-onboard verify --url …`, token on standard input,
// its summary to /dev/null) and curl making the identical request (the
// same URL, body and headers, the answer to /dev/null), one after another
// in turn, each round in another order. It runs when
// MATOMO_ONBOARD_REAL_URL names the real Matomo (see README) and is
// skipped otherwise:
//
//	MATOMO_ONBOARD_REAL_URL=http://127.0.0.1:18080/ go test -run='^$' \
//	    -bench=BenchmarkVerifyAgainstTheRealMatomo -benchtime=8x ./matomo
//
// Reported, as medians of the rounds: each program's wall time and CPU
// time (user and system, of the process), x-curl-lean (verify over curl
// sending the same lean request: the target is ≤ 1.1) and x-curl-full
// (verify over curl sending the request verify sent before it asked for
// three columns, whole site objects and the view ids). With
// MATOMO_ONBOARD_BENCH_BEFORE_BIN set to a binary built from before this
// change, that binary runs in the rounds too (verify-before).
func BenchmarkVerifyAgainstTheRealMatomo(b *testing.B) {
	in := realmatomo.Use(b)
	const curl = "/usr/bin/curl"
	if _, err := os.Stat(curl); err != nil {
		b.Skipf("no %s to compare with", curl)
	}
	bin := buildProduct(b)
	tok := token(b, realmatomo.TokenBig)
	query, lean := matomo.VerifyRequest(tok)
	target := in.URL + "/index.php?" + query
	full := url.Values{"token_auth": lean["token_auth"]}
	for i, call := range requestBeforeIssue11 {
		full.Set("urls["+strconv.Itoa(i)+"]", call)
	}

	type program struct {
		name string
		run  func() (wall, cpu time.Duration, out string)
	}
	programs := []program{
		{"verify", func() (time.Duration, time.Duration, string) {
			return runTimed(b, exec.Command(bin, "verify", "--url", in.URL), realmatomo.TokenBig+"\n")
		}},
		{"curl-lean", func() (time.Duration, time.Duration, string) {
			return runTimed(b, curlCommand(curl, target), lean.Encode())
		}},
		{"curl-full", func() (time.Duration, time.Duration, string) {
			return runTimed(b, curlCommand(curl, target), full.Encode())
		}},
	}
	if before := os.Getenv(baselineBinEnv); before != "" {
		programs = append(programs, program{"verify-before", func() (time.Duration, time.Duration, string) {
			return runTimed(b, exec.Command(before, "verify", "--url", in.URL), realmatomo.TokenBig+"\n")
		}})
	}
	for _, p := range programs { // once each, unmeasured: Matomo's caches, the binary's pages
		_, _, out := p.run()
		b.Logf("%s: %.120s", p.name, strings.TrimSpace(out))
	}
	walls, cpus := map[string][]time.Duration{}, map[string][]time.Duration{}
	round := 0
	for b.Loop() {
		for k := range programs {
			p := programs[(k+round)%len(programs)]
			wall, cpu, out := p.run()
			if strings.HasPrefix(p.name, "verify") && !strings.Contains(out, "Sites:     20000") ||
				strings.HasPrefix(p.name, "curl") && !strings.HasPrefix(out, "200 ") {
				b.Fatalf("%s: %.200s", p.name, out)
			}
			walls[p.name] = append(walls[p.name], wall)
			cpus[p.name] = append(cpus[p.name], cpu)
		}
		round++
	}
	med := func(d []time.Duration) float64 { s := slices.Clone(d); slices.Sort(s); return float64(s[len(s)/2]) }
	for _, p := range programs {
		b.ReportMetric(med(walls[p.name])/1e6, p.name+"-ms")
		b.ReportMetric(med(cpus[p.name])/1e6, p.name+"-cpu-ms")
	}
	b.ReportMetric(med(walls["verify"])/med(walls["curl-lean"]), "x-curl-lean")
	b.ReportMetric(med(walls["verify"])/med(walls["curl-full"]), "x-curl-full")
	if len(walls["verify-before"]) > 0 {
		b.ReportMetric(med(walls["verify-before"])/med(walls["curl-full"]), "before-x-curl-full")
	}
}

// baselineBinEnv names a binary built from before this change (git
// worktree add, go build), which then runs in the rounds too, as
// verify-before, for old and new side by side.
const baselineBinEnv = "MATOMO_ONBOARD_BENCH_BEFORE_BIN"

// requestBeforeIssue11 is the bulk request verify sent before it asked
// for the three shown columns: whole site objects, the view ids, the
// probe last.
var requestBeforeIssue11 = []string{
	"method=API.getMatomoVersion",
	"method=UsersManager.hasSuperUserAccess",
	"method=SitesManager.getSitesWithAtLeastViewAccess&filter_limit=-1",
	"method=SitesManager.getSitesIdWithAdminAccess&filter_limit=-1",
	"method=SitesManager.getSitesIdWithWriteAccess&filter_limit=-1",
	"method=SitesManager.getSitesIdWithViewAccess&filter_limit=-1",
	"method=UsersManager.userEmailExists&userEmail=matomo-onboard-check%40example.invalid",
}

// curlCommand posts standard input to target with the headers Go's client
// sends for Verify. The token travels on standard input, never in the
// arguments, where every user of the machine could read it.
func curlCommand(curl, target string) *exec.Cmd {
	return exec.Command(curl, "--silent", "--show-error", "--noproxy", "*", "--output", "/dev/null",
		"--write-out", "%{http_code} %{size_download}",
		"--header", "Content-Type: application/x-www-form-urlencoded", "--header", "Accept: application/json",
		"--header", "Accept-Encoding: gzip", "--user-agent", "matomo-onboard (+token check)",
		"--data-binary", "@-", target)
}

// runTimed runs cmd with stdin, and returns its wall time, its CPU time
// and what it printed.
func runTimed(tb testing.TB, cmd *exec.Cmd, stdin string) (wall, cpu time.Duration, out string) {
	tb.Helper()
	if strings.Contains(strings.Join(cmd.Args, " "), realmatomo.TokenBig) {
		tb.Fatal("the token is in a command's arguments")
	}
	var stdout bytes.Buffer
	cmd.Stdin, cmd.Stdout = strings.NewReader(stdin), &stdout
	cmd.Env = append(os.Environ(), "MATOMO_TOKEN_AUTH=")
	start := time.Now()
	if err := cmd.Run(); err != nil {
		tb.Fatalf("%s: %v\n%s", filepath.Base(cmd.Path), err, stdout.String())
	}
	wall = time.Since(start)
	return wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), stdout.String()
}

// buildProduct builds the binary once for the benchmark.
func buildProduct(tb testing.TB) string {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "matomo-onboard")
	if out, err := exec.Command("go", "build", "-o", bin, "matomo-onboard").CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
