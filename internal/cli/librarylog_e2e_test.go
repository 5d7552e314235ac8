//go:build linux || darwin || freebsd

package cli

import (
	"bufio"
	"bytes"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"

	"matomo-onboard/matomo/demomatomo"
)

// TestWhatAServerWritesOnAnIdleConnectionNeverPrints: a server that holds
// the token writes it on the keep-alive connection after its answer, when
// nobody asked. Go's HTTP client logs such bytes, quoted, through the
// standard logger, to stderr past every echo removal. The built binary
// prints nothing of them: the server waits until the client has seen the
// bytes (it closes the connection right after logging them) before it
// answers the URL check, so the program is still running when they come.
func TestWhatAServerWritesOnAnIdleConnectionNeverPrints(t *testing.T) {
	t.Parallel()
	canary := newHexCanary(t)
	demo := demomatomo.NewHandler(withToken(demomatomo.Token{Value: canary, Login: "viewer"}), demomatomo.Options{})
	seen := make(chan struct{}) // the client closed the connection it got the bytes on
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go serveThenWriteUnasked(conn, demo, canary, seen)
		}
	}()
	cmd := exec.Command(builtBinary(t), "verify", "--url", "http://"+ln.Addr().String(), "--check-get", "--timeout", "10s")
	cmd.Env = []string{"HOME=" + t.TempDir(), "LANG=C.UTF-8", "PATH=/usr/bin:/bin"}
	cmd.Stdin = strings.NewReader(canary + "\n")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	select {
	case <-seen:
	default:
		t.Fatalf("the client never got the bytes written on its idle connection (exit %v)\nstderr: %s", err, stderr.String())
	}
	if code := exitCodeOf(t, err); code != 0 {
		t.Fatalf("exit %d, want 0\nstderr: %s", code, stderr.String())
	}
	for where, text := range map[string]string{"stdout": stdout.String(), "stderr": stderr.String()} {
		if f := leakIn(text, canary); f != "" {
			t.Errorf("%s holds the token (%q):\n%s", where, f, text)
		}
		if strings.Contains(text, "Unsolicited") {
			t.Errorf("%s holds the HTTP client's log line:\n%s", where, text)
		}
	}
}

// serveThenWriteUnasked answers requests on conn with demo. After the
// answer to the token's POST it writes a response nobody asked for, with
// the token in a header, and closes seen once the client closed the
// connection; a GET (the URL check) is answered only after that.
func serveThenWriteUnasked(conn net.Conn, demo http.Handler, canary string, seen chan struct{}) {
	defer conn.Close()
	br := bufio.NewReader(conn)
	for {
		req, err := http.ReadRequest(br)
		if err != nil {
			return
		}
		body, _ := io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(body))
		if req.Method == http.MethodGet {
			select {
			case <-seen:
			case <-time.After(10 * time.Second):
			}
		}
		rec := httptest.NewRecorder()
		demo.ServeHTTP(rec, req)
		resp := rec.Result()
		resp.ContentLength = int64(rec.Body.Len())
		if err := resp.Write(conn); err != nil {
			return
		}
		if req.Method == http.MethodPost && bytes.Contains(body, []byte(canary)) {
			time.Sleep(20 * time.Millisecond) // the client has put the connection back as idle
			io.WriteString(conn, "HTTP/1.1 200 OK\r\nX-Echo: "+canary+"\r\nContent-Length: 0\r\n\r\n")
			io.Copy(io.Discard, br) // until the client closes it
			close(seen)
			return
		}
	}
}
