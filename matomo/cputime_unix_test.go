//go:build unix

package matomo_test

import (
	"syscall"
	"time"
)

// processCPU is the CPU time this process has used so far (user and
// system), for benchmarks that compare CPU beside wall time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
