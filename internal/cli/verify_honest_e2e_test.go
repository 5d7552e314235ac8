//go:build linux || darwin || freebsd

package cli

// verify as scripts run it, the built binary: it says what it did with the
// token it was given, reads standard input only when it must, and fails
// when its result could not be delivered.

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo/demomatomo"
)

// verifyCmd is verify against srv with a plain environment plus env.
func verifyCmd(t *testing.T, srv *demomatomo.Server, env []string, args ...string) *exec.Cmd {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(builtBinary(t), append([]string{"verify", "--url", srv.URL}, args...)...)
	cmd.Env = append([]string{"HOME=" + dir, "TMPDIR=" + dir, "LANG=C.UTF-8", "PATH=/usr/bin:/bin"}, env...)
	cmd.Dir = dir
	return cmd
}

func exitCodeOf(t *testing.T, err error) int {
	t.Helper()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		return ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return 0
}

// TestVerifyFailsWhenItsResultCannotBeWritten: a full disk (/dev/full) or a
// closed standard output is exit 1 with the reason on stderr, not a
// silent 0; a closed one is found before anything is sent. Discarding the
// output on purpose (> /dev/null) is still a success.
func TestVerifyFailsWhenItsResultCannotBeWritten(t *testing.T) {
	t.Parallel()
	srv := startCanaryFake(t, demomatomo.Token{Value: newHexCanary(t), Login: "viewer"})
	tok := srv.Data().Tokens[len(srv.Data().Tokens)-1].Value
	type outputCase struct {
		name     string
		args     []string
		stdout   func(t *testing.T) *os.File // nil: closed
		code     int
		stderr   string
		requests int
	}
	cases := []outputCase{
		{name: "closed", code: exitFailure, requests: 0,
			stderr: "✗ Standard output is closed, so verify could not print its result. Nothing was sent."},
		{name: "closed, json", args: []string{"--json"}, code: exitFailure, requests: 0,
			stderr: "✗ Standard output is closed"},
		{name: "discarded on purpose", stdout: openFile(os.DevNull), code: exitOK, requests: 1},
	}
	if runtime.GOOS == "linux" {
		cases = append(cases,
			outputCase{name: "full disk", stdout: openFile("/dev/full"), code: exitFailure, requests: 1,
				stderr: "✗ Could not write the result to standard output: No space left on device."},
			outputCase{name: "full disk, json", args: []string{"--json"}, stdout: openFile("/dev/full"), code: exitFailure, requests: 1,
				stderr: "✗ Could not write the result to standard output: No space left on device."})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := srv.RequestCount()
			cmd := verifyCmd(t, srv, nil, tc.args...)
			cmd.Stdin = strings.NewReader(tok + "\n")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if tc.stdout != nil {
				cmd.Stdout = tc.stdout(t)
			} else {
				// The program starts with descriptor 1 closed, as `>&-`
				// leaves it (exec.Cmd always gives it one, so a shell does it).
				shell := exec.Command("/bin/sh", append([]string{"-c", `exec "$0" "$@" >&-`, cmd.Path}, cmd.Args[1:]...)...)
				shell.Env, shell.Dir, shell.Stdin, shell.Stderr = cmd.Env, cmd.Dir, cmd.Stdin, cmd.Stderr
				cmd = shell
			}
			code := exitCodeOf(t, cmd.Run())
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstderr:\n%s", code, tc.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr lacks %q:\n%s", tc.stderr, stderr.String())
			}
			if n := srv.RequestCount() - before; n != tc.requests {
				t.Errorf("%d requests reached Matomo, want %d", n, tc.requests)
			}
		})
	}
}

