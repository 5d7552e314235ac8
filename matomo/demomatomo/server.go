package demomatomo

import (
	"context"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// Options change how the fake Matomo behaves.
type Options struct {
	// Version is what API.getMatomoVersion answers; default "5.0.2", or
	// "4.16.0" with Legacy.
	Version string
	// Legacy behaves like Matomo 3 and 4: an unknown token is not refused;
	// the request goes on as nobody (status 200, then every method's access
	// check fails, even where the anonymous visitor may view a site), tokens
	// work in URLs, numbers arrive as strings.
	Legacy bool
	// NumbersAsStrings sends ids and flags as JSON strings, as PHP before
	// 8.1 does. Legacy implies it.
	NumbersAsStrings bool
	// Latency delays every answer.
	Latency time.Duration
	// LockoutThreshold is how many failed logins per IP are tolerated in
	// LockoutWindow; one more blocks the IP. Defaults: 20 in 60 minutes.
	LockoutThreshold int
	LockoutWindow    time.Duration
	// Now is the clock, for tests of the lock-out window.
	Now func() time.Time
	// KeepRequests bounds the request log (default 1000, oldest dropped).
	KeepRequests int
	// NoLanguagesManager answers LanguagesManager's methods (the labels of
	// Matomo's screens, its languages) as a Matomo without that plugin
	// would: "The plugin LanguagesManager is not enabled."
	NoLanguagesManager bool
	// NoLive answers the Live plugin's methods (the data check's) as a
	// Matomo with the plugin deactivated would.
	NoLive bool
	// Require2FA makes two-factor authentication required for every
	// user: createAppSpecificTokenAuth for a user without it answers "You
	// must set up two-factor authentication…" (after storing the token,
	// as Matomo does).
	Require2FA bool
	// RefuseTokenCreation, when set, is the message createAppSpecificTokenAuth
	// refuses every request with, as a Matomo whose logins go through LDAP
	// or the web server may (the message is the test's; Matomo's own
	// wording for those setups was not read in a release).
	RefuseTokenCreation string
}

// Request is what the fake Matomo received.
type Request struct {
	Method string
	// Host is the host the request named (its Host header, or the host of
	// the URL a proxy was asked for).
	Host       string
	Path       string
	RawQuery   string
	Header     http.Header
	Body       string
	RemoteAddr string
}

// Fault makes every following answer misbehave instead of answering.
type Fault struct {
	Status     int    // e.g. 302, 429, 503
	Location   string // for redirects
	RetryAfter string // for 429
	Body       string
	// ContentType defaults to text/html.
	ContentType string
}

// Server is a running fake Matomo.
type Server struct {
	// URL is the base address, e.g. http://127.0.0.1:41234.
	URL string

	opts     Options
	data     Data
	siteByID map[int]*Site
	sites    []*Site
	users    map[string]*User
	tokens   map[string]*Token
	emails   map[string]bool

	listener net.Listener
	srv      *http.Server

	mu       sync.Mutex
	requests []Request
	total    int
	failures map[string][]time.Time
	latency  time.Duration
	fault    *Fault
	// created holds the tokens createAppSpecificTokenAuth made, by value;
	// usedCodes the two-factor codes tried, by login and code (Matomo
	// takes each code once, and records it before checking it).
	created   map[string]*Token
	createLog []Token
	usedCodes map[string]bool

	listCache sync.Map // cacheKey -> []byte, encoded site lists
}

// Start serves data on addr ("127.0.0.1:0" for a free port). An IPv4
// address is listened on as IPv4 only: Go would listen on 0.0.0.0 with a
// socket for both, and name it [::].
func Start(addr string, data Data, opts Options) (*Server, error) {
	s := newServer(data, opts)
	network := "tcp"
	if host, _, err := net.SplitHostPort(addr); err == nil {
		if ip, err := netip.ParseAddr(host); err == nil && ip.Is4() {
			network = "tcp4"
		}
	}
	ln, err := net.Listen(network, addr)
	if err != nil {
		return nil, err
	}
	s.listener = ln
	s.URL = "http://" + ln.Addr().String()
	// The demo runs inside the wizard (--demo): what net/http would log
	// (a client's broken TLS or request) would land across its screen.
	s.srv = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, ErrorLog: log.New(io.Discard, "", 0)}
	go s.srv.Serve(ln)
	return s, nil
}

// MustStart starts on a free loopback port and panics on failure, for tests.
func MustStart(data Data, opts Options) *Server {
	s, err := Start("127.0.0.1:0", data, opts)
	if err != nil {
		panic(err)
	}
	return s
}

// NewHandler returns the fake Matomo as a handler, for tests that serve it
// themselves (over TLS, say).
func NewHandler(data Data, opts Options) *Server { return newServer(data, opts) }

