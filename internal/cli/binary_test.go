package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// binary is matomo-onboard built once for all end-to-end tests of this
// package run, as a user would run it; TestMain removes it afterwards.
var binary struct {
	once sync.Once
	dir  string
	path string
	err  error
}

func builtBinary(tb testing.TB) string {
	tb.Helper()
	binary.once.Do(func() {
		dir, err := os.MkdirTemp("", "matomo-onboard-e2e-")
		if err != nil {
			binary.err = err
			return
		}
		binary.dir = dir
		binary.path = filepath.Join(dir, "matomo-onboard")
		if runtime.GOOS == "windows" {
			binary.path += ".exe"
		}
		// go test puts its own toolchain first on the PATH.
		if out, err := exec.Command("go", "build", "-o", binary.path, "matomo-onboard").CombinedOutput(); err != nil {
			binary.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		tb.Fatal(binary.err)
	}
	return binary.path
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binary.dir != "" {
		os.RemoveAll(binary.dir)
	}
	os.Exit(code)
}

// TestTheBinaryDoesNotLinkTesting keeps test code out of what ships: the
// demo Matomo is in the binary (matomo/demomatomo), and nothing it or
// anything else imports may pull in the testing package, whose flags and
// helpers have no place in a user's program.
func TestTheBinaryDoesNotLinkTesting(t *testing.T) {
	t.Parallel()
	out, err := exec.Command("go", "list", "-deps", "matomo-onboard").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "matomo-onboard/matomo/demomatomo") {
		t.Fatalf("the list is not the binary's: no demo Matomo in %d packages", len(deps))
	}
	for _, pkg := range deps {
		if pkg == "testing" || strings.HasPrefix(pkg, "testing/") || strings.HasSuffix(pkg, "/httptest") {
			t.Errorf("the binary links %s", pkg)
		}
	}
}
