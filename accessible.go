package main

import "context"

// runAccessible runs the accessible line mode. Placeholder until the
// accessible mode lands (issue 4).
func (c *cli) runAccessible(ctx context.Context, s *session) int {
	c.errf("The accessible mode is not built yet.")
	return exitFailure
}
