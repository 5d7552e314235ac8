package matomo

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"matomo-onboard/internal/i18n"
)

// Defaults for Options.
const (
	DefaultTimeout = 30 * time.Second
	// DefaultMaxResponseBytes fits 100,000 sites with long names, URLs and
	// settings (Matomo sends about 600 bytes per site) with room to spare,
	// yet stops a hostile endless body long before memory runs out.
	DefaultMaxResponseBytes = 256 << 20
	userAgent               = "matomo-onboard (+token check)"
)

// Options configure a Client. The zero value is safe: TLS verified against
// the system's authorities, a 30 s limit per request, https required for
// anything but this computer.
type Options struct {
	// Timeout bounds each request from connecting to the last byte.
	Timeout time.Duration
	// CAFile names a PEM file of extra authorities to trust, for Matomo
	// behind a company's own certificate authority.
	CAFile string
	// InsecureSkipVerify turns off certificate checks entirely. Anyone on
	// the network path can then read the token. For tests of broken setups.
	InsecureSkipVerify bool
	// AllowHTTP allows sending the token over plain http to a host that is
	// not this computer.
	AllowHTTP bool
	// MaxResponseBytes caps the size of an answer.
	MaxResponseBytes int64
	// Proxy chooses the proxy for a request; nil means the HTTPS_PROXY,
	// HTTP_PROXY and NO_PROXY environment variables.
	Proxy func(*http.Request) (*url.URL, error)
}

// Client talks to Matomo's HTTP API. It never follows redirects (a
// redirected POST loses or re-sends its body, token included), verifies
// TLS unless told otherwise, and sends the token only in POST bodies.
//
// A request that carries the token goes out at most once: Go's client
// would otherwise send some requests again by itself. Its HTTP/2 client
// re-sends a request, body and all, when the server answers GOAWAY or
// resets the stream (a hostile server made one check send the token a
// thousand times), and its HTTP/1.1 client re-sends a GET, or a body it
// can rewind, when a reused connection fails. So the client speaks only
// HTTP/1.1, token bodies cannot be rewound (Request.GetBody is nil), and
// the URL check, a GET with the token in its URL, always gets a connection
// of its own that no other request used before. A request that fails ends
// with the transport's error; sending it again is the user's choice.
type Client struct {
	http *http.Client
	// fresh is for the URL check: a new connection for every request.
	fresh    *http.Client
	opts     Options
	requests atomic.Int64
	// dialer and the transports are kept so that package tests can point
	// name lookups at a loopback resolver and watch every dial.
	dialer         *net.Dialer
	transport      *http.Transport
	freshTransport *http.Transport
}

// NewClient builds a Client. It fails only when the CA file cannot be used.
func NewClient(opts Options) (*Client, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxResponseBytes <= 0 {
		opts.MaxResponseBytes = DefaultMaxResponseBytes
	}
	if opts.Proxy == nil {
		opts.Proxy = http.ProxyFromEnvironment
	}
	tlsConf := &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: opts.InsecureSkipVerify}
	if opts.CAFile != "" {
		pool, err := loadCAFile(opts.CAFile)
		if err != nil {
			return nil, err
		}
		tlsConf.RootCAs = pool
	}
	// The request's context carries Options.Timeout; the dial and handshake
	// limits only repeat it, so that the error says the limit the user set
	// (a shorter inner limit would report "did not answer within 30s" after
	// 10 s).
	dialer := &net.Dialer{Timeout: opts.Timeout, KeepAlive: 30 * time.Second}
	transport := &http.Transport{
		Proxy:                  opts.Proxy,
		DialContext:            dialer.DialContext,
		TLSClientConfig:        tlsConf,
		TLSHandshakeTimeout:    opts.Timeout,
		Protocols:              http1Only(),
		MaxResponseHeaderBytes: 1 << 20,
		IdleConnTimeout:        30 * time.Second,
	}
	fresh := transport.Clone()
	fresh.Protocols = http1Only()
	fresh.DisableKeepAlives = true // never a reused connection, so never re-sent
	noRedirect := func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &Client{
		opts:           opts,
		dialer:         dialer,
		transport:      transport,
		freshTransport: fresh,
		http:           &http.Client{Transport: transport, CheckRedirect: noRedirect},
		fresh:          &http.Client{Transport: fresh, CheckRedirect: noRedirect},
	}, nil
}

// http1Only is the protocol choice of every transport: HTTP/1.1 (see
// Client for why not HTTP/2).
func http1Only() *http.Protocols {
	p := new(http.Protocols)
	p.SetHTTP1(true)
	return p
}

