package cli

import (
	"time"

	"matomo-onboard/matomo/demomatomo"
)

// demoLatency makes the demo Matomo feel like a real one across a network,
// so the spinner and the Esc-to-cancel can be shown (--latency, which
// tests set to 0).
const demoLatency = 700 * time.Millisecond

// startDemo starts the demo Matomo on a free loopback port.
func startDemo(latency time.Duration) (*demomatomo.Server, error) {
	return demomatomo.Start("127.0.0.1:0", demomatomo.Demo(), demomatomo.Options{Latency: latency})
}
