package main

import "context"

// runTUI runs the Bubble Tea wizard. Placeholder until the wizard lands.
func (c *cli) runTUI(ctx context.Context, s *session) int {
	c.errf("The wizard is not built yet; try: matomo-onboard verify --help")
	return exitFailure
}
