package cli

import (
	"flag"
	"fmt"

	"matomo-onboard/matomo"
	"matomo-onboard/steps"
)

// stepsOptions are the steps command's options.
type stepsOptions struct {
	url, format, tool string
}

func (o *stepsOptions) define(fs *flag.FlagSet) {
	fs.StringVar(&o.url, "url", "", "the customer's Matomo address, e.g. https://analytics.example.org")
	fs.StringVar(&o.format, "format", "text", "text (for email) or markdown (for chats, tickets, wikis)")
	fs.StringVar(&o.tool, "tool", steps.DefaultTool, "the integration the token is for; it names the token's description")
}

var stepsCommand = command{
	name: "steps",
	usage: "Usage: matomo-onboard steps --url URL [--format text|markdown] [--tool NAME]\n\n" +
		"Prints the steps to create a Matomo token, with links built for that Matomo,\n" +
		"ready to paste into an email or chat. Example:\n\n" +
		"  matomo-onboard steps --url analytics.example.org --format markdown > steps.md\n",
	options:  func() options { return new(stepsOptions) },
	argsHint: "Give the address with --url, e.g. matomo-onboard steps --url https://analytics.example.org",
}

// steps prints the guide as a checklist with the deep links built for one
// Matomo: what a support person sends a customer before a call.
func (c *Env) steps(args []string) int {
	var o stepsOptions
	if code, ok := c.parse(stepsCommand, &o, args); !ok {
		return code
	}
	if o.url == "" {
		c.errf("--url is required: the links in the steps are built for that Matomo, e.g.\n" +
			"  matomo-onboard steps --url https://analytics.example.org")
		return exitUsage
	}
	addr, err := matomo.ParseAddress(o.url)
	if err != nil {
		c.errf("--url: %v", err)
		return exitUsage
	}
	f, err := steps.ParseFormat(o.format)
	if err != nil {
		c.errf("--format: %v", err)
		return exitUsage
	}
	if err := steps.CheckTool(o.tool); err != nil {
		c.errf("--tool: %v", err)
		return exitUsage
	}
	// Notes (an added https://, a removed index.php) go to stderr so that
	// the checklist on stdout can be redirected into a file unchanged.
	for _, n := range addr.Notes {
		c.errf("Note: %s Using %s", n, addr)
	}
	out, err := steps.Checklist{Address: addr, Tool: o.tool, Now: c.Now()}.Render(f)
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
