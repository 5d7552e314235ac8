package cli

import (
	"errors"
	"flag"
	"fmt"

	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// steps prints the guide as a checklist with the deep links built for one
// Matomo: what a support person sends a customer before a call.
func (c *Env) steps(args []string) int {
	fs := flag.NewFlagSet("steps", flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	addrFlag := fs.String("url", "", "the customer's Matomo address, e.g. https://analytics.example.org")
	format := fs.String("format", "text", "text (for email) or markdown (for chats, tickets, wikis)")
	tool := fs.String("tool", steps.DefaultTool, "the integration the token is for; it names the token's description")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: matomo-onboard steps --url URL [--format text|markdown] [--tool NAME]\n\n"+
			"Prints the steps to create a Matomo token, with links built for that Matomo,\n"+
			"ready to paste into an email or chat. Example:\n\n"+
			"  matomo-onboard steps --url analytics.example.org --format markdown > steps.md\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		// The arguments are not repeated: a pasted token may be among them.
		c.errf("steps takes only options (%d other argument(s) given). Give the address with --url, e.g.\n"+
			"  matomo-onboard steps --url https://analytics.example.org", fs.NArg())
		return exitUsage
	}
	if *addrFlag == "" {
		c.errf("--url is required: the links in the steps are built for that Matomo, e.g.\n" +
			"  matomo-onboard steps --url https://analytics.example.org")
		return exitUsage
	}
	addr, err := matomo.ParseAddress(*addrFlag)
	if err != nil {
		c.errf("--url: %v", err)
		return exitUsage
	}
	f, err := steps.ParseFormat(*format)
	if err != nil {
		c.errf("--format: %v", err)
		return exitUsage
	}
	if err := steps.CheckTool(*tool); err != nil {
		c.errf("--tool: %v", err)
		return exitUsage
	}
	// Notes (an added https://, a removed index.php) go to stderr so that
	// the checklist on stdout can be redirected into a file unchanged.
	for _, n := range addr.Notes {
		c.errf("Note: %s Using %s", n, addr)
	}
	out, err := steps.Checklist{Address: addr, Tool: *tool, Now: c.Now()}.Render(f)
	if err != nil {
		c.errf("%v", err)
		return exitUsage
	}
	if _, err := fmt.Fprint(c.Stdout, out); err != nil {
		c.errf("Cannot write the checklist: %v", err)
		return exitFailure
	}
	return exitOK
}
