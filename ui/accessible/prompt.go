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

	"matomo-onboard/internal/i18n"
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

// sayT writes one message, in the person's language.
func (s *session) sayT(m *i18n.Message, a ...any) { s.say(s.t(m, a...)) }

// t renders a message in the person's language.
func (s *session) t(m *i18n.Message, a ...any) string { return s.cfg.Printer.Sprintf(m, a...) }

// german reports whether the session speaks German.
func (s *session) german() bool { return s.cfg.Printer.German() }

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
			s.say(s.echo(line))
		}
		answer := strings.TrimSpace(line)
		switch {
		case s.isQuit(answer):
			if s.holdQuit(false) {
				continue // the same question again
			}
			return "", ErrQuit
		case answer == "":
			return def, nil
		}
		return answer, nil
	}
}

// isQuit reports whether an answer stops the session, at any question:
// quit, q or exit, and in German also beenden.
func (s *session) isQuit(answer string) bool {
	switch a := strings.ToLower(strings.TrimSpace(answer)); a {
	case "quit", "q", "exit":
		return true
	default:
		return s.german() && s.isWord(a, "quit")
	}
}

// isHelp reports whether an answer asks for the answers again: help or
// ?, and in German also hilfe.
func (s *session) isHelp(answer string) bool {
	a := strings.ToLower(strings.TrimSpace(answer))
	return a == "help" || a == "?" || s.german() && s.isWord(a, "help")
}

// trimmed is an answer without the spaces around it.
func trimmed(s string) string { return strings.TrimSpace(s) }

