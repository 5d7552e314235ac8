package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"golang.org/x/term"

	"matomo-onboard/matomo"
)

// tokenEnv is the environment variable verify reads the token from. There
// is deliberately no flag for the token: arguments are visible to every
// user of the machine (ps, /proc) and end up in shell history.
const tokenEnv = "MATOMO_TOKEN_AUTH"

// connFlags are the connection options shared by the wizard and verify.
type connFlags struct {
	url                string
	caFile             string
	insecureSkipVerify bool
	allowHTTP          bool
	timeout            time.Duration
}

func (f *connFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.url, "url", "", "your Matomo's address, e.g. https://analytics.example.org")
	fs.StringVar(&f.caFile, "ca-file", "", "PEM file with extra certificate authorities to trust")
	fs.BoolVar(&f.insecureSkipVerify, "insecure-skip-verify", false, "DANGEROUS: do not check the server's certificate (anyone on the network path can read the token)")
	fs.BoolVar(&f.allowHTTP, "allow-http", false, "allow sending the token over unencrypted http to a host other than this computer")
	fs.DurationVar(&f.timeout, "timeout", matomo.DefaultTimeout, "limit for each request")
}

func (f *connFlags) client() (*matomo.Client, error) {
	return matomo.NewClient(matomo.Options{
		Timeout:            f.timeout,
		CAFile:             f.caFile,
		InsecureSkipVerify: f.insecureSkipVerify,
		AllowHTTP:          f.allowHTTP,
	})
}

// verifyOutput is verify's JSON document.
type verifyOutput struct {
	Verified      bool          `json:"verified"`
	URL           string        `json:"url"`
	MatomoVersion string        `json:"matomo_version,omitempty"`
	SuperUser     bool          `json:"superuser"`
	Token         string        `json:"token"`
	Sites         []matomo.Site `json:"sites"`
	Counts        accessCounts  `json:"counts"`
	Warnings      []string      `json:"warnings"`
	Error         *errorOutput  `json:"error"`
	HTTPRequests  int           `json:"http_requests"`
	ExitCode      int           `json:"exit_code"`
}

type accessCounts struct {
	Admin int `json:"admin"`
	Write int `json:"write"`
	View  int `json:"view"`
}

type errorOutput struct {
	Class         matomo.ErrorClass `json:"class"`
	Title         string            `json:"title"`
	Detail        string            `json:"detail"`
	MatomoMessage string            `json:"matomo_message,omitempty"`
	Hint          string            `json:"hint"`
	HTTPStatus    int               `json:"http_status,omitempty"`
	Location      string            `json:"location,omitempty"`
	SuggestedURL  string            `json:"suggested_url,omitempty"`
}

// verify checks a token without a screen, for scripts and support staff.
func (c *cli) verify(ctx context.Context, args []string) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	var conn connFlags
	conn.register(fs)
	asJSON := fs.Bool("json", false, "print a JSON document instead of a summary")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: matomo-onboard verify --url URL [options] < token-file\n\n"+
			"Checks a Matomo token with one HTTP request and lists the sites it reaches.\n"+
			"The token is read from %s or, if that is empty, from the first line of standard input.\n\n", tokenEnv)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	out := verifyOutput{Warnings: []string{}, Sites: []matomo.Site{}}
	fail := func(code int, e *errorOutput) int {
		out.Error, out.ExitCode = e, code
		c.printVerify(out, *asJSON)
		return code
	}
	if fs.NArg() > 0 {
		// Never echo the argument: it may well be a token.
		return fail(exitUsage, usageError(fmt.Sprintf("verify takes no arguments besides options (%d given).", fs.NArg()),
			"Pass the token on standard input or in "+tokenEnv+", never as an argument (other users of this computer can see arguments)."))
	}
	if conn.url == "" {
		return fail(exitUsage, usageError("--url is required.", "Give your Matomo's address, e.g. --url https://analytics.example.org"))
	}
	addr, err := matomo.ParseAddress(conn.url)
	if err != nil {
		return fail(exitUsage, usageError(err.Error(), ""))
	}
	out.URL = addr.String()
	out.Warnings = append(out.Warnings, addr.Notes...)
	raw, err := c.readToken()
	if err != nil {
		return fail(exitUsage, usageError(err.Error(), "Pipe the token in (matomo-onboard verify --url … < token.txt) or set "+tokenEnv+"."))
	}
	check, err := matomo.ParseToken(raw)
	if err != nil {
		return fail(exitUsage, usageError(err.Error(), ""))
	}
	out.Token = check.Token.Fingerprint()
	out.Warnings = append(out.Warnings, check.Warnings...)
	client, err := conn.client()
	if err != nil {
		return fail(exitUsage, usageError(err.Error(), "Check the --ca-file path."))
	}
	defer client.Close()
	res, err := client.Verify(ctx, addr, check.Token)
	out.HTTPRequests = client.Requests()
	if err != nil {
		return fail(exitCodeFor(err), errorFor(err))
	}
	out.Verified = true
	out.MatomoVersion = res.Version
	out.SuperUser = res.SuperUser
	out.Sites = res.Sites
	out.Counts.Admin, out.Counts.Write, out.Counts.View = res.Counts()
	c.printVerify(out, *asJSON)
	return exitOK
}

