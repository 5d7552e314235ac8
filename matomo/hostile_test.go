package matomo_test

import (
	"bufio"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"matomo-onboard/matomo"
	"matomo-onboard/matomo/demomatomo"
)

// The servers below misbehave the way real ones do: redirects, broken or
// endless answers, bad certificates, dead ports. Each must end in its own
// class with a hint that says what to do, within the timeout, without the
// token crossing to another server, without a panic. Everything listens on
// 127.0.0.1; the one DNS name is resolved by a fake DNS server on loopback.

const (
	hostileTimeout  = 2 * time.Second
	hostileLimit    = 8 << 20 // Options.MaxResponseBytes for most of these tests
	canary          = "c0ffee00c0ffee00c0ffee00c0ffee42"
	partialAnswerAt = 5 // the site list, after version, superuser, probe and the id lists
)

// partialAnswer is an answer that stops in the middle of the site list.
var partialAnswer = matomo.Bulk{}.Prefix(partialAnswerAt, `[{"idsite":1,`)

// hostileEnv is what a case's server setup can use and report.
type hostileEnv struct {
	t        *testing.T
	other    *rawServer   // another server, which must never be contacted
	requests atomic.Int64 // requests the hostile HTTP server received
	caFile   string       // set by cases that need a CA file
	dns      *fakeDNS     // set by cases that resolve a name
}

type hostileCase struct {
	name   string
	setup  func(e *hostileEnv) string // starts the server, returns the address to type
	class  matomo.ErrorClass          // "" means: verified
	say    string                     // in the error's detail
	hint   string                     // in the error's hint
	matomo string                     // Matomo's message as shown, when the server sent one
	fast   bool                       // must end well before the timeout
	limit  int64                      // Options.MaxResponseBytes, if not hostileLimit
	// sameServerRequests is how many requests the hostile server must
	// have received: 1, since nothing is retried or followed. 0 skips the
	// check (servers that are not HTTP).
	sameServerRequests int64
}

func TestHostileAndBrokenServers(t *testing.T) {
	t.Parallel() // its timeouts wait beside the other parallel tests
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.class == matomo.ClassTimeout {
				// These wait out the whole timeout; together they wait it
				// once, after the other cases (which time themselves) ran.
				t.Parallel()
			}
			env := &hostileEnv{t: t, other: startRaw(t, func(net.Conn) {})}
			addr := c.setup(env)
			limit := c.limit
			if limit == 0 {
				limit = hostileLimit
			}
			client, _ := testClient(t, matomo.Options{Timeout: hostileTimeout, MaxResponseBytes: limit, CAFile: env.caFile})
			if env.dns != nil {
				env.dns.use(client)
			}
			start := time.Now()
			res, err := client.Verify(context.Background(), address(t, addr), token(t, canary))
			elapsed := time.Since(start)

			if elapsed > hostileTimeout+time.Second || c.fast && elapsed > hostileTimeout/4 {
				t.Errorf("took %s (timeout %s)", elapsed, hostileTimeout)
			}
			if n := env.other.conns.Load(); n != 0 {
				t.Errorf("the other server received %d connections; nothing may follow a redirect", n)
			}
			if c.sameServerRequests > 0 && env.requests.Load() != c.sameServerRequests {
				t.Errorf("the server received %d requests, want %d", env.requests.Load(), c.sameServerRequests)
			}
			// Counted as written to the network: none when the connection
			// or TLS failed first, never more than one.
			if client.Requests() > 1 || c.sameServerRequests > 0 && int64(client.Requests()) != c.sameServerRequests {
				t.Errorf("%d requests written, want at most 1 (and what the server received: %d)", client.Requests(), env.requests.Load())
			}
			if c.class == "" {
				if err != nil {
					t.Fatalf("want verified, got %v", err)
				}
				if len(res.Sites) != 2 {
					t.Errorf("sites %q", sitesText(res.Sites))
				}
				return
			}
			e := classOf(t, err)
			t.Logf("after %s: %s: %s | %s", elapsed.Round(time.Millisecond), e.Class, e.Detail, e.Hint)
			if e.Class != c.class {
				t.Errorf("class %s, want %s: %s | %s", e.Class, c.class, e.Detail, e.Hint)
			}
			if !strings.Contains(e.Detail.String(), c.say) {
				t.Errorf("detail %q, want it to say %q", e.Detail, c.say)
			}
			if e.Matomo != c.matomo {
				t.Errorf("Matomo's message shown as %q, want %q", e.Matomo, c.matomo)
			}
			if !strings.Contains(e.Hint.String(), c.hint) {
				t.Errorf("hint %q, want it to say %q", e.Hint, c.hint)
			}
			checkShowable(t, e)
		})
	}
}

