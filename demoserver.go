package main

import "context"

// demoServer runs the demo Matomo on its own. Placeholder until it lands (issue 4).
func (c *cli) demoServer(ctx context.Context, args []string) int {
	c.errf("The demo-server command is not built yet.")
	return exitFailure
}
