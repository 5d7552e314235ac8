package matomo

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

const echoSecret = "c0ffee00c0ffee00c0ffee00c0ffee42"

func readAllVia(t testing.TB, r io.Reader) string {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestRedactingReaderFindsEchoesSplitAcrossReads(t *testing.T) {
	in := "start " + echoSecret + " mid " + strings.ToUpper(echoSecret) + echoSecret + " end " + echoSecret
	want := "start [token removed] mid [token removed][token removed] end [token removed]"
	for name, r := range map[string]io.Reader{
		"one read":          strings.NewReader(in),
		"one byte per read": iotest.OneByteReader(strings.NewReader(in)),
		"half reads":        iotest.HalfReader(strings.NewReader(in)),
	} {
		if got := readAllVia(t, newRedactingReader(r, echoSecret)); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	// Text without the token passes unchanged, errors included.
	plain := strings.Repeat("c0ffee00 no token here ", 5000)
	if got := readAllVia(t, newRedactingReader(iotest.HalfReader(strings.NewReader(plain)), echoSecret)); got != plain {
		t.Errorf("text without the token changed")
	}
	broken := newRedactingReader(iotest.TimeoutReader(strings.NewReader(strings.Repeat("x", 100))), echoSecret)
	if _, err := io.ReadAll(broken); err != iotest.ErrTimeout {
		t.Errorf("the underlying error %v was not passed on", err)
	}
}

func TestRedactTextRemovesEveryFormOfTheToken(t *testing.T) {
	for _, secret := range []string{echoSecret, "admin:abcd EFGH/ijkl&MNOP"} {
		forms := echoForms(secret)
		if isHex(secret) {
			forms = append(forms, "C0FfEe00c0ffee00c0ffEE00c0ffee42") // any mix of cases
		}
		for _, f := range forms {
			if got := redactText("before "+f+" after", secret); got != "before [token removed] after" {
				t.Errorf("%q in %q became %q", secret, f, got)
			}
		}
	}
	if got := redactText("5.0.2", "abc"); got != "5.0.2" {
		t.Errorf("redacting changed unrelated text: %q", got)
	}
}

// FuzzRedactingReader: whatever the answer and however it arrives in
// pieces, no echo of the token gets through, and text without one passes
// unchanged.
func FuzzRedactingReader(f *testing.F) {
	f.Add([]byte(`[{"value":"5.0.2"}]`), 3, 7)
	f.Add([]byte(`{"message":"bad token `+echoSecret+`"}`), 1, 40)
	f.Add([]byte(echoSecret[:20]+echoSecret), 16, 16)
	f.Fuzz(func(t *testing.T, data []byte, at, chunk int) {
		if at < 0 {
			at = -at
		}
		in := append([]byte{}, data...)
		if at <= len(in) && len(in) < 1<<16 {
			in = append(in[:at:at], append([]byte(echoSecret), in[at:]...)...) // an echo somewhere
		}
		whole := readAllVia(t, newRedactingReader(bytes.NewReader(in), echoSecret))
		pieces := readAllVia(t, newRedactingReader(&chunkReader{r: bytes.NewReader(in), n: 1 + abs(chunk)%64}, echoSecret))
		if whole != pieces {
			t.Fatalf("the result depends on how the answer arrived:\n%q\n%q", whole, pieces)
		}
		for _, form := range echoForms(echoSecret) {
			if strings.Contains(whole, form) {
				t.Fatalf("echo %q got through: %q", form, whole)
			}
		}
		echoed := false
		for _, form := range echoForms(echoSecret) {
			echoed = echoed || bytes.Contains(in, []byte(form))
		}
		if !echoed && whole != string(in) {
			t.Fatalf("no echo in %q, yet it changed to %q", in, whole)
		}
	})
}

type chunkReader struct {
	r io.Reader
	n int
}

func (c *chunkReader) Read(p []byte) (int, error) { return c.r.Read(p[:min(len(p), c.n)]) }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Only a possible start of an echo waits for more bytes: the end of an
// answer from a server that then stalls must not be held back.
func TestRedactingReaderHoldsBackOnlyAPossibleEcho(t *testing.T) {
	pr, pw := io.Pipe()
	rr := newRedactingReader(pr, echoSecret)
	got := make(chan string, 1)
	read := func() {
		buf := make([]byte, 100)
		n, _ := rr.Read(buf)
		got <- string(buf[:n])
	}
	go pw.Write([]byte(`{"value":false}]`))
	go read()
	if s := <-got; s != `{"value":false}]` {
		t.Fatalf("got %q", s)
	}
	go pw.Write([]byte("ok c0ffee00"))
	go read()
	if s := <-got; s != "ok " {
		t.Fatalf("got %q, want the possible echo held back", s)
	}
	go func() { pw.Write([]byte(echoSecret[8:] + "!")); pw.Close() }()
	rest := readAllVia(t, rr)
	if rest != "[token removed]!" {
		t.Fatalf("got %q", rest)
	}
}
