package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"matomo-onboard/matomo/matomotest"
)

// wizard runs the interactive wizard. Until the wizard lands, --demo starts
// the demo Matomo and explains how to try verify against it.
func (c *cli) wizard(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("matomo-onboard", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	demo := fs.Bool("demo", false, "run against a built-in demo Matomo")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if !*demo {
		c.usage(c.stderr)
		return exitUsage
	}
	srv, err := matomotest.Start("127.0.0.1:0", matomotest.Demo(), matomotest.Options{Latency: 300 * time.Millisecond})
	if err != nil {
		c.errf("cannot start the demo Matomo: %v", err)
		return exitFailure
	}
	defer srv.Close()
	fmt.Fprintf(c.stdout, "Demo Matomo at %s. Try:\n  echo %s | matomo-onboard verify --url %s\nCtrl+C stops it.\n", srv.URL, matomotest.DemoTokenViewer, srv.URL)
	<-ctx.Done()
	return exitOK
}
