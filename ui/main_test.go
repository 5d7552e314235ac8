package ui_test

import (
	"flag"
	"os"
	"testing"

	"matomo-onboard/internal/testrun"
)

// TestMain lets more tests run at once than there are cores: the flows
// spend most of their time waiting for the next frame or for the fake
// Matomo on loopback, not computing, so a few per core keep the cores
// busy (also under -race, where they passed -count=3).
func TestMain(m *testing.M) {
	flag.Parse()
	testrun.WidenParallel(4, 4)
	os.Exit(m.Run())
}
