package matomo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"
	"unsafe"

	"github.com/go-json-experiment/json/jsontext"

	"matomo-onboard/internal/i18n"
)

// The site list is most of the answer (20,000 sites are 1.7 MB with the
// three columns asked for, 9.5 MB without), and the tokenizer's calls per
// token cost as much as the bytes: a bare jsontext ReadToken loop over it
// takes as long as everything else Verify does. So the list is read here,
// from a window over the stream, one site object at a time:
//   - an object exactly as Matomo writes it with showColumns,
//     {"idsite":7,"name":"…","main_url":"…"} with printable ASCII whose
//     only escape is PHP's \/, is checked, unescaped, cleaned and copied in
//     one pass (matomoPrefix); that layout is valid JSON by construction;
//   - any other object (Matomo's twenty fields, a name with umlauts,
//     whitespace, another order) is checked by jsontext on its own and its
//     three fields taken from the checked bytes (site).
// Either way every byte of the list is checked, and no object may be
// longer than maxValueBytes.

// sites reads the site list after its [ and the ] that closes it.
func (d *bulkDecoder) sites() error {
	l := &listReader{src: d.src, buf: make([]byte, 0, listWindow)}
	l.buf = append(l.buf, d.dec.UnreadBuffer()...)
	l.base = d.dec.InputOffset()
	d.src.dec = nil // the tokenizer reads no more: its bound no longer applies
	for first := true; ; first = false {
		c, err := l.next()
		if err != nil {
			return err
		}
		switch {
		case c == ']':
			l.pos++
			d.rest = l // what follows, for the data check's element
			return nil
		case !first && c != ',':
			return l.syntaxError("after a site (expecting ',' or ']')")
		case !first:
			l.pos++
			if c, err = l.next(); err != nil {
				return err
			}
		}
		if c != '{' {
			v, err := l.readValue()
			if err != nil {
				return err
			}
			return typesError("expected a site, got %.40s", v)
		}
		if err := d.site(l); err != nil {
			return err
		}
	}
}

// site stores the site object at the window's pos: its id, its role and,
// cleaned and cut as they will be shown, its name and address. When it
// starts with the three fields as Matomo writes them (matomoPrefix) and
// ends there, those bytes are all there is to check; when more fields
// follow (a Matomo that ignored showColumns), the object is checked by
// jsontext but the three fields are not read again; anything else is
// checked by jsontext and read by anySite. Of names that occur twice, the
// first counts, in both ways. What is in the window is tried as it is:
// waiting for more could wait for bytes that a server which holds the
// answer open never sends.
func (d *bulkDecoder) site(l *listReader) error {
	s := &d.b.Sites.Val
	start, err := s.begin()
	if err != nil {
		return err
	}
	id, nameLen, i, prefixed := d.matomoPrefix(l.buf[l.pos:])
	if prefixed && l.buf[l.pos+i] == '}' {
		l.pos += i + 1
		return s.end(start, id, d.role(id), nameLen)
	}
	if !prefixed {
		s.cur = s.cur[:start+recordBytes]
	}
	obj, err := l.readValue()
	if err != nil {
		return err
	}
	if !prefixed {
		if id, nameLen, err = d.anySite(obj); err != nil {
			return err
		}
	}
	return s.end(start, id, d.role(id), nameLen)
}

// listWindow is the window's usual size; it grows for a longer object, up
// to maxValueBytes.
const listWindow = 64 << 10

// listReader is a window over the stream: buf[pos:] is read, not yet used.
type listReader struct {
	src    *boundedSource
	buf    []byte
	pos    int
	base   int64 // stream offset of buf[0], for messages
	eof    bool
	gap    int // whitespace before the next value
	dec    *jsontext.Decoder
	in     bytes.Buffer
	served int // window bytes after pos handed to dec by Read
}