// askAddress is ask for the address question: at a terminal it reads
// through Config.ReadAddress, which keeps a token typed into the answer
// off the screen.
func (s *session) askAddress(def string) (string, error) {
	word := s.t(i18n.LineAddressPrompt)
	if s.cfg.ReadAddress == nil {
		return s.ask(word, def)
	}
	prompt := word + ": "
	if def != "" {
		prompt = word + " [" + clean(def) + "]: "
	}
	for {
		line, err := s.cfg.ReadAddress(prompt)
		if err != nil || s.ctx.Err() != nil {
			return "", ErrCanceled
		}
		answer := strings.TrimSpace(line)
		switch {
		case s.isQuit(answer):
			if s.holdQuit(false) {
				continue
			}
			return "", ErrQuit
		case answer == "":
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
			s.sayT(i18n.LineEchoHidden)
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
// its one-letter alias; in German also as its German word (answerWords),
// which has no alias.
type choice struct {
	// word is the answer's English word, its name in the code.
	word  string
	alias string
	label string
	// shown replaces "word (label)" in the list of answers where the word
	// would only repeat the number (3 for Matomo 3).
	shown string
	// wordOnly makes the word (English, or the person's language) the only
	// way to give this answer: for an answer that sends a token Matomo will
	// most likely refuse (a failed login), or to a server the person did
	// not name. Its number and alias, which meant "go on" at the questions
	// before, are then answered with how to give it on purpose.
	wordOnly bool
}

// answerWords are the answers' words in the person's language, by their
// English word; a word not here is the same in German (https, token).
var answerWords = map[string]*i18n.Message{
	"quit": i18n.LineWordQuit, "help": i18n.LineWordHelp, "next": i18n.LineWordNext, "back": i18n.LineWordBack,
	"again": i18n.LineWordAgain, "change": i18n.LineWordChange, "use": i18n.LineWordUse, "steps": i18n.LineWordSteps,
	"address": i18n.LineWordAddress, "check": i18n.LineWordCheck, "retry": i18n.LineWordRetry, "end": i18n.LineWordEnd,
	"report": i18n.LineWordReport, "finish": i18n.LineWordFinish, "sites": i18n.LineWordSites, "copy": i18n.LineWordCopy,
	"save": i18n.LineWordSave, "data": i18n.LineWordData, "yes": i18n.LineWordYes, "no": i18n.LineWordNo,
	"never": i18n.LineWordNever, "date": i18n.LineWordDate, "create": i18n.LineWordCreate,
	"language": i18n.LineWordLanguage, "own": i18n.LineWordOwn, "list": i18n.LineWordList, "prev": i18n.LineWordPrev,
	"all": i18n.LineWordAll, "url-check": i18n.LineWordURLCheck,
}

// w is an answer's word as the person's language writes it: what the
// line mode shows.
func (s *session) w(word string) string {
	if m := answerWords[word]; m != nil {
		return s.t(m)
	}
	return word
}

// wq is an answer's word in running text: as it is in English ("type
// quit"), in quotes in German („beenden“).
func (s *session) wq(word string) string {
	if s.german() {
		return s.quoted(s.w(word))
	}
	return s.w(word)
}

// isWord reports whether a (lower case, trimmed) is the German word of
// the answer named word, as written or with ä, ö, ü, ß as ae, oe, ue, ss
// (a keyboard without them). Only the whole word counts.
func (s *session) isWord(a, word string) bool {
	m := answerWords[word]
	if m == nil || !s.german() {
		return false
	}
	return a == m.De || a == umlautsSpelledOut.Replace(m.De)
}

// umlautsSpelledOut writes German's umlauts and ß as on a keyboard
// without them.
var umlautsSpelledOut = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss")

// shownWord is a choice's word as listed.
func (s *session) shownWord(c choice) string { return s.w(c.word) }

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
	s.say(question + s.listChoices(choices, def))
	prompt := s.t(i18n.LineChoicePrompt)
	defLabel := ""
	for i, c := range choices {
		if c.word == def {
			defLabel = strconv.Itoa(i+1) + " " + s.shownWord(c)
		}
	}
	for {
		answer, err := s.ask(prompt, defLabel)
		if err != nil {
			return "", err
		}
		if w, ok := s.pick(choices, answer); ok {
			return w, nil
		}
		if typed != nil {
			if w, ok := typed(answer); ok {
				return w, nil
			}
		}
		if s.isHelp(answer) {
			s.say(s.listChoices(choices, def))
			continue
		}
		if answer == "" {
			s.sayT(i18n.LineTypeANumber, numbered(choices), s.words(choices))
			continue
		}
		if c, ok := s.pickByHabit(choices, answer); ok {
			s.sayT(i18n.LineTypeTheWord, s.quote(strings.TrimSpace(answer)), s.wq(c.word))
			continue
		}
		s.sayT(i18n.LineNotAnAnswer, s.quote(answer), numbered(choices), s.words(choices))
	}
}

// listChoices is the one-line list of answers: "Answers: 1 next (step 2
// of 8, Enter), 2 back (the address), 3 quit."
func (s *session) listChoices(choices []choice, def string) string {
	parts := make([]string, len(choices))
	for i, c := range choices {
		p := strconv.Itoa(i+1) + " " + s.shownWord(c)
		if c.wordOnly {
			p = s.shownWord(c) // no number to type out of habit
		}
		if c.shown != "" {
			parts[i] = strconv.Itoa(i+1) + " " + c.shown
			continue
		}
		detail := c.label
		if c.wordOnly {
			detail = strings.TrimPrefix(detail+"; "+s.t(i18n.LineWordOnly), "; ")
		}
		if c.word == def {
			detail = strings.TrimPrefix(detail+", "+s.t(i18n.LineEnterKey), ", ")
		}
		if detail != "" {
			p += " (" + detail + ")"
		}
		parts[i] = p
	}
	return s.t(i18n.LineAnswers, strings.Join(parts, ", "))
}

// numbered is how many answers can be typed as a number: the word-only
// ones, listed last, have none.
func numbered(choices []choice) int {
	n := 0
	for _, c := range choices {
		if !c.wordOnly {
			n++
		}
	}
	return n
}

func (s *session) words(choices []choice) string {
	w := make([]string, len(choices))
	for i, c := range choices {
		w[i] = s.shownWord(c)
	}
	return strings.Join(w, ", ")
}

// pick finds the answer typed: "2", "back", "b", or the default's label
// "1 next" that Enter returns; in German also "zurück" and "1 weiter".
// Nothing else: no beginning of a word, no alias but the English ones.
func (s *session) pick(choices []choice, answer string) (string, bool) {
	a := strings.ToLower(strings.TrimSpace(answer))
	if n, err := strconv.Atoi(a); err == nil && n >= 1 && n <= len(choices) && !choices[n-1].wordOnly {
		return choices[n-1].word, true
	}
	for i, c := range choices {
		if a == c.word || s.isWord(a, c.word) {
			return c.word, true
		}
		if c.wordOnly {
			continue
		}
		n := strconv.Itoa(i+1) + " "
		if c.alias != "" && a == c.alias || a == n+c.word {
			return c.word, true
		}
		if w, ok := strings.CutPrefix(a, n); ok && s.isWord(w, c.word) {
			return c.word, true
		}
	}
	return "", false
}

// pickByHabit finds the word-only choice whose number, alias or numbered
// word was typed: the answer that would have sent it, had it not been
// word-only.
func (s *session) pickByHabit(choices []choice, answer string) (choice, bool) {
	a := strings.ToLower(strings.TrimSpace(answer))
	for i, c := range choices {
		if !c.wordOnly {
			continue
		}
		n := strconv.Itoa(i + 1)
		w, numbered := strings.CutPrefix(a, n+" ")
		if a == n || c.alias != "" && a == c.alias || numbered && (w == c.word || s.isWord(w, c.word)) {
			return c, true
		}
	}
	return choice{}, false
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
			s.sayT(i18n.LineStillWaiting, s.seconds(time.Since(start).Round(time.Second)))
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
func (s *session) echo(answer string) string {
	if looksLikeToken(answer) {
		return s.t(i18n.LineEchoHiddenToken)
	}
	return clean(answer)
}

// quote repeats an answer in quotes, unless it may be a token. It starts
// a sentence.
func (s *session) quote(answer string) string {
	if looksLikeToken(answer) {
		return s.t(i18n.LineQuoteHiddenToken)
	}
	return s.quoted(clean(strings.TrimSpace(answer)))
}

// quoted puts text in the language's quotes: "…" (as Go quotes it) or
// „…“.
func (s *session) quoted(text string) string {
	if s.german() {
		return s.t(i18n.LineQuoted, text)
	}
	return strconv.Quote(text)
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

// seconds says a duration the way people say it: "30 s", "1.5 s", in
// German "30 Sek.", "1,5 Sek.".
func (s *session) seconds(d time.Duration) string {
	n := strconv.FormatFloat(d.Seconds(), 'f', -1, 64)
	if s.german() {
		n = strings.Replace(n, ".", ",", 1)
	}
	return s.t(i18n.LineSeconds, n)
}
