package matomo

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"matomo-onboard/internal/i18n"
)

// Access is a token's role on a site.
type Access string

const (
	AccessAdmin Access = "admin"
	AccessWrite Access = "write"
	AccessView  Access = "view"
)

// Text names the role in the reader's language, as Matomo's own screens
// do.
func (a Access) Text() i18n.Text {
	switch a {
	case AccessAdmin:
		return i18n.T(i18n.AccessAdmin)
	case AccessWrite:
		return i18n.T(i18n.AccessWrite)
	case AccessView:
		return i18n.T(i18n.AccessView)
	}
	return i18n.Verbatim(string(a))
}

// Site is one site the token reaches.
type Site struct {
	ID     int    `json:"id"`
	Name   string `json:"name"`
	URL    string `json:"url"`
	Access Access `json:"access"`
}

// Result is what a verified token reaches.
type Result struct {
	Address   Address
	Version   string // Matomo's version, "" if Matomo did not say
	SuperUser bool
	Sites     []Site // ascending by ID
	// Data is the data check of the site VerifyWithDataCheck asked for,
	// answered in the same request; nil from Verify.
	Data  *DataCheck
	Trace Trace
}

// Counts returns how many sites the token reaches with each role.
func (r *Result) Counts() (admin, write, view int) {
	for _, s := range r.Sites {
		switch s.Access {
		case AccessAdmin:
			admin++
		case AccessWrite:
			write++
		default:
			view++
		}
	}
	return admin, write, view
}

// probeEmail is looked up by UsersManager.userEmailExists. The answer does
// not matter; the call matters because Matomo refuses it to the anonymous
// user ("You must be logged in") before anything else, while any real user
// with a site gets true or false. That tells a valid token from the silent
// fallback of Matomo 3 and 4, which go on after a wrong token as nobody:
// not logged in, and (measured on a real 4.16.1) without even the
// anonymous visitor's view access.
const probeEmail = "matomo-onboard-check@example.invalid"

// verifyCalls are the sub-requests of the bulk request, in the order the
// answer is read in one pass (decode.go): first what decides the verdict
// (version, superuser, the probe), then the id lists the roles come from,
// then the sites, each given its role as it is read. A site in neither id
// list is view, so getSitesIdWithViewAccess is not asked. Every list asks
// for filter_limit=-1: Matomo cuts API lists to 100 rows by default.
//
// showColumns asks for the three fields shown instead of Matomo's twenty
// (about 470 bytes a site): 20,000 sites are then 1.7 MB instead of 9.5 MB,
// and Matomo answers in about 0.7 of the time, rendering less. Matomo 4
// and 5 apply it to every API answer that is a list of rows
// (ResponseBuilder::handleArray); a Matomo or proxy that ignores it sends
// the whole objects, which are read all the same.
var verifyCalls = []string{
	"method=API.getMatomoVersion",
	"method=UsersManager.hasSuperUserAccess",
	"method=UsersManager.userEmailExists&userEmail=" + url.QueryEscape(probeEmail),
	"method=SitesManager.getSitesIdWithAdminAccess&filter_limit=-1",
	"method=SitesManager.getSitesIdWithWriteAccess&filter_limit=-1",
	"method=SitesManager.getSitesWithAtLeastViewAccess&filter_limit=-1&showColumns=" + siteColumns,
}

// siteColumns are the fields of a site that the Result shows.
const siteColumns = "idsite,name,main_url"

// apiQuery keeps module, method and format in the URL (without them there,
// Matomo reports authentication failures as an HTML page) and asks for
// English messages, which the classification reads.
func apiQuery(method string) string {
	return "module=API&method=" + url.QueryEscape(method) + "&format=json&language=en"
}

// Verify checks a token with one HTTP request (API.getBulkRequest) and
// returns everything the token reaches, or an *Error that says why not.
// The token travels only in the POST body; a rejected token is never
// retried, since each rejection counts toward Matomo's lock-out.
func (c *Client) Verify(ctx context.Context, addr Address, tok Token) (*Result, error) {
	return c.VerifyWithDataCheck(ctx, addr, tok, 0)
}

