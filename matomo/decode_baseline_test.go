package matomo

// The decoder this package had before the one-pass decoder of decode.go,
// kept as the baseline its benchmarks compare with (BenchmarkDecode) and
// as a second opinion in TestDecoderMatchesTheBaseline: encoding/json's
// streaming Decoder into structs, element by element, then a map from
// site id to role, a sort, and the cleaning of every name and address
// without the ASCII fast path. Only the order of the elements follows
// today's request, so that both read the same bytes.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// oldVerify is the old decode and join: what interpret did after decoding.
func oldVerify(r io.Reader) (version string, superUser bool, sites []Site, err error) {
	b, err := oldDecodeBulk(r)
	if err != nil {
		return "", false, nil, err
	}
	superUser = !b.SuperUser.Failed && bool(b.SuperUser.Val)
	if !b.Version.Failed {
		version = oldCleanField(string(b.Version.Val), 40)
	}
	return version, superUser, oldSitesWithAccess(b.Sites.Val, b, superUser), nil
}

func oldCleanField(s string, max int) string { return limitRunes(collapseSpace(stripUnsafe(s)), max) }

func oldCleanText(s string, max int) string { return cleanText(s, max) }

// oldSlot holds one element of a bulk answer: the value the sub-call returned,
// or Matomo's inline error for it ({"result":"error","message":...}).
type oldSlot[T any] struct {
	Val    T
	Failed bool
	Err    string // Matomo's message when Failed
}

func (s *oldSlot[T]) UnmarshalJSON(b []byte) error {
	if msg, ok := oldInlineError(b); ok {
		s.Failed, s.Err = true, msg
		return nil
	}
	return json.Unmarshal(b, &s.Val)
}

// oldInlineError recognises Matomo's error object without decoding large
// values: only an object can be one.
func oldInlineError(b []byte) (string, bool) {
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
	return oldCleanText(e.Message, 500), true
}

// oldUnwrapValue strips Matomo's {"value": x} wrapper around scalar results.
// Matomo 3's bulk answers send the bare scalar, so both are accepted.
func oldUnwrapValue(b []byte) []byte {
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

// oldFlexString accepts "5.0.2", {"value":"5.0.2"} or a bare number.
type oldFlexString string

func (f *oldFlexString) UnmarshalJSON(b []byte) error {
	b = oldUnwrapValue(b)
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*f = oldFlexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("expected a text value, got %.40s", b)
	}
	*f = oldFlexString(n.String())
	return nil
}

// oldFlexBool accepts true, 1, "1", "true" and their opposites, bare or in
// {"value": ...}: PHP and Matomo's versions differ in how they send it.
type oldFlexBool bool

func (f *oldFlexBool) UnmarshalJSON(b []byte) error {
	b = oldUnwrapValue(b)
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

// oldFlexInt accepts 7 and "7": PHP before 8.1 (Matomo 3 and 4) sends numbers
// from the database as strings.
type oldFlexInt int

func (f *oldFlexInt) UnmarshalJSON(b []byte) error {
	s := string(bytes.Trim(b, `"`))
	n, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("expected a whole number, got %.40s", b)
	}
	*f = oldFlexInt(n)
	return nil
}

// oldSiteJSON is the part of Matomo's site object the wizard shows.
type oldSiteJSON struct {
	ID      oldFlexInt `json:"idsite"`
	Name    string     `json:"name"`
	MainURL string     `json:"main_url"`
}

// oldBulkAnswer is the decoded answer to verifyCalls, element by element.
type oldBulkAnswer struct {
	Version     oldSlot[oldFlexString]
	SuperUser   oldSlot[oldFlexBool]
	Sites       oldSlot[[]oldSiteJSON]
	Admin       oldSlot[[]oldFlexInt]
	Write       oldSlot[[]oldFlexInt]
	EmailExists oldSlot[oldFlexBool]
}

