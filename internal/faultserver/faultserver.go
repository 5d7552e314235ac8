// Package faultserver is a test server on loopback that serves a Matomo
// (any http.Handler) over TLS, in HTTP/2 or HTTP/1.1 as the client asks,
// and breaks every request that carries a token the way that makes Go's
// HTTP client send a request again by itself: a GOAWAY that says the
// stream was never processed, a RST_STREAM with PROTOCOL_ERROR, or (over
// HTTP/1.1) a connection closed without an answer. It counts the token
// requests that arrived, so that a test can show a token went out at most
// once. Requests without a token (the pre-flight check) are served
// normally, so that the wizard gets as far as sending the token.
//
// It is for tests only: it listens on 127.0.0.1, and after Limit token
// requests it stops accepting connections, so that a client that keeps
// re-sending ends quickly.
package faultserver

import (
	"bytes"
	"encoding/pem"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"crypto/tls"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"

	"matomo-onboard/matomo/demomatomo"
)

// Fault is how a token request is broken.
type Fault int

const (
	// GoAway answers the request's stream with GOAWAY, last stream id 0:
	// "nothing was processed, send it again elsewhere".
	GoAway Fault = iota
	// ResetProtocolError resets the request's stream with PROTOCOL_ERROR.
	ResetProtocolError
)

func (f Fault) String() string {
	if f == ResetProtocolError {
		return "RST_STREAM PROTOCOL_ERROR"
	}
	return "GOAWAY"
}

// Options shape the server.
type Options struct {
	Fault Fault
	// H2Only offers only HTTP/2 in the TLS handshake (ALPN), as some
	// front ends do; otherwise HTTP/1.1 is offered too, and a token
	// request over it is answered by closing the connection.
	H2Only bool
	// Limit is how many broken token requests are taken before the server
	// stops accepting connections; 0 means 20.
	Limit int
	// Method, when set, breaks only token requests with that method ("GET":
	// the URL check); the others are served, so that a token check can
	// succeed first.
	Method string
}

// Server is a running fault server.
type Server struct {
	// URL is the server's address, https://127.0.0.1:port.
	URL string
	// CAFile is a PEM file with the server's certificate, for the client's
	// --ca-file.
	CAFile string

	srv     *httptest.Server
	handler http.Handler
	opts    Options

	tokenRequests atomic.Int64
	broken        atomic.Int64
	mu            sync.Mutex
	protocols     map[string]int // token requests by protocol
	requests      []demomatomo.Request
	stopOnce      sync.Once
}

// Start starts a server in front of handler; it is closed when the test
// ends.
func Start(t testing.TB, handler http.Handler, opts Options) *Server {
	t.Helper()
	if opts.Limit <= 0 {
		opts.Limit = 20
	}
	s := &Server{handler: handler, opts: opts, protocols: map[string]int{}}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(s.serveHTTP1))
	protos := []string{"h2", "http/1.1"}
	if opts.H2Only {
		protos = []string{"h2"}
	}
	srv.TLS = &tls.Config{NextProtos: protos}
	srv.Config.TLSNextProto = map[string]func(*http.Server, *tls.Conn, http.Handler){"h2": s.serveH2}
	srv.Config.ErrorLog = nil
	srv.StartTLS()
	s.srv, s.URL = srv, srv.URL
	s.CAFile = filepath.Join(t.TempDir(), "faultserver-ca.pem")
	block := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	if err := os.WriteFile(s.CAFile, block, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// Close stops the server.
func (s *Server) Close() { s.srv.Close() }

// TokenRequests is how many requests carrying a token (or a password)
// arrived, broken or served.
func (s *Server) TokenRequests() int { return int(s.tokenRequests.Load()) }

// TokenRequestsOver is how many token requests arrived over a protocol
// ("h2" or "http/1.1").
func (s *Server) TokenRequestsOver(proto string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.protocols[proto]
}

// Requests are all requests that arrived, as the demo Matomo records
// them, for tests that check where a token went.
func (s *Server) Requests() []demomatomo.Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]demomatomo.Request(nil), s.requests...)
}

func (s *Server) record(r *http.Request, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, demomatomo.Request{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery,
		Header: r.Header.Clone(), Body: string(body), RemoteAddr: r.RemoteAddr})
}

// carriesToken reports whether a request holds a secret: token_auth in
// its form body or its URL, or a password (createAppSpecificTokenAuth's
// passwordConfirmation) in its body.
func carriesToken(rawQuery string, body []byte) bool {
	return strings.Contains(rawQuery, "token_auth=") || bytes.Contains(body, []byte("token_auth=")) ||
		bytes.Contains(body, []byte("passwordConfirmation="))
}

// breaks reports whether the request is one to break.
func (s *Server) breaks(method, rawQuery string, body []byte) bool {
	return carriesToken(rawQuery, body) && (s.opts.Method == "" || s.opts.Method == method)
}

// arrived counts a request that carries a token.
func (s *Server) arrived(proto, rawQuery string, body []byte) {
	if !carriesToken(rawQuery, body) {
		return
	}
	s.tokenRequests.Add(1)
	s.mu.Lock()
	s.protocols[proto]++
	s.mu.Unlock()
}