func loadCAFile(path string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the CA file: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("the CA file %s holds no PEM certificate (it should contain -----BEGIN CERTIFICATE-----)", path)
	}
	return pool, nil
}

// Requests is how many HTTP requests the client has written to the
// network: one count each time a request was written to a connection
// (httptrace's WroteRequest), so that a request the transport sent twice
// would count twice, and one that failed before it was written (a refused
// connection, a failed TLS handshake) does not count.
func (c *Client) Requests() int { return int(c.requests.Load()) }

// ProxyFor is the proxy (its host and port, never its user info) that a
// request to addr goes through, from Options.Proxy (by default the
// HTTPS_PROXY, HTTP_PROXY and NO_PROXY environment variables), or "" when
// it goes directly. Over plain http the proxy reads everything sent, so
// the front ends say so before a token goes there.
func (c *Client) ProxyFor(addr Address) string {
	if addr.IsZero() {
		return ""
	}
	req, err := http.NewRequest(http.MethodPost, addr.Endpoint(), nil)
	if err != nil {
		return ""
	}
	p, err := c.opts.Proxy(req)
	if err != nil || p == nil {
		return ""
	}
	return p.Host
}

// Timeout is the limit for each request.
func (c *Client) Timeout() time.Duration { return c.opts.Timeout }

// Close releases idle connections.
func (c *Client) Close() {
	c.http.CloseIdleConnections()
	c.fresh.CloseIdleConnections()
}

// checkTransport refuses to send a token where it would travel in clear
// text across a network.
func (c *Client) checkTransport(addr Address) error {
	if addr.IsZero() {
		return &Error{Class: ClassNotMatomo, Detail: i18n.T(i18n.ErrDetailNoAddress), Hint: i18n.T(i18n.ErrHintEnterAddress, i18n.T(i18n.AddressExample))}
	}
	if addr.PlainHTTP() && !addr.IsLoopback() && !c.opts.AllowHTTP {
		return &Error{
			Class:     ClassPlainHTTP,
			Detail:    i18n.T(i18n.ErrDetailPlainHTTPToken, addr.Host()),
			Hint:      i18n.T(i18n.ErrHintPlainHTTPToken),
			Suggested: addr.WithScheme("https"),
		}
	}
	return nil
}

// call is one HTTP exchange with its trace. The caller calls finish.
type call struct {
	resp  *http.Response
	body  *limitedBody
	rec   *recorder
	start time.Time
}

// send makes one request. The token, if any, is already in form (POST
// body) or, for the consented GET check only, in the query (then
// freshConn must be set); endpoint is what traces and errors may show.
// Echoes of tok are removed from the answer's headers and body before
// anything reads them (see redact.go). The returned call is never nil, so
// its trace can be finished even when sending failed.
func (c *Client) send(ctx context.Context, method, target, endpoint string, form url.Values, tok Token, freshConn bool) (*call, error) {
	return c.sendSecret(ctx, method, target, endpoint, form, sentSecret{value: tok.value(), what: "token", removed: tokenRemoved, stream: true}, freshConn)
}

// sentSecret is the secret a request carries (the token, or the password
// of CreateToken), for the rules that follow from carrying one: no plain
// http through a proxy, echoes removed from the answer's headers and,
// when stream is set, from its body as it arrives (CreateToken reads the
// body itself first: see create.go). what names it in an error, removed
// replaces an echo.
type sentSecret struct {
	value, what, removed string
	stream               bool
}

// proxyPlain is the error's detail for a request that would carry the
// secret through a proxy over plain http.
func (s sentSecret) proxyPlain() *i18n.Message {
	if s.what == "token" {
		return i18n.ErrDetailProxyPlainToken
	}
	return i18n.ErrDetailProxyPlainPassword
}