func openFile(path string) func(t *testing.T) *os.File {
	return func(t *testing.T) *os.File {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			t.Skipf("%s: %v", path, err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
}

// TestVerifyTakesTheTokenFromTheEnvironmentWithoutReadingStdin: with
// MATOMO_TOKEN_AUTH set, an inherited standard input that never ends (a
// pipe nobody closes) is not read; stderr says where the token came from,
// and the token on stdin is not the one checked.
func TestVerifyTakesTheTokenFromTheEnvironmentWithoutReadingStdin(t *testing.T) {
	t.Parallel()
	canary := newHexCanary(t)
	srv := startCanaryFake(t, demomatomo.Token{Value: canary, Login: "viewer"})
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if _, err := w.WriteString(demomatomo.TokenUnknown + "\n"); err != nil { // kept open: stdin never ends
		t.Fatal(err)
	}
	cmd := verifyCmd(t, srv, []string{tokenEnv + "=" + canary}, "--json")
	cmd.Stdin = r
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-time.After(e2eWait):
		_ = cmd.Process.Kill()
		t.Fatal("verify waited for standard input although MATOMO_TOKEN_AUTH was set")
	}
	if code := exitCodeOf(t, err); code != exitOK {
		t.Fatalf("exit %d, want 0 (the token in the environment)\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stderr.String(), "Token from MATOMO_TOKEN_AUTH (standard input was not read).") {
		t.Errorf("stderr does not say where the token came from:\n%s", stderr.String())
	}
	var out verifyOutput
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil || !strings.HasSuffix(out.Token, canary[len(canary)-4:]) {
		t.Errorf("checked %q (%v), want the environment's token", out.Token, err)
	}
}

// TestVerifySaysWhatItDidWithTheToken: a token given with its
// token_auth= name or inside an API address is checked without them, and
// stderr says so; a token of another shape is sent (a script chose it),
// and stderr says that too, before the result, in text and JSON alike.
func TestVerifySaysWhatItDidWithTheToken(t *testing.T) {
	t.Parallel()
	canary := newHexCanary(t)
	srv := startCanaryFake(t, demomatomo.Token{Value: canary, Login: "viewer"})
	cases := []struct {
		name, stdin string
		env         []string
		args        []string
		code        int
		stderr      []string
	}{
		{name: "token_auth= in front, stdin", stdin: "token_auth=" + canary + "\n", code: exitOK,
			stderr: []string{`! Removed "token_auth=" in front: only what follows it is the token.`}},
		{name: "an API address, MATOMO_TOKEN_AUTH, json", env: []string{tokenEnv + "=" + srv.URL +
			"/index.php?module=API&method=API.getMatomoVersion&format=json&token_auth=" + canary}, args: []string{"--json"}, code: exitOK,
			stderr: []string{"Token from MATOMO_TOKEN_AUTH", "! Took the token out of the token_auth= part of what was pasted; the rest of it is not sent."}},
		{name: "a settings file's line, stdin", stdin: `"token_auth": "` + canary + `",` + "\n", code: exitOK,
			stderr: []string{`! Removed "token_auth" and what stood between it and the token (as in a settings file): only the value is the token.`}},
		{name: "%-escaped, MATOMO_TOKEN_AUTH", env: []string{tokenEnv + "=token_auth%3D" + canary}, code: exitOK,
			stderr: []string{"Token from MATOMO_TOKEN_AUTH", `! Removed "token_auth" and what stood between it and the token`}},
		{name: "31 characters", stdin: canary[:31] + "\n", code: exitRejected,
			stderr: []string{"! It is 31 characters long; Matomo tokens have 32. Sent anyway: verify sends the token it is given", "Matomo rejected this token"}},
		{name: "not hex, json", stdin: canary[:31] + "z\n", args: []string{"--json"}, code: exitRejected,
			stderr: []string{"! It has characters other than 0-9 and a-f; Matomo tokens have only those. Sent anyway"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := srv.RequestCount()
			cmd := verifyCmd(t, srv, tc.env, tc.args...)
			cmd.Stdin = strings.NewReader(tc.stdin)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			code := exitCodeOf(t, cmd.Run())
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tc.code, stdout.String(), stderr.String())
			}
			for _, want := range tc.stderr {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
				}
			}
			if n := strings.Count(stderr.String(), tc.stderr[len(tc.stderr)-1]); n != 1 && tc.code == exitOK {
				t.Errorf("stderr says it %d times, want once:\n%s", n, stderr.String())
			}
			if n := srv.RequestCount() - before; n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
			if strings.Contains(stdout.String()+stderr.String(), canary[:16]) {
				t.Error("the token is in the output")
			}
		})
	}
}

// TestVerifySaysWhatMatomo4AnsweredToAWrongToken: a Matomo 4 answers a
// token it does not know as it answers nobody logged in (a real 4.16.1:
// no version, no sites, "You must be logged in"); verify says just that,
// not that it answered as for a visitor.
func TestVerifySaysWhatMatomo4AnsweredToAWrongToken(t *testing.T) {
	t.Parallel()
	srv := startFake(t, demomatomo.Options{Legacy: true})
	cmd := verifyCmd(t, srv, nil)
	cmd.Stdin = strings.NewReader(demomatomo.TokenUnknown + "\n")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if code := exitCodeOf(t, cmd.Run()); code != exitRejected {
		t.Fatalf("exit %d, want %d\n%s%s", code, exitRejected, stdout.String(), stderr.String())
	}
	want := `Matomo does not know this token: it answered as it answers nobody logged in (no version, no sites, and "You must be logged in"), which is how Matomo 3 and 4 answer a wrong or expired token instead of refusing it.`
	if !strings.Contains(stderr.String(), want) || strings.Contains(stderr.String(), "visitor") {
		t.Errorf("stderr:\n%s\nwant it to say %q", stderr.String(), want)
	}
}
