package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"matomo-onboard/internal/testrun"
)

// binary is matomo-onboard built once for all end-to-end tests of this
// package run, as a user would run it, into the run's folder (see
// buildProgram). TestMain starts the build at once, in the background, so
// that it overlaps the tests that need no binary; the first test that does
// waits for it.
var binary struct {
	once sync.Once
	dir  string // the run's folder, which TestMain makes and removes
	path string
	err  error
}

// builds is the folder of the user's cache the programs are built in (see
// buildProgram), or "" when there is none to share.
var builds string

// earlyBuilds start with the binary's (other programs the tests build).
var earlyBuilds []func()

// buildBinary builds matomo-onboard into binary.dir.
func buildBinary() {
	name := "matomo-onboard"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	binary.path, binary.err = buildProgram(name, "matomo-onboard")
}

// buildProgram builds the package pkg as the program name and returns its
// path in the run's folder. It is built in builds, which outlives the run:
// go build finds the program there up to date and links it again only when
// the code changed, which saves a second or more of every run. The run
// then takes a hard link to it in its own folder, under a lock, so that a
// later build (another run, after a change) replaces the file in builds
// but never one a running test starts. Without builds (no cache folder, or
// a system without the lock), it is built in the run's folder.
func buildProgram(name, pkg string) (string, error) {
	if binary.dir == "" {
		return "", errors.New("no folder to build " + name + " in (TestMain makes it)")
	}
	path := filepath.Join(binary.dir, name)
	target := path
	if builds != "" {
		unlock, err := lockBuilds(builds)
		if err != nil {
			return "", err
		}
		defer unlock()
		target = filepath.Join(builds, name)
	}
	// go test puts its own toolchain first on the PATH.
	if out, err := exec.Command("go", "build", "-o", target, pkg).CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
	}
	if target != path && os.Link(target, path) != nil {
		// A file system without hard links: built again, in the run's folder.
		if out, err := exec.Command("go", "build", "-o", path, pkg).CombinedOutput(); err != nil {
			return "", fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	return path, nil
}

// runFolders makes the run's folder: in the folder of the user's cache
// kept for this checkout's builds where there is one (and then clears the
// folders of runs that ended without removing theirs a day ago), in the
// temporary folder otherwise.
func runFolders() (run, shared string, err error) {
	if shared = sharedBuilds(); shared != "" {
		old, _ := filepath.Glob(filepath.Join(shared, "run-*"))
		for _, dir := range old {
			if fi, err := os.Stat(dir); err == nil && time.Since(fi.ModTime()) > 24*time.Hour {
				os.RemoveAll(dir)
			}
		}
		if run, err = os.MkdirTemp(shared, "run-"); err == nil {
			return run, shared, nil
		}
	}
	run, err = os.MkdirTemp("", "matomo-onboard-e2e-")
	return run, "", err
}

// sharedBuilds is this checkout's folder in the user's cache, made if need
// be, or "" when there is none or this system has no lock for it.
func sharedBuilds() string {
	cache, err := os.UserCacheDir()
	if err != nil || !canLockBuilds {
		return ""
	}
	module, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(module))
	dir := filepath.Join(cache, "matomo-onboard", "test-programs", hex.EncodeToString(sum[:8]))
	if os.MkdirAll(dir, 0o700) != nil {
		return ""
	}
	return dir
}

func builtBinary(tb testing.TB) string {
	tb.Helper()
	binary.once.Do(buildBinary) // waits for TestMain's build
	if binary.err != nil {
		tb.Fatal(binary.err)
	}
	return binary.path
}

// helperEnv, set, makes this test binary a test's helper process
// (TestPtyPanicInsideACommand's).
const helperEnv = "MATOMO_ONBOARD_E2E_HELPER"

func TestMain(m *testing.M) {
	// Two end-to-end tests per core: they mostly wait for the built
	// binary's screens and the fake Matomo. Not under -race.
	flag.Parse()
	testrun.WidenParallel(2, 1)
	if os.Getenv(helperEnv) != "" {
		// This binary re-run as a test's helper process: it builds nothing.
		os.Exit(m.Run())
	}
	dir, shared, err := runFolders()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary.dir, builds = dir, shared
	go binary.once.Do(buildBinary)
	for _, build := range earlyBuilds {
		go build()
	}
	code := m.Run()
	os.RemoveAll(binary.dir)
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

// TestPackageInitIsCheap keeps this module's package-level work small:
// every start of the program pays for it, the wizard's first frame
// included, whatever the command. Regular expressions compiled at init
// were most of it (matomo: 1,280 allocations, 109 kB); tables and
// message catalogues built at init would be the next. The runtime counts
// each package's init allocations (GODEBUG=inittrace=1), which, unlike
// its clock, does not depend on the machine's load.
func TestPackageInitIsCheap(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(builtBinary(t), "--version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("--version: %v\n%s", err, stderr.String())
	}
	const maxAllocs, maxBytes = 100, 16 << 10
	var allocs, bytes, packages int
	for _, line := range strings.Split(stderr.String(), "\n") {
		// init matomo-onboard/matomo @3.0 ms, 0.007 ms clock, 1056 bytes, 22 allocs
		var pkg string
		var at, clock float64
		var b, a int
		if _, err := fmt.Sscanf(line, "init %s @%f ms, %f ms clock, %d bytes, %d allocs", &pkg, &at, &clock, &b, &a); err != nil {
			continue
		}
		if pkg == "matomo-onboard" || strings.HasPrefix(pkg, "matomo-onboard/") {
			packages++
			allocs += a
			bytes += b
			t.Logf("%s: %d allocations, %d bytes", pkg, a, b)
		}
	}
	if packages < 3 {
		t.Fatalf("found the init of only %d of this module's packages in:\n%s", packages, stderr.String())
	}
	if allocs > maxAllocs || bytes > maxBytes {
		t.Errorf("this module's package inits allocate %d times, %d bytes in all; at most %d and %d: build tables, regular expressions and catalogues when first used",
			allocs, bytes, maxAllocs, maxBytes)
	}
}

// flatText folds every run of white space into one space, so that a
// sentence wrapped over lines still matches.
func flatText(s string) string { return strings.Join(strings.Fields(s), " ") }

// runBinary runs the built binary with a plain environment plus env,
// stdin, in a folder of its own, and returns its exit code, output and
// that folder.
func runBinary(t *testing.T, env []string, stdin string, args ...string) (code int, stdout, stderr, dir string) {
	t.Helper()
	// One folder is its working folder, home and TMPDIR, so that every
	// file it leaves is found.
	dir = t.TempDir()
	cmd := exec.Command(builtBinary(t), args...)
	cmd.Env = append([]string{"HOME=" + dir, "TMPDIR=" + dir, "LANG=C.UTF-8", "PATH=/usr/bin:/bin"}, env...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return code, out.String(), errOut.String(), dir
}
