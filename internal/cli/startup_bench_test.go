//go:build linux || darwin || freebsd

package cli

import (
	"bytes"
	"os/exec"
	"testing"
	"time"

	"github.com/creack/pty"
)

// BenchmarkStartToFirstFrame is the time from starting the built binary in
// a terminal to its first complete frame (the welcome screen down to its
// help bar): what a person waits for after pressing enter on the command.
func BenchmarkStartToFirstFrame(b *testing.B) {
	bin := builtBinary(b)
	for b.Loop() {
		cmd := exec.Command(bin, "--url", "https://analytics.example.org")
		cmd.Env = []string{"TERM=xterm-256color", "HOME=" + b.TempDir()}
		f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 30})
		if err != nil {
			b.Fatal(err)
		}
		framed := make(chan error, 1)
		go func() { framed <- waitForBytes(f.Read, []byte("more keys")) }()
		select {
		case err := <-framed:
			if err != nil {
				b.Fatal(err)
			}
		case <-time.After(10 * time.Second):
			b.Fatal("no first frame after 10s")
		}
		b.StopTimer()
		cmd.Process.Kill()
		cmd.Wait()
		f.Close()
		b.StartTimer()
	}
}

// waitForBytes reads until want has arrived.
func waitForBytes(read func([]byte) (int, error), want []byte) error {
	var seen []byte
	buf := make([]byte, 64<<10)
	for !bytes.Contains(seen, want) {
		n, err := read(buf)
		if err != nil {
			return err
		}
		seen = append(seen, buf[:n]...)
	}
	return nil
}
