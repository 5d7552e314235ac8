package steps

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "txt", "plain":
		return Text, nil
	case "markdown", "md":
		return Markdown, nil
	}
	return "", fmt.Errorf("unknown format %q: use text or markdown", matomo.Printable(s, 40))
}

// maxToolLength keeps the suggested description ("<tool> <date>") well
// inside the 100 characters Matomo allows for it.
const maxToolLength = 40

// CheckTool explains what is wrong with a tool name given on the command
// line, or returns nil. The name ends up in the token's description in
// Matomo and in Markdown code spans.
func CheckTool(tool string) error {
	switch {
	case strings.TrimSpace(tool) == "":
		return fmt.Errorf("the tool name is empty: leave --tool out to use %s", DefaultTool)
	case utf8.RuneCountInString(tool) > maxToolLength:
		return fmt.Errorf("the tool name is %d characters long; keep it to %d, it becomes part of the token's description in Matomo",
			utf8.RuneCountInString(tool), maxToolLength)
	case strings.ContainsFunc(tool, unicode.IsControl):
		return fmt.Errorf("the tool name contains a line break or control character")
	case strings.ContainsAny(tool, "`<>"):
		return fmt.Errorf("the tool name contains ` < or >, which a token description should not")
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
}

// Render writes the checklist in the given format.
func (c Checklist) Render(f Format) (string, error) {
	if c.Address.IsZero() {
		return "", fmt.Errorf("the checklist needs a Matomo address")
	}
	switch f {
	case Text:
		return renderText(c.document()), nil
	case Markdown:
		return renderMarkdown(c.document()), nil
	}
	return "", fmt.Errorf("unknown format %q: use text or markdown", string(f))
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

func (c Checklist) document() document {
	tool := c.tool()
	base := c.Address.String()
	d := document{
		title: "Create a Matomo API token for " + tool,
		facts: []fact{
			{label: "Matomo", value: base, link: true, beside: c.Address.UnicodeHost()},
			{label: "Token description", value: Purpose(tool, c.Now), code: true},
		},
	}
	previous := ""
	for _, s := range Build(Options{Tool: tool, Now: c.Now, Version: c.Version, Labels: c.Labels}) {
		// The body without its Offer: what this program can do is no
		// news to someone who does not have it.
		it := item{title: s.Title, paras: bodyParagraphs(s.Body)}
		// The same link on consecutive steps (all of the token form's
		// steps) is given once: the person is already on that page.
		if link := s.Link.URL(c.Address); link != "" && link != previous {
			it.paras = append(it.paras, paragraph{label: "Link", text: link, link: true})
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
		{text: fmt.Sprintf("You need a Matomo login with access to the sites %s should read. The token you create acts as "+
			"that user's password for Matomo's API, so keep it secret: you enter it into %s yourself (step %d), and "+
			"never send it by e-mail or chat, not even to whoever sent you these steps.", tool, tool, enter)},
		{text: "The links below open the right page of your Matomo; when you are not logged in, " +
			"Matomo asks you to log in first and then shows the page."},
	}
	d.endHead = "Keep the token safe"
	d.end = c.keeping()
	return d
}

// enterToken says where the token goes: into the tool, entered by the
// person who created it, with the address and the site's ID.
func (c Checklist) enterToken(tool, base string) item {
	it := item{title: "Enter the token in " + tool}
	if strings.EqualFold(tool, DefaultTool) {
		// The fields of Acona's data-source form for Matomo, as the
		// wizard's last screen lists them.
		it.paras = []paragraph{
			{text: "In " + DefaultTool + "'s data-source form for Matomo, enter:"},
			{text: "Matomo URL:  " + base + "\n" +
				"Site ID:     the ID of the site to read (see below)\n" +
				"Domain:      that site's domain, for example shop.example.com\n" +
				"API Key:     the token", literal: true},
		}
	} else {
		it.paras = []paragraph{
			{text: "In " + tool + ", where it asks for the Matomo API token (token_auth), paste the token, together " +
				"with the Matomo address and the ID of the site to read (see below):"},
			{text: "Matomo address: " + base, literal: true},
		}
	}
	// Where the site's ID is: in the address of its reports, which every
	// user with access sees (the list of all sites with their IDs is for
	// those who manage them).
	it.paras = append(it.paras,
		paragraph{text: "The site's ID: in Matomo, open the site to read (choose it in the site selector at the top). " +
			"The address in the browser then holds idSite= and a number, for example idSite=5: that number is the ID. " +
			"If you manage the sites, this page lists every site with its ID:"},
		paragraph{label: "Link", text: c.Address.Link("module=SitesManager&action=index"), link: true})
	return it
}

// sendBack is what the person sends back: what support needs to set up
// or check the integration, and never the token.
func (c Checklist) sendBack(tool, base string) item {
	return item{title: "Send back the site's ID and the Matomo address, not the token", paras: []paragraph{
		{text: "Reply with these two lines, filled in (correct the address if you log in to Matomo at another one):"},
		{text: "Matomo address: " + base + "\nSite ID:", literal: true},
		{text: "The token stays with you and in " + tool + "."},
	}}
}

// keeping says how to keep the token, and what to do when it got out.
func (c Checklist) keeping() []paragraph {
	security := c.Labels.Name(KeyPersonal) + " → " + c.Labels.Name(KeySecurity)
	if c.Version == Matomo3 {
		return []paragraph{
			{text: "Keep the token like a password, for example in a password manager. Matomo 3 shows it again on the same page " +
				"whenever you need it, until the password changes."},
			{text: "If it was sent by e-mail or chat, or may have been seen by others, change your Matomo password: " +
				"that gives you a new token, and the old one stops working."},
		}
	}
	return []paragraph{
		{text: "Keep the token like a password, for example in a password manager. Matomo shows it only once: " +
			"if it is lost, create a new one and delete the old one under " + security + "."},
		{text: "If it was sent by e-mail or chat, or may have been seen by others, delete it there as well and create a new one."},
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
