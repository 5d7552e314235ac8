// Package testrun holds what the test binaries of several packages share
// about how they run. It is imported by tests only (TestMain), never by
// the program.
package testrun

import (
	"flag"
	"runtime"
	"strconv"
)

// WidenParallel lets more parallel tests run at once than there are
// cores (go test's default -parallel), unless -parallel was given: the
// end-to-end tests spend most of their time waiting (for a frame, a fake
// Matomo on loopback, a timeout that must run out), not computing.
// perCore applies without the race detector, perCoreRace with it, where
// every test computes many times more and timing tests need the room.
// Call it from TestMain after flag.Parse.
func WidenParallel(perCore, perCoreRace int) {
	given := false
	flag.Visit(func(f *flag.Flag) { given = given || f.Name == "test.parallel" })
	if given {
		return
	}
	n := perCore
	if Race {
		n = perCoreRace
	}
	if n > 1 {
		flag.Set("test.parallel", strconv.Itoa(n*runtime.GOMAXPROCS(0)))
	}
}