// took counts a broken request and stops the server once there were too
// many, so that a client that re-sends by itself ends soon.
func (s *Server) took() {
	if int(s.broken.Add(1)) >= s.opts.Limit {
		s.stopOnce.Do(func() { s.srv.Listener.Close() })
	}
}

// serveHTTP1 serves HTTP/1.1: a token request gets its connection closed
// without an answer; anything else is served by the handler.
func (s *Server) serveHTTP1(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	s.record(r, body)
	s.arrived("http/1.1", r.URL.RawQuery, body)
	if !s.breaks(r.Method, r.URL.RawQuery, body) {
		r.Body = io.NopCloser(bytes.NewReader(body))
		s.handler.ServeHTTP(w, r)
		return
	}
	s.took()
	if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
		conn.Close()
	}
}

// h2stream is one request arriving over HTTP/2.
type h2stream struct {
	fields []hpack.HeaderField
	body   bytes.Buffer
}

// serveH2 speaks just enough HTTP/2 on one connection: settings, pings,
// requests served by the handler, token requests broken.
func (s *Server) serveH2(_ *http.Server, c *tls.Conn, _ http.Handler) {
	defer c.Close()
	preface := make([]byte, len(http2.ClientPreface))
	if _, err := io.ReadFull(c, preface); err != nil || string(preface) != http2.ClientPreface {
		return
	}
	fr := http2.NewFramer(c, c)
	fr.ReadMetaHeaders = hpack.NewDecoder(4096, nil)
	if fr.WriteSettings() != nil {
		return
	}
	streams := map[uint32]*h2stream{}
	for {
		f, err := fr.ReadFrame()
		if err != nil {
			return
		}
		var ended *h2stream
		id := f.Header().StreamID
		switch f := f.(type) {
		case *http2.SettingsFrame:
			if !f.IsAck() && fr.WriteSettingsAck() != nil {
				return
			}
		case *http2.PingFrame:
			if !f.IsAck() && fr.WritePing(true, f.Data) != nil {
				return
			}
		case *http2.MetaHeadersFrame:
			streams[id] = &h2stream{fields: f.Fields}
			if f.StreamEnded() {
				ended = streams[id]
			}
		case *http2.DataFrame:
			st := streams[id]
			if st == nil {
				continue
			}
			st.body.Write(f.Data())
			if f.StreamEnded() {
				ended = st
			}
		}
		if ended == nil {
			continue
		}
		delete(streams, id)
		if !s.answerH2(fr, id, ended) {
			return
		}
	}
}

// answerH2 answers a complete request; false means the connection ends.
func (s *Server) answerH2(fr *http2.Framer, id uint32, st *h2stream) bool {
	req := st.request()
	if req == nil {
		return false
	}
	s.record(req, st.body.Bytes())
	s.arrived("h2", req.URL.RawQuery, st.body.Bytes())
	if !s.breaks(req.Method, req.URL.RawQuery, st.body.Bytes()) {
		return writeH2Response(fr, id, s.handler, req) == nil
	}
	s.took()
	switch s.opts.Fault {
	case ResetProtocolError:
		return fr.WriteRSTStream(id, http2.ErrCodeProtocol) == nil
	default:
		_ = fr.WriteGoAway(0, http2.ErrCodeNo, nil)
		return false
	}
}

// request rebuilds the http.Request of a stream.
func (st *h2stream) request() *http.Request {
	var method, path, authority string
	header := http.Header{}
	for _, f := range st.fields {
		switch f.Name {
		case ":method":
			method = f.Value
		case ":path":
			path = f.Value
		case ":authority":
			authority = f.Value
		default:
			if !strings.HasPrefix(f.Name, ":") {
				header.Add(f.Name, f.Value)
			}
		}
	}
	u, err := url.ParseRequestURI(path)
	if err != nil {
		return nil
	}
	req := httptest.NewRequest(method, "https://"+authority+u.RequestURI(), bytes.NewReader(st.body.Bytes()))
	req.Header = header
	req.Proto, req.ProtoMajor, req.ProtoMinor = "HTTP/2.0", 2, 0
	return req
}

// writeH2Response runs the handler and sends its answer on the stream.
func writeH2Response(fr *http2.Framer, id uint32, h http.Handler, req *http.Request) error {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var block bytes.Buffer
	enc := hpack.NewEncoder(&block)
	_ = enc.WriteField(hpack.HeaderField{Name: ":status", Value: strconv.Itoa(rec.Code)})
	for name, vals := range rec.Header() {
		for _, v := range vals {
			_ = enc.WriteField(hpack.HeaderField{Name: strings.ToLower(name), Value: v})
		}
	}
	body := rec.Body.Bytes()
	if err := fr.WriteHeaders(http2.HeadersFrameParam{StreamID: id, BlockFragment: block.Bytes(),
		EndHeaders: true, EndStream: len(body) == 0}); err != nil {
		return err
	}
	for len(body) > 0 {
		n := min(len(body), 16384) // the smallest frame size a peer must accept
		if err := fr.WriteData(id, n == len(body), body[:n]); err != nil {
			return err
		}
		body = body[n:]
	}
	return nil
}
