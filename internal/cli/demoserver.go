package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

const (
	demoServerAddr = "127.0.0.1:8089"
	// maxDemoSites is the largest Matomo this tool is measured against; more
	// would only eat memory.
	maxDemoSites = 100_000
	// demoSitesSeed makes --sites generate the same sites on every start,
	// and other ones than the demo's own clients (seed 42).
	demoSitesSeed = 7
)

// demoServerOptions are demo-server's options.
type demoServerOptions struct {
	addr    string
	sites   int
	latency time.Duration
}

func (o *demoServerOptions) define(fs *flag.FlagSet) {
	fs.StringVar(&o.addr, "addr", demoServerAddr, "`host:port` to listen on; 127.0.0.1:0 picks a free port")
	fs.IntVar(&o.sites, "sites", 0, "add `N` generated sites, reached by the agency user (view) and the superuser (admin)")
	fs.DurationVar(&o.latency, "latency", demoLatency, "delay before every answer, so it feels like a server across a network")
}

func (o *demoServerOptions) check() string { return checkDemoOptions(o.addr, o.sites, o.latency) }

var demoServerCommand = command{
	name: "demo-server",
	usage: "Usage: matomo-onboard demo-server [--addr 127.0.0.1:8089] [--sites N] [--latency 700ms]\n\n" +
		"Runs the demo Matomo (the one --demo uses) on its own and prints its demo tokens,\n" +
		"for trainings and for trying verify by hand. Stop it with Ctrl+C.\n" +
		"Exit codes: 0 stopped, 1 cannot listen (port in use), 2 bad options.\n",
	options: func() options { return new(demoServerOptions) },
}

// demoServer runs the demo Matomo on its own, for trainings and for trying
// verify by hand, until ctx ends (Ctrl+C, SIGTERM). Exit codes: 0 after an
// interrupt, 1 when it cannot listen (port in use), 2 for bad options.
func (c *Env) demoServer(ctx context.Context, args []string) int {
	var o demoServerOptions
	if code, ok := c.parse(demoServerCommand, &o, args); !ok {
		return code
	}
	data, added := demoData(o.sites)
	srv, err := demomatomo.Start(o.addr, data, demomatomo.Options{Latency: o.latency})
	if err != nil {
		c.errf("%s", listenProblem(o.addr, err))
		return exitFailure
	}
	defer srv.Close()
	printDemoBanner(c.Stdout, srv, added, o.latency)
	<-ctx.Done()
	fmt.Fprintln(c.Stdout, "\nDemo Matomo stopped.")
	return exitOK
}

// checkDemoOptions returns what is wrong with the options, or "".
func checkDemoOptions(addr string, sites int, latency time.Duration) string {
	_, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		return fmt.Sprintf("--addr %q is not host:port. Use for example --addr 127.0.0.1:8089, or 127.0.0.1:0 for any free port.", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Sprintf("--addr %q: the port %q is not a number from 0 to 65535 (0 picks a free port).", addr, port)
	}
	if sites < 0 || sites > maxDemoSites {
		return fmt.Sprintf("--sites %d is out of range: give a number from 0 to %d.", sites, maxDemoSites)
	}
	if latency < 0 {
		return fmt.Sprintf("--latency %s is negative: give a delay such as 0, 300ms or 2s.", latency)
	}
	return ""
}

// listenProblem explains why the address cannot be served, with a way out.
func listenProblem(addr string, err error) string {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return fmt.Sprintf("Cannot start the demo Matomo: %s is already in use (another demo-server, or another program).\n"+
			"Stop that one, or pick another port: --addr 127.0.0.1:8090, or --addr 127.0.0.1:0 for any free port.", addr)
	case errors.Is(err, syscall.EACCES):
		return fmt.Sprintf("Cannot start the demo Matomo: this user may not listen on %s (ports below 1024 need administrator rights).\n"+
			"Pick a port from 1024 up, e.g. --addr 127.0.0.1:8089.", addr)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return fmt.Sprintf("Cannot start the demo Matomo: this computer has no network address %s.\n"+
			"Use 127.0.0.1 (this computer only) or one of this computer's own addresses.", addr)
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return fmt.Sprintf("Cannot start the demo Matomo: the host name in --addr %s is unknown. Use an IP address such as 127.0.0.1.", addr)
	}
	return fmt.Sprintf("Cannot start the demo Matomo on %s: %v.\nTry --addr 127.0.0.1:0 for any free port.", addr, err)
}