// more reads once from the stream into the window and reports whether
// anything arrived. It keeps buf[pos:], moving it to the front first when
// that frees half the window, and grows the window only for a value that
// does not fit, up to maxValueBytes.
func (l *listReader) more() (bool, error) {
	if l.eof {
		return false, nil
	}
	if l.pos > 0 && l.pos >= len(l.buf)/2 {
		l.base += int64(l.pos)
		l.buf = l.buf[:copy(l.buf, l.buf[l.pos:])]
		l.pos = 0
	}
	if len(l.buf) == cap(l.buf) {
		if len(l.buf)-l.pos > maxValueBytes {
			return false, errValueTooLarge
		}
		l.buf = slices.Grow(l.buf, cap(l.buf))
	}
	n, err := l.src.Read(l.buf[len(l.buf):cap(l.buf)])
	l.buf = l.buf[:len(l.buf)+n]
	if err != nil {
		l.eof = true
		if l.src.err != nil {
			return n > 0, l.src.err
		}
	}
	return n > 0, nil
}

// next skips whitespace and returns the byte after it, unread. A run of
// whitespace longer than maxValueBytes ends the answer: the bound is the
// same as the tokenizer's.
func (l *listReader) next() (byte, error) {
	for {
		n := spaceRun(l.buf[l.pos:])
		l.pos += n
		if l.gap += n; l.gap > maxValueBytes {
			return 0, errValueTooLarge
		}
		if l.pos < len(l.buf) {
			l.gap = 0
			return l.buf[l.pos], nil
		}
		if ok, err := l.more(); err != nil {
			return 0, err
		} else if !ok && l.eof {
			return 0, io.ErrUnexpectedEOF
		}
	}
}

// spaceRun is the length of the JSON whitespace b starts with. Whitespace
// that pads an answer comes in runs of one byte (a megabyte of spaces or
// of newlines), so eight equal bytes are passed over at once: a hostile
// answer's 256 MB of gaps cost a fraction of what a byte at a time did.
func spaceRun(b []byte) int {
	i := 0
	for i < len(b) {
		c := b[i]
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			break
		}
		eight := uint64(c) * 0x0101010101010101
		for i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:]) == eight {
			i += 8
		}
		for i < len(b) && b[i] == c {
			i++
		}
	}
	return i
}

// readValue reads the JSON value at pos, checked by jsontext, and moves past
// it; the value is valid until the next read. A value that lies in the
// window is parsed there in place (jsontext parses a bytes.Buffer without
// copying); one that goes on past it is read by jsontext through Read,
// which hands out the window and then reads the stream into it, so that
// nothing is parsed twice and no more is read than the value needs.
func (l *listReader) readValue() ([]byte, error) {
	if l.dec == nil {
		l.dec = new(jsontext.Decoder)
	}
	l.in = *bytes.NewBuffer(l.buf[l.pos:])
	l.dec.Reset(&l.in, decodeOptions...)
	v, err := l.dec.ReadValue()
	if errors.Is(err, io.ErrUnexpectedEOF) {
		l.served = 0
		l.dec.Reset(l, decodeOptions...)
		v, err = l.dec.ReadValue()
	}
	if err != nil {
		if l.src.err != nil {
			return nil, l.src.err
		}
		return nil, l.offsetError(err)
	}
	l.pos += int(l.dec.InputOffset())
	return v, nil
}

// Read hands the window after pos to jsontext (see readValue), reading the
// stream into the window when jsontext wants more.
func (l *listReader) Read(p []byte) (int, error) {
	for l.pos+l.served == len(l.buf) {
		if ok, err := l.more(); err != nil {
			return 0, err
		} else if !ok && l.eof {
			return 0, io.EOF
		}
	}
	n := copy(p, l.buf[l.pos+l.served:])
	l.served += n
	return n, nil
}

// syntaxError is a malformed answer at a byte of the stream.
type syntaxError struct {
	msg    string
	offset int64
}

func (e *syntaxError) Error() string { return fmt.Sprintf("%s at byte %d", e.msg, e.offset) }