// checkShowable: what a hostile server said may be shown, but cleaned, and
// never with the token.
func checkShowable(t *testing.T, e *matomo.Error) {
	t.Helper()
	for _, s := range []string{e.Error(), e.Detail.String(), e.Hint.String(), e.Matomo, e.Location, e.Suggested.String(), fmt.Sprintf("%+v", *e)} {
		if strings.Contains(s, canary) {
			t.Errorf("the token appears in %q", s)
		}
	}
	for _, s := range []string{e.Error(), e.Hint.String(), e.Location} {
		if i := strings.IndexFunc(s, unsafeForTerminal); i >= 0 {
			t.Errorf("control character %q in %q", s[i:], s)
		}
	}
	if e.Hint.String() == "" || e.Detail.String() == "" {
		t.Errorf("an error without detail or hint: %+v", e)
	}
}

func hostileCases() []hostileCase {
	shortBody := matomo.Bulk{}.Prefix(partialAnswerAt, "[")
	var cases []hostileCase
	for _, status := range []int{301, 302, 303, 307, 308} {
		cases = append(cases, hostileCase{
			name: fmt.Sprintf("%d to the same server", status), class: matomo.ClassRedirect,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Location", "/analytics/index.php?"+r.URL.RawQuery)
					w.WriteHeader(status)
				})
			},
			say: "Matomo's address redirects to http://127.0.0.1:", hint: "/analytics, the address the redirect points to", sameServerRequests: 1,
		})
	}
	for _, status := range []int{302, 307, 308} {
		cases = append(cases, hostileCase{
			name: fmt.Sprintf("%d to another server", status), class: matomo.ClassRedirect,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					http.Redirect(w, r, "http://"+e.other.addr+"/index.php?"+r.URL.RawQuery, status)
				})
			},
			say: "redirects to another server", hint: "The token was not sent along the redirect", sameServerRequests: 1,
		})
	}
	cases = append(cases,
		hostileCase{
			name: "307 from https down to http", class: matomo.ClassRedirect,
			setup: func(e *hostileEnv) string {
				ca := newTestCA(e.t)
				e.caFile = ca.file
				return e.tlsServer(ca.leaf(e.t, nil, loopbackIP, time.Now().Add(-time.Hour), time.Now().Add(time.Hour)),
					func(w http.ResponseWriter, r *http.Request) {
						http.Redirect(w, r, "http://"+e.other.addr+"/index.php", http.StatusTemporaryRedirect)
					})
			},
			say: "from https to unencrypted http", hint: "Do not use that address", sameServerRequests: 1,
		},
		hostileCase{
			name: "complete answer, then the response is held open", class: "", fast: true,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("X-Matomo-Request-Id", "abc12")
					io.WriteString(w, matomo.Bulk{Sites: `[{"idsite":1,"name":"Shop"},{"idsite":2,"name":"Blog"}]`}.JSON())
					w.(http.Flusher).Flush()
					<-r.Context().Done() // never ends the chunked body
				})
			},
			sameServerRequests: 1,
		},
		hostileCase{
			name: "redirect without a Location", class: matomo.ClassRedirect,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusFound) })
			},
			say: "did not say where to", hint: "Open the address in a browser", sameServerRequests: 1,
		},
		hostileCase{
			name: "endless JSON string", class: matomo.ClassNotMatomo,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					io.WriteString(w, `[{"value":"`)
					endless(w, r, strings.Repeat("a", 64<<10))
				})
			},
			say: "larger than 1 MB without a sign of Matomo", hint: "Check the address", sameServerRequests: 1, limit: 1 << 20,
		},
		hostileCase{
			name: "endless HTML page", class: matomo.ClassNotMatomo,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					io.WriteString(w, "<!doctype html><html><head><title>Live stream</title></head><body>")
					endless(w, r, strings.Repeat("<p>more</p>", 4096))
				})
			},
			say: `web page titled "Live stream"`, hint: "Check the address", sameServerRequests: 1,
		},
		hostileCase{
			name: "oversized answer from Matomo", class: matomo.ClassServerError,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("X-Matomo-Request-Id", "abc12")
					io.WriteString(w, matomo.Bulk{}.Prefix(partialAnswerAt, "["))
					site := `{"idsite":1,"name":"` + strings.Repeat("x", 1000) + `","main_url":"https:\/\/x.example"},`
					for range 12 << 10 { // 12 MB of sites, unless the client stops reading
						if _, err := io.WriteString(w, site); err != nil {
							return
						}
					}
					io.WriteString(w, `{"idsite":2}]]`)
				})
			},
			say: "Matomo's answer was larger than 1 MB", hint: "higher limit", sameServerRequests: 1, limit: 1 << 20,
		},
		hostileCase{
			name: "answer trickles slower than the timeout", class: matomo.ClassTimeout,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("X-Matomo-Request-Id", "abc12")
					for _, b := range []byte(matomo.Bulk{Sites: `[{"idsite":1,"name":"Shop"}]`}.JSON()) {
						w.Write([]byte{b})
						w.(http.Flusher).Flush()
						select {
						case <-time.After(100 * time.Millisecond):
						case <-r.Context().Done():
							return
						}
					}
				})
			},
			say: "started answering, but the answer was still arriving after 2s", hint: "longer limit", sameServerRequests: 1,
		},
		hostileCase{
			name: "truncated JSON", class: matomo.ClassServerError,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("X-Matomo-Request-Id", "abc12")
					io.WriteString(w, matomo.Bulk{}.Prefix(partialAnswerAt, `[{"idsite":1,"na`))
				})
			},
			say: "ended in the middle", hint: "memory_limit", sameServerRequests: 1,
		},
		hostileCase{
			name: "body shorter than its Content-Length", class: matomo.ClassNetwork,
			setup: func(e *hostileEnv) string {
				return e.rawHTTP(func(conn net.Conn) {
					io.WriteString(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"+shortBody)
				})
			},
			say: fmt.Sprintf("broke while the answer was arriving (after %d bytes)", len(shortBody)), hint: "Try again",
		},
		hostileCase{
			name: "malformed JSON", class: matomo.ClassNotMatomo,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					io.WriteString(w, `[{"value":"5.0.2"},{value:false}]`)
				})
			},
			say: "not Matomo's API (invalid character 'v'", hint: "Check the address", sameServerRequests: 1,
		},
		hostileCase{
			name: "JSON with the wrong types", class: matomo.ClassServerError,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("X-Matomo-Request-Id", "abc12")
					io.WriteString(w, matomo.Bulk{SuperUser: `{"value":"perhaps"}`, Sites: `"all sites"`}.JSON())
				})
			},
			say: `could not be read (expected true or false, got "perhaps")`, hint: "Show this to the Matomo administrator", sameServerRequests: 1,
		},
		hostileCase{
			name: "HTML with 200", class: matomo.ClassNotMatomo,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					io.WriteString(w, "<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head><body>It works</body></html>")
				})
			},
			say: `web page titled "Welcome to nginx!"`, hint: "the one you use to log in to Matomo", sameServerRequests: 1,
		},
		hostileCase{
			name: "Basic-auth 401", class: matomo.ClassNotMatomo,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("WWW-Authenticate", `Basic realm="Intranet"`)
					http.Error(w, "401 Authorization Required", http.StatusUnauthorized)
				})
			},
			say: "HTTP Basic authentication", hint: "cannot pass that prompt", sameServerRequests: 1,
		},
		hostileCase{
			name: "429 with Retry-After", class: matomo.ClassRateLimited,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Retry-After", "30")
					w.WriteHeader(http.StatusTooManyRequests)
				})
			},
			say: "429 Too Many Requests", hint: "wait 30s", sameServerRequests: 1,
		},
		hostileCase{
			name: "503 during an upgrade", class: matomo.ClassServerError,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					w.WriteHeader(http.StatusServiceUnavailable)
					io.WriteString(w, "<html><body>Database upgrade required</body></html>")
				})
			},
			say: "unavailable (503)", hint: "Try again in a few minutes", sameServerRequests: 1,
		},
		hostileCase{
			name: "502 from the proxy in front", class: matomo.ClassServerError,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Server", "nginx")
					http.Error(w, "<html><title>502 Bad Gateway</title></html>", http.StatusBadGateway)
				})
			},
			say: "could not get an answer from Matomo behind it (HTTP 502)", hint: "Matomo (PHP) may be down", sameServerRequests: 1,
		},
		hostileCase{
			name: "escape sequences in an error message", class: matomo.ClassServerError,
			setup: func(e *hostileEnv) string {
				return e.httpServer(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("X-Matomo-Request-Id", "abc12")
					io.WriteString(w, `{"result":"error","message":"Oops\u001b[2J\u001b]0;pwned\u0007 \u202eevil"}`)
				})
			},
			say: "answered the request with an error", hint: "show this message", sameServerRequests: 1,
			matomo: "Oops[2J]0;pwned evil",
		},
		hostileCase{
			name: "self-signed certificate without a CA file", class: matomo.ClassTLS,
			setup: func(e *hostileEnv) string {
				cert, _ := selfSigned(e.t, loopbackIP)
				return e.tlsServer(cert, e.fakeMatomo())
			},
			say: "signed by an authority this computer does not trust (CN=matomo.intranet)", hint: "--ca-file",
		},
		hostileCase{
			name: "self-signed certificate trusted with a CA file", class: "",
			setup: func(e *hostileEnv) string {
				cert, file := selfSigned(e.t, loopbackIP)
				e.caFile = file
				return e.tlsServer(cert, e.fakeMatomo())
			},
			sameServerRequests: 1,
		},
		hostileCase{
			name: "expired certificate", class: matomo.ClassTLS,
			setup: func(e *hostileEnv) string {
				ca := newTestCA(e.t)
				e.caFile = ca.file
				return e.tlsServer(ca.leaf(e.t, nil, loopbackIP, time.Now().Add(-60*24*time.Hour), time.Now().Add(-24*time.Hour)), e.fakeMatomo())
			},
			say: "expired on", hint: "renew",
		},
		hostileCase{
			name: "certificate for another host name", class: matomo.ClassTLS,
			setup: func(e *hostileEnv) string {
				ca := newTestCA(e.t)
				e.caFile = ca.file
				return e.tlsServer(ca.leaf(e.t, []string{"analytics.example.org"}, nil, time.Now().Add(-time.Hour), time.Now().Add(time.Hour)), e.fakeMatomo())
			},
			say: "made out to other names (analytics.example.org)", hint: "Use the address the certificate is made out for",
		},
		hostileCase{
			name: "https to a port that speaks plain http", class: matomo.ClassTLS,
			setup: func(e *hostileEnv) string {
				return strings.Replace(e.httpServer(e.fakeMatomo()), "http://", "https://", 1)
			},
			say: "answers plain http on this port", hint: "Check the port",
		},
		hostileCase{
			name: "TLS handshake that never completes", class: matomo.ClassTimeout,
			setup: func(e *hostileEnv) string { return "https://" + startRaw(e.t, holdOpen).addr },
			say:   "the secure connection was not set up within 2s", hint: "may not serve https",
		},
		hostileCase{
			name: "connection refused", class: matomo.ClassNetwork,
			setup: func(e *hostileEnv) string {
				ln, err := net.Listen("tcp", "127.0.0.1:0")
				if err != nil {
					e.t.Fatal(err)
				}
				ln.Close()
				return "http://" + ln.Addr().String()
			},
			say: "refused the connection: nothing is listening there", hint: "Check the address and the port",
		},
		hostileCase{
			name: "accepts, never answers", class: matomo.ClassTimeout,
			setup: func(e *hostileEnv) string { return "http://" + startRaw(e.t, holdOpen).addr },
			say:   "did not answer within 2s", hint: "overloaded",
		},
		hostileCase{
			name: "closes before answering", class: matomo.ClassNetwork,
			setup: func(e *hostileEnv) string {
				return e.rawHTTP(func(net.Conn) {})
			},
			say: "closed the connection before answering", hint: "firewall or proxy",
		},
		hostileCase{
			name: "connection reset in the middle of the answer", class: matomo.ClassNetwork,
			setup: func(e *hostileEnv) string {
				return e.rawHTTP(func(conn net.Conn) {
					io.WriteString(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Matomo-Request-Id: abc12\r\n\r\n"+
						partialAnswer)
					time.Sleep(200 * time.Millisecond) // let the client read it, then reset
					conn.(*net.TCPConn).SetLinger(0)
				})
			},
			say: fmt.Sprintf("broke while the answer was arriving (after %d bytes)", len(partialAnswer)), hint: "Try again",
		},
		hostileCase{
			name: "a port that does not speak HTTP", class: matomo.ClassNotMatomo,
			setup: func(e *hostileEnv) string {
				return "http://" + startRaw(e.t, func(conn net.Conn) {
					io.WriteString(conn, "SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")
					holdOpen(conn)
				}).addr
			},
			say: "does not speak HTTP", hint: "belongs to another service",
		},
		hostileCase{
			name: "a name that does not resolve", class: matomo.ClassNetwork,
			setup: func(e *hostileEnv) string {
				e.dns = startFakeDNS(e.t, nil)
				return "https://matomo.does-not-exist.test"
			},
			say: "matomo.does-not-exist.test could not be found (DNS)", hint: "Check the spelling",
		},
	)
	return cases
}