// sendSecret is send for a request that carries secret.
func (c *Client) sendSecret(ctx context.Context, method, target, endpoint string, form url.Values, secret sentSecret, freshConn bool) (*call, error) {
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	rec := &recorder{t: Trace{Method: method, URL: endpoint, CustomCA: c.opts.CAFile != "", SkipVerify: c.opts.InsecureSkipVerify}}
	start := time.Now()
	ctx = httptrace.WithClientTrace(ctx, rec.clientTrace(start, func() { c.requests.Add(1) }))
	req, err := http.NewRequestWithContext(ctx, method, target, body)
	if err != nil {
		// Only a malformed address gets here, and ParseAddress rules that out.
		return &call{rec: rec, start: start}, &Error{Class: ClassNotMatomo, Detail: i18n.T(i18n.ErrDetailUnusableAddress), Hint: i18n.T(i18n.ErrHintCheckAddress), err: redactURLError(err, endpoint)}
	}
	// Without GetBody the transport cannot rewind the body to send it
	// once more (see Client).
	req.GetBody = nil
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	if p, err := c.opts.Proxy(req); err == nil && p != nil {
		rec.t.Proxy = p.Host // never the proxy's user info
		if secret.value != "" && req.URL.Scheme == "http" && (!c.opts.AllowHTTP || secret.what != "token") {
			// Plain http is allowed only because it stays on this computer;
			// through a proxy it would not. A password never crosses a
			// network unencrypted, --allow-http or not.
			return &call{rec: rec, start: start}, &Error{
				Class:  ClassPlainHTTP,
				Detail: i18n.T(secret.proxyPlain(), p.Host),
				Hint:   i18n.T(i18n.ErrHintProxyPlain),
			}
		}
	}
	hc := c.http
	if freshConn {
		hc = c.fresh
	}
	resp, err := hc.Do(req)
	k := &call{rec: rec, start: start}
	if err != nil {
		return k, redactURLError(err, endpoint)
	}
	redactHeader(resp.Header, secret.value, secret.removed)
	if secret.stream {
		resp.Body = readCloser{newLabelledRedactingReader(resp.Body, secret.value, secret.removed), resp.Body}
	}
	rec.update(func(t *Trace) {
		t.Status = resp.StatusCode
		t.ContentType = cleanText(resp.Header.Get("Content-Type"), 100)
		t.RequestID = cleanText(resp.Header.Get("X-Matomo-Request-Id"), 40)
		t.Server = cleanText(resp.Header.Get("Server"), 80)
		if resp.TLS != nil {
			t.TLS = tlsInfo(resp.TLS)
		}
	})
	k.resp = resp
	k.body = &limitedBody{r: resp.Body, left: c.opts.MaxResponseBytes}
	return k, nil
}

// progress says how far the exchange got, for describing a failure.
func (k *call) progress() progress {
	if k.resp != nil {
		return progress{phase: phaseBody, bytes: k.body.read}
	}
	t := k.rec.snapshot()
	switch {
	case t.Written > 0:
		// The request went out (on a new connection, or on the address
		// check's): what ran out is the wait for the answer.
		return progress{phase: phaseWait}
	case t.RemoteAddr == "":
		return progress{phase: phaseConnect}
	case strings.HasPrefix(t.URL, "https:") && t.Proxy == "" && t.TLS == nil:
		return progress{phase: phaseTLS}
	}
	return progress{phase: phaseWait}
}

// drainLimit and drainWait bound how much of an answer's unread tail (the
// closing "]" of a bulk answer, say) is read, and for how long, before
// closing, so that the connection can carry the next check instead of a
// new TLS handshake. An endless or stalled answer costs no more than that.
const (
	drainLimit = 64 << 10
	drainWait  = 50 * time.Millisecond
)

// finish closes the body and returns the completed trace.
func (k *call) finish() Trace {
	if k.resp != nil {
		// Closing from the timer ends a read that waits for a server which
		// sent everything but keeps the response open.
		stop := time.AfterFunc(drainWait, func() { k.resp.Body.Close() })
		_, _ = io.CopyN(io.Discard, k.body, drainLimit)
		stop.Stop()
		k.resp.Body.Close()
	}
	k.rec.update(func(t *Trace) {
		if k.body != nil {
			t.BodyBytes = k.body.read
		}
		t.Total = time.Since(k.start)
	})
	return k.rec.snapshot()
}

// redactURLError replaces the URL inside a *url.Error (which Go's client
// builds from the request URL) with endpoint, so that no error string can
// carry a query, least of all the GET check's token.
func redactURLError(err error, endpoint string) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		ue.URL = endpoint
	}
	return err
}

// readCloser reads from one reader and closes another.
type readCloser struct {
	io.Reader
	io.Closer
}

var errTooLarge = errors.New("answer larger than the size limit")

// limitedBody reads a response body and fails with errTooLarge once more
// than the limit arrives, instead of silently stopping like io.LimitReader
// (which would make an oversized answer look merely truncated).
type limitedBody struct {
	r    io.Reader
	left int64
	read int64
}

func (l *limitedBody) Read(p []byte) (int, error) {
	if l.left <= 0 {
		var one [1]byte
		if n, _ := l.r.Read(one[:]); n > 0 {
			return 0, errTooLarge
		}
		return l.r.Read(p[:0])
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	l.read += int64(n)
	return n, err
}

// withTimeout applies the per-request limit.
func (c *Client) withTimeout(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, c.opts.Timeout)
}
