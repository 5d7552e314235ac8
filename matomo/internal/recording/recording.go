// Package recording loads the raw exchanges with a real Matomo 5.0.2 kept
// in matomo/testdata/recordings, for the tests of the client and of the fake
// Matomo. A recording is two files: CASE.request.txt, what was sent, and
// CASE.http, the raw HTTP response (empty when nothing answered; the
// request file then notes curl's exit code).
package recording

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
)

// Recording is one exchange with the real Matomo.
type Recording struct {
	Name string
	// Method, URL, Header and Body are the request as it was sent.
	Method string
	URL    *url.URL
	Header http.Header
	Body   string
	// CurlExit is curl's exit code when no response came (7: refused,
	// 35: TLS handshake failed); 0 when a response was recorded.
	CurlExit int
	// Status, RespHeader and RespBody are the response; Status is 0 when
	// there was none.
	Status     int
	RespHeader http.Header
	RespBody   []byte
}

// Dir is the directory of the recordings, found from this source file so
// that tests in any package can use it.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata", "recordings")
}

// Names lists every recording, sorted.
func Names() ([]string, error) {
	files, err := filepath.Glob(filepath.Join(Dir(), "*.request.txt"))
	if err != nil {
		return nil, err
	}
	var names []string
	for _, f := range files {
		names = append(names, strings.TrimSuffix(filepath.Base(f), ".request.txt"))
	}
	sort.Strings(names)
	return names, nil
}

// Load reads one recording by name.
func Load(name string) (*Recording, error) {
	req, err := os.ReadFile(filepath.Join(Dir(), name+".request.txt"))
	if err != nil {
		return nil, err
	}
	r := &Recording{Name: name}
	if err := r.parseRequest(string(req)); err != nil {
		return nil, fmt.Errorf("%s.request.txt: %w", name, err)
	}
	raw, err := os.ReadFile(filepath.Join(Dir(), name+".http"))
	if err != nil {
		return nil, err
	}
	if len(raw) == 0 {
		return r, nil
	}
	if err := r.parseResponse(raw); err != nil {
		return nil, fmt.Errorf("%s.http: %w", name, err)
	}
	return r, nil
}

var curlExitRE = regexp.MustCompile(`\n\(curl exit code (\d+):[^\n]*\)\n?$`)

// parseRequest reads "METHOD URL", header lines, a blank line and the body,
// as the recorder wrote them (each part ends in one newline).
func (r *Recording) parseRequest(s string) error {
	if m := curlExitRE.FindStringSubmatch(s); m != nil {
		r.CurlExit, _ = strconv.Atoi(m[1])
		s = s[:len(s)-len(m[0])] + "\n"
	}
	head, body, _ := strings.Cut(s, "\n\n")
	lines := strings.Split(strings.TrimSuffix(head, "\n"), "\n")
	method, rawURL, ok := strings.Cut(lines[0], " ")
	if !ok {
		return fmt.Errorf("first line %q is not METHOD URL", lines[0])
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return err
	}
	r.Method, r.URL, r.Header = method, u, http.Header{}
	for _, l := range lines[1:] {
		k, v, ok := strings.Cut(l, ": ")
		if !ok {
			return fmt.Errorf("header line %q", l)
		}
		r.Header.Add(k, v)
	}
	r.Body = strings.TrimSuffix(body, "\n")
	return nil
}

func (r *Recording) parseResponse(raw []byte) error {
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(raw)), nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	r.Status, r.RespHeader, r.RespBody = resp.StatusCode, resp.Header, body
	return nil
}

// HasResponse reports whether the server answered.
func (r *Recording) HasResponse() bool { return r.Status != 0 }

// Params are the request's parameters, query and form body together, the
// way PHP's $_GET and $_POST see them (query first).
func (r *Recording) Params() url.Values {
	all := url.Values{}
	for k, v := range r.URL.Query() {
		all[k] = append(all[k], v...)
	}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		form, _ := url.ParseQuery(r.Body)
		for k, v := range form {
			all[k] = append(all[k], v...)
		}
	}
	return all
}

// Token is the token_auth the request carried, "" when none; also from a
// JSON body, which Matomo ignores but which still carried the token.
func (r *Recording) Token() string {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		var body struct {
			Token string `json:"token_auth"`
		}
		_ = json.Unmarshal([]byte(r.Body), &body)
		return body.Token
	}
	return r.Params().Get("token_auth")
}

// Response rebuilds the recorded response, with a fresh body, for code that
// reads an *http.Response.
func (r *Recording) Response(req *http.Request) *http.Response {
	return &http.Response{
		Status:        strconv.Itoa(r.Status) + " " + http.StatusText(r.Status),
		StatusCode:    r.Status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        r.RespHeader.Clone(),
		Body:          io.NopCloser(bytes.NewReader(r.RespBody)),
		ContentLength: int64(len(r.RespBody)),
		Request:       req,
	}
}

// Replay writes the recorded response (status, headers, body) to w, for a
// loopback server that stands in for the real Matomo.
func (r *Recording) Replay(w http.ResponseWriter) {
	for k, vs := range r.RespHeader {
		switch strings.ToLower(k) {
		case "content-length", "connection", "date", "host":
			continue // the serving http.Server sets its own
		}
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	w.WriteHeader(r.Status)
	_, _ = w.Write(r.RespBody)
}
