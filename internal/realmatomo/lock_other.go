//go:build !unix

package realmatomo

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The kit runs on Debian only; elsewhere the lock serialises the tests of
// one test binary, which is all that can reach a real Matomo from there
// (go test runs the packages in separate processes, which this does not
// cover).
var processLock sync.RWMutex

func lock(t testing.TB, in *Instance, exclusive bool) (release func()) {
	if exclusive {
		processLock.Lock()
		return processLock.Unlock
	}
	processLock.RLock()
	return processLock.RUnlock
}

var pathLock sync.Mutex

// lockPath serialises the tests of this process (see lock).
func lockPath(t testing.TB, path string) (release func()) {
	pathLock.Lock()
	return pathLock.Unlock
}

func stateBase(in *Instance) string {
	return filepath.Join(os.TempDir(), "matomo-onboard-realmatomo-"+strings.NewReplacer(":", "_", "/", "_", "[", "", "]", "").Replace(in.Host()))
}
