package cli

import (
	"bufio"
	"net/netip"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo/demomatomo"
)

// startDemoBinary runs the built binary's demo-server and returns its
// banner, up to "Serving until Ctrl+C."; stop interrupts it and returns
// its exit code.
func startDemoBinary(t *testing.T, args ...string) (banner string, stop func() int) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("stopping a process with SIGINT needs a Unix system")
	}
	cmd := exec.Command(builtBinary(t), append([]string{"demo-server"}, args...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var b strings.Builder
	deadline := time.After(15 * time.Second)
	for !strings.Contains(b.String(), "Serving until Ctrl+C.") {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("demo-server ended before serving:\n%s", b.String())
			}
			b.WriteString(line + "\n")
		case <-deadline:
			t.Fatalf("no banner within 15 s:\n%s", b.String())
		}
	}
	go func() {
		for range lines {
		}
	}()
	return b.String(), func() int {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
			return cmd.ProcessState.ExitCode()
		case <-time.After(10 * time.Second):
			t.Fatal("demo-server did not stop within 10 s of SIGINT")
			return -1
		}
	}
}

// TestDemoServerOnEveryIPv4Address: --addr 0.0.0.0:0 is announced at an
// IPv4 address this computer reaches (not [::1]), with the addresses other
// computers reach it at, a warning that its tokens, a superuser's among
// them, are served to the network, and commands whose addresses are
// quoted for the shell. Only loopback is connected to.
func TestDemoServerOnEveryIPv4Address(t *testing.T) {
	t.Parallel()
	banner, stop := startDemoBinary(t, "--addr", "0.0.0.0:0", "--sites", "1000", "--latency", "0")
	m := regexp.MustCompile(`running at http://127\.0\.0\.1:(\d+)\n`).FindStringSubmatch(banner)
	if m == nil {
		t.Fatalf("not announced at 127.0.0.1:\n%s", banner)
	}
	port := m[1]
	if strings.Contains(banner, "::") {
		t.Errorf("an IPv6 address for an IPv4 bind:\n%s", banner)
	}
	for _, want := range []string{
		"! It listens beyond this computer: anyone on the network who reaches it can use the demo tokens below, which are public, a superuser's among them",
		"--addr 127.0.0.1:" + port + " keeps it to this computer.",
		"1,344 sites, 5 users",
		"--sites added 1,000 generated sites (ids 345 to 1344)",
		"an agency with 1,340 client sites (1,000 of them added with --sites)",
		`| matomo-onboard verify --url "http://127.0.0.1:` + port + `" --json`,
		`matomo-onboard --url "http://127.0.0.1:` + port + `"    (the wizard)`,
	} {
		if !strings.Contains(flatText(banner), flatText(want)) {
			t.Errorf("the banner lacks %q:\n%s", want, banner)
		}
	}
	// Where others reach it: this computer's own IPv4 addresses, when it
	// has one beyond loopback.
	var own []string
	for _, a := range interfaceAddrs() {
		if a.Is4() && !a.IsLoopback() && !a.IsLinkLocalUnicast() {
			own = append(own, "http://"+a.String()+":"+port)
		}
	}
	if len(own) > 0 {
		if !strings.Contains(banner, "and, for other computers, at "+own[0]) ||
			!strings.Contains(banner, `verify --url "`+own[0]+`" --allow-http`) {
			t.Errorf("the banner does not name %s for other computers:\n%s", own[0], banner)
		}
	} else if !strings.Contains(banner, "at this computer's network address, port "+port) {
		t.Errorf("the banner does not say where others reach it:\n%s", banner)
	}
	for _, line := range strings.Split(banner, "\n") {
		if strings.Contains(line, "--url ") && !regexp.MustCompile(`--url "http://[^"\s]+"`).MatchString(line) {
			t.Errorf("an address in a command is not quoted: %q", line)
		}
	}
	// The announced address works here.
	code, out := runBinaryVerify(t, builtBinary(t), "http://127.0.0.1:"+port, demomatomo.DemoTokenViewer)
	if code != exitOK || !out.Verified {
		t.Errorf("verify at the announced address: exit %d", code)
	}
	if code := stop(); code != exitOK {
		t.Errorf("exit %d after SIGINT", code)
	}
}

func TestReachableURLs(t *testing.T) {
	own := []netip.Addr{netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("192.0.2.2"), netip.MustParseAddr("::1"),
		netip.MustParseAddr("fe80::1"), netip.MustParseAddr("2001:db8::5"), netip.MustParseAddr("169.254.1.1")}
	for in, want := range map[string]string{
		"http://0.0.0.0:8089":    "http://192.0.2.2:8089",
		"http://[::]:8089":       "http://192.0.2.2:8089 http://[2001:db8::5]:8089",
		"http://192.0.2.2:8089":  "http://192.0.2.2:8089",
		"http://127.0.0.1:8089":  "",
		"http://[::1]:8089":      "",
		"http://example.org:80x": "",
	} {
		if got := strings.Join(reachableURLs(in, own), " "); got != want {
			t.Errorf("reachableURLs(%s) = %q, want %q", in, got, want)
		}
	}
}
