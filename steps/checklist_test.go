package steps

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"matomo-onboard/matomo"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// day is the fixed date of the golden checklists.
var day = time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)

func mustAddress(t *testing.T, raw string) matomo.Address {
	t.Helper()
	a, err := matomo.ParseAddress(raw)
	if err != nil {
		t.Fatalf("ParseAddress(%q): %v", raw, err)
	}
	return a
}

func render(t *testing.T, c Checklist, f Format) string {
	t.Helper()
	out, err := c.Render(f)
	if err != nil {
		t.Fatalf("Render(%s): %v", f, err)
	}
	return out
}

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./steps/ -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./steps/ -update rewrites it after a deliberate change)\n--- got ---\n%s", name, got)
	}
}

func TestChecklistGolden(t *testing.T) {
	c := Checklist{Address: mustAddress(t, "analytics.example.org/matomo/index.php"), Now: day}
	golden(t, "checklist.txt.golden", render(t, c, Text))
	golden(t, "checklist.md.golden", render(t, c, Markdown))
}

// TestChecklistTellsTheGuide checks that the checklist is the wizard's
// guide: every step, in order, with its title and deep link.
func TestChecklistTellsTheGuide(t *testing.T) {
	addr := mustAddress(t, "https://analytics.example.org")
	guide := Guide("", day)
	for _, f := range []Format{Text, Markdown} {
		out := render(t, Checklist{Address: addr, Now: day}, f)
		at := 0
		for i, s := range guide {
			title := s.Title
			if f == Markdown {
				title = "**" + mdEscape(title) + "**"
			}
			i0 := strings.Index(out[at:], title)
			if i0 < 0 {
				t.Fatalf("%s: step %d %q missing or out of order", f, i+1, s.Title)
			}
			at += i0
		}
		for _, want := range []string{
			"https://analytics.example.org/index.php?module=UsersManager&action=userSecurity",
			"https://analytics.example.org/index.php?module=UsersManager&action=addNewToken",
			"https://analytics.example.org/\n", // the login page, step 1
			"Matomo 3 has one token per user",
			"Acona 2026-11-28",
			`"API Key"`,
			"matomo-onboard --url https://analytics.example.org\n",
			"matomo-onboard verify --url https://analytics.example.org\n",
		} {
			if f == Markdown && strings.HasSuffix(want, "/\n") {
				want = "<https://analytics.example.org/>"
			}
			if !strings.Contains(out, want) {
				t.Errorf("%s checklist lacks %q", f, want)
			}
		}
	}
}

// TestChecklistLinksOncePerPage checks that consecutive steps on the same
// page do not repeat its link: three different pages, three links.
func TestChecklistLinksOncePerPage(t *testing.T) {
	out := render(t, Checklist{Address: mustAddress(t, "matomo.example.com"), Now: day}, Text)
	links := regexp.MustCompile(`https://matomo\.example\.com/\S*`).FindAllString(out, -1)
	var inSteps []string
	for _, l := range links {
		if strings.Contains(l, "index.php") || strings.HasSuffix(l, ".com/") {
			inSteps = append(inSteps, l)
		}
	}
	want := []string{
		"https://matomo.example.com/",
		"https://matomo.example.com/index.php?module=UsersManager&action=userSecurity",
		"https://matomo.example.com/index.php?module=UsersManager&action=addNewToken",
	}
	if strings.Join(inSteps, " ") != strings.Join(want, " ") {
		t.Errorf("deep links in the steps:\n got %q\nwant %q", inSteps, want)
	}
}

func TestTextWrapsAtWidth(t *testing.T) {
	out := render(t, Checklist{Address: mustAddress(t, "https://a-rather-long-host-name.analytics.example.org/sub/path"), Now: day}, Text)
	for i, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > TextWidth && !strings.Contains(line, "https://") {
			t.Errorf("line %d is %d characters wide (limit %d): %q", i+1, n, TextWidth, line)
		}
		if strings.HasSuffix(line, " ") {
			t.Errorf("line %d ends in a space: %q", i+1, line)
		}
	}
	// A link is never cut: it stands whole on one line.
	if !strings.Contains(out, "\n   https://a-rather-long-host-name.analytics.example.org/sub/path/index.php?module=UsersManager&action=addNewToken\n") {
		t.Errorf("the long link was not kept whole on a line of its own:\n%s", out)
	}
}

