package main

// steps prints the guide as a checklist. Placeholder until it lands (issue 4).
func (c *cli) steps(args []string) int {
	c.errf("The steps command is not built yet.")
	return exitFailure
}
