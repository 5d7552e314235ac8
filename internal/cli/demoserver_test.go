package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo/demomatomo"
)

var demoURLLine = regexp.MustCompile(`running at (http://127\.0\.0\.1:\d+)`)

// runBinaryVerify runs "matomo-onboard verify --url URL --json ARGS" with the
// token on standard input and decodes the JSON document.
func runBinaryVerify(t *testing.T, bin, url, token string, args ...string) (int, verifyOutput) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"verify", "--url", url, "--json"}, args...)...)
	cmd.Stdin = strings.NewReader(token + "\n")
	cmd.Env = append(os.Environ(), "MATOMO_TOKEN_AUTH=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatalf("running verify: %v", err)
	}
	var out verifyOutput
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("verify printed no JSON (exit %d): %v\nstdout:\n%s\nstderr:\n%s", code, err, stdout.String(), stderr.String())
	}
	return code, out
}

func TestDemoServerBinary(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("stopping a process with SIGINT needs a Unix system")
	}
	bin := builtBinary(t)
	cmd := exec.Command(bin, "demo-server", "--addr", "127.0.0.1:0", "--sites", "500", "--latency", "0")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()

	// Read the banner up to the address, then keep draining the rest.
	lines := make(chan string)
	rest := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		var all strings.Builder
		for sc.Scan() {
			all.WriteString(sc.Text() + "\n")
			select {
			case lines <- sc.Text():
			default:
			}
		}
		rest <- all.String()
		close(lines)
	}()
	var url string
	deadline := time.After(15 * time.Second)
	for url == "" {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("demo-server ended before printing its address; stderr:\n%s", stderr.String())
			}
			if m := demoURLLine.FindStringSubmatch(line); m != nil {
				url = m[1]
			}
		case <-deadline:
			t.Fatalf("demo-server printed no address within 15 s; stderr:\n%s", stderr.String())
		}
	}

	// The agency user reaches its 340 clients plus the 500 added sites;
	// the superuser reaches every site.
	code, out := runBinaryVerify(t, bin, url, demomatomo.DemoTokenAgency)
	if code != 0 || !out.Verified || len(out.Sites) != 840 || out.HTTPRequests != 1 {
		t.Errorf("agency token: exit %d, verified %v, %d sites (want 840), %d requests", code, out.Verified, len(out.Sites), out.HTTPRequests)
	}
	if n := len(out.Sites); n > 0 && out.Sites[n-1].ID != 844 {
		t.Errorf("the last added site has id %d, want 844", out.Sites[n-1].ID)
	}
	code, out = runBinaryVerify(t, bin, url, demomatomo.DemoTokenSuperUser)
	if code != 0 || !isTrue(out.SuperUser) || len(out.Sites) != 844 || out.Counts.Admin != 844 {
		t.Errorf("superuser token: exit %d, superuser %v, %d sites, counts %+v (want 844 admin)", code, out.SuperUser, len(out.Sites), out.Counts)
	}
	// The viewer's demo token is secure-only: the URL check says so.
	code, out = runBinaryVerify(t, bin, url, demomatomo.DemoTokenViewer, "--check-get")
	if code != 0 || out.GETCheck == nil || out.GETCheck.Works || !out.GETCheck.SecureOnly {
		t.Errorf("viewer token with --check-get: exit %d, get_check %+v", code, out.GETCheck)
	}
	code, _ = runBinaryVerify(t, bin, url, demomatomo.DemoTokenRejected)
	if code != exitRejected {
		t.Errorf("rejected demo token: exit %d, want %d", code, exitRejected)
	}

	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			t.Errorf("demo-server after Ctrl+C: %v (want exit 0); stderr:\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("demo-server did not stop within 10 s of SIGINT")
	}
	banner := <-rest
	for _, want := range []string{
		"Demo Matomo 5.0.2 running at " + url,
		"844 sites, 5 users; every answer is delayed by 0s",
		"--sites added 500 generated sites (ids 345 to 844): the agency token reaches them with view access",
		"the superuser token as admin",
		"an agency with 840 client sites (500 of them added with --sites)",
		"echo " + demomatomo.DemoTokenViewer + " | matomo-onboard verify --url \"" + url + "\"\n",
		"acona-reader  " + demomatomo.DemoPassword + "  a dedicated user with view access to two sites",
		"lena.2fa      " + demomatomo.DemoPassword2FA + "  two-factor authentication: add the secret " + demomatomo.DemoTwoFactorSecret,
		"Demo Matomo stopped.",
	} {
		if !strings.Contains(banner, want) {
			t.Errorf("output lacks %q:\n%s", want, banner)
		}
	}
	for _, tok := range demoTokensWithNotes() {
		if !strings.Contains(banner, tok) {
			t.Errorf("the demo token …%s is not listed:\n%s", tok[28:], banner)
		}
	}
	assertNoTokenArgument(t, banner)
}

func demoTokensWithNotes() []string {
	var out []string
	for _, tok := range demomatomo.Demo().Tokens {
		if !tok.Note.IsZero() {
			out = append(out, tok.Value)
		}
	}
	return out
}

// assertNoTokenArgument checks that no suggested command line passes a
// token as an argument of matomo-onboard (only through echo … |).
func assertNoTokenArgument(t *testing.T, banner string) {
	t.Helper()
	for _, line := range strings.Split(banner, "\n") {
		i := strings.Index(line, "matomo-onboard ")
		if i < 0 {
			continue
		}
		for _, tok := range demoTokensWithNotes() {
			if strings.Contains(line[i:], tok) {
				t.Errorf("a suggested command passes a token as an argument: %q", line)
			}
		}
	}
}

