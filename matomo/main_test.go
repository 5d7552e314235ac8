package matomo_test

import (
	"flag"
	"os"
	"testing"

	"matomo-onboard/internal/testrun"
)

// TestMain lets four parallel tests per core run at once: most of them
// wait out a timeout, a trickling hostile server on loopback or the
// process that measures the heap alone (bounds_heap_test.go). Not under
// -race, where their timing needs the cores.
func TestMain(m *testing.M) {
	flag.Parse()
	testrun.WidenParallel(4, 1)
	os.Exit(m.Run())
}