func newServer(data Data, opts Options) *Server {
	if opts.Legacy {
		opts.NumbersAsStrings = true
		if opts.Version == "" {
			opts.Version = "4.16.0"
		}
	}
	if opts.Version == "" {
		opts.Version = "5.0.2"
	}
	if opts.LockoutThreshold <= 0 {
		opts.LockoutThreshold = 20
	}
	if opts.LockoutWindow <= 0 {
		opts.LockoutWindow = 60 * time.Minute
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.KeepRequests <= 0 {
		opts.KeepRequests = 1000
	}
	s := &Server{
		opts: opts, data: data, latency: opts.Latency,
		siteByID: map[int]*Site{}, users: map[string]*User{}, tokens: map[string]*Token{},
		emails: map[string]bool{}, failures: map[string][]time.Time{},
	}
	for i := range data.Sites {
		s.sites = append(s.sites, &data.Sites[i])
		s.siteByID[data.Sites[i].ID] = &data.Sites[i]
	}
	sort.Slice(s.sites, func(i, j int) bool { return s.sites[i].ID < s.sites[j].ID })
	for i := range data.Users {
		s.users[data.Users[i].Login] = &data.Users[i]
		s.emails[data.Users[i].Email] = true
	}
	for i := range data.Tokens {
		s.tokens[data.Tokens[i].Value] = &data.Tokens[i]
	}
	s.created = map[string]*Token{}
	s.usedCodes = map[string]bool{}
	return s
}

// Close stops serving.
func (s *Server) Close() {
	if s.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = s.srv.Shutdown(ctx)
		_ = s.srv.Close()
	}
}

// Data is what the server holds.
func (s *Server) Data() Data { return s.data }

// Version is the Matomo version the server claims.
func (s *Server) Version() string { return s.opts.Version }

// Requests returns the most recent requests received, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// RequestCount is how many requests arrived in total.
func (s *Server) RequestCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total
}

// ResetRequests forgets the request log.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests, s.total = nil, 0
}

// SetLatency changes the delay before every answer.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = d
}

// SetFault makes every following answer f; nil restores normal answers.
func (s *Server) SetFault(f *Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fault = f
}

// FailedLogins is how many failed logins count against ip in the window.
func (s *Server) FailedLogins(ip string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.recentFailures(ip))
}

// Unblock forgets all failed logins, like a superuser's
// `console login:unblock-blocked-ips`.
func (s *Server) Unblock() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = map[string][]time.Time{}
}

func (s *Server) recentFailures(ip string) []time.Time {
	cutoff := s.opts.Now().Add(-s.opts.LockoutWindow)
	kept := s.failures[ip][:0]
	for _, t := range s.failures[ip] {
		if t.After(cutoff) {
			kept = append(kept, t)
		}
	}
	s.failures[ip] = kept
	return kept
}

func (s *Server) recordFailure(ip string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Now()
	for range n {
		s.failures[ip] = append(s.failures[ip], now)
	}
}

func (s *Server) blocked(ip string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.recentFailures(ip)) > s.opts.LockoutThreshold
}

func (s *Server) record(r *http.Request, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.total++
	s.requests = append(s.requests, Request{
		Method: r.Method, Host: r.Host, Path: r.URL.Path, RawQuery: r.URL.RawQuery,
		Header: r.Header.Clone(), Body: body, RemoteAddr: r.RemoteAddr,
	})
	if over := len(s.requests) - s.opts.KeepRequests; over > 0 {
		s.requests = append(s.requests[:0:0], s.requests[over:]...)
	}
}

// maxBody bounds request bodies; Matomo's PHP has post_max_size too.
const maxBody = 8 << 20

// ServeHTTP answers like Matomo.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(io.LimitReader(r.Body, maxBody))
	s.record(r, string(raw))
	s.mu.Lock()
	latency, fault := s.latency, s.fault
	s.mu.Unlock()
	if latency > 0 {
		select {
		case <-time.After(latency):
		case <-r.Context().Done():
			return
		}
	}
	if fault != nil {
		serveFault(w, fault)
		return
	}
	s.route(w, r, raw)
}

// poweredBy is the X-Powered-By header of the recorded Matomo's PHP.
const poweredBy = "PHP/8.2.36"

// route dispatches like PHP's built-in web server in front of Matomo, as
// recorded: index.php (or a folder, which falls back to it) runs Matomo,
// the tracker files answer as the tracker, other files are 404.
func (s *Server) route(w http.ResponseWriter, r *http.Request, raw []byte) {
	path := r.URL.Path
	last := strings.ToLower(path[strings.LastIndex(path, "/")+1:])
	switch {
	case strings.HasSuffix(strings.ToLower(path), "/index.php/"):
		// Matomo sends index.php/ back to index.php; the POST body is lost.
		w.Header().Set("X-Powered-By", poweredBy)
		w.Header().Set("X-Matomo-Request-Id", requestID())
		w.Header().Set("X-Robots-Tag", "noindex")
		w.Header().Set("Location", baseURL(r)+strings.TrimPrefix(strings.TrimSuffix(path, "/"), "/"))
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		w.WriteHeader(http.StatusFound)
	case last == "matomo.php" || last == "piwik.php":
		writeTracker(w)
	case last == "matomo.js" || last == "piwik.js":
		writeTrackingScript(w)
	case names(path, "index.php"):
		s.serveIndex(w, r, raw)
	default:
		writeNotFound(w, path)
	}
}