// VerifyWithDataCheck is Verify with the data check of site siteID (see
// CheckData) in the same one HTTP request: one more element of the bulk
// request, read last. Result.Data holds its outcome; it never decides the
// verification: an answer to it that cannot be read makes a failed data
// check, not a failed token check. A siteID of 0 or less asks nothing
// more.
func (c *Client) VerifyWithDataCheck(ctx context.Context, addr Address, tok Token, siteID int) (*Result, error) {
	if err := c.checkTransport(addr); err != nil {
		return nil, err
	}
	if tok.IsZero() {
		return nil, &Error{Class: ClassTokenRejected, Detail: i18n.T(i18n.ErrDetailNoToken), Hint: i18n.T(i18n.ErrHintPasteToken)}
	}
	res, err := c.verify(ctx, addr, tok, max(0, siteID))
	if err != nil {
		return nil, err.redact(tok.value())
	}
	res.redact(tok.value())
	return res, nil
}

func (c *Client) verify(ctx context.Context, addr Address, tok Token, siteID int) (*Result, *Error) {
	query, form := verifyRequest(tok, siteID)
	ctx, cancel := c.withTimeout(ctx)
	defer cancel()
	k, err := c.send(ctx, http.MethodPost, addr.Link(query), addr.Endpoint(), form, tok, false)
	if err != nil {
		return nil, withTrace(c.failedTransport(ctx, err, addr, k), k.finish())
	}
	res, verr := c.readVerify(ctx, k, addr, siteID)
	trace := k.finish()
	if verr != nil {
		return nil, withTrace(verr, trace)
	}
	res.Trace = trace
	return res, nil
}

// verifyRequest is the query and form body of the one request Verify
// sends: everything in the body, token included, except what Matomo needs
// in the URL to answer errors as JSON. A siteID above 0 adds the data
// check's call as the last sub-request.
func verifyRequest(tok Token, siteID int) (query string, form url.Values) {
	form = url.Values{"token_auth": {tok.Reveal()}}
	for i, call := range verifyCalls {
		form.Set("urls["+strconv.Itoa(i)+"]", call)
	}
	if siteID > 0 {
		form.Set("urls["+strconv.Itoa(len(verifyCalls))+"]", dataCheckCall(siteID))
	}
	return apiQuery("API.getBulkRequest"), form
}

func withTrace(e *Error, t Trace) *Error {
	e.Trace = &t
	return e
}

// failedTransport classifies an error from sending or reading, telling a
// cancellation by the caller apart from the per-request timeout.
func (c *Client) failedTransport(ctx context.Context, err error, addr Address, k *call) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if errors.Is(ctx.Err(), context.Canceled) {
		err = context.Canceled
	}
	return transportError(err, addr, c.opts.Timeout, k.progress())
}

func (c *Client) readVerify(ctx context.Context, k *call, addr Address, siteID int) (*Result, *Error) {
	status := k.resp.StatusCode
	if status >= 300 && status < 400 {
		a, _ := readAnswer(k.resp, k.body)
		return nil, redirectError(a, addr, k.resp.Request.URL)
	}
	br := bufio.NewReader(k.body)
	if startsWith(br, '[') {
		// A bulk answer, also at a status other than 200: its messages are
		// read decoded, so that a lock-out among them is found however it
		// is escaped.
		head := &headCapture{r: br}
		b, err := decodeBulk(ctx, head, siteID > 0)
		if err == nil {
			if l := b.lockout(); l != nil {
				l.Status, l.Matomo = status, l.found
				return nil, l.Error
			}
		}
		if err == nil && status == http.StatusOK {
			res, e := interpret(b, addr, siteID)
			if e != nil {
				e.Status = status
			}
			return res, e
		}
		// What could not be read as a bulk answer, or came with another
		// status, is classified as any other answer: a lock-out message
		// where an element should be (a bare string, say) is the lock-out.
		a, _ := answerAfter(k.resp, head.buf, br)
		if err == nil || status != http.StatusOK || a.lockout() != nil {
			return nil, failure(a, addr, true)
		}
		return nil, c.badAnswer(ctx, err, k, addr)
	}
	a, err := readAnswer(k.resp, br)
	if err != nil && len(a.body) == 0 {
		return nil, c.failedTransport(ctx, err, addr, k)
	}
	return nil, failure(a, addr, true)
}