// readToken takes the token from the environment or the first line of
// standard input; at a terminal it asks without echo.
func (c *cli) readToken() (string, error) {
	if t := c.getenv(tokenEnv); t != "" {
		return t, nil
	}
	if f, ok := c.stdin.(*os.File); ok && c.terminal(c.stdin) {
		fmt.Fprint(c.stderr, "Token (typing is hidden): ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(c.stderr)
		if err != nil {
			return "", fmt.Errorf("could not read the token from the terminal")
		}
		return string(b), nil
	}
	// Read at most a little more than a token can be, so a huge paste or a
	// wrong file is refused quickly instead of read whole.
	line, err := bufio.NewReaderSize(io.LimitReader(c.stdin, 64<<10), 4096).ReadString('\n')
	if err != nil && err != io.EOF {
		return "", fmt.Errorf("could not read the token from standard input")
	}
	if strings.TrimSpace(line) == "" {
		return "", fmt.Errorf("no token: %s is empty and standard input has no token on its first line", tokenEnv)
	}
	return line, nil
}

func usageError(detail, hint string) *errorOutput {
	return &errorOutput{Class: "usage", Title: "Cannot check the token", Detail: detail, Hint: hint}
}

func errorFor(err error) *errorOutput {
	var e *matomo.Error
	if !errors.As(err, &e) {
		return &errorOutput{Class: "internal", Title: "Unexpected error", Detail: err.Error()}
	}
	out := &errorOutput{Class: e.Class, Title: e.Class.Title(), Detail: e.Detail, MatomoMessage: e.Matomo,
		Hint: e.Hint, HTTPStatus: e.Status, Location: e.Location}
	if !e.Suggested.IsZero() {
		out.SuggestedURL = e.Suggested.String()
	}
	return out
}

// exitCodeFor maps an error class to verify's documented exit code.
func exitCodeFor(err error) int {
	switch matomo.ClassOf(err) {
	case matomo.ClassNetwork, matomo.ClassTimeout, matomo.ClassTLS:
		return exitNetwork
	case matomo.ClassNotMatomo, matomo.ClassRedirect:
		return exitNotMatomo
	case matomo.ClassTokenRejected:
		return exitRejected
	case matomo.ClassNoAccess:
		return exitNoAccess
	case matomo.ClassBlocked, matomo.ClassRateLimited:
		return exitBlocked
	case matomo.ClassServerError:
		return exitServer
	case matomo.ClassPlainHTTP:
		return exitUsage
	case matomo.ClassCanceled:
		return exitCanceled
	}
	return exitFailure
}

// summaryRows is how many sites the text summary lists before "… and N more".
const summaryRows = 25

func (c *cli) printVerify(out verifyOutput, asJSON bool) {
	if asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(out)
		return
	}
	for _, w := range out.Warnings {
		fmt.Fprintln(c.stderr, "! "+w)
	}
	if out.Error != nil {
		printError(c.stderr, out.Error)
		return
	}
	w := c.stdout
	su := "no (good for an integration)"
	if out.SuperUser {
		su = "yes (an integration should use a user with view access only)"
	}
	version := out.MatomoVersion
	if version == "" {
		version = "(version not reported)"
	}
	fmt.Fprintf(w, "✓ Token verified: Matomo %s at %s\n", version, out.URL)
	fmt.Fprintf(w, "  Token:     %s\n", out.Token)
	fmt.Fprintf(w, "  Superuser: %s\n", su)
	fmt.Fprintf(w, "  Sites:     %d (%d admin · %d write · %d view)\n\n", len(out.Sites), out.Counts.Admin, out.Counts.Write, out.Counts.View)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "      ID\tACCESS\tNAME\tURL")
	for i, s := range out.Sites {
		if i == summaryRows {
			fmt.Fprintf(tw, "        \t… and %d more (--json lists all)\t\t\n", len(out.Sites)-summaryRows)
			break
		}
		fmt.Fprintf(tw, "  %6d\t%s\t%s\t%s\n", s.ID, s.Access, s.Name, s.URL)
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%s.\n", plural(out.HTTPRequests, "HTTP request", "HTTP requests"))
}

func printError(w io.Writer, e *errorOutput) {
	fmt.Fprintf(w, "✗ %s", e.Title)
	if e.Class != "usage" {
		fmt.Fprintf(w, " [%s]", e.Class)
	}
	fmt.Fprintln(w)
	if e.Detail != "" {
		fmt.Fprintln(w, "  "+e.Detail)
	}
	if e.MatomoMessage != "" {
		fmt.Fprintf(w, "  Matomo said: %q\n", e.MatomoMessage)
	}
	if e.SuggestedURL != "" {
		fmt.Fprintln(w, "  Try: "+e.SuggestedURL)
	}
	if e.Hint != "" {
		fmt.Fprintln(w, "  "+e.Hint)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