// readers lists how each element of the answer is read, in the order of
// verifyCalls. The lists are read element by element: a site list of
// 100,000 sites is about 50 MB of JSON, which decoded whole would be buffered and
// scanned three times.
func (b *oldBulkAnswer) readers() []func(*json.Decoder) error {
	// In the order of today's verifyCalls, so that both decoders read the
	// same bytes; the view-id list is no longer asked.
	return []func(*json.Decoder) error{
		oldDecodeInto(&b.Version), oldDecodeInto(&b.SuperUser), oldDecodeInto(&b.EmailExists),
		oldDecodeList(&b.Admin), oldDecodeList(&b.Write), oldDecodeList(&b.Sites),
	}
}

func oldDecodeInto[T any](s *oldSlot[T]) func(*json.Decoder) error {
	return func(dec *json.Decoder) error { return dec.Decode(s) }
}

// oldDecodeList reads a JSON list one element at a time, or Matomo's inline
// error object in its place.
func oldDecodeList[T any](s *oldSlot[[]T]) func(*json.Decoder) error {
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
			msg, isError, err := oldReadErrorObject(dec)
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

// oldReadErrorObject reads the rest of an object whose { was read, and
// reports whether it is Matomo's {"result":"error","message":...}.
func oldReadErrorObject(dec *json.Decoder) (msg string, isError bool, err error) {
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
	return oldCleanText(msg, 500), result == "error", nil
}

// oldDecodeError says why an answer could not be decoded: it ended early, it
// is not JSON, or its values have the wrong types.
type oldDecodeError struct {
	kind string // "truncated", "malformed", "types", "short", "too_large"
	err  error
}

func (e *oldDecodeError) Error() string { return e.kind + ": " + e.err.Error() }

// oldDecodeBulk reads a bulk answer as a stream, so that 100,000 sites need
// memory for their decoded form and one element's text, not the whole body
// twice. A failure to read (timeout, reset, size limit) comes back as that
// error; a failure to understand what was read comes back as *oldDecodeError.
func oldDecodeBulk(r io.Reader) (*oldBulkAnswer, error) {
	src := &oldReadRecorder{r: r}
	dec := json.NewDecoder(src)
	fail := func(err error) error {
		if src.err != nil {
			return src.err
		}
		return oldAsDecodeError(err)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, fail(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, &oldDecodeError{kind: "types", err: fmt.Errorf("the answer is not a list")}
	}
	var b oldBulkAnswer
	readers := b.readers()
	for i, read := range readers {
		if !dec.More() {
			return nil, &oldDecodeError{kind: "short", err: fmt.Errorf("the answer has %d parts, %d expected", i, len(readers))}
		}
		if err := read(dec); err != nil {
			return nil, fail(err)
		}
	}
	return &b, nil
}

func oldAsDecodeError(err error) *oldDecodeError {
	switch err.(type) {
	case *json.SyntaxError:
		return &oldDecodeError{kind: "malformed", err: err}
	}
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		return &oldDecodeError{kind: "truncated", err: err}
	}
	return &oldDecodeError{kind: "types", err: err}
}

// oldReadRecorder remembers the first read error other than io.EOF, so that a
// broken connection is not mistaken for broken JSON.
type oldReadRecorder struct {
	r   io.Reader
	err error
}

func (rr *oldReadRecorder) Read(p []byte) (int, error) {
	n, err := rr.r.Read(p)
	if err != nil && err != io.EOF && rr.err == nil {
		rr.err = err
	}
	return n, err
}

// sitesWithAccess gives each site its role. A superuser is admin
// everywhere; otherwise the id lists decide, and a site in none of them (a
// role Matomo may add later) counts as view, the least it can be.
func oldSitesWithAccess(in []oldSiteJSON, b *oldBulkAnswer, superUser bool) []Site {
	role := make(map[int]Access, len(in))
	for _, id := range b.Write.Val {
		role[int(id)] = AccessWrite
	}
	for _, id := range b.Admin.Val {
		role[int(id)] = AccessAdmin
	}
	out := make([]Site, 0, len(in))
	for _, s := range in {
		a := AccessView
		if r, ok := role[int(s.ID)]; ok {
			a = r
		}
		if superUser {
			a = AccessAdmin
		}
		out = append(out, Site{ID: int(s.ID), Name: oldCleanField(s.Name, 200), URL: oldCleanField(s.MainURL, 300), Access: a})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
