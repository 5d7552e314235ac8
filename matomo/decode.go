package matomo

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/go-json-experiment/json/jsontext"

	"matomo-onboard/internal/i18n"
)

// The bulk answer is read in one pass, token by token, straight into what
// the Result needs: no value of the answer is held whole, no object is made
// per site, and unknown fields are skipped without being copied.
//
// Why jsontext (github.com/go-json-experiment/json, the module that became
// encoding/json/v2; v2 itself needs GOEXPERIMENT=jsonv2 before Go 1.27): it
// streams from an io.Reader with a small buffer and hands out tokens
// without allocating, and with duplicate-name checks off it tokenises the
// answer of 100,000 whole site objects (47 MB) in 0.27–0.30 s. Measured on
// the same bytes (README, Performance; decode_baseline_test.go): the
// decoder before this one, encoding/json's Decoder into structs, took
// 1.0 s and 900,000 allocations, 84 % of it in encoding/json's scanner and
// reflection. goccy/go-json is as fast as jsontext but held the whole body
// (229 MiB at 100,000 sites); segmentio/encoding's Decoder reads a whole
// value, here the whole site list, before parsing it, and its Tokenizer
// needs the bytes in memory: neither can keep the memory bound below. The
// site list itself is read by sitelist.go, which uses jsontext for every
// object that is not in Matomo's own layout.
var decodeOptions = []jsontext.Options{
	// Matomo sends each name once; checking costs a set per object.
	jsontext.AllowDuplicateNames(true),
	// encoding/json accepted invalid UTF-8 (a Latin-1 site name); so does
	// this, and cleanField drops the invalid bytes before they are shown.
	jsontext.AllowInvalidUTF8(true),
}

// Bounds for any answer, hostile ones included. What Verify holds for the
// largest answer within them stays below 64 MiB: 500,000 sites are 28 MB
// as []Site plus 4.5 MB of records while they are read (sitelist.go), 12 MiB
// of names and addresses, once more that (and a quarter) if every one of
// them holds an echo of the token and is rewritten by the redaction, and
// the id lists (2 MB). A real Matomo's answer is far inside them: 20,000
// sites send 0.8 MB of names and addresses, no string the wizard shows is
// longer than a few hundred bytes (names are cut to 200 characters,
// addresses to 300), and the longest field of a site object (its excluded
// user agents, a MySQL TEXT column) fits in 64 kB.
const (
	maxSites      = 500_000
	maxTextBytes  = 4 << 10  // one string that is read: name, address, message, key
	maxValueBytes = 1 << 20  // one value or run of whitespace, skipped ones included
	maxSiteText   = 12 << 20 // names and addresses of all sites, as kept
)

// slot holds one element of a bulk answer: the value the sub-call returned,
// or Matomo's inline error for it ({"result":"error","message":...}).
type slot[T any] struct {
	Val    T
	Failed bool
	Err    string // Matomo's message when Failed
}

// bulkAnswer is the decoded answer to verifyCalls. The id lists are sorted
// ascending; a superuser's admin list is not kept (every site is admin).
type bulkAnswer struct {
	Version     slot[string]
	SuperUser   slot[bool]
	EmailExists slot[bool]
	Admin       slot[[]uint32]
	Write       slot[[]uint32]
	Sites       slot[siteStore]
	// Visits answers the data check's call, when it was asked; VisitsErr
	// is why it could not be read (the rest of the answer was).
	Visits    slot[visitAnswer]
	VisitsErr error
}

// decodeError says why an answer could not be decoded: it ended early, it
// is not JSON, its values have the wrong types, or it is beyond the bounds.
type decodeError struct {
	kind string // "truncated", "malformed", "types", "short", "too_large"
	err  error
}

func (e *decodeError) Error() string { return e.kind + ": " + e.err.Error() }

// tooLargeError is an answer beyond one of the bounds above; what says
// which, as in "lists more than 500,000 sites".
type tooLargeError struct{ what i18n.Text }

func (e *tooLargeError) Error() string { return "the answer " + e.what.String() }

func typesError(format string, args ...any) error {
	return &decodeError{kind: "types", err: fmt.Errorf(format, args...)}
}

// decodeBulk reads a bulk answer (the [ already peeked at) in one pass. A
// failure to read (timeout, reset, size limit, ctx ending) comes back as
// that error; a failure to understand what was read as *decodeError.
func decodeBulk(ctx context.Context, r io.Reader, withVisits bool) (*bulkAnswer, error) {
	src := &boundedSource{r: r, ctx: ctx}
	d := &bulkDecoder{dec: jsontext.NewDecoder(src, decodeOptions...), src: src, withVisits: withVisits}
	src.dec = d.dec
	b, err := d.read()
	if err == nil {
		return b, nil
	}
	if src.err != nil {
		return nil, src.err
	}
	return nil, asDecodeError(err)
}

