package cli

import (
	"flag"
	"fmt"
	"strings"
	"testing"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo/demomatomo"
)

// cmdArgs is how a command is started: the wizard has no name.
func cmdArgs(cmd command, args ...string) []string {
	if cmd.name == "" {
		return args
	}
	return append([]string{cmd.name}, args...)
}

// Help that was asked for is an answer: stdout, exit 0, the same text
// however it was asked for, for every command.
func TestHelpForEveryCommandGoesToStdout(t *testing.T) {
	for _, cmd := range commands() {
		t.Run(cmd.title(), func(t *testing.T) {
			var first string
			asks := [][]string{cmdArgs(cmd, "--help"), cmdArgs(cmd, "-h"), cmdArgs(cmd, "-help")}
			if cmd.name != "" {
				asks = append(asks, []string{"help", cmd.name})
			} else {
				asks = append(asks, []string{"help"})
			}
			for _, args := range asks {
				code, stdout, stderr := runCLI(t, "", nil, args...)
				if code != exitOK || stderr != "" {
					t.Errorf("%v: exit %d, stderr %q; want 0 and nothing on stderr", args, code, stderr)
				}
				if !strings.Contains(stdout, "Usage: "+cmd.title()) && !strings.Contains(stdout, "  "+cmd.title()+" ") {
					t.Errorf("%v: the help does not show how to run %s:\n%s", args, cmd.title(), stdout)
				}
				if first == "" {
					first = stdout
				} else if stdout != first {
					t.Errorf("%v printed other help than %v", args, asks[0])
				}
			}
			fs := cmd.flagSet(cmd.options(), i18n.English())
			for _, name := range strings.Split(optionNames(fs, i18n.English()), ", ") {
				if name != "none" && !strings.Contains(first, "  -"+strings.TrimPrefix(name, "--")) {
					t.Errorf("the help does not list %s:\n%s", name, first)
				}
			}
		})
	}
}

func TestHelpForAnUnknownCommandRepeatsNothing(t *testing.T) {
	for _, args := range [][]string{{"help", "verfiy"}, {"help", testToken}, {"help", "verify", "steps"}} {
		code, stdout, stderr := runCLI(t, "", nil, args...)
		if code != exitUsage || stdout != "" {
			t.Errorf("%v: exit %d, stdout %q; want 2 and nothing on stdout", args, code, stdout)
		}
		if strings.Contains(stderr, "verfiy") || strings.Contains(stderr, testToken) {
			t.Errorf("%v: stderr repeats the name:\n%s", args, stderr)
		}
		if !strings.Contains(stderr, "verify, steps, demo-server, version, help") && !strings.Contains(stderr, "shell's history") {
			t.Errorf("%v: stderr does not list the commands:\n%s", args, stderr)
		}
	}
}

const testToken = "60738be3c528633522be304dd89bbff8"

// A wrong command line is said on stderr with exit 2 by every command, and
// never repeats what was typed: an unknown option is not named (with
// --<token> the name is the token), a bad value names its option only.
func TestBadOptionsAreNamedNeverRepeated(t *testing.T) {
	for _, cmd := range commands() {
		fs := cmd.flagSet(cmd.options(), i18n.English())
		known := optionNames(fs, i18n.English())
		cases := []struct {
			name string
			args []string
			want string
		}{
			{"unknown option", []string{"--colour-scheme-xyzzy"}, "unknown option (not repeated here). The options are " + known},
			{"unknown option with a value", []string{"--colour-scheme-xyzzy=dark"}, "unknown option"},
			{"argument", []string{"xyzzy-argument"}, "xyzzy"},
			{"bad syntax", []string{"---xyzzy"}, "The options are " + known},
		}
		for _, tc := range cases {
			t.Run(cmd.title()+"/"+tc.name, func(t *testing.T) {
				code, stdout, stderr := runCLI(t, "", nil, cmdArgs(cmd, tc.args...)...)
				if code != exitUsage || stdout != "" {
					t.Fatalf("exit %d, stdout %q; want 2 and nothing on stdout", code, stdout)
				}
				if strings.Contains(stderr, "xyzzy") {
					t.Errorf("stderr repeats what was typed:\n%s", stderr)
				}
				if tc.want != "xyzzy" && !strings.Contains(stderr, tc.want) {
					t.Errorf("stderr lacks %q:\n%s", tc.want, stderr)
				}
				if cmd.name == "help" && tc.name == "argument" {
					tc.want = "there is no such command. The commands are verify, steps, demo-server, version, help."
					if !strings.Contains(stderr, tc.want) {
						t.Errorf("stderr lacks %q:\n%s", tc.want, stderr)
					}
				} else if !strings.Contains(stderr, "Run \""+cmd.title()+" --help\" for") {
					t.Errorf("stderr does not say where the options are:\n%s", stderr)
				}
			})
		}
	}
}

