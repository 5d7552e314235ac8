package steps

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"matomo-onboard/internal/i18n"
	"matomo-onboard/matomo"
)

// Format is how a checklist is written out.
type Format string

const (
	// Text is plain text wrapped at TextWidth, for an email or a chat
	// that shows text as it is.
	Text Format = "text"
	// Markdown is CommonMark: a numbered list with links, for chats,
	// tickets and wikis that render it.
	Markdown Format = "markdown"
)

// TextWidth is where the text checklist wraps: what mail programs and
// terminals show without wrapping again.
const TextWidth = 72

// ParseFormat reads a --format value. Its error is an i18n.Errorf one,
// to render in the reader's language.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "txt", "plain":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	}
	return "", i18n.Errorf(i18n.StepsUnknownFormat, matomo.Printable(s, 40))
}

// maxToolLength keeps the suggested description ("<tool> <date>") well
// inside the 100 characters Matomo allows for it.
const maxToolLength = 40

// CheckTool explains what is wrong with a tool name given on the command
// line, or returns nil. The name ends up in the token's description in
// Matomo and in Markdown code spans. Its error is an i18n.Errorf one.
func CheckTool(tool string) error {
	switch {
	case strings.TrimSpace(tool) == "":
		return i18n.Errorf(i18n.StepsToolEmpty, DefaultTool)
	case utf8.RuneCountInString(tool) > maxToolLength:
		return i18n.Errorf(i18n.StepsToolTooLong, utf8.RuneCountInString(tool), maxToolLength)
	case strings.ContainsFunc(tool, unicode.IsControl):
		return i18n.Errorf(i18n.StepsToolControl)
	case strings.ContainsAny(tool, "`<>"):
		return i18n.Errorf(i18n.StepsToolMarkup)
	}
	return nil
}

// Checklist is the guide written out for one Matomo, for a support person
// to send to a customer before a call: the same steps the wizard shows,
// with the deep links built for that Matomo.
type Checklist struct {
	Address matomo.Address
	// Tool is the integration the token is for; DefaultTool when empty.
	Tool string
	// Now dates the suggested token description.
	Now time.Time
	// Version is the customer's Matomo, when known: the steps then show
	// only the fields it has.
	Version Version
	// Labels names Matomo's menus and buttons, in the language of the
	// customer's Matomo when it said them.
	Labels Labels
	// Printer writes the checklist's own text, in the reader's language;
	// nil writes English.
	Printer *i18n.Printer
}

// Render writes the checklist in the given format.
func (c Checklist) Render(f Format) (string, error) {
	if c.Address.IsZero() {
		return "", i18n.Errorf(i18n.StepsNeedsAddress)
	}
	switch f {
	case Text:
		return renderText(c.document()), nil
	case Markdown:
		return renderMarkdown(c.document()), nil
	}
	return "", i18n.Errorf(i18n.StepsUnknownFormat, string(f))
}

// document is the checklist's content, shared by both formats so they
// cannot say different things.
type document struct {
	title   string
	facts   []fact
	intro   []paragraph
	items   []item
	endHead string
	end     []paragraph
}

type fact struct {
	label, value string
	code         bool // a value to type, shown as code in Markdown
	link         bool
	// beside is said after the value: the Unicode form of an
	// international host name.
	beside string
}

// paragraph is a run of prose, or literal lines to copy or type.
type paragraph struct {
	text    string
	literal bool
	link    bool // text is a URL
	label   string
}

type item struct {
	title string
	paras []paragraph
}

func (c Checklist) tool() string {
	if strings.TrimSpace(c.Tool) == "" {
		return DefaultTool
	}
	return strings.TrimSpace(c.Tool)
}

// say is a message in the checklist's language.
func (c Checklist) say(m *i18n.Message, a ...any) string { return c.Printer.Sprintf(m, a...) }