func (l *listReader) syntaxError(what string) error {
	return &syntaxError{msg: fmt.Sprintf("invalid character %q %s", l.buf[l.pos], what), offset: l.base + int64(l.pos)}
}

// offsetError gives jsontext's error for a value the stream's offset; a
// bound that stopped the reading is that bound.
func (l *listReader) offsetError(err error) error {
	var tl *tooLargeError
	var se *jsontext.SyntacticError
	switch {
	case errors.As(err, &tl):
		return tl
	case errors.Is(err, io.ErrUnexpectedEOF):
		return io.ErrUnexpectedEOF
	case errors.As(err, &se):
		return &syntaxError{msg: se.Err.Error(), offset: l.base + int64(l.pos) + se.ByteOffset}
	}
	return err
}

// matomoPrefix reads {"idsite":7,"name":"…","main_url":"…" at the start of
// b as Matomo writes it (the id may be a string: PHP before 8.1), with a
// name and address that appendQuotedClean takes, appends both to the
// record, and returns the index after it, which is in b. Such bytes are
// valid JSON by construction: the id is held to JSON's grammar (no leading
// zero), and appendQuotedClean takes nothing a JSON string may not hold.
// On false, the record may hold part of a name.
func (d *bulkDecoder) matomoPrefix(b []byte) (id uint32, nameLen, i int, ok bool) {
	const idKey, nameKey, addrKey = `{"idsite":`, `,"name":`, `,"main_url":`
	if !bytes.HasPrefix(b, []byte(idKey)) || len(b) <= len(idKey) {
		return 0, 0, 0, false
	}
	i = len(idKey)
	quoted := b[i] == '"' // PHP before 8.1: "7"
	if quoted {
		i++
	}
	var n uint64
	j := i
	for ; j < len(b) && b[j]-'0' <= 9; j++ {
		if n = n*10 + uint64(b[j]-'0'); n > math.MaxUint32 {
			return 0, 0, 0, false
		}
	}
	switch {
	case j == i || j == len(b):
		return 0, 0, 0, false
	case quoted:
		if b[j] != '"' {
			return 0, 0, 0, false
		}
		j++
	case b[i] == '0' && j > i+1:
		return 0, 0, 0, false
	}
	if !bytes.HasPrefix(b[j:], []byte(nameKey)) {
		return 0, 0, 0, false
	}
	s := &d.b.Sites.Val
	before := len(s.cur)
	if s.cur, i, ok = appendQuotedClean(s.cur, b, j+len(nameKey), 200); !ok {
		return 0, 0, 0, false
	}
	nameLen = len(s.cur) - before
	if !bytes.HasPrefix(b[i:], []byte(addrKey)) {
		return 0, 0, 0, false
	}
	if s.cur, i, ok = appendQuotedClean(s.cur, b, i+len(addrKey), 300); !ok || i >= len(b) {
		return 0, 0, 0, false
	}
	return uint32(n), nameLen, i, true
}

// anySite reads a site object of any layout and appends its name and
// address to the record.
func (d *bulkDecoder) anySite(obj []byte) (id uint32, nameLen int, err error) {
	var rawID, name, addr []byte // the raw values, nil when absent
	for i := skipSpace(obj, 1); obj[i] != '}'; {
		keyEnd, escaped := endOfString(obj, i)
		key := obj[i+1 : keyEnd-1]
		valStart := skipSpace(obj, skipSpace(obj, keyEnd)+1) // past the :
		valEnd := endOfValue(obj, valStart)
		val := obj[valStart:valEnd]
		if i = skipSpace(obj, valEnd); obj[i] == ',' {
			i = skipSpace(obj, i+1)
		}
		if escaped || len(key) > maxTextBytes {
			if d.key, err = unquote(d.key[:0], obj[keyEnd-len(key)-2:keyEnd]); err != nil {
				return 0, 0, err
			}
			key = d.key
		}
		switch string(key) {
		case "idsite":
			if rawID == nil {
				rawID = val
			}
		case "name":
			if name == nil {
				name = val
			}
		case "main_url":
			if addr == nil {
				addr = val
			}
		}
	}
	if rawID != nil {
		if id, err = siteID(rawID); err != nil {
			return 0, 0, err
		}
	}
	s := &d.b.Sites.Val
	before := len(s.cur)
	if s.cur, err = d.appendField(s.cur, name, 200); err != nil {
		return 0, 0, err
	}
	nameLen = len(s.cur) - before
	s.cur, err = d.appendField(s.cur, addr, 300)
	return id, nameLen, err
}

