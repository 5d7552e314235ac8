package accessible

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"matomo-onboard/matomo"
)

// maxLine bounds one answer; the rest of a longer line is dropped, so a
// paste of a whole page cannot fill memory.
const maxLine = 8 << 10

// lineReader reads answers one line at a time, so that a Ctrl+C (the
// context) ends a question at once even while the read blocks.
type lineReader struct {
	r *bufio.Reader
	// pending holds the read still under way when a question was canceled.
	// Only one read is ever outstanding: a hidden token read must never
	// race a line read for the same input.
	pending chan lineResult
}

type lineResult struct {
	line string
	err  error
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 4096)}
}

// read returns the next line without its line ending, or io.EOF, or the
// context's error.
func (l *lineReader) read(ctx context.Context) (string, error) {
	if l.pending == nil {
		ch := make(chan lineResult, 1)
		l.pending = ch
		go func() {
			line, err := readLimited(l.r)
			ch <- lineResult{line, err}
		}()
	}
	select {
	case <-ctx.Done():
		return "", ctx.Err()
	case res := <-l.pending:
		l.pending = nil
		return res.line, res.err
	}
}

// readLimited reads one line, keeping at most maxLine bytes of it. A last
// line without a line ending still counts; only an empty end is io.EOF.
func readLimited(r *bufio.Reader) (string, error) {
	var b []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if room := maxLine - len(b); room > 0 {
			b = append(b, chunk[:min(len(chunk), room)]...)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && len(b) > 0:
			return strings.TrimRight(string(b), "\r\n"), nil
		case err != nil:
			return "", err
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
}

// say writes one line. Text from outside (Matomo, the person) is cleaned
// before it gets here; say adds no escape sequences of its own.
func (s *session) say(line string) {
	fmt.Fprintln(s.out, line)
}

func (s *session) sayf(format string, a ...any) {
	s.say(fmt.Sprintf(format, a...))
}

// heading starts a part of the session after a blank line.
func (s *session) heading(h string) {
	s.say("")
	s.say(h)
}

// ask prints a prompt and reads one answer. Enter alone gives def. A
// typed quit ends the session (ErrQuit); Ctrl+C or the end of input
// cancels it (ErrCanceled).
func (s *session) ask(prompt, def string) (string, error) {
	for {
		if def != "" {
			fmt.Fprintf(s.out, "%s [%s]: ", prompt, clean(def))
		} else {
			fmt.Fprintf(s.out, "%s: ", prompt)
		}
		line, err := s.in.read(s.ctx)
		if err != nil {
			return "", ErrCanceled
		}
		if s.cfg.Echo {
			s.say(echo(line))
		}
		answer := strings.TrimSpace(line)
		switch strings.ToLower(answer) {
		case "quit", "q", "exit":
			if s.holdQuit(false) {
				continue // the same question again
			}
			return "", ErrQuit
		case "":
			return def, nil
		}
		return answer, nil
	}
}

// trimmed is an answer without the spaces around it.
func trimmed(s string) string { return strings.TrimSpace(s) }

// askAddress is ask for the address question: at a terminal it reads
// through Config.ReadAddress, which keeps a token typed into the answer
// off the screen.
func (s *session) askAddress(def string) (string, error) {
	if s.cfg.ReadAddress == nil {
		return s.ask("Address", def)
	}
	prompt := "Address: "
	if def != "" {
		prompt = "Address [" + clean(def) + "]: "
	}
	for {
		line, err := s.cfg.ReadAddress(prompt)
		if err != nil || s.ctx.Err() != nil {
			return "", ErrCanceled
		}
		answer := strings.TrimSpace(line)
		switch strings.ToLower(answer) {
		case "quit", "q", "exit":
			if s.holdQuit(false) {
				continue
			}
			return "", ErrQuit
		case "":
			return def, nil
		}
		return answer, nil
	}
}

// readSecret reads the token without echo and ends the line the hidden
// Enter left open.
func (s *session) readSecret(prompt string) (string, error) {
	if s.cfg.ReadSecret == nil {
		fmt.Fprint(s.out, prompt)
		line, err := s.in.read(s.ctx)
		if err != nil {
			return "", ErrCanceled
		}
		if s.cfg.Echo {
			s.say("(hidden)")
		}
		return line, nil
	}
	// The reader shows the prompt itself once echo is off: keys typed the
	// moment the prompt appears must not show. It ends by itself when the
	// session's context does (see Config).
	secret, err := s.cfg.ReadSecret(prompt)
	if err != nil || s.ctx.Err() != nil {
		return "", ErrCanceled
	}
	s.say("")
	return secret, nil
}

// choice is one answer to a question: typed as its number, its word or
// its one-letter alias.
type choice struct {
	word  string
	alias string
	label string
	// shown replaces "word (label)" in the list of answers where the word
	// would only repeat the number (3 for Matomo 3).
	shown string
}

// choose asks a question with a list of answers and returns the word of
// the chosen one. def is the word Enter alone chooses.
func (s *session) choose(question string, choices []choice, def string) (string, error) {
	return s.chooseOr(question, choices, def, nil)
}

// chooseOr is choose with other ways to answer: typed reads an answer
// that is none of the listed ones (an exact version, say) as the word of
// one of them.
func (s *session) chooseOr(question string, choices []choice, def string, typed func(string) (string, bool)) (string, error) {
	if question != "" {
		question += " "
	}
	s.say(question + listChoices(choices, def))
	prompt := "Choice"
	defLabel := ""
	for i, c := range choices {
		if c.word == def {
			defLabel = strconv.Itoa(i+1) + " " + c.word
		}
	}
	for {
		answer, err := s.ask(prompt, defLabel)
		if err != nil {
			return "", err
		}
		if w, ok := pick(choices, answer); ok {
			return w, nil
		}
		if typed != nil {
			if w, ok := typed(answer); ok {
				return w, nil
			}
		}
		if a := strings.ToLower(answer); a == "help" || a == "?" {
			s.say(listChoices(choices, def))
			continue
		}
		if answer == "" {
			s.sayf("Type a number from 1 to %d, or one of: %s.", len(choices), words(choices))
			continue
		}
		s.sayf("%s is not one of the answers. Type a number from 1 to %d, or one of: %s.",
			quote(answer), len(choices), words(choices))
	}
}

// listChoices is the one-line list of answers: "1 next (step 2 of 8,
// Enter), 2 back (the address), 3 quit."
func listChoices(choices []choice, def string) string {
	parts := make([]string, len(choices))
	for i, c := range choices {
		p := strconv.Itoa(i+1) + " " + c.word
		if c.shown != "" {
			parts[i] = strconv.Itoa(i+1) + " " + c.shown
			continue
		}
		detail := c.label
		if c.word == def {
			detail = strings.TrimPrefix(detail+", Enter", ", ")
		}
		if detail != "" {
			p += " (" + detail + ")"
		}
		parts[i] = p
	}
	return "Answers: " + strings.Join(parts, ", ") + "."
}

func words(choices []choice) string {
	w := make([]string, len(choices))
	for i, c := range choices {
		w[i] = c.word
	}
	return strings.Join(w, ", ")
}

// pick finds the answer typed: "2", "back", "b", or the default's label
// "1 next" that Enter returns.
func pick(choices []choice, answer string) (string, bool) {
	a := strings.ToLower(strings.TrimSpace(answer))
	if n, err := strconv.Atoi(a); err == nil && n >= 1 && n <= len(choices) {
		return choices[n-1].word, true
	}
	for i, c := range choices {
		if a == c.word || c.alias != "" && a == c.alias || a == strconv.Itoa(i+1)+" "+c.word {
			return c.word, true
		}
	}
	return "", false
}

// progressEvery is how often a sentence tells that a request still runs:
// a screen reader then hears that nothing hangs, without an animation.
// A variable for the test.
var progressEvery = 10 * time.Second

// waitFor runs a request and says every progressEvery that it still runs.
func (s *session) waitFor(request func()) {
	done := make(chan struct{})
	go func() {
		request()
		close(done)
	}()
	tick := time.NewTicker(progressEvery)
	defer tick.Stop()
	start := time.Now()
	for {
		select {
		case <-done:
			return
		case <-tick.C:
			s.sayf("Still waiting for the answer (%s so far).", seconds(time.Since(start).Round(time.Second)))
		}
	}
}

// clean makes text from outside safe to print: no control characters (an
// escape sequence typed or sent by a server could rewrite the screen),
// and not longer than a line.
func clean(s string) string { return matomo.Printable(s, 200) }

// tokenRun finds a Matomo token's shape anywhere in a text. It is
// compiled on first use: the wizard's start does not need it.
var tokenRun = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[0-9a-fA-F]{32}`) })

// looksLikeToken reports whether an answer may be a token, or a piece of
// one, typed at the wrong question: it must then not be repeated on
// screen. Besides Matomo's 32 hex characters, a token_auth parameter and
// 12 or more hex characters in a row (matomo.ContainsTokenPiece: half a
// token wrapped onto a second line comes as the next answer), any long
// single word without the dots and slashes of an address counts, since
// some installs use other token shapes.
func looksLikeToken(s string) bool {
	s = strings.TrimSpace(s)
	if matomo.ContainsTokenPiece(s) || tokenRun().MatchString(s) {
		return true // also a piece: 12 or more hex characters in a row
	}
	return utf8.RuneCountInString(s) >= 24 && !strings.ContainsAny(s, " ./")
}

// echo repeats an answer as typed, unless it may be a token.
func echo(s string) string {
	if looksLikeToken(s) {
		return "(hidden: it looks like a token)"
	}
	return clean(s)
}

// quote repeats an answer in quotes, unless it may be a token. It starts
// a sentence.
func quote(s string) string {
	if looksLikeToken(s) {
		return "What you typed (it looks like a token, so it is not repeated)"
	}
	return strconv.Quote(clean(strings.TrimSpace(s)))
}

// sentence capitalises the first letter of an error message, so that it
// reads as a sentence on its own line.
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// seconds says a duration the way people say it: "30 s", "1.5 s".
func seconds(d time.Duration) string {
	return strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + " s"
}
