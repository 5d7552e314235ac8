package matomo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// slot holds one element of a bulk answer: the value the sub-call returned,
// or Matomo's inline error for it ({"result":"error","message":...}).
type slot[T any] struct {
	Val    T
	Failed bool
	Err    string // Matomo's message when Failed
}

func (s *slot[T]) UnmarshalJSON(b []byte) error {
	if msg, ok := inlineError(b); ok {
		s.Failed, s.Err = true, msg
		return nil
	}
	return json.Unmarshal(b, &s.Val)
}

// inlineError recognises Matomo's error object without decoding large
// values: only an object can be one.
func inlineError(b []byte) (string, bool) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' || !bytes.Contains(b, []byte(`"result"`)) {
		return "", false
	}
	var e struct {
		Result  string `json:"result"`
		Message string `json:"message"`
	}
	if json.Unmarshal(b, &e) != nil || e.Result != "error" {
		return "", false
	}
	return cleanText(e.Message, 500), true
}

// unwrapValue strips Matomo's {"value": x} wrapper around scalar results.
// Matomo 3's bulk answers send the bare scalar, so both are accepted.
func unwrapValue(b []byte) []byte {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' {
		return b
	}
	var w struct {
		Value json.RawMessage `json:"value"`
	}
	if json.Unmarshal(b, &w) == nil && w.Value != nil {
		return w.Value
	}
	return b
}

// flexString accepts "5.0.2", {"value":"5.0.2"} or a bare number.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	b = unwrapValue(b)
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("expected a text value, got %.40s", b)
	}
	*f = flexString(n.String())
	return nil
}

// flexBool accepts true, 1, "1", "true" and their opposites, bare or in
// {"value": ...}: PHP and Matomo's versions differ in how they send it.
type flexBool bool

func (f *flexBool) UnmarshalJSON(b []byte) error {
	b = unwrapValue(b)
	switch string(b) {
	case "true", "1", `"1"`, `"true"`:
		*f = true
	case "false", "0", `"0"`, `"false"`, `""`, "null":
		*f = false
	default:
		return fmt.Errorf("expected true or false, got %.40s", b)
	}
	return nil
}

// flexInt accepts 7 and "7": PHP before 8.1 (Matomo 3 and 4) sends numbers
// from the database as strings.
type flexInt int

func (f *flexInt) UnmarshalJSON(b []byte) error {
	s := string(bytes.Trim(b, `"`))
	n, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("expected a whole number, got %.40s", b)
	}
	*f = flexInt(n)
	return nil
}

// siteJSON is the part of Matomo's site object the wizard shows.
type siteJSON struct {
	ID      flexInt `json:"idsite"`
	Name    string  `json:"name"`
	MainURL string  `json:"main_url"`
}

// bulkAnswer is the decoded answer to verifyCalls, element by element.
type bulkAnswer struct {
	Version     slot[flexString]
	SuperUser   slot[flexBool]
	Sites       slot[[]siteJSON]
	Admin       slot[[]flexInt]
	Write       slot[[]flexInt]
	View        slot[[]flexInt]
	EmailExists slot[flexBool]
}

// readers lists how each element of the answer is read, in the order of
// verifyCalls. The lists are read element by element: a site list of
// 100,000 sites is about 50 MB of JSON, which decoded whole would be buffered and
// scanned three times.
func (b *bulkAnswer) readers() []func(*json.Decoder) error {
	return []func(*json.Decoder) error{
		decodeInto(&b.Version), decodeInto(&b.SuperUser), decodeList(&b.Sites),
		decodeList(&b.Admin), decodeList(&b.Write), decodeList(&b.View), decodeInto(&b.EmailExists),
	}
}

func decodeInto[T any](s *slot[T]) func(*json.Decoder) error {
	return func(dec *json.Decoder) error { return dec.Decode(s) }
}

// decodeList reads a JSON list one element at a time, or Matomo's inline
// error object in its place.
func decodeList[T any](s *slot[[]T]) func(*json.Decoder) error {
	return func(dec *json.Decoder) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('['):
			list := []T{}
			for dec.More() {
				var v T
				if err := dec.Decode(&v); err != nil {
					return err
				}
				list = append(list, v)
			}
			s.Val = list
			_, err = dec.Token() // the closing ]
			return err
		case json.Delim('{'):
			msg, isError, err := readErrorObject(dec)
			if err != nil {
				return err
			}
			if !isError {
				return fmt.Errorf("expected a list, got an object")
			}
			s.Failed, s.Err = true, msg
			return nil
		case nil:
			s.Val = []T{} // null: PHP's empty result
			return nil
		}
		return fmt.Errorf("expected a list, got %.40v", tok)
	}
}

// readErrorObject reads the rest of an object whose { was read, and
// reports whether it is Matomo's {"result":"error","message":...}.
func readErrorObject(dec *json.Decoder) (msg string, isError bool, err error) {
	var result string
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return "", false, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return "", false, err
		}
		switch key {
		case "result":
			_ = json.Unmarshal(v, &result)
		case "message":
			_ = json.Unmarshal(v, &msg)
		}
	}
	if _, err := dec.Token(); err != nil { // the closing }
		return "", false, err
	}
	return cleanText(msg, 500), result == "error", nil
}

// decodeError says why an answer could not be decoded: it ended early, it
// is not JSON, or its values have the wrong types.
type decodeError struct {
	kind string // "truncated", "malformed", "types", "short", "too_large"
	err  error
}

func (e *decodeError) Error() string { return e.kind + ": " + e.err.Error() }

// decodeBulk reads a bulk answer as a stream, so that 100,000 sites need
// memory for their decoded form and one element's text, not the whole body
// twice. A failure to read (timeout, reset, size limit) comes back as that
// error; a failure to understand what was read comes back as *decodeError.
func decodeBulk(r io.Reader) (*bulkAnswer, error) {
	src := &readRecorder{r: r}
	dec := json.NewDecoder(src)
	fail := func(err error) error {
		if src.err != nil {
			return src.err
		}
		return asDecodeError(err)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, fail(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, &decodeError{kind: "types", err: fmt.Errorf("the answer is not a list")}
	}
	var b bulkAnswer
	readers := b.readers()
	for i, read := range readers {
		if !dec.More() {
			return nil, &decodeError{kind: "short", err: fmt.Errorf("the answer has %d parts, %d expected", i, len(readers))}
		}
		if err := read(dec); err != nil {
			return nil, fail(err)
		}
	}
	return &b, nil
}

func asDecodeError(err error) *decodeError {
	switch err.(type) {
	case *json.SyntaxError:
		return &decodeError{kind: "malformed", err: err}
	}
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		return &decodeError{kind: "truncated", err: err}
	}
	return &decodeError{kind: "types", err: err}
}

// readRecorder remembers the first read error other than io.EOF, so that a
// broken connection is not mistaken for broken JSON.
type readRecorder struct {
	r   io.Reader
	err error
}

func (rr *readRecorder) Read(p []byte) (int, error) {
	n, err := rr.r.Read(p)
	if err != nil && err != io.EOF && rr.err == nil {
		rr.err = err
	}
	return n, err
}