// skipSpace, endOfString and endOfValue walk JSON that the tokenizer has
// already checked, so they trust it: every string is closed, every value
// well formed.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// endOfString is the index after the closing quote of the string at b[i],
// and whether the string has escapes. It looks at eight bytes at a time
// for a quote or a backslash (see cleanASCIIRun for the bit tricks): the
// strings of a site are short, and a call to bytes.IndexByte per string
// cost more than the search.
func endOfString(b []byte, i int) (end int, escaped bool) {
	const (
		ones  = 0x0101010101010101
		low   = 0x7f7f7f7f7f7f7f7f
		quote = '"' * ones
		slash = '\\' * ones
	)
	for i++; ; {
		if len(b)-i >= 8 {
			w := binary.LittleEndian.Uint64(b[i:])
			q, e := w^quote, w^slash
			found := ^((q&low + low) | q | low) | ^((e&low + low) | e | low)
			if found == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(found) / 8
		}
		switch b[i] {
		case '"':
			return i + 1, escaped
		case '\\':
			escaped = true
			i += 2
		default:
			i++
		}
	}
}

// endOfValue is the index after the value at b[i].
func endOfValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		end, _ := endOfString(b, i)
		return end
	case '{', '[':
		for depth := 0; ; {
			switch b[i] {
			case '"':
				i, _ = endOfString(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
			i++
		}
	}
	for i < len(b) {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
		i++
	}
	return i
}

// role is a site's role from the id lists read before the site list. A
// superuser is admin everywhere; otherwise admin wins over write, and a
// site in neither is view, the least it can be (Matomo gives each site one
// role; getSitesIdWithViewAccess is not asked).
func (d *bulkDecoder) role(id uint32) byte {
	switch {
	case d.b.superUser() || d.admin.has(d.b.Admin.Val, id):
		return roleAdmin
	case d.write.has(d.b.Write.Val, id):
		return roleWrite
	}
	return roleView
}

// cursor looks ids up in a sorted list by merging: Matomo lists sites in
// ascending id order, so each lookup starts where the last one ended. An
// id lower than the last (another order) is looked up by binary search.
type cursor struct {
	at   int
	last uint32
}

func (c *cursor) has(ids []uint32, id uint32) bool {
	if id < c.last {
		c.at, _ = slices.BinarySearch(ids, id)
	}
	c.last = id
	for c.at < len(ids) && ids[c.at] < id {
		c.at++
	}
	return c.at < len(ids) && ids[c.at] == id
}

const (
	roleView byte = iota
	roleWrite
	roleAdmin
)

var roles = [...]Access{roleView: AccessView, roleWrite: AccessWrite, roleAdmin: AccessAdmin}

// siteStore holds the sites as read: one record per site in chunks of
// text, each record its id (4 bytes), role (1), the lengths of its name
// and address (2 each) and both, cleaned and cut as they will be shown.
// The Result's []Site is made once at the end, when the count is known:
// growing it while reading would hold two or three copies of it at once.
// Its names and addresses are substrings of the chunks, not copies.
type siteStore struct {
	n        int
	text     int      // bytes of names and addresses
	chunks   []string // full chunks
	cur      []byte   // the chunk being filled
	last     uint32
	unsorted bool // an id lower than the one before it came
}

const (
	firstChunk  = 16 << 10 // chunks grow from this to 16 times this
	recordBytes = 9
	// maxRecord is the longest record: a name cut to 200 characters and
	// an address cut to 300, at most 4 bytes each, and the 8 bytes that
	// appendCleanASCII may store beyond what it keeps.
	maxRecord = recordBytes + 4*(200+300) + 8
)

