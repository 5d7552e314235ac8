package matomo_test

import (
	"flag"
	"os"
	"testing"

	"matomo-onboard/internal/testrun"
)

// TestMain lets two parallel tests per core run at once: most of them
// wait out a timeout or a trickling hostile server on loopback. Not under
// -race, where their timing needs the cores.
func TestMain(m *testing.M) {
	flag.Parse()
	testrun.WidenParallel(2, 1)
	os.Exit(m.Run())
}