// demoData is the demo Matomo plus n generated sites, which the agency
// user reaches with view access (it is the user the demo shows with many
// sites) and the superuser as admin (superusers reach every site). It
// returns the added sites.
func demoData(n int) (demomatomo.Data, []demomatomo.Site) {
	d := demomatomo.Demo()
	if n == 0 {
		return d, nil
	}
	last := 0
	for _, s := range d.Sites {
		last = max(last, s.ID)
	}
	added := demomatomo.GenerateSites(n, last+1, demoSitesSeed)
	demomatomo.MixVisits(added, time.Now().Truncate(time.Second))
	d.Sites = append(d.Sites, added...)
	agency := demoAgencyLogin(d)
	for i := range d.Users {
		u := &d.Users[i]
		if u.Login != agency {
			continue
		}
		for _, s := range added {
			u.Access[s.ID] = matomo.AccessView
		}
		for j := range d.Tokens {
			if d.Tokens[j].Login == u.Login {
				d.Tokens[j].Note = fmt.Sprintf("an agency with %s client sites (%s of them added with --sites)",
					matomo.Thousands(len(u.Access)), matomo.Thousands(n))
			}
		}
	}
	return d, added
}

// demoAgencyLogin is the user of the demo's agency token.
func demoAgencyLogin(d demomatomo.Data) string {
	for _, t := range d.Tokens {
		if t.Value == demomatomo.DemoTokenAgency {
			return t.Login
		}
	}
	return ""
}

// printDemoBanner says where the demo Matomo is, what each token shows, and
// how to try it without putting a token into a process argument.
func printDemoBanner(w io.Writer, srv *demomatomo.Server, added []demomatomo.Site, latency time.Duration) {
	url, local := demoURL(srv.URL)
	data := srv.Data()
	fmt.Fprintf(w, "Demo Matomo %s running at %s\n", srv.Version(), url)
	var others []string
	if !local {
		others = reachableURLs(srv.URL, interfaceAddrs())
		printNetworkWarning(w, others, urlPort(url))
	}
	fmt.Fprintf(w, "  %s sites, %s users; every answer is delayed by %s (--latency).\n",
		matomo.Thousands(len(data.Sites)), matomo.Thousands(len(data.Users)), latency)
	if len(added) > 0 {
		// IDs as they are typed; counts with separators.
		fmt.Fprintf(w, "  --sites added %s generated sites (ids %d to %d): the agency token reaches them with view access,\n"+
			"  the superuser token as admin.\n", matomo.Thousands(len(added)), added[0].ID, added[len(added)-1].ID)
	}
	if latency >= matomo.DefaultTimeout {
		fmt.Fprintf(w, "  verify gives up after %s by default, so this latency shows its timeout error.\n", matomo.DefaultTimeout)
	}
	fmt.Fprintln(w, "\nDemo tokens (public, made up, valid only here):")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, t := range data.Tokens {
		if t.Note == "" {
			continue
		}
		note := t.Note
		if t.SecureOnly {
			note += "; secure-only, so try it with --check-get"
		}
		fmt.Fprintf(tw, "  %s\t%s\n", t.Value, note)
	}
	tw.Flush()
	fmt.Fprintln(w, "  The lock-out token blocks your IP on this demo for 60 minutes; restart demo-server to lift it.")
	printDemoLogins(w, data.Users)
	flags := ""
	if !isLoopbackURL(url) {
		flags = " --allow-http"
	}
	// Quoted, so that a shell takes the address as it is: zsh would read
	// the brackets of [::1] as a pattern, and an address may hold & or ?.
	quoted := `"` + url + `"`
	fmt.Fprintln(w, "\nTry it (the token goes in on standard input, never as an argument):")
	fmt.Fprintf(w, "  echo %s | matomo-onboard verify --url %s%s\n", demomatomo.DemoTokenViewer, quoted, flags)
	fmt.Fprintf(w, "  echo %s | matomo-onboard verify --url %s%s --check-get --report .\n", demomatomo.DemoTokenViewer, quoted, flags)
	fmt.Fprintf(w, "  echo %s | matomo-onboard verify --url %s%s --json\n", demomatomo.DemoTokenAgency, quoted, flags)
	fmt.Fprintf(w, "  matomo-onboard --url %s%s    (the wizard)\n", quoted, flags)
	if len(others) > 0 {
		fmt.Fprintln(w, "\nFrom another computer (plain http across the network, hence --allow-http):")
		fmt.Fprintf(w, "  echo %s | matomo-onboard verify --url \"%s\" --allow-http\n", demomatomo.DemoTokenViewer, others[0])
	}
	fmt.Fprintln(w, "\nServing until Ctrl+C.")
}