func TestBadValuesNameTheOptionOnly(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"verify", "--timeout=xyzzy"}, "--timeout needs a duration such as 30s"},
		{[]string{"verify", "--timeout", "xyzzy"}, "--timeout needs a duration such as 30s"},
		{[]string{"--timeout", "xyzzy"}, "--timeout needs a duration"},
		{[]string{"verify", "--json=xyzzy"}, "--json takes no value: write just --json"},
		{[]string{"--demo=xyzzy"}, "--demo takes no value"},
		{[]string{"demo-server", "--sites", "xyzzy"}, "--sites needs a whole number"},
		{[]string{"demo-server", "--latency=xyzzy"}, "--latency needs a duration"},
		{[]string{"verify", "--url"}, "--url needs a value after it"},
		{[]string{"steps", "--url", "example.org", "--tool"}, "--tool needs a value after it"},
	} {
		code, stdout, stderr := runCLI(t, "", nil, tc.args...)
		if code != exitUsage || stdout != "" {
			t.Errorf("%v: exit %d, stdout %q; want 2", tc.args, code, stdout)
		}
		if !strings.Contains(stderr, tc.want) || strings.Contains(stderr, "xyzzy") {
			t.Errorf("%v: want %q without the value:\n%s", tc.args, tc.want, stderr)
		}
	}
}

// A token anywhere on a command line is refused before anything is looked
// up, sent or printed, with what that means: the token is spoilt.
func TestATokenOnTheCommandLineIsRefusedBeforeAnyLookup(t *testing.T) {
	srv := startFake(t, demomatomo.Options{})
	glued := []string{
		srv.URL + "/" + testToken,
		srv.URL + "/web" + testToken,
		srv.URL + "/index.php?module=API&token_auth=" + testToken,
		srv.URL + "/index.php?token_auth=user:app-password",
		"https://analytics.example.de" + testToken,
		"https://" + testToken + ".example.org",
		"https://analytics.example.de" + strings.ToUpper(testToken),
		srv.URL + "/" + testToken[:10] + fmt.Sprintf("%%%02x", testToken[10]) + testToken[11:], // one character %-escaped
	}
	var cases [][]string
	for _, u := range glued {
		cases = append(cases,
			[]string{"verify", "--url", u}, []string{"verify", "--url=" + u, "--json"},
			[]string{"steps", "--url", u}, []string{"--url", u}, []string{"--accessible", "--url=" + u})
	}
	cases = append(cases,
		[]string{"verify", "--url", srv.URL, "--" + testToken},
		[]string{"verify", "--url", srv.URL, "--timeout=" + testToken},
		[]string{"verify", "--url", srv.URL, "--json=" + testToken},
		[]string{"verify", "--url", srv.URL, "--report", "/tmp/" + testToken},
		[]string{"verify", "--url", srv.URL, "--ca-file", testToken + ".pem"},
		[]string{"verify", "--url", srv.URL, testToken},
		[]string{"steps", "--url", srv.URL, "--tool", "Acona " + testToken},
		[]string{"demo-server", "--addr", testToken},
		[]string{testToken},
		[]string{"help", testToken},
		[]string{"version", "--" + testToken + "=1"},
	)
	for _, args := range cases {
		code, stdout, stderr := runCLI(t, demomatomo.TokenViewer, nil, args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want 2\n%s%s", args, code, stdout, stderr)
		}
		out := stdout + stderr
		for _, form := range []string{testToken, strings.ToUpper(testToken), testToken[:12], "app-password"} {
			if strings.Contains(out, form) {
				t.Errorf("%v: the output repeats the token:\n%s", args, out)
			}
		}
		for _, want := range []string{"looks like a Matomo token", "shell's history", "process list", "delete it in Matomo", "create a new one"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%v: stderr lacks %q:\n%s", args, want, stderr)
			}
		}
	}
	if n := srv.RequestCount(); n != 0 {
		t.Errorf("%d request(s) reached Matomo; none may", n)
	}
	// Which option held it is said when it is one of the command's.
	_, _, stderr := runCLI(t, "", nil, "verify", "--url", glued[0])
	if !strings.Contains(stderr, "Not run: --url holds") {
		t.Errorf("the message does not name --url:\n%s", stderr)
	}
}

