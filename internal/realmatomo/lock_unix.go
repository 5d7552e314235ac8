//go:build unix

package realmatomo

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// lock takes the real Matomo's lock across processes: shared for ordinary
// tests, exclusive for those that spend failed logins. It is two flock(2)
// files next to each other in the temporary folder, named after the
// instance's host and port (so a second kit on another port has its own).
// The first is a turnstile: every taker passes it exclusively, and an
// exclusive taker holds it while it waits for the shared holders to
// finish, so that new ordinary tests queue behind it instead of starving
// it.
func lock(t testing.TB, in *Instance, exclusive bool) (release func()) {
	t.Helper()
	base := stateBase(in)
	gate := openLockFile(t, base+".gate")
	main := openLockFile(t, base+".lock")
	what := "the real Matomo (a test that spends failed logins has it)"
	if exclusive {
		what = "the real Matomo to itself (other tests are still using it)"
	}
	flockWait(t, gate, syscall.LOCK_EX, what)
	mode := syscall.LOCK_SH
	if exclusive {
		mode = syscall.LOCK_EX
	}
	flockWait(t, main, mode, what)
	gate.Close() // closing the file drops its lock
	return func() { main.Close() }
}

func openLockFile(t testing.TB, path string) *os.File {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		t.Fatalf("the real Matomo's test lock: %v", err)
	}
	return f
}

// flockWait takes the lock, saying in the test's log when it has to wait
// and, every half minute, that it still waits (a test that took the lock
// and then paused in t.Parallel would hold it for ever).
func flockWait(t testing.TB, f *os.File, mode int, what string) {
	t.Helper()
	if err := flock(f, mode|syscall.LOCK_NB); err == nil {
		return
	} else if !errors.Is(err, syscall.EWOULDBLOCK) {
		t.Fatalf("the real Matomo's test lock %s: %v", f.Name(), err)
	}
	t.Logf("waiting for %s", what)
	done := make(chan error, 1)
	go func() { done <- flock(f, mode) }()
	start := time.Now()
	tick := time.NewTicker(30 * time.Second)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("the real Matomo's test lock %s: %v", f.Name(), err)
			}
			t.Logf("got the lock after %s", time.Since(start).Round(time.Millisecond))
			return
		case <-tick.C:
			t.Logf("still waiting for %s after %s (lock file %s)", what, time.Since(start).Round(time.Second), f.Name())
		}
	}
}

func flock(f *os.File, how int) error {
	for {
		err := syscall.Flock(int(f.Fd()), how)
		if !errors.Is(err, syscall.EINTR) {
			return err
		}
	}
}

// lockPath takes an exclusive lock on the file at path for a moment, for
// state the tests of several processes share (see TwoFactorCode).
func lockPath(t testing.TB, path string) (release func()) {
	t.Helper()
	f := openLockFile(t, path)
	flockWait(t, f, syscall.LOCK_EX, "the kit's two-factor code")
	return func() { f.Close() }
}

// stateBase is where the lock files and shared state of in live.
func stateBase(in *Instance) string {
	return filepath.Join(os.TempDir(), "matomo-onboard-realmatomo-"+strings.NewReplacer(":", "_", "/", "_", "[", "", "]", "").Replace(in.Host()))
}