// begin starts a record for one more site and returns where it starts.
func (s *siteStore) begin() (int, error) {
	if s.n == maxSites {
		return 0, &tooLargeError{what: i18n.T(i18n.ErrListsSites)}
	}
	if cap(s.cur)-len(s.cur) < maxRecord {
		s.flush()
		s.cur = make([]byte, 0, firstChunk<<min(len(s.chunks), 4))
	}
	start := len(s.cur)
	s.cur = s.cur[:start+recordBytes]
	return start, nil
}

// end completes the record begun at start, whose name (nameLen bytes)
// and address have been appended.
func (s *siteStore) end(start int, id uint32, role byte, nameLen int) error {
	if s.n > 0 && id < s.last {
		s.unsorted = true
	}
	s.last = id
	textLen := len(s.cur) - start - recordBytes
	addrLen := textLen - nameLen
	r := s.cur[start : start+recordBytes]
	r[0], r[1], r[2], r[3], r[4] = byte(id), byte(id>>8), byte(id>>16), byte(id>>24), role
	r[5], r[6], r[7], r[8] = byte(nameLen), byte(nameLen>>8), byte(addrLen), byte(addrLen>>8)
	s.n++
	if s.text += textLen; s.text > maxSiteText {
		return &tooLargeError{what: i18n.T(i18n.ErrHoldsNames)}
	}
	return nil
}

// flush keeps the filled part of the chunk as a string. The chunk is
// never written again (the next record starts a new one), so the string
// shares its bytes (unsafe.String) instead of copying them: the names and
// addresses of 20,000 sites would otherwise be copied once more, 1 MB.
func (s *siteStore) flush() {
	if len(s.cur) > 0 {
		s.chunks = append(s.chunks, unsafe.String(unsafe.SliceData(s.cur), len(s.cur)))
	}
	s.cur = nil
}

// appendField appends a site's name or address as cleanField shows it,
// cut to max characters, from its raw JSON value (absent or null: ""). The
// common case, printable ASCII whose only escape is PHP's \/, is unescaped,
// checked and copied in one go; anything else is unquoted (at most
// maxTextBytes) and cleaned.
func (d *bulkDecoder) appendField(dst, raw []byte, max int) ([]byte, error) {
	switch {
	case len(raw) == 0 || raw[0] == 'n':
		return dst, nil
	case raw[0] != '"':
		return nil, typesError("expected a text, got %.40s", raw)
	}
	if out, ok := appendCleanASCII(dst, raw[1:len(raw)-1], max); ok {
		return out, nil
	}
	var err error
	if d.text, err = unquote(d.text[:0], raw); err != nil {
		return nil, err
	}
	return append(dst, cleanField(string(d.text), max)...), nil
}

// appendCleanASCII appends the JSON string content s, unescaped, if it
// is what appendQuotedClean takes; otherwise it appends nothing and
// reports false.
func appendCleanASCII(dst, s []byte, max int) ([]byte, bool) {
	quoted := make([]byte, 0, len(s)+2)
	quoted = append(append(append(quoted, '"'), s...), '"')
	out, end, ok := appendQuotedClean(dst, quoted, 0, max)
	return out, ok && end == len(quoted)
}

