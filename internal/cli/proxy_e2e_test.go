//go:build linux || darwin || freebsd

package cli

import (
	"bytes"
	"strings"
	"testing"

	"matomo-onboard/matomo/demomatomo"
)

// TestVerifySaysThatAProxyReadsThePlainHTTPToken: with --allow-http and a
// proxy from the environment, the token goes to the proxy in clear text,
// a server the person never named, and the URL check's URL (with the
// token) lands in its log. stderr says so before anything is sent, in
// text and JSON alike (attack2 A8). The fake Matomo plays the proxy, so
// the name matomo.test is never looked up.
func TestVerifySaysThatAProxyReadsThePlainHTTPToken(t *testing.T) {
	t.Parallel()
	canary := newHexCanary(t)
	proxy := startCanaryFake(t, demomatomo.Token{Value: canary, Login: "viewer"})
	const warning = "The request goes through the proxy " // then the proxy's host and port
	for _, args := range [][]string{
		{"--url", "http://matomo.test", "--allow-http"},
		{"--url", "http://matomo.test", "--allow-http", "--json"},
	} {
		cmd := verifyCmd(t, proxy, []string{"HTTP_PROXY=" + proxy.URL, "MATOMO_TOKEN_AUTH=" + canary}, args...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		before := proxy.RequestCount()
		if code := exitCodeOf(t, cmd.Run()); code != exitOK {
			t.Fatalf("%v: exit %d\n%s%s", args, code, stdout.String(), stderr.String())
		}
		reqs := proxy.Requests()
		if n := proxy.RequestCount() - before; n != 1 || reqs[len(reqs)-1].Host != "matomo.test" {
			t.Fatalf("%v: %d requests, the last for %q: want one through the proxy, for matomo.test", args, n, reqs[len(reqs)-1].Host)
		}
		host := strings.TrimPrefix(proxy.URL, "http://")
		if !strings.Contains(stderr.String(), warning+host+" over plain http, so the proxy reads the token") {
			t.Errorf("%v: stderr does not say the proxy reads the token:\n%s", args, stderr.String())
		}
		if args[len(args)-1] == "--json" && !strings.Contains(stdout.String(), warning) {
			t.Errorf("--json: the warning is not among the warnings:\n%s", stdout.String())
		}
	}
	// Without a proxy, or over https (the proxy only passes an encrypted
	// connection on), nothing is said.
	cmd := verifyCmd(t, proxy, []string{"MATOMO_TOKEN_AUTH=" + canary})
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if code := exitCodeOf(t, cmd.Run()); code != exitOK || strings.Contains(stderr.String(), warning) {
		t.Errorf("directly to this computer: exit %d, stderr:\n%s", code, stderr.String())
	}
}
