//go:build race

package ui

// raceEnabled is set when the tests run with -race, which makes the
// exhaustive key test twenty times slower and finds nothing there: it
// drives one goroutine.
const raceEnabled = true