func asDecodeError(err error) error {
	var de *decodeError
	var tl *tooLargeError
	var se *jsontext.SyntacticError
	var le *syntaxError
	switch {
	case errors.As(err, &de):
		return de
	case errors.As(err, &le):
		return &decodeError{kind: "malformed", err: le}
	case errors.As(err, &tl):
		return &decodeError{kind: "too_large", err: tl}
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return &decodeError{kind: "truncated", err: io.ErrUnexpectedEOF}
	case errors.As(err, &se):
		return &decodeError{kind: "malformed", err: fmt.Errorf("%v at byte %d", se.Err, se.ByteOffset)}
	}
	return &decodeError{kind: "types", err: err}
}

// boundedSource is what the tokenizer reads from. It remembers the first
// read error (so that a broken connection is not mistaken for broken
// JSON), ends reading when ctx ends (so that a check over an answer that
// arrives faster than it is read still ends at its deadline), and stops a
// single value or run of whitespace beyond maxValueBytes: jsontext holds a
// token whole in its buffer, so without this a 1 GB string would take 1 GB.
type boundedSource struct {
	r    io.Reader
	ctx  context.Context
	dec  *jsontext.Decoder
	read int64
	err  error
}

var errValueTooLarge = &tooLargeError{what: i18n.T(i18n.ErrHoldsValue)}

func (s *boundedSource) Read(p []byte) (int, error) {
	if err := s.ctx.Err(); err != nil {
		return 0, s.fail(err)
	}
	// Everything read but not yet handed out as a token is the token being
	// read (plus at most one buffer of read-ahead). InputOffset only reads
	// two counters, which the decoder has settled before it asks for more.
	if s.dec != nil && s.read-s.dec.InputOffset() > maxValueBytes {
		return 0, errValueTooLarge
	}
	n, err := s.r.Read(p)
	s.read += int64(n)
	if err != nil && err != io.EOF {
		s.fail(err)
	}
	return n, err
}

func (s *boundedSource) fail(err error) error {
	if s.err == nil {
		s.err = err
	}
	return err
}

// bulkDecoder reads one bulk answer. key and text are scratch buffers
// reused for every site; admin and write look roles up.
type bulkDecoder struct {
	dec          *jsontext.Decoder
	src          *boundedSource
	b            bulkAnswer
	key, text    []byte
	admin, write cursor
	// withVisits is set when the data check's call follows verifyCalls;
	// rest is the window the site list was read from, where the answer
	// goes on.
	withVisits bool
	rest       *listReader
}

// read reads the elements of the answer in the order of verifyCalls.
func (d *bulkDecoder) read() (*bulkAnswer, error) {
	if _, err := d.dec.ReadToken(); err != nil { // the [ that readVerify saw
		return nil, err
	}
	b := &d.b
	elements := []func() error{
		func() error { return d.scalar(&b.Version.Failed, &b.Version.Err, d.version) },
		func() error { return d.scalar(&b.SuperUser.Failed, &b.SuperUser.Err, flag(&b.SuperUser.Val)) },
		func() error { return d.scalar(&b.EmailExists.Failed, &b.EmailExists.Err, flag(&b.EmailExists.Val)) },
		func() error { return d.idList(&b.Admin, !b.superUser()) },
		func() error { return d.idList(&b.Write, true) },
		func() error { return d.list(&b.Sites.Failed, &b.Sites.Err, d.sites) },
	}
	if len(elements) != len(verifyCalls) {
		panic("decode: the answer's elements do not match verifyCalls")
	}
	for i, read := range elements {
		if d.dec.PeekKind() == ']' {
			return nil, &decodeError{kind: "short", err: fmt.Errorf("the answer has %d parts, %d expected", i, len(elements))}
		}
		if err := read(); err != nil {
			return nil, err
		}
	}
	b.Sites.Val.finish()
	if d.withVisits {
		d.readVisits()
		if d.src.err != nil {
			return nil, d.src.err
		}
	}
	// What follows the last element is not read: Matomo sends nothing
	// more, and a server that keeps the answer open must not hold the
	// check (the connection's drain reads a bounded tail).
	return b, nil
}

// errNoVisits is an answer that ends before the data check's element.
var errNoVisits = &decodeError{kind: "short", err: fmt.Errorf("the answer has %d parts, %d expected", len(verifyCalls), len(verifyCalls)+1)}

