package matomo

import (
	"crypto/tls"
	"net/http/httptrace"
	"sync"
	"time"
)

// Trace records what one request found out about the server, for the
// diagnostics report: where it went, how long each phase took, the
// certificate. It never holds the token (URL is the endpoint without query).
type Trace struct {
	Method      string
	URL         string
	Status      int
	ContentType string
	RequestID   string // X-Matomo-Request-Id, a sign that Matomo answered
	Server      string
	Proxy       string // proxy host, when one was used
	CustomCA    bool
	SkipVerify  bool
	RemoteAddr  string
	// Reused says the request went on a connection an earlier request
	// (the address check) had opened: no lookup, connect or handshake of
	// its own, yet the address and TLS session are that connection's.
	Reused    bool
	DNS       []string
	TLS       *TLSInfo
	BodyBytes int64
	// Written is how many times the request was written to the network:
	// 1 when it went out, 0 when it failed before (no connection, no TLS).
	// The client never writes a request twice; a count above 1 would show
	// that it happened.
	Written int

	DNSTime, ConnectTime, TLSTime, FirstByte, Total time.Duration
}

// recorder fills a Trace from httptrace callbacks, which may arrive on
// several goroutines (the dialer tries addresses in parallel).
type recorder struct {
	mu sync.Mutex
	t  Trace
}

func (r *recorder) update(f func(t *Trace)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(&r.t)
}

func (r *recorder) snapshot() Trace {
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.t
	t.DNS = append([]string(nil), r.t.DNS...)
	return t
}

// TLSInfo describes the server's certificate and the connection.
type TLSInfo struct {
	Version  string
	Subject  string
	Issuer   string
	NotAfter time.Time
	DNSNames []string
}

// clientTrace fills the trace; wrote is called each time the request is
// written to a connection.
func (r *recorder) clientTrace(start time.Time, wrote func()) *httptrace.ClientTrace {
	var mu sync.Mutex // guards the phase start times below
	var dnsStart, connStart, tlsStart time.Time
	mark := func(p *time.Time) {
		mu.Lock()
		*p = time.Now()
		mu.Unlock()
	}
	since := func(p *time.Time) time.Duration {
		mu.Lock()
		defer mu.Unlock()
		return time.Since(*p)
	}
	return &httptrace.ClientTrace{
		DNSStart: func(httptrace.DNSStartInfo) { mark(&dnsStart) },
		DNSDone: func(info httptrace.DNSDoneInfo) {
			d := since(&dnsStart)
			r.update(func(t *Trace) {
				t.DNSTime = d
				t.DNS = t.DNS[:0]
				for _, a := range info.Addrs {
					t.DNS = append(t.DNS, a.String())
				}
			})
		},
		ConnectStart: func(string, string) { mark(&connStart) },
		ConnectDone: func(_, addr string, err error) {
			d := since(&connStart)
			if err == nil {
				r.update(func(t *Trace) { t.ConnectTime, t.RemoteAddr = d, addr })
			}
		},
		TLSHandshakeStart: func() { mark(&tlsStart) },
		TLSHandshakeDone: func(cs tls.ConnectionState, err error) {
			d := since(&tlsStart)
			r.update(func(t *Trace) {
				t.TLSTime = d
				if err == nil {
					t.TLS = tlsInfo(&cs)
				}
			})
		},
		GotConn: func(info httptrace.GotConnInfo) {
			// A reused connection has no DNS, connect or TLS events: where
			// it goes and how it is secured come from the connection.
			r.update(func(t *Trace) {
				t.Reused = info.Reused
				if t.RemoteAddr == "" && info.Conn != nil && info.Conn.RemoteAddr() != nil {
					t.RemoteAddr = info.Conn.RemoteAddr().String()
				}
				if tc, ok := info.Conn.(*tls.Conn); ok && t.TLS == nil {
					cs := tc.ConnectionState()
					if cs.HandshakeComplete {
						t.TLS = tlsInfo(&cs)
					}
				}
			})
		},
		WroteRequest: func(httptrace.WroteRequestInfo) {
			// Counted even when writing failed: part of it may have gone out.
			r.update(func(t *Trace) { t.Written++ })
			wrote()
		},
		GotFirstResponseByte: func() {
			d := time.Since(start)
			r.update(func(t *Trace) { t.FirstByte = d })
		},
	}
}

func tlsInfo(cs *tls.ConnectionState) *TLSInfo {
	info := &TLSInfo{Version: tls.VersionName(cs.Version)}
	if len(cs.PeerCertificates) > 0 {
		leaf := cs.PeerCertificates[0]
		info.Subject = cleanText(leaf.Subject.String(), 200)
		info.Issuer = cleanText(leaf.Issuer.String(), 200)
		info.NotAfter = leaf.NotAfter
		for _, n := range leaf.DNSNames {
			info.DNSNames = append(info.DNSNames, cleanText(n, 100))
		}
	}
	return info
}
