package cli

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// endingSignals end a run the way Ctrl+C does: the context ends, every
// front end stops and puts the terminal back as it was (the normal screen,
// echo, the cursor), and nothing more is sent. SIGHUP (the terminal
// window was closed) and SIGQUIT (Ctrl+\) included: without a handler Go
// would end at once on them, leaving the terminal in the wizard's
// alternate screen and raw mode.
var endingSignals = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// CatchSignals returns a context that ends on the first of
// endingSignals, a function that tells which one arrived (nil for none),
// and one that stops catching them.
func CatchSignals() (ctx context.Context, caught func() os.Signal, stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, endingSignals...)
	var mu sync.Mutex
	var got os.Signal
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			mu.Lock()
			got = s
			mu.Unlock()
			cancel()
		case <-done:
		}
	}()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			signal.Stop(ch)
			close(done)
			cancel()
		})
	}
	caught = func() os.Signal {
		mu.Lock()
		defer mu.Unlock()
		return got
	}
	return ctx, caught, stop
}

// ExitCode is the exit code of a run that ended with code, after sig
// (nil when no signal arrived): 128 plus the signal's number for SIGHUP
// (129) and SIGQUIT (131), as shells report a process a signal ended.
// Ctrl+C and SIGTERM keep the run's own code, which says "canceled"
// (130).
func ExitCode(code int, sig os.Signal) int {
	switch sig {
	case syscall.SIGHUP, syscall.SIGQUIT:
		return 128 + int(sig.(syscall.Signal))
	}
	return code
}