// TestMarkdownStructure checks what makes the Markdown render as meant: a
// numbered list 1 to 8 at the left margin, item paragraphs indented under
// the marker, links as autolinks, the description as a code block.
func TestMarkdownStructure(t *testing.T) {
	out := render(t, Checklist{Address: mustAddress(t, "https://analytics.example.org"), Now: day}, Markdown)
	lines := strings.Split(out, "\n")
	n := 0
	inList := false
	for i, line := range lines {
		if m := regexp.MustCompile(`^(\d+)\. \*\*`).FindStringSubmatch(line); m != nil {
			n++
			if m[1] != strconv.Itoa(n) {
				t.Errorf("line %d: item %s, want %d", i+1, m[1], n)
			}
			inList = true
			continue
		}
		if strings.HasPrefix(line, "## ") {
			inList = false
		}
		if inList && line != "" && !strings.HasPrefix(line, "   ") {
			t.Errorf("line %d inside the list is not indented under its item: %q", i+1, line)
		}
		code := strings.HasPrefix(line, "    ") && !inList || strings.HasPrefix(line, "       ")
		if strings.Contains(line, "https://") && !code && !regexp.MustCompile(`<https://[^\s<>]+>`).MatchString(line) {
			t.Errorf("line %d has a link that is not an autolink: %q", i+1, line)
		}
	}
	if n != len(Guide("", day)) {
		t.Errorf("%d numbered items, want %d", n, len(Guide("", day)))
	}
	if !strings.Contains(out, "\n\n       Acona 2026-11-28\n\n") {
		t.Errorf("the description is not an indented code block inside item 6:\n%s", out)
	}
	if !strings.Contains(out, `token\_auth`) {
		t.Errorf("an underscore in running text is not escaped")
	}
	if !strings.HasPrefix(out, "# Create a Matomo API token for Acona\n\n- Matomo: <https://analytics.example.org>\n- Token description: `Acona 2026-11-28`\n") {
		t.Errorf("unexpected heading:\n%s", out[:200])
	}
}

func TestOtherToolHasNoAPIKeyField(t *testing.T) {
	out := render(t, Checklist{Address: mustAddress(t, "https://analytics.example.org"), Tool: "Looker Studio", Now: day}, Text)
	for _, want := range []string{"Looker Studio 2026-11-28", "Paste the token into Looker Studio where it asks for the Matomo token (token_auth)",
		"log in as the user whose access the Looker Studio integration should have"} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("checklist for another tool lacks %q", want)
		}
	}
	if strings.Contains(out, "API Key") {
		t.Errorf("the \"API Key\" field belongs to Acona's form, not to other tools")
	}
}

func TestMarkdownEscapesToolName(t *testing.T) {
	out := render(t, Checklist{Address: mustAddress(t, "https://analytics.example.org"), Tool: "My_*Report*", Now: day}, Markdown)
	if !strings.Contains(out, `# Create a Matomo API token for My\_\*Report\*`) {
		t.Errorf("tool name not escaped in the heading:\n%s", out[:120])
	}
	if !strings.Contains(out, "`My_*Report* 2026-11-28`") {
		t.Errorf("the description should be a code span, verbatim")
	}
}

func TestShellWordQuotesOddAddresses(t *testing.T) {
	for in, want := range map[string]string{
		"https://analytics.example.org/matomo": "https://analytics.example.org/matomo",
		"https://example.org/a(b)":             "'https://example.org/a(b)'",
		"https://example.org/it's":             `'https://example.org/it'\''s'`,
	} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %q, want %q", in, got, want)
		}
	}
	addr := mustAddress(t, "https://example.org/o'brien(analytics)")
	out := render(t, Checklist{Address: addr, Now: day}, Text)
	if !strings.Contains(out, "matomo-onboard verify --url "+`'https://example.org/o'\''brien(analytics)'`) {
		t.Errorf("the command with an odd address is not quoted for the shell:\n%s", out)
	}
}

func TestParseFormat(t *testing.T) {
	for in, want := range map[string]Format{"text": Text, "TXT": Text, " markdown ": Markdown, "md": Markdown} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	_, err := ParseFormat("html")
	if err == nil || err.Error() != `unknown format "html": use text or markdown` {
		t.Errorf("ParseFormat(html) error = %v", err)
	}
}

func TestCheckTool(t *testing.T) {
	if err := CheckTool("Acona"); err != nil {
		t.Errorf("CheckTool(Acona) = %v", err)
	}
	for in, want := range map[string]string{
		"  ":                    "the tool name is empty",
		strings.Repeat("x", 41): "41 characters long; keep it to 40",
		"a\nb":                  "line break",
		"a`b":                   "` < or >",
	} {
		err := CheckTool(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckTool(%q) = %v, want an error containing %q", in, err, want)
		}
	}
}

func TestRenderNeedsAnAddressAndAFormat(t *testing.T) {
	if _, err := (Checklist{Now: day}).Render(Text); err == nil {
		t.Error("Render without an address succeeded")
	}
	if _, err := (Checklist{Address: mustAddress(t, "example.org"), Now: day}).Render("pdf"); err == nil {
		t.Error("Render with an unknown format succeeded")
	}
}

func TestMatomo3Note(t *testing.T) {
	if got := (Step{Matomo3: "Matomo 3 differs."}).Matomo3Note(); got != "Matomo 3 differs." {
		t.Errorf("note that names Matomo 3 got a prefix: %q", got)
	}
	if got := (Step{Matomo3: "The token is under Platform → API."}).Matomo3Note(); got != "Matomo 3: The token is under Platform → API." {
		t.Errorf("note without context: %q", got)
	}
	if got := (Step{}).Matomo3Note(); got != "" {
		t.Errorf("empty note: %q", got)
	}
}
