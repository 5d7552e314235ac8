//go:build !race

package testrun

// Race is set when the tests run with -race.
const Race = false