// printDemoLogins lists the demo's logins for the wizard's "create it for
// me": public and made up, like the tokens.
func printDemoLogins(w io.Writer, users []demomatomo.User) {
	fmt.Fprintln(w, "\nDemo logins for the wizard's \"create it for me\" (public, made up, valid only here;")
	fmt.Fprintln(w, "a password is sent only over https or to this computer, never over plain http across a network):")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, u := range users {
		if u.Password == "" || u.Note == "" {
			continue
		}
		note := u.Note
		if u.TwoFactorSecret != "" {
			note = "two-factor authentication: add the secret " + u.TwoFactorSecret + " to an authenticator app for its codes"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", u.Login, u.Password, note)
	}
	tw.Flush()
}

// printNetworkWarning says where other computers reach a demo that
// listens beyond this one, and that its tokens, a superuser's among them,
// are served to whoever reaches it.
func printNetworkWarning(w io.Writer, others []string, port string) {
	if len(others) == 0 {
		fmt.Fprintf(w, "  and, for other computers, at this computer's network address, port %s\n", port)
	} else {
		fmt.Fprintf(w, "  and, for other computers, at %s\n", strings.Join(others, " or "))
	}
	fmt.Fprintf(w, "  ! It listens beyond this computer: anyone on the network who reaches it can use the demo\n"+
		"    tokens below, which are public, a superuser's among them (made-up data only).\n"+
		"    --addr 127.0.0.1:%s keeps it to this computer.\n", port)
}

// demoURL is the address to type on this computer: a server listening on
// every interface (0.0.0.0, ::) is reached here through loopback. local
// reports whether only this computer can reach the server.
func demoURL(serverURL string) (url string, local bool) {
	hostport := strings.TrimPrefix(serverURL, "http://")
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		return serverURL, false
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return serverURL, false
	}
	switch {
	case ip.IsUnspecified() && ip.Is4():
		return "http://" + net.JoinHostPort("127.0.0.1", port), false
	case ip.IsUnspecified():
		return "http://" + net.JoinHostPort("::1", port), false
	}
	return serverURL, ip.IsLoopback()
}

// reachableURLs are the addresses other computers reach a server at that
// listens at serverURL, given this computer's own addresses: its IPv4
// addresses for 0.0.0.0, those and its global IPv6 ones for ::, the
// address itself for a single one. Loopback and link-local addresses
// reach no other computer (a link-local one would need its zone).
func reachableURLs(serverURL string, own []netip.Addr) []string {
	host, port, err := net.SplitHostPort(strings.TrimPrefix(serverURL, "http://"))
	if err != nil {
		return nil
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return nil
	}
	if !ip.IsUnspecified() {
		if ip.IsLoopback() {
			return nil
		}
		return []string{serverURL}
	}
	var out []string
	for _, a := range own {
		a = a.Unmap()
		switch {
		case a.IsLoopback() || a.IsLinkLocalUnicast() || a.IsUnspecified() || a.IsMulticast():
		case a.Is4() || ip.Is6() && a.IsGlobalUnicast():
			out = append(out, "http://"+net.JoinHostPort(a.String(), port))
		}
	}
	return out
}

// interfaceAddrs are this computer's addresses, for the banner.
func interfaceAddrs() []netip.Addr {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return nil
	}
	var out []netip.Addr
	for _, a := range addrs {
		if p, err := netip.ParsePrefix(a.String()); err == nil {
			out = append(out, p.Addr())
		}
	}
	return out
}

func isLoopbackURL(u string) bool {
	a, err := matomo.ParseAddress(u)
	return err == nil && a.IsLoopback()
}

func urlPort(u string) string {
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(u, "http://"))
	return port
}