// startDemoInProcess runs demo-server in-process and returns its address,
// its output so far, and a function that stops it and returns its exit code.
func startDemoInProcess(t *testing.T, args ...string) (string, *watchedBuffer, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	out, errOut := &watchedBuffer{}, &watchedBuffer{}
	c := &Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: errOut,
		Getenv: func(string) string { return "" }, IsTerminal: func(any) bool { return false }}
	done := make(chan int, 1)
	go func() { done <- c.Run(ctx, append([]string{"demo-server"}, args...)) }()
	stop := func() int {
		cancel()
		select {
		case code := <-done:
			return code
		case <-time.After(10 * time.Second):
			t.Fatal("demo-server did not stop within 10 s of its context ending")
			return -1
		}
	}
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(10 * time.Millisecond) {
		if m := demoURLLine.FindStringSubmatch(out.String()); m != nil {
			return m[1], out, stop
		}
		select {
		case code := <-done:
			t.Fatalf("demo-server ended with %d before serving; stderr:\n%s", code, errOut.String())
		default:
		}
	}
	cancel()
	t.Fatalf("demo-server printed no address; stdout:\n%s\nstderr:\n%s", out.String(), errOut.String())
	return "", nil, nil
}

func TestDemoServerInProcessServesUntilCanceled(t *testing.T) {
	url, out, stop := startDemoInProcess(t, "--addr", "127.0.0.1:0", "--sites", "3", "--latency", "0")
	r := runVerifyWith(t, demomatomo.DemoTokenAgency, nil, "--url", url, "--json")
	if v := decodeVerifyJSON(t, r.stdout); r.code != exitOK || len(v.Sites) != 343 {
		t.Errorf("agency token: exit %d, %d sites (want 340 + 3)", r.code, len(v.Sites))
	}
	if code := stop(); code != exitOK {
		t.Errorf("exit %d after the context ended, want 0", code)
	}
	text := out.String()
	for _, want := range []string{"every answer is delayed by 0s", "ids 345 to 347", "Serving until Ctrl+C.", "Demo Matomo stopped."} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	assertNoTokenArgument(t, text)
}

func runDemoServer(t *testing.T, args ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var out, errOut bytes.Buffer
	c := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		Getenv: func(string) string { return "" }, IsTerminal: func(any) bool { return false }}
	code := c.Run(ctx, append([]string{"demo-server"}, args...))
	return code, out.String() + errOut.String()
}

func TestDemoServerPortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	addr := ln.Addr().String()
	code, out := runDemoServer(t, "--addr", addr)
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	for _, want := range []string{addr + " is already in use", "--addr 127.0.0.1:0 for any free port"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestDemoServerBadOptions(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--sites", "-1"}, "--sites -1 is out of range: give a number from 0 to 100000."},
		{[]string{"--sites", "100001"}, "--sites 100001 is out of range"},
		{[]string{"--latency", "-2s"}, "--latency -2s is negative"},
		{[]string{"--addr", "8089"}, `--addr "8089" is not host:port. Use for example --addr 127.0.0.1:8089`},
		{[]string{"--addr", "localhost:"}, `--addr "localhost:" is not host:port`},
		{[]string{"now"}, "demo-server takes only options (1 other argument given besides them)."},
		{[]string{"--addr", "127.0.0.1:99999"}, `the port "99999" is not a number from 0 to 65535`},
		{[]string{"--addr", "127.0.0.1:http"}, `the port "http" is not a number`},
		{[]string{"--sites", "many"}, "--sites needs a whole number (the value given is not one, and is not repeated here)."},
	} {
		code, out := runDemoServer(t, tc.args...)
		if code != exitUsage || !strings.Contains(out, tc.want) {
			t.Errorf("demo-server %v: exit %d, want %d with %q; output:\n%s", tc.args, code, exitUsage, tc.want, out)
		}
	}
}

func TestDemoURL(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		local    bool
	}{
		{"http://127.0.0.1:8089", "http://127.0.0.1:8089", true},
		{"http://0.0.0.0:8089", "http://127.0.0.1:8089", false},
		{"http://[::]:8089", "http://[::1]:8089", false},
		{"http://[::1]:8089", "http://[::1]:8089", true},
		{"http://192.0.2.10:8089", "http://192.0.2.10:8089", false},
	} {
		got, local := demoURL(tc.in)
		if got != tc.want || local != tc.local {
			t.Errorf("demoURL(%q) = %q, %v; want %q, %v", tc.in, got, local, tc.want, tc.local)
		}
	}
}

// TestTheDemoTakesLatencyAsDemoServerDoes: --demo has the same --latency
// as demo-server, 700ms unless told (the tests run both with 0).
func TestTheDemoTakesLatencyAsDemoServerDoes(t *testing.T) {
	code, _, stderr := runCLI(t, "", nil, "--demo", "--latency", "-2s")
	if code != exitUsage || !strings.Contains(stderr, "--latency -2s is negative") {
		t.Errorf("exit %d, want %d with the negative latency named:\n%s", code, exitUsage, stderr)
	}
	for _, args := range [][]string{{"--help"}, {"demo-server", "--help"}} {
		code, stdout, _ := runCLI(t, "", nil, args...)
		i := strings.Index(stdout, "-latency")
		if code != exitOK || i < 0 || !strings.Contains(stdout[i:], "(default 700ms)") {
			t.Errorf("%v (exit %d) does not list --latency with its default:\n%s", args, code, stdout)
		}
	}
}
