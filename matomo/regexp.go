package matomo

import (
	"regexp"
	"sync"
)

// onFirstUse compiles a regular expression when it is first needed, not
// at package init: every start of the program would otherwise pay for
// all of them (compiling this package's seven was about 2 million
// instructions and 1,200 allocations, most of the binary's init work),
// and the wizard's first frame needs none.
func onFirstUse(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