// names reports whether path names no file other than a final index, so
// that PHP's built-in server would run index.php for it ("/", "/matomo/",
// "/index.php"); a path naming any other file ("/x.php") is not found.
func names(path, index string) bool {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i, seg := range segs {
		if strings.EqualFold(seg, index) && i == len(segs)-1 {
			continue
		}
		if strings.Contains(seg, ".") {
			return false
		}
	}
	return true
}

// baseURL is the address Matomo believes it has: scheme and host of the
// request, ending in a slash, as in its piwik_url.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host + "/"
}

func serveFault(w http.ResponseWriter, f *Fault) {
	if f.Location != "" {
		w.Header().Set("Location", f.Location)
	}
	if f.RetryAfter != "" {
		w.Header().Set("Retry-After", f.RetryAfter)
	}
	ct := f.ContentType
	if ct == "" {
		ct = "text/html; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	w.WriteHeader(f.Status)
	io.WriteString(w, f.Body)
}

// params are a request's parameters the way PHP sees them: $_GET, and
// $_POST when the body is a form.
type params struct {
	get, post url.Values
	base      string // Matomo's URL, for its error page
}

// value reads a parameter the way Matomo's Common::getRequestVar does:
// $_GET first, then $_POST.
func (p params) value(name string) (string, bool) {
	if v, ok := p.get[name]; ok {
		return v[0], true
	}
	if v, ok := p.post[name]; ok {
		return v[0], true
	}
	return "", false
}

func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request, raw []byte) {
	w.Header().Set("X-Powered-By", poweredBy)
	w.Header().Set("X-Matomo-Request-Id", requestID())
	p := params{get: r.URL.Query(), post: url.Values{}, base: baseURL(r)}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		p.post, _ = url.ParseQuery(string(raw))
	}
	if module, _ := p.value("module"); module != "API" {
		s.serveScreen(w, p)
		return
	}
	ip, _, _ := net.SplitHostPort(r.RemoteAddr)
	user, ok := s.authenticate(w, p, ip)
	if !ok {
		return
	}
	s.serveAPI(w, p, user, ip)
}

// serveScreen answers a request for one of Matomo's screens (no module, or
// a module other than API; also a JSON body, which PHP does not parse):
// the sign-in page, except that Matomo 5 refuses a superuser's token there.
func (s *Server) serveScreen(w http.ResponseWriter, p params) {
	token, _ := p.value("token_auth")
	if t := s.tokenFor(token); t != nil && !t.Expired && s.users[t.Login] != nil && s.users[t.Login].SuperUser {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "private, no-cache, no-store")
		w.WriteHeader(http.StatusInternalServerError)
		writeErrorPage(w, p.base, msgSuperUserEmbed)
		return
	}
	writeLoginPage(w)
}

// authFailureFormat is how Matomo renders a failure that happens before
// the API runs (bad token, lock-out): in the format of the query string
// when module=API is there, as an HTML page otherwise.
func authFailureFormat(p params) string {
	if p.get.Get("module") == "" {
		return "html"
	}
	if f := strings.ToLower(p.get.Get("format")); f != "" {
		return f
	}
	return "xml"
}

// authenticate finds the user of the request's token. It writes the
// failure itself and returns ok=false when the request must stop. A nil
// user is the anonymous visitor; nobody follows a wrong token on Matomo 3
// and 4.
func (s *Server) authenticate(w http.ResponseWriter, p params, ip string) (*User, bool) {
	token, _ := p.value("token_auth")
	if token == "" || token == "anonymous" {
		return nil, true
	}
	if s.blocked(ip) {
		writeError(w, p.base, authFailureFormat(p), http.StatusInternalServerError, msgBlocked)
		return nil, false
	}
	_, inURL := p.get["token_auth"]
	t := s.tokenFor(token)
	switch {
	case t != nil && t.Lockout:
		s.recordFailure(ip, s.opts.LockoutThreshold+1)
		writeError(w, p.base, authFailureFormat(p), http.StatusInternalServerError, msgBlocked)
		return nil, false
	case t != nil && t.Login != "" && !t.Expired && !(t.SecureOnly && inURL && !s.opts.Legacy):
		if u := s.users[t.Login]; u != nil {
			return u, true
		}
	}
	s.recordFailure(ip, 1)
	if s.opts.Legacy {
		return nobody, true // Matomo 3 and 4 go on, as nobody.
	}
	msg := msgBadToken
	if inURL {
		msg = msgBadTokenInURL
	}
	writeError(w, p.base, authFailureFormat(p), http.StatusUnauthorized, msg)
	return nil, false
}

func requestID() string { return fmt.Sprintf("%05x", rand.IntN(1<<20)) }
