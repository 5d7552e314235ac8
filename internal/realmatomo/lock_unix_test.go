//go:build unix

package realmatomo

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// probeLock reports whether path could be locked in mode right now, from
// a descriptor of its own (flock treats each open file separately, in one
// process as across processes).
func probeLock(t *testing.T, path string, mode int) bool {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), mode|syscall.LOCK_NB)
	if err != nil && !errors.Is(err, syscall.EWOULDBLOCK) {
		t.Fatal(err)
	}
	return err == nil
}

// A host no real test uses, so that these tests never meet real holders.
func lockTestInstance(t *testing.T) (*Instance, string) {
	in := &Instance{URL: "http://127.0.0.1:1"}
	return in, filepath.Join(os.TempDir(), "matomo-onboard-realmatomo-127.0.0.1_1")
}

func TestLockSharedHoldersExcludeOnlySpenders(t *testing.T) {
	in, base := lockTestInstance(t)
	release := lock(t, in, false)
	if !probeLock(t, base+".lock", syscall.LOCK_SH) {
		t.Error("a second ordinary test could not share the lock")
	}
	if probeLock(t, base+".lock", syscall.LOCK_EX) {
		t.Error("a test spending failed logins got the lock while an ordinary test held it")
	}
	release()
	if !probeLock(t, base+".lock", syscall.LOCK_EX) {
		t.Error("the lock was not given back")
	}
}

func TestLockSpenderExcludesEveryone(t *testing.T) {
	in, base := lockTestInstance(t)
	release := lock(t, in, true)
	if probeLock(t, base+".lock", syscall.LOCK_SH) {
		t.Error("an ordinary test got the lock while a spender held it")
	}
	release()
	if !probeLock(t, base+".lock", syscall.LOCK_SH) {
		t.Error("the lock was not given back")
	}
}

// A waiting spender closes the turnstile: ordinary tests that come after it
// wait behind it instead of keeping it out for ever.
func TestLockWaitingSpenderGoesFirst(t *testing.T) {
	in, base := lockTestInstance(t)
	releaseShared := lock(t, in, false)
	got := make(chan func(), 1)
	go func() { got <- lock(t, in, true) }()
	deadline := time.Now().Add(10 * time.Second)
	for probeLock(t, base+".gate", syscall.LOCK_EX) {
		if time.Now().After(deadline) {
			t.Fatal("the waiting spender never closed the turnstile")
		}
		time.Sleep(5 * time.Millisecond)
	}
	select {
	case <-got:
		t.Fatal("the spender got the lock while an ordinary test held it")
	default:
	}
	releaseShared()
	releaseSpender := <-got
	if probeLock(t, base+".lock", syscall.LOCK_SH) {
		t.Error("an ordinary test got the lock while the spender held it")
	}
	if !probeLock(t, base+".gate", syscall.LOCK_EX) {
		t.Error("the spender kept the turnstile closed after it got the lock")
	}
	releaseSpender()
}
