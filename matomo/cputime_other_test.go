//go:build !unix

package matomo_test

import "time"

// processCPU is not measured where getrusage is missing: CPU ratios then
// read 0 and only the wall-time ratios count.
func processCPU() time.Duration { return 0 }