// httpServer starts a plain http server on loopback that counts requests.
func (e *hostileEnv) httpServer(h http.HandlerFunc) string {
	srv := httptest.NewUnstartedServer(e.counting(h))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0)
	srv.Start()
	e.t.Cleanup(srv.Close)
	return srv.URL
}

// tlsServer starts an https server on 127.0.0.1 with the given certificate.
func (e *hostileEnv) tlsServer(cert tls.Certificate, h http.HandlerFunc) string {
	srv := httptest.NewUnstartedServer(e.counting(h))
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // handshake failures are the point
	srv.StartTLS()
	e.t.Cleanup(srv.Close)
	return srv.URL
}

func (e *hostileEnv) counting(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		e.requests.Add(1)
		h(w, r)
	}
}

// fakeMatomo is the fake Matomo's handler, for servers that only differ
// from a good Matomo in their certificate.
func (e *hostileEnv) fakeMatomo() http.HandlerFunc {
	data := demomatomo.Recorded()
	data.Tokens = append(data.Tokens, demomatomo.Token{Value: canary, Login: "viewer"})
	return demomatomo.NewHandler(data, demomatomo.Options{}).ServeHTTP
}

// rawHTTP starts a TCP server that reads one HTTP request and then does
// what answer does on the bare connection.
func (e *hostileEnv) rawHTTP(answer func(net.Conn)) string {
	return "http://" + startRaw(e.t, func(conn net.Conn) {
		req, err := http.ReadRequest(bufio.NewReader(conn))
		if err != nil {
			return
		}
		io.Copy(io.Discard, req.Body)
		answer(conn)
	}).addr
}

// rawServer is a TCP listener on loopback that counts connections.
type rawServer struct {
	addr  string
	conns atomic.Int64
}

func startRaw(t *testing.T, handle func(net.Conn)) *rawServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &rawServer{addr: ln.Addr().String()}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			s.conns.Add(1)
			go func() {
				defer conn.Close()
				handle(conn)
			}()
		}
	}()
	return s
}

// holdOpen reads until the client gives up, answering nothing.
func holdOpen(conn net.Conn) {
	conn.SetDeadline(time.Now().Add(hostileTimeout + 2*time.Second))
	io.Copy(io.Discard, conn)
}

// endless writes chunk until the client goes away.
func endless(w http.ResponseWriter, r *http.Request, chunk string) {
	for r.Context().Err() == nil {
		if _, err := io.WriteString(w, chunk); err != nil {
			return
		}
	}
}

// unsafeForTerminal is what a server must not get onto the user's screen:
// control characters (escape sequences) and bidirectional overrides.
func unsafeForTerminal(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
}