// readVisits reads the data check's element, after everything the token
// check needs: an element that is missing or cannot be read fails the
// data check only (VisitsErr), since the verification is complete. A
// failure to read at all (src.err) is still the whole answer's.
func (d *bulkDecoder) readVisits() {
	b := &d.b
	fail := func(err error) {
		if d.src.err == nil {
			b.VisitsErr = asDecodeError(err)
		}
	}
	// The site list was read from a window over the stream (sitelist.go);
	// the element after it is read by a tokenizer of its own, over what
	// is left in the window and then the stream, with the same bound on a
	// single value.
	l := d.rest
	if l == nil {
		// The sites came as an error or null: the tokenizer read them and
		// is where the answer goes on.
		if d.dec.PeekKind() == ']' {
			fail(errNoVisits)
		} else if err := d.visits(&b.Visits); err != nil {
			fail(err)
		}
		return
	}
	c, err := l.next()
	switch {
	case err != nil:
		fail(err)
		return
	case c == ']':
		fail(errNoVisits)
		return
	case c != ',':
		fail(l.syntaxError("after the sites (expecting ',' or ']')"))
		return
	}
	l.pos++
	if _, err := l.next(); err != nil {
		fail(err)
		return
	}
	src := &boundedSource{r: io.MultiReader(bytes.NewReader(l.buf[l.pos:]), l.src), ctx: l.src.ctx}
	d.dec = jsontext.NewDecoder(src, decodeOptions...)
	src.dec, d.src = d.dec, src
	if err := d.visits(&b.Visits); err != nil {
		fail(err)
	}
}

func (b *bulkAnswer) superUser() bool { return !b.SuperUser.Failed && b.SuperUser.Val }

// scalar reads an element that is a bare value, Matomo's {"value": x}
// around it, or Matomo's error object, and hands the value to val.
func (d *bulkDecoder) scalar(failed *bool, msg *string, val func(jsontext.Value) error) error {
	switch d.dec.PeekKind() {
	case '{':
		var value []byte
		found := false
		isError, err := d.object(msg, func(key []byte) (bool, error) {
			if string(key) != "value" {
				return false, nil
			}
			v, err := d.dec.ReadValue()
			if err != nil {
				return true, err
			}
			value, found = append(value[:0], v...), true
			return true, nil
		})
		switch {
		case err != nil:
			return err
		case isError:
			*failed = true
			return nil
		case !found:
			return val(jsontext.Value("{…}"))
		}
		return val(value)
	case '[':
		return val(jsontext.Value("[…]")) // an error for every scalar
	}
	v, err := d.dec.ReadValue()
	if err != nil {
		return err
	}
	return val(v)
}

// object reads an object whose { is next. Each name goes to field, which
// reads its value and says so, or leaves it to be skipped. result and
// message are read here, so that Matomo's error object is recognised in
// any element: isError reports {"result":"error"} and puts its message,
// cleaned, into msg.
func (d *bulkDecoder) object(msg *string, field func(name []byte) (bool, error)) (isError bool, err error) {
	if _, err := d.dec.ReadToken(); err != nil {
		return false, err
	}
	var result, message []byte
	for d.dec.PeekKind() != '}' {
		key, err := d.readKey()
		if err != nil {
			return false, err
		}
		done := false
		switch string(key) {
		case "result", "message":
			if d.dec.PeekKind() != '"' {
				break
			}
			if string(key) == "result" {
				result, err = d.str(result[:0])
			} else {
				message, err = d.str(message[:0])
			}
			done = true
		default:
			done, err = field(key)
		}
		if err == nil && !done {
			err = d.skip()
		}
		if err != nil {
			return false, err
		}
	}
	if _, err := d.dec.ReadToken(); err != nil { // the }
		return false, err
	}
	if string(result) != "error" {
		return false, nil
	}
	*msg = cleanText(string(message), 500)
	return true, nil
}

// readKey reads an object's name. The result is valid until the next
// read: a name without escapes is not copied.
func (d *bulkDecoder) readKey() ([]byte, error) {
	v, err := d.dec.ReadValue()
	if err != nil {
		return nil, err
	}
	if len(v) <= maxTextBytes && bytes.IndexByte(v, '\\') < 0 {
		return v[1 : len(v)-1], nil
	}
	d.key, err = unquote(d.key[:0], v)
	return d.key, err
}

// str reads the next value as a string into dst: unquoted, at most
// maxTextBytes. Anything but a string is a type error.
func (d *bulkDecoder) str(dst []byte) ([]byte, error) {
	v, err := d.dec.ReadValue()
	if err != nil {
		return nil, err
	}
	return unquote(dst, v)
}

