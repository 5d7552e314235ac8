package cli

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo"
)

// stepsRun runs `matomo-onboard steps ARGS` in-process on the goldens' day.
func stepsRun(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := &Env{
		Stdin:      strings.NewReader(""),
		Stdout:     &out,
		Stderr:     &errOut,
		Getenv:     func(string) string { return "" },
		IsTerminal: func(any) bool { return false },
		Now:        func() time.Time { return time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC) },
	}
	code = c.Run(context.Background(), append([]string{"steps"}, args...))
	return code, out.String(), errOut.String()
}

// TestStepsPrintsTheChecklist checks that the command prints exactly the
// golden checklists of the steps package, for the same address and day.
func TestStepsPrintsTheChecklist(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		golden string
	}{
		{[]string{"--url", "analytics.example.org/matomo/index.php"}, "../../steps/testdata/checklist.txt.golden"},
		{[]string{"--url", "analytics.example.org/matomo/index.php", "--format", "text"}, "../../steps/testdata/checklist.txt.golden"},
		{[]string{"--format", "markdown", "--url", "analytics.example.org/matomo/index.php"}, "../../steps/testdata/checklist.md.golden"},
		{[]string{"--format=md", "--url=analytics.example.org/matomo/index.php"}, "../../steps/testdata/checklist.md.golden"},
	} {
		code, stdout, stderr := stepsRun(t, tc.args...)
		if code != exitOK {
			t.Fatalf("steps %v: exit %d, stderr:\n%s", tc.args, code, stderr)
		}
		want, err := os.ReadFile(tc.golden)
		if err != nil {
			t.Fatal(err)
		}
		if stdout != string(want) {
			t.Errorf("steps %v printed something other than %s:\n%s", tc.args, tc.golden, stdout)
		}
		// What was changed in the address is said on stderr, so that
		// stdout can go into a file or the clipboard unchanged.
		for _, note := range []string{
			"Note: Added https:// in front. Using https://analytics.example.org/matomo",
			`Note: Removed "index.php" from the end (the wizard adds it itself). Using https://analytics.example.org/matomo`,
		} {
			if !strings.Contains(stderr, note) {
				t.Errorf("steps %v: stderr lacks %q:\n%s", tc.args, note, stderr)
			}
		}
	}
}

func TestStepsQuietForACleanAddress(t *testing.T) {
	code, stdout, stderr := stepsRun(t, "--url", "https://matomo.example.com")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "https://matomo.example.com/index.php?module=UsersManager&action=addNewToken") {
		t.Errorf("no deep link for the given address:\n%s", stdout)
	}
}

func TestStepsTool(t *testing.T) {
	code, stdout, _ := stepsRun(t, "--url", "https://matomo.example.com", "--tool", "Looker Studio")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(stdout, "Looker Studio 2026-11-28") || strings.Contains(stdout, "API Key") {
		t.Errorf("--tool did not change the description and the paste advice:\n%s", stdout)
	}
}

func TestStepsUsageErrors(t *testing.T) {
	_, badAddr := matomo.ParseAddress("ftp://analytics.example.org")
	tokenLike := "60738be3c528633522be304dd89bbff8"
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no url", nil, "--url is required"},
		{"empty url", []string{"--url", " "}, "--url: Enter your Matomo address, for example https://analytics.example.org"},
		{"bad scheme", []string{"--url", "ftp://analytics.example.org"}, "--url: " + badAddr.Error() + "\n"},
		{"token as address", []string{"--url", tokenLike}, "Not run: --url holds what looks like a Matomo token"},
		{"unknown format", []string{"--url", "example.org", "--format", "html"}, `--format: unknown format "html": use text or markdown`},
		{"bad tool", []string{"--url", "example.org", "--tool", "a`b"}, "--tool: the tool name contains ` < or >"},
		{"token as argument", []string{"--url", "example.org", tokenLike}, "Not run: the command line holds what looks like a Matomo token"},
		{"argument", []string{"--url", "example.org", "extra"}, "steps takes only options (1 other argument given besides them)"},
		{"unknown flag", []string{"--url", "example.org", "--color"}, "unknown option (not repeated here). The options are --format, --tool, --url."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := stepsRun(t, tc.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if stdout != "" {
				t.Errorf("printed a checklist despite the error:\n%s", stdout)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, stderr)
			}
			if strings.Contains(stderr, tokenLike) {
				t.Errorf("stderr repeats a token-like argument:\n%s", stderr)
			}
		})
	}
}

func TestStepsHelp(t *testing.T) {
	code, stdout, stderr := stepsRun(t, "--help")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"Usage: matomo-onboard steps --url URL [--format text|markdown] [--tool NAME]", "-format", "-tool"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("help lacks %q:\n%s", want, stdout)
		}
	}
}