func (c Checklist) document() document {
	tool := c.tool()
	base := c.Address.String()
	if c.Printer == nil {
		c.Printer = i18n.English()
	}
	c.Labels.TextLang = c.Printer.Lang()
	d := document{
		title: c.say(i18n.ChecklistTitle, tool),
		facts: []fact{
			{label: "Matomo", value: base, link: true, beside: c.Address.UnicodeHost()},
			{label: c.say(i18n.ChecklistTokenDescription), value: Purpose(tool, c.Now), code: true},
		},
	}
	previous := ""
	for _, s := range Build(Options{Tool: tool, Now: c.Now, Version: c.Version, Labels: c.Labels, Printer: c.Printer}) {
		// The body without its Offer: what this program can do is no
		// news to someone who does not have it.
		it := item{title: s.Title, paras: bodyParagraphs(s.Body)}
		// The same link on consecutive steps (all of the token form's
		// steps) is given once: the person is already on that page.
		if link := s.Link.URL(c.Address); link != "" && link != previous {
			it.paras = append(it.paras, paragraph{label: c.say(i18n.ChecklistLink), text: link, link: true})
			previous = link
		}
		if note := s.Matomo3Note(); note != "" {
			it.paras = append(it.paras, paragraph{text: note})
		}
		d.items = append(d.items, it)
	}
	enter := len(d.items) + 1 // the step that enters the token, right after the guide's
	d.items = append(d.items, c.enterToken(tool, base), c.sendBack(tool, base))
	d.intro = []paragraph{
		{text: c.say(i18n.ChecklistIntro, tool, tool, enter)},
		{text: c.say(i18n.ChecklistLinks)},
	}
	d.endHead = c.say(i18n.ChecklistKeepHead)
	d.end = c.keeping()
	return d
}

// enterToken says where the token goes: into the tool, entered by the
// person who created it, with the address and the site's ID.
func (c Checklist) enterToken(tool, base string) item {
	it := item{title: c.say(i18n.ChecklistEnterTitle, tool)}
	if strings.EqualFold(tool, DefaultTool) {
		// The fields of Acona's data-source form for Matomo, as the
		// wizard's last screen lists them.
		it.paras = []paragraph{
			{text: c.say(i18n.ChecklistEnterAcona, DefaultTool)},
			{text: c.say(i18n.ChecklistAconaFields, base), literal: true},
		}
	} else {
		it.paras = []paragraph{
			{text: c.say(i18n.ChecklistEnterOther, tool)},
			{text: c.say(i18n.ChecklistMatomoAddress, base), literal: true},
		}
	}
	// Where the site's ID is: in the address of its reports, which every
	// user with access sees (the list of all sites with their IDs is for
	// those who manage them).
	it.paras = append(it.paras,
		paragraph{text: c.say(i18n.ChecklistSiteID)},
		paragraph{label: c.say(i18n.ChecklistLink), text: c.Address.Link("module=SitesManager&action=index"), link: true})
	return it
}

// sendBack is what the person sends back: what support needs to set up
// or check the integration, and never the token.
func (c Checklist) sendBack(tool, base string) item {
	return item{title: c.say(i18n.ChecklistSendBackTitle), paras: []paragraph{
		{text: c.say(i18n.ChecklistSendBackLines)},
		{text: c.say(i18n.ChecklistSendBackForm, base), literal: true},
		{text: c.say(i18n.ChecklistTokenStays, tool)},
	}}
}

// keeping says how to keep the token, and what to do when it got out.
func (c Checklist) keeping() []paragraph {
	security := c.Labels.Name(KeyPersonal) + " → " + c.Labels.Name(KeySecurity)
	if c.Version == Matomo3 {
		return []paragraph{
			{text: c.say(i18n.ChecklistKeepMatomo3)},
			{text: c.say(i18n.ChecklistLeakedMatomo3)},
		}
	}
	return []paragraph{
		{text: c.say(i18n.ChecklistKeep, security)},
		{text: c.say(i18n.ChecklistLeaked)},
	}
}

// bodyParagraphs splits a step's body at blank lines; a paragraph indented
// by four spaces is a literal to copy, such as the suggested description.
func bodyParagraphs(body string) []paragraph {
	var out []paragraph
	for _, p := range strings.Split(body, "\n\n") {
		if strings.HasPrefix(p, "    ") {
			out = append(out, paragraph{text: strings.TrimSpace(p), literal: true})
			continue
		}
		out = append(out, paragraph{text: strings.Join(strings.Fields(p), " ")})
	}
	return out
}