// headCapture keeps the first sniffLimit bytes read through it, so that
// an answer that could not be decoded can still be searched for Matomo's
// lock-out.
type headCapture struct {
	r   io.Reader
	buf []byte
}

func (h *headCapture) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	if room := sniffLimit - len(h.buf); room > 0 {
		h.buf = append(h.buf, p[:min(n, room)]...)
	}
	return n, err
}

// startsWith peeks past whitespace at the first byte of the body.
func startsWith(br *bufio.Reader, c byte) bool {
	for i := 1; i <= 64; i++ {
		b, err := br.Peek(i)
		if err != nil || len(b) < i {
			return false
		}
		switch b[i-1] {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return b[i-1] == c
	}
	return false
}

// badAnswer explains an answer that started like a bulk answer but could
// not be read to the end.
func (c *Client) badAnswer(ctx context.Context, err error, k *call, addr Address) *Error {
	var de *decodeError
	fromMatomo := k.resp.Header.Get("X-Matomo-Request-Id") != ""
	if !errors.As(err, &de) {
		if errors.Is(err, errTooLarge) {
			return tooLarge(k.resp.StatusCode, c.opts.MaxResponseBytes, addr, fromMatomo)
		}
		return c.failedTransport(ctx, err, addr, k)
	}
	e := &Error{Status: k.resp.StatusCode, err: de}
	switch de.kind {
	case "too_large":
		e.Class = ClassServerError
		what := tooLargeWhat(de.err)
		e.Detail = i18n.T(i18n.ErrDetailMatomoTooLarge, what)
		e.Hint = i18n.T(i18n.ErrHintPluginAdds)
		if !fromMatomo {
			e.Class = ClassNotMatomo
			e.Detail = i18n.T(i18n.ErrDetailServerTooLarge, addr.Host(), what)
			e.Hint = i18n.T(i18n.ErrHintLoginAddress)
		}
	case "truncated":
		e.Class = ClassServerError
		e.Detail = i18n.T(i18n.ErrDetailTruncated)
		e.Hint = i18n.T(i18n.ErrHintTruncated)
	case "short":
		e.Class = ClassServerError
		e.Detail = i18n.T(i18n.ErrDetailIncomplete, de.err.Error())
		e.Hint = i18n.T(i18n.ErrHintOldOrModified)
	default:
		e.Class = ClassServerError
		e.Detail = i18n.T(i18n.ErrDetailUnreadable, cleanText(de.err.Error(), 120))
		e.Hint = i18n.T(i18n.ErrHintAddsOutput)
		if !fromMatomo {
			e.Class = ClassNotMatomo
			e.Detail = i18n.T(i18n.ErrDetailNotAPI, addr.Host(), cleanText(de.err.Error(), 120))
			e.Hint = i18n.T(i18n.ErrHintLoginAddress)
		}
	}
	return e
}

// tooLarge explains an answer cut off at the size limit. Verify's answer
// for 100,000 sites is about 9 MB, and about 50 MB from a Matomo that
// ignores showColumns (measured against the fake, whose site objects have
// Matomo's fields), far below the default limit, so an answer beyond it
// from a server that does not look like Matomo is not Matomo's API.
func tooLarge(status int, limit int64, addr Address, fromMatomo bool) *Error {
	e := &Error{Class: ClassServerError, Status: status, err: errTooLarge}
	if fromMatomo {
		e.Detail = i18n.T(i18n.ErrDetailLargerThan, byteCount(limit))
		e.Hint = i18n.T(i18n.ErrHintHigherLimit)
		return e
	}
	e.Class = ClassNotMatomo
	e.Detail = i18n.T(i18n.ErrDetailServerLargerThan, addr.Host(), byteCount(limit))
	e.Hint = i18n.T(i18n.ErrHintLoginAddress)
	return e
}

// nobodyDetail says what Matomo 3 or 4 answered to a token it does not
// know: as to nobody logged in (measured on a real 4.16.1: no version, no
// sites, "You must be logged in"), which is how they answer a wrong or
// expired token instead of refusing it.
func nobodyDetail(b *bulkAnswer) i18n.Text {
	version := i18n.T(i18n.ErrNoVersion)
	if !b.Version.Failed {
		version = i18n.T(i18n.ErrItsVersion)
	}
	sites := i18n.T(i18n.ErrNoSites)
	if n := b.Sites.Val.n; n > 0 {
		sites = i18n.T(i18n.ErrOnlyPublicSites, n)
	}
	return i18n.T(i18n.ErrDetailAsNobody, version, sites, msgNotLoggedIn)
}

// tooLargeWhat says what an answer beyond a bound holds, after "the
// answer": the catalogue's words when the decoder gave them.
func tooLargeWhat(err error) i18n.Text {
	var tl *tooLargeError
	if errors.As(err, &tl) {
		return tl.what
	}
	return i18n.Verbatim(strings.TrimPrefix(err.Error(), "the answer "))
}

// lockout is Matomo's lock-out inline, as any element's error (or in
// place of the version), which outranks the rest: the element that failed
// may well not be the one that decides.
func (b *bulkAnswer) lockout() *lockout {
	return lockoutIn(b.Version.Err, b.SuperUser.Err, b.EmailExists.Err, b.Admin.Err, b.Write.Err, b.Sites.Err, b.Visits.Err, b.Version.Val)
}

// interpret turns a decoded bulk answer into a Result or an *Error, with
// the data check of siteID when it was asked.
func interpret(b *bulkAnswer, addr Address, siteID int) (*Result, *Error) {
	if l := b.lockout(); l != nil {
		l.Matomo = l.found
		return nil, l.Error
	}
	superUser := b.superUser()
	if b.Sites.Failed {
		return nil, &Error{Class: ClassServerError, Matomo: b.Sites.Err,
			Detail: i18n.T(i18n.ErrDetailNoSiteList),
			Hint:   i18n.T(i18n.ErrHintShowAdmin)}
	}
	sites := b.Sites.Val.n
	// Only Matomo's own words say "anonymous": a probe that failed for
	// another reason must not turn a good token into a counted rejection.
	anonymous := b.EmailExists.Failed && !superUser && strings.Contains(b.EmailExists.Err, msgNotLoggedIn)
	if b.EmailExists.Failed && !superUser && !anonymous && sites > 0 {
		return nil, &Error{Class: ClassServerError, Matomo: b.EmailExists.Err,
			Detail: i18n.T(i18n.ErrDetailPartFailed),
			Hint:   i18n.T(i18n.ErrHintTryAgainAdmin)}
	}
	if anonymous {
		return nil, &Error{Class: ClassTokenRejected, Matomo: b.EmailExists.Err,
			Detail: nobodyDetail(b), Hint: i18n.T(i18n.ErrHintTokenRejected)}
	}
	if sites == 0 {
		msg := b.Version.Err
		if msg == "" {
			msg = b.EmailExists.Err
		}
		e := &Error{Class: ClassNoAccess, Matomo: msg,
			Detail: i18n.T(i18n.ErrDetailNoSite), Hint: i18n.T(i18n.ErrHintNoAccess)}
		if superUser {
			e.Detail = i18n.T(i18n.ErrDetailNoSiteYet)
			e.Hint = i18n.T(i18n.ErrHintAddSite)
		}
		return nil, e
	}
	res := &Result{Address: addr, SuperUser: superUser}
	if !b.Version.Failed {
		res.Version = cleanField(b.Version.Val, 40)
	}
	// Roles were given as the sites were read (decode.go): a superuser is
	// admin everywhere; otherwise the id lists decide, and a site in none
	// of them counts as view, the least it can be.
	res.Sites = b.Sites.Val.sites()
	if siteID > 0 {
		res.Data = bulkDataCheck(b, res.Sites, siteID)
	}
	return res, nil
}

// bulkDataCheck is the data check's outcome from its element. The sites
// the token reaches decide whether it reaches the site: Matomo answers a
// superuser for any id, and answers "plugin not enabled" before it looks
// at access.
func bulkDataCheck(b *bulkAnswer, sites []Site, siteID int) *DataCheck {
	i, found := slices.BinarySearchFunc(sites, siteID, func(s Site, id int) int { return cmp.Compare(s.ID, id) })
	if !found {
		return notReachable(siteID, b.Visits.Err)
	}
	if b.VisitsErr != nil {
		return unreadableVisits(sites[i], b.VisitsErr)
	}
	return dataCheckFrom(sites[i], b.Visits, time.Now())
}
