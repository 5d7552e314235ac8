package main

import (
	"time"

	"matomo-onboard/matomo/matomotest"
)

// demoLatency makes the demo Matomo feel like a real one across a network,
// so the spinner and the Esc-to-cancel can be shown.
const demoLatency = 700 * time.Millisecond

// startDemo starts the demo Matomo on a free loopback port.
func startDemo() (*matomotest.Server, error) {
	return matomotest.Start("127.0.0.1:0", matomotest.Demo(), matomotest.Options{Latency: demoLatency})
}