var errTextTooLarge = &tooLargeError{what: i18n.T(i18n.ErrHoldsText)}

// unquote appends the string value v to dst, unquoted.
func unquote(dst []byte, v jsontext.Value) ([]byte, error) {
	if v.Kind() != '"' {
		return nil, typesError("expected a text, got %.40s", v)
	}
	var err error
	if bytes.IndexByte(v, '\\') < 0 {
		dst = append(dst, v[1:len(v)-1]...)
	} else if dst, err = jsontext.AppendUnquote(dst, v); err != nil {
		return nil, err
	}
	if len(dst) > maxTextBytes {
		return nil, errTextTooLarge
	}
	return dst, nil
}

// skip reads past the next value token by token: a nested object or list
// is never held whole.
func (d *bulkDecoder) skip() error {
	tok, err := d.dec.ReadToken()
	if err != nil {
		return err
	}
	if k := tok.Kind(); k == '{' || k == '[' {
		for depth := d.dec.StackDepth(); d.dec.StackDepth() >= depth; {
			if _, err := d.dec.ReadToken(); err != nil {
				return err
			}
		}
	}
	return nil
}

// version reads Matomo's version: "5.1.2", or a bare number.
func (d *bulkDecoder) version(v jsontext.Value) error {
	switch v.Kind() {
	case '"':
		s, err := unquote(nil, v)
		if err != nil {
			return err
		}
		d.b.Version.Val = string(s)
	case '0':
		d.b.Version.Val = string(v)
	case 'n':
	default:
		return typesError("expected a text value, got %.40s", v)
	}
	return nil
}

// flag reads true, 1, "1", "true" and their opposites: PHP and Matomo's
// versions differ in how they send a boolean.
func flag(dst *bool) func(jsontext.Value) error {
	return func(v jsontext.Value) error {
		switch string(v) {
		case "true", "1", `"1"`, `"true"`:
			*dst = true
		case "false", "0", `"0"`, `"false"`, `""`, "null":
			*dst = false
		default:
			return typesError("expected true or false, got %.40s", v)
		}
		return nil
	}
}

// list reads an element that is a list, null (PHP's empty result) or
// Matomo's error object in place of the list. After the [, items reads
// the items and the closing ].
func (d *bulkDecoder) list(failed *bool, msg *string, items func() error) error {
	switch d.dec.PeekKind() {
	case '[':
		if _, err := d.dec.ReadToken(); err != nil {
			return err
		}
		return items()
	case '{':
		isError, err := d.object(msg, func([]byte) (bool, error) { return false, nil })
		if err != nil {
			return err
		}
		if !isError {
			return typesError("expected a list, got an object")
		}
		*failed = true
		return nil
	case 'n':
		_, err := d.dec.ReadToken()
		return err
	}
	v, err := d.dec.ReadValue()
	if err != nil {
		return err
	}
	return typesError("expected a list, got %.40s", v)
}

// idList reads a list of site ids, kept sorted when keep is set. All id
// lists together hold at most maxSites ids: each site has one role.
func (d *bulkDecoder) idList(s *slot[[]uint32], keep bool) error {
	err := d.list(&s.Failed, &s.Err, func() error {
		for d.dec.PeekKind() != ']' {
			v, err := d.dec.ReadValue()
			if err != nil {
				return err
			}
			id, err := siteID(v)
			if err != nil {
				return err
			}
			if !keep {
				continue
			}
			if len(d.b.Admin.Val)+len(d.b.Write.Val) >= maxSites {
				return &tooLargeError{what: i18n.T(i18n.ErrListsSiteIDs)}
			}
			s.Val = append(s.Val, id)
		}
		_, err := d.dec.ReadToken()
		return err
	})
	slices.Sort(s.Val)
	return err
}

// siteID reads 7 or "7" (PHP before 8.1 sends database numbers as
// strings) in the range of Matomo's idsite column, an unsigned INT. It
// parses the digits itself: strconv would make a string per site.
func siteID(v jsontext.Value) (uint32, error) {
	digits := v
	if v.Kind() == '"' {
		digits = v[1 : len(v)-1]
	}
	if len(digits) == 0 {
		return 0, typesError("expected a whole number, got %.40s", v)
	}
	var n uint64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, typesError("expected a whole number, got %.40s", v)
		}
		if n = n*10 + uint64(c-'0'); n > math.MaxUint32 {
			return 0, typesError("expected a site id, got %.40s", v)
		}
	}
	return uint32(n), nil
}

// Small answers (the pre-flight check's) are read whole with encoding/json:
// they are at most sniffLimit long.

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
