//go:build unix

package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeOpener writes an opener script that runs body, and returns its path.
func fakeOpener(t *testing.T, name, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOpenSaysOnlyWhatTheOpenerReported: the opener's exit status decides
// what is said; one that does not finish within the wait was handed the
// link, and the link is given to open by hand whenever success is not
// known.
func TestOpenSaysOnlyWhatTheOpenerReported(t *testing.T) {
	const link = "https://analytics.example.org/index.php?module=UsersManager&action=userSecurity"
	cases := []struct {
		name, body string
		want       []string
		notWant    string
	}{
		{"success", "exit 0", []string{"✓ Handed the link to your browser."}, "Open this link yourself"},
		{"xdg-open's failure", "exit 4", []string{"✗ The browser did not open: xdg-open ended with exit status 4: the browser could not be started.",
			"Open this link yourself: " + link}, "✓"},
		{"another status", "exit 9", []string{"xdg-open ended with exit status 9.", "Open this link yourself: " + link}, "✓"},
		{"still running", "sleep 5", []string{"Handed the link to xdg-open, which has not finished (some wait until the browser closes).",
			"If no browser window appears, open this link yourself: " + link}, "✓"},
	}
	// The fake openers are written before the test runs beside the others:
	// a file being written while another test starts a process cannot be
	// run ("text file busy").
	openers := make([]string, len(cases))
	for i, tc := range cases {
		openers[i] = fakeOpener(t, "xdg-open", tc.body)
	}
	t.Parallel() // "still running" waits for the opener
	for i, tc := range cases {
		opener := openers[i]
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // "still running" waits for the opener
			b := execBrowser{name: opener, env: []string{"PATH=/usr/bin:/bin"}, wait: 300 * time.Millisecond}
			start := time.Now()
			err := b.Open(link)
			if waited := time.Since(start); waited > 3*time.Second {
				t.Errorf("Open waited %s: it must not wait for a browser that stays", waited)
			}
			got := openStatus(nil, err, link)
			// The fake's path stands where the opener's name does.
			got = strings.ReplaceAll(got, b.name, "xdg-open")
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("status %q, want it to say %q", got, w)
				}
			}
			if strings.Contains(got, tc.notWant) {
				t.Errorf("status %q says %q", got, tc.notWant)
			}
		})
	}
	missing := execBrowser{name: filepath.Join(t.TempDir(), "xdg-open"), wait: time.Second}
	if got := openStatus(nil, missing.Open(link), link); !strings.Contains(got, "could not be started") || !strings.Contains(got, link) {
		t.Errorf("an opener that cannot start: %q", got)
	}
}
