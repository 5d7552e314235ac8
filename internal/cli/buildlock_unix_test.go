//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"syscall"
)

// canLockBuilds: the shared build folder is locked with flock.
const canLockBuilds = true

// lockBuilds takes the build folder's lock, waiting for another run's
// build, and returns its release.
func lockBuilds(dir string) (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
