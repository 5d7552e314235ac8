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

	"matomo-onboard/internal/i18n"
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

func (o *demoServerOptions) define(fs *flag.FlagSet, p *i18n.Printer) {
	fs.StringVar(&o.addr, "addr", demoServerAddr, p.Sprintf(i18n.DemoFlagAddr))
	fs.IntVar(&o.sites, "sites", 0, p.Sprintf(i18n.DemoFlagSites))
	fs.DurationVar(&o.latency, "latency", demoLatency, p.Sprintf(i18n.DemoFlagLatency))
}

func (o *demoServerOptions) check(p *i18n.Printer) string {
	return checkDemoOptions(o.addr, o.sites, o.latency, p)
}

var demoServerCommand = command{
	name:    "demo-server",
	usage:   i18n.DemoUsage,
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
		c.errf("%s", listenProblem(o.addr, err, c.tr()))
		return exitFailure
	}
	defer srv.Close()
	printDemoBanner(c.Stdout, srv, added, o.latency, c.tr())
	<-ctx.Done()
	c.tr().Fprintln(c.Stdout, i18n.DemoStopped)
	return exitOK
}

// checkDemoOptions returns what is wrong with the options, or "".
func checkDemoOptions(addr string, sites int, latency time.Duration, p *i18n.Printer) string {
	_, port, err := net.SplitHostPort(addr)
	if err != nil || port == "" {
		return p.Sprintf(i18n.DemoAddrNotHostPort, addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return p.Sprintf(i18n.DemoAddrBadPort, addr, port)
	}
	if sites < 0 || sites > maxDemoSites {
		return p.Sprintf(i18n.DemoSitesOutOfRange, strconv.Itoa(sites), strconv.Itoa(maxDemoSites))
	}
	if latency < 0 {
		return p.Sprintf(i18n.CLILatencyNegative, latency)
	}
	return ""
}

// listenProblem explains why the address cannot be served, with a way out.
func listenProblem(addr string, err error, p *i18n.Printer) string {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return p.Sprintf(i18n.DemoPortInUse, addr)
	case errors.Is(err, syscall.EACCES):
		return p.Sprintf(i18n.DemoNotAllowed, addr)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return p.Sprintf(i18n.DemoNoSuchAddress, addr)
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return p.Sprintf(i18n.DemoUnknownHost, addr)
	}
	return p.Sprintf(i18n.DemoCannotListen, addr, err)
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
				d.Tokens[j].Note = i18n.T(i18n.DemoNoteAgencyAdded, len(u.Access), n)
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
func printDemoBanner(w io.Writer, srv *demomatomo.Server, added []demomatomo.Site, latency time.Duration, p *i18n.Printer) {
	url, local := demoURL(srv.URL)
	data := srv.Data()
	p.Fprintf(w, i18n.DemoRunning, srv.Version(), url)
	var others []string
	if !local {
		others = reachableURLs(srv.URL, interfaceAddrs())
		printNetworkWarning(w, others, urlPort(url), p)
	}
	p.Fprintf(w, i18n.DemoSize, len(data.Sites), len(data.Users), latency)
	if len(added) > 0 {
		// IDs as they are typed; counts with separators.
		p.Fprintf(w, i18n.DemoSitesAdded, len(added), strconv.Itoa(added[0].ID), strconv.Itoa(added[len(added)-1].ID))
	}
	if latency >= matomo.DefaultTimeout {
		p.Fprintf(w, i18n.DemoTimeoutShows, matomo.DefaultTimeout)
	}
	p.Fprintln(w, i18n.DemoTokensHead)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, t := range data.Tokens {
		if t.Note.IsZero() {
			continue
		}
		note := p.Text(t.Note)
		if t.SecureOnly {
			note += p.Sprintf(i18n.DemoSecureOnly)
		}
		fmt.Fprintf(tw, "  %s\t%s\n", t.Value, note)
	}
	tw.Flush()
	p.Fprintln(w, i18n.DemoLockOut)
	printDemoLogins(w, data.Users, p)
	flags := ""
	if !isLoopbackURL(url) {
		flags = " --allow-http"
	}
	// Quoted, so that a shell takes the address as it is: zsh would read
	// the brackets of [::1] as a pattern, and an address may hold & or ?.
	quoted := `"` + url + `"`
	p.Fprintln(w, i18n.DemoTryIt)
	fmt.Fprintf(w, "  echo %s | matomo-onboard verify --url %s%s\n", demomatomo.DemoTokenViewer, quoted, flags)
	fmt.Fprintf(w, "  echo %s | matomo-onboard verify --url %s%s --check-get --report .\n", demomatomo.DemoTokenViewer, quoted, flags)
	fmt.Fprintf(w, "  echo %s | matomo-onboard verify --url %s%s --json\n", demomatomo.DemoTokenAgency, quoted, flags)
	p.Fprintf(w, i18n.DemoTryWizard, quoted, flags)
	if len(others) > 0 {
		p.Fprintln(w, i18n.DemoFromElsewhere)
		fmt.Fprintf(w, "  echo %s | matomo-onboard verify --url \"%s\" --allow-http\n", demomatomo.DemoTokenViewer, others[0])
	}
	p.Fprintln(w, i18n.DemoServing)
}

// printDemoLogins lists the demo's logins for the wizard's "create it for
// me": public and made up, like the tokens.
func printDemoLogins(w io.Writer, users []demomatomo.User, p *i18n.Printer) {
	p.Fprintln(w, i18n.DemoLoginsHead)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, u := range users {
		if u.Password == "" || u.Note.IsZero() {
			continue
		}
		note := p.Text(u.Note)
		if u.TwoFactorSecret != "" {
			note = p.Sprintf(i18n.DemoTwoFactor, u.TwoFactorSecret)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", u.Login, u.Password, note)
	}
	tw.Flush()
}

// printNetworkWarning says where other computers reach a demo that
// listens beyond this one, and that its tokens, a superuser's among them,
// are served to whoever reaches it.
func printNetworkWarning(w io.Writer, others []string, port string, p *i18n.Printer) {
	if len(others) == 0 {
		p.Fprintf(w, i18n.DemoAlsoAtPort, port)
	} else {
		p.Fprintf(w, i18n.DemoAlsoAt, strings.Join(others, p.Sprintf(i18n.DemoOr)))
	}
	p.Fprintf(w, i18n.DemoListensBeyond, port)
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