// appendQuotedClean appends the JSON string that starts at b[i], unescaped,
// if it is printable ASCII that cleanField leaves as it is (no control
// character, no leading, trailing or double space, at most max
// characters) with no escape but PHP's \/, and returns the index after
// it. Otherwise it appends nothing and reports false, and the caller
// takes the full path.
//
// It looks at eight bytes at a time, and copies them whole: a byte below
// 0x20 borrows into its top bit when 0x20 is subtracted from the word; a
// byte above 0x7e has or gets its top bit when 1 is added (a borrow or
// carry only ever marks bytes after a marked one, so the marks before the
// first quote or backslash are exact); a quote, backslash or space
// becomes a zero byte when the word is xored with it, and zero bytes are
// found exactly by adding 0x7f to their low seven bits.
func appendQuotedClean(dst, b []byte, i, max int) ([]byte, int, bool) {
	const (
		ones  = 0x0101010101010101
		high  = 0x8080808080808080
		low   = 0x7f7f7f7f7f7f7f7f
		quote = '"' * ones
		slash = '\\' * ones
		space = ' ' * ones
	)
	zeros := func(x uint64) uint64 { return ^((x&low + low) | x | low) }
	if i >= len(b) || b[i] != '"' {
		return dst, i, false
	}
	i++
	at := len(dst)
	dst = slices.Grow(dst, max+16)
	out := dst[at : at+max+16]
	n := 0
	// Nearly every address starts so: its two escapes, taken here, would
	// cost more than the rest of it.
	if bytes.HasPrefix(b[i:], []byte(`https:\/\/`)) {
		n, i = copy(out, "https://"), i+len(`https:\/\/`)
	}
	var carry uint64 // top bit of byte 0 set when the byte before was a space
	for n <= max && len(b)-i >= 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		bad := (w-space)&^w&high | (w+ones|w)&high
		spaces := zeros(w ^ space)
		bad |= spaces & (spaces<<8 | carry)
		stops := zeros(w^quote) | zeros(w^slash)
		if stops == 0 {
			if bad != 0 {
				return dst[:at], i, false
			}
			binary.LittleEndian.PutUint64(out[n:], w)
			n, i, carry = n+8, i+8, spaces>>56
			continue
		}
		k := bits.TrailingZeros64(stops) / 8
		if bad&(1<<(8*k)-1) != 0 {
			return dst[:at], i, false
		}
		binary.LittleEndian.PutUint64(out[n:], w)
		n, i = n+k, i+k
		if b[i] == '"' {
			return finishClean(dst, at, n, i, max)
		}
		if b[i+1] != '/' { // a checked string has something after a backslash
			return dst[:at], i, false
		}
		out[n] = '/'
		n, i, carry = n+1, i+2, 0
	}
	prev := carry != 0
	for ; n <= max && i < len(b); i++ {
		c := b[i]
		switch {
		case c == '"':
			return finishClean(dst, at, n, i, max)
		case c == '\\':
			if i+1 == len(b) || b[i+1] != '/' {
				return dst[:at], i, false
			}
			c = '/'
			i++
		case c < ' ' || c > '~' || c == ' ' && prev:
			return dst[:at], i, false
		}
		out[n] = c
		n++
		prev = c == ' '
	}
	return dst[:at], i, false
}

// finishClean ends appendQuotedClean at the closing quote b[i].
func finishClean(dst []byte, at, n, i, max int) ([]byte, int, bool) {
	out := dst[at : at+n]
	if n > max || n > 0 && (out[0] == ' ' || out[n-1] == ' ') {
		return dst[:at], i, false
	}
	return dst[:at+n], i + 1, true
}

// finish keeps the last chunk.
func (s *siteStore) finish() { s.flush() }

// sites makes the Result's list, ascending by id.
func (s *siteStore) sites() []Site {
	out := make([]Site, s.n)
	k := 0
	for _, c := range s.chunks {
		for i := 0; i+recordBytes <= len(c); k++ {
			r := c[i : i+recordBytes]
			id := uint32(r[0]) | uint32(r[1])<<8 | uint32(r[2])<<16 | uint32(r[3])<<24
			nameLen := int(r[5]) | int(r[6])<<8
			addrLen := int(r[7]) | int(r[8])<<8
			i += recordBytes
			out[k] = Site{ID: int(id), Name: c[i : i+nameLen], URL: c[i+nameLen : i+nameLen+addrLen], Access: roles[r[4]%3]}
			i += nameLen + addrLen
		}
	}
	if s.unsorted {
		slices.SortStableFunc(out, func(a, b Site) int { return a.ID - b.ID })
	}
	return out
}