func TestTimeoutMustBePositive(t *testing.T) {
	for _, args := range [][]string{
		{"verify", "--url", "http://127.0.0.1:1", "--timeout", "0"},
		{"verify", "--url", "http://127.0.0.1:1", "--timeout=-5s"},
		{"--timeout", "0s"},
		{"--accessible", "--timeout=-1ns"},
	} {
		code, stdout, stderr := runCLI(t, demomatomo.TokenViewer, nil, args...)
		if code != exitUsage || stdout != "" {
			t.Errorf("%v: exit %d, stdout %q; want 2", args, code, stdout)
		}
		if !strings.Contains(stderr, "--timeout must be longer than zero") {
			t.Errorf("%v: stderr:\n%s", args, stderr)
		}
	}
}

// TestAPieceOfATokenInAnyOptionIsNeverRepeated: a near-token (31 of the
// token's 32 characters, or any 12 hex characters in a row) given to any
// option of any command, as its name or as an argument, is refused with
// exit 2 before anything is looked up or printed, naming the option only
// (attack1: steps --format and --tool and demo-server --addr printed 31
// characters of a token). A token in full-width characters (an input
// method in full-width mode) is a token.
func TestAPieceOfATokenInAnyOptionIsNeverRepeated(t *testing.T) {
	srv := startFake(t, demomatomo.Options{})
	near, piece := testToken[:31], "x"+testToken[7:19]+"y"
	wide := strings.Map(func(r rune) rune { return r + 0xfee0 }, testToken)
	for _, cmd := range commands() {
		fs := cmd.flagSet(cmd.options(), i18n.English())
		var cases [][]string
		fs.VisitAll(func(f *flag.Flag) {
			if isBool(f) {
				return
			}
			for _, v := range []string{near, piece, "Acona " + near, srv.URL + "/" + near, wide} {
				cases = append(cases, []string{"--" + f.Name, v}, []string{"--" + f.Name + "=" + v})
			}
		})
		cases = append(cases, []string{"--" + near}, []string{"-" + near + "=1"}, []string{near}, []string{"--", piece})
		for _, args := range cases {
			code, stdout, stderr := runCLI(t, demomatomo.TokenViewer, nil, cmdArgs(cmd, args...)...)
			if code != exitUsage {
				t.Errorf("%s %v: exit %d, want 2\n%s%s", cmd.title(), args, code, stdout, stderr)
			}
			for i := 0; i+12 <= len(testToken); i++ {
				if strings.Contains(strings.ToLower(stdout+stderr), testToken[i:i+12]) {
					t.Errorf("%s %v: the output repeats a piece of the token:\n%s%s", cmd.title(), args, stdout, stderr)
					break
				}
			}
			if !strings.Contains(stderr, "may be part of a Matomo token") && !strings.Contains(stderr, "looks like a Matomo token") {
				t.Errorf("%s %v: stderr does not say why:\n%s", cmd.title(), args, stderr)
			}
			if name, _ := optionName(args[0]); fs.Lookup(name) != nil && !strings.Contains(stderr, "Not run: --"+name+" holds") {
				t.Errorf("%s %v: the message does not name --%s:\n%s", cmd.title(), args, name, stderr)
			}
		}
	}
	if n := srv.RequestCount(); n != 0 {
		t.Errorf("%d request(s) reached Matomo; none may", n)
	}
}

// TestTheBinaryListsTheCommandsForAnUnknownOne: `matomo-onboard bogus`
// names the commands there are, not what was typed.
func TestTheBinaryListsTheCommandsForAnUnknownOne(t *testing.T) {
	t.Parallel()
	code, stdout, stderr, _ := runBinary(t, nil, "", "bogus")
	if code != exitUsage || stdout != "" {
		t.Fatalf("exit %d, stdout %q; want 2 and nothing on stdout", code, stdout)
	}
	if !strings.Contains(stderr, "The commands are verify, steps, demo-server, version, help; without one, the wizard starts.") ||
		strings.Contains(stderr, "bogus") || strings.Contains(stderr, "argument(s)") {
		t.Errorf("stderr:\n%s", stderr)
	}
}
